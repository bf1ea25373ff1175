// The arithmetic of the conversation's virtualized turns: where each starts, which are near the
// visible part, and the spacers that stand for the rest.
import { describe, expect, it } from 'vitest';
import type { Turn } from '../../../../../src/renderer/store/thread/turns';
import { estimateTurnHeight, rangeAround, spacers, TURN_GAP, turnOffsets } from '../../../../../src/renderer/features/chat/turn-layout';
import type { Message } from '../../../../../src/shared/library';

const message = (id: number, role: Message['role'], text: string, imageIds: number[] = []): Message => ({
  id,
  conversationId: 1,
  role,
  text,
  status: 'complete',
  provider: 'agg',
  model: 'm',
  error: null,
  imageIds,
  request: null,
  replyTo: role === 'assistant' ? id - 1 : null,
  usage: null,
  elapsedMs: null,
  createdAt: 0,
  updatedAt: 0,
});
const turn = (key: number, answer: string, pictures = 0): Turn => ({
  key,
  user: message(key, 'user', 'a prompt'),
  answers: [
    message(
      key + 1,
      'assistant',
      answer,
      Array.from({ length: pictures }, (_, i) => i + 1),
    ),
  ],
});

describe('virtualized turns', () => {
  const heights = [100, 300, 50, 400, 200, 250, 120];
  const offsets = turnOffsets(heights);

  it('places each turn after the ones before it and their gaps', () => {
    expect(offsets[0]).toBe(0);
    expect(offsets[3]).toBe(100 + 300 + 50 + 3 * TURN_GAP);
    expect(offsets.at(-1)).toBe(heights.reduce((a, b) => a + b, 0) + heights.length * TURN_GAP);
  });

  it('keeps in the DOM the turns that overlap the visible part and the overscan, never none', () => {
    // Visible: 480–680 px, which is inside turn 3 (starts at 522) and the end of turn 2.
    expect(rangeAround(offsets, 480, 200, 0)).toEqual({ start: 2, end: 4 });
    expect(rangeAround(offsets, 0, 50, 0)).toEqual({ start: 0, end: 1 });
    expect(rangeAround(offsets, 10_000, 500, 0)).toEqual({ start: 6, end: 7 });
    expect(rangeAround(offsets, 480, 200, 10_000)).toEqual({ start: 0, end: 7 });
    expect(rangeAround(turnOffsets([]), 0, 500, 100)).toEqual({ start: 0, end: 0 });
  });

  it('spacers stand for exactly the turns left out, so the list is as tall as with every turn in it', () => {
    const all = offsets.at(-1)! - TURN_GAP;
    for (let start = 0; start < heights.length; start++) {
      for (let end = start + 1; end <= heights.length; end++) {
        const { before, after } = spacers(offsets, { start, end });
        // Grid rows: the spacers (when present) and the rendered turns, with a gap between each two.
        const rows = [...(start > 0 ? [before] : []), ...heights.slice(start, end), ...(end < heights.length ? [after] : [])];
        expect(rows.reduce((a, b) => a + b, 0) + (rows.length - 1) * TURN_GAP).toBe(all);
      }
    }
  });

  it('estimates a turn from its text and pictures, and remembers the estimate per width', () => {
    const short = estimateTurnHeight(turn(1, 'A short answer.'), 800);
    const long = estimateTurnHeight(turn(3, 'word '.repeat(2000)), 800);
    const pictured = estimateTurnHeight(turn(5, 'A short answer.', 2), 800);
    expect(long).toBeGreaterThan(short + 1000);
    expect(pictured).toBeGreaterThan(short + 400);
    const narrow = turn(7, 'word '.repeat(2000));
    expect(estimateTurnHeight(narrow, 400)).toBeGreaterThan(estimateTurnHeight(narrow, 800));
  });
});
