import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoalescedText, TEXT_FRAME_MS } from '../../../../../src/main/core/generation/coalesced-text';

describe('an answer’s text, coalesced per frame', () => {
  let sent: Array<{ at: number; delta: string }>;
  let text: CoalescedText;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    text = new CoalescedText(
      (delta) => sent.push({ at: Date.now(), delta }),
      TEXT_FRAME_MS,
      () => Date.now(),
    );
  });
  afterEach(() => vi.useRealTimers());

  it('sends the first text at once and what follows within the frame as one delta when the frame ends', () => {
    const start = Date.now();
    text.push('Hel');
    expect(sent).toEqual([{ at: start, delta: 'Hel' }]);
    for (const piece of ['lo', ', ', 'wor', 'ld']) text.push(piece);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(TEXT_FRAME_MS);
    expect(sent).toEqual([
      { at: start, delta: 'Hel' },
      { at: start + TEXT_FRAME_MS, delta: 'lo, world' },
    ]);
  });

  it('sends 2,000 tokens a second as at most one delta per frame, losing and reordering nothing', () => {
    const tokens = Array.from({ length: 2000 }, (_, i) => `t${i} `);
    for (const token of tokens) {
      text.push(token);
      vi.advanceTimersByTime(0.5);
    }
    vi.advanceTimersByTime(TEXT_FRAME_MS);
    expect(sent.map((s) => s.delta).join('')).toBe(tokens.join(''));
    // A second of text at 16 ms frames: about 63 deltas, never two within one frame.
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(1000 / TEXT_FRAME_MS) + 1);
    expect(sent.length).toBeGreaterThan(40);
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(TEXT_FRAME_MS);
  });

  it('flush sends what is held at once (before another event of the answer) and cancels the timer', () => {
    text.push('a');
    text.push('b');
    text.flush();
    expect(sent.map((s) => s.delta)).toEqual(['a', 'b']);
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(2);
    text.flush();
    expect(sent).toHaveLength(2);
  });

  it('ignores empty deltas', () => {
    text.push('');
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([]);
  });
});
