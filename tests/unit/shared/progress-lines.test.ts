// Aggregators' status lines before the picture (src/shared/progress-lines.ts): told apart from the
// answer's text however the stream splits them, and only at the answer's start.
import { describe, expect, it } from 'vitest';
import { progressLineText, ProgressPreamble, withoutProgressPreamble } from '../../../src/shared/progress-lines';

const STATUS = '> 🕐 Генерация началась, ожидайте…\n\n> 🏃 Прогресс: 27%\n\n> 🏃 Прогресс: 84%\n\n> ✅ Генерация завершена\n\n';
const EXPECTED = ['Генерация началась, ожидайте…', 'Прогресс: 27%', 'Прогресс: 84%', 'Генерация завершена'];

/** Feeds `text` in pieces cut at `cuts` and collects what comes out. */
function feed(text: string, cuts: number[]): { text: string; progress: string[] } {
  const preamble = new ProgressPreamble();
  const out = { text: '', progress: [] as string[] };
  const points = [0, ...cuts, text.length];
  for (let i = 0; i + 1 < points.length; i++) {
    const { text: piece, progress } = preamble.push(text.slice(points[i], points[i + 1]));
    out.text += piece;
    out.progress.push(...progress);
  }
  const rest = preamble.flush();
  out.text += rest.text;
  out.progress.push(...rest.progress);
  return out;
}

describe('status lines before the picture', () => {
  it('reads quoted status lines in Russian and English, without their symbols', () => {
    expect(progressLineText('> 🏃 Прогресс: 27%')).toBe('Прогресс: 27%');
    expect(progressLineText('>✅ Generation complete')).toBe('Generation complete');
    expect(progressLineText('> **Queued** (position 3)')).toBe('**Queued** (position 3)');
    expect(progressLineText('> 27% done')).toBe('27% done');
    expect(progressLineText('> A quote from the poem')).toBeNull();
    expect(progressLineText('Прогресс: 27%')).toBeNull();
    expect(progressLineText(`> generating ${'x'.repeat(200)}`)).toBeNull();
  });

  it('takes them out of the text however the stream is cut, and keeps everything after them', () => {
    const answer = `${STATUS}Here is your fox.\n\n> Progress is a quote here, and stays.\n`;
    for (let seed = 1; seed <= 40; seed++) {
      let state = seed;
      const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
      const cuts = [...new Set(Array.from({ length: 1 + (seed % 12) }, () => 1 + Math.floor(random() * (answer.length - 1))))].sort(
        (a, b) => a - b,
      );
      const out = feed(answer, cuts);
      expect(out.progress, `cuts ${cuts.join(',')}`).toEqual(EXPECTED);
      expect(out.text, `cuts ${cuts.join(',')}`).toBe('Here is your fox.\n\n> Progress is a quote here, and stays.\n');
    }
  });

  it('passes an answer that starts with text (or a plain quote) through untouched', () => {
    for (const answer of ['A fox in the snow.\n> Progress: 27%\n', '> To be or not to be\n\nThat is the question.']) {
      expect(feed(answer, [3, 10])).toEqual({ text: answer, progress: [] });
      expect(withoutProgressPreamble(answer)).toBe(answer);
    }
  });

  it('reads a last status line without its newline, and an answer of status lines only', () => {
    expect(feed('> Прогресс: 100%', [5])).toEqual({ text: '', progress: ['Прогресс: 100%'] });
    expect(feed(STATUS, [7])).toEqual({ text: '', progress: EXPECTED });
  });

  it('cleans answers saved before the lines were kept out', () => {
    expect(withoutProgressPreamble(`${STATUS}Here is your fox.`)).toBe('Here is your fox.');
    expect(withoutProgressPreamble(STATUS)).toBe('');
  });
});
