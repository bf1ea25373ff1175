/**
 * Aggregators that draw through a chat model (gpt-4o-image, sora …) stream status lines as the
 * answer's text before the picture: "> 🕐 Генерация началась, ожидайте…", "> 🏃 Прогресс: 27%",
 * "> ✅ Генерация завершена". They say what is happening while it happens and nothing after, so
 * Holst shows them as the answer's progress and keeps them out of its text. Only quoted short lines
 * at the very start of an answer that read as status count; the first other line ends the preamble.
 */

const MAX_LINE = 160;
const LEADING_SYMBOLS = /^(?:[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\s·•:-]|\uFE0F|\u200D)+/u;
const STATUS_WORDS =
  /\d{1,3}(?:[.,]\d+)?\s*%|генерац|прогресс|ожида|очеред|обработ|заверш|готов|запуск|progress|generat|queue|waiting|initiali|processing|started|starting|complete|finished|done/iu;

/** The status a line says, without its quote mark and leading symbols; null when it is not a status line. */
export function progressLineText(line: string): string | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('>') || trimmed.length > MAX_LINE) return null;
  const text = trimmed
    .replace(/^>+\s*/, '')
    .replace(LEADING_SYMBOLS, '')
    .trim();
  return text !== '' && STATUS_WORDS.test(text) ? text : null;
}

/** A finished answer's text without the status lines it starts with (answers saved before they were kept out). */
export function withoutProgressPreamble(text: string): string {
  if (!text.trimStart().startsWith('>')) return text;
  const lines = text.split('\n');
  let start = 0;
  while (start < lines.length && (lines[start]!.trim() === '' || progressLineText(lines[start]!) !== null)) start++;
  return start === 0 ? text : lines.slice(start).join('\n');
}

/**
 * Splits streamed text into status lines and the answer's text: while the answer is still in its
 * preamble, text is held until a line is complete and then told apart; after it, text passes as it comes.
 */
export class ProgressPreamble {
  private held = '';
  private inPreamble = true;

  push(delta: string): { text: string; progress: string[] } {
    if (!this.inPreamble) return { text: delta, progress: [] };
    this.held += delta;
    const progress: string[] = [];
    for (let end = this.held.indexOf('\n'); end >= 0; end = this.held.indexOf('\n')) {
      const line = this.held.slice(0, end);
      const status = progressLineText(line);
      if (status === null && line.trim() !== '') return this.endPreamble(progress);
      if (status !== null) progress.push(status);
      this.held = this.held.slice(end + 1);
    }
    // A partial line that cannot become a status line (or is too long to be one) is text already.
    const partial = this.held.trimStart();
    if (partial !== '' && (!partial.startsWith('>') || partial.length > MAX_LINE)) return this.endPreamble(progress);
    return { text: '', progress };
  }

  /** The end of the answer: a last line still held is told apart as well. */
  flush(): { text: string; progress: string[] } {
    const held = this.held;
    this.held = '';
    if (!this.inPreamble || held.trim() === '') return { text: this.inPreamble ? '' : held, progress: [] };
    const status = progressLineText(held);
    return status === null ? { text: held, progress: [] } : { text: '', progress: [status] };
  }

  private endPreamble(progress: string[]): { text: string; progress: string[] } {
    this.inPreamble = false;
    const text = this.held;
    this.held = '';
    return { text, progress };
  }
}
