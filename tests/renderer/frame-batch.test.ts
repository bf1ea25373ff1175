// Streamed events are applied once a frame at most, and not in the frame right after the user's input.
import { describe, expect, it } from 'vitest';
import { AT_WORK_EVERY_MS, EVERY_MS, FrameBatch, INPUT_MS, LONGEST_WAIT_MS, NO_FRAME_MS } from '../../src/renderer/lib/frame-batch';
import { fakeClock } from './support/fake-clock';

/** A batch on a fake clock, and what it applied, batch by batch. */
function batchOnFakeClock(urgent: (item: string) => boolean = () => false) {
  const time = fakeClock();
  const applied: string[][] = [];
  const batch = new FrameBatch<string>((items) => applied.push(items), urgent, time.clock);
  return { time, applied, batch };
}

describe('a frame batch', () => {
  it('applies everything that arrived before a frame, in order, once at that frame', () => {
    const { time, applied, batch } = batchOnFakeClock();
    for (const item of ['a', 'b', 'c']) batch.push(item);
    expect(applied).toEqual([]);
    time.frame();
    expect(applied).toEqual([['a', 'b', 'c']]);
    batch.push('d');
    batch.push('e');
    // The next batch waits for the frame EVERY_MS after the last.
    for (let waited = 0; waited < EVERY_MS; waited += 16) time.frame();
    expect(applied).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('skips the frame that shows the user’s input, and waits no longer than the longest wait while input goes on', () => {
    const { time, applied, batch } = batchOnFakeClock();
    time.frame();
    batch.push('text');
    time.advance(4);
    time.input();
    time.frame();
    expect(applied).toEqual([]);
    // No input since: the next frame applies it.
    time.frame();
    expect(applied).toEqual([['text']]);

    // Input before every frame: the answer still moves, at least every LONGEST_WAIT_MS.
    batch.push('more');
    let waited = 0;
    while (applied.length === 1 && waited <= LONGEST_WAIT_MS + 16) {
      time.advance(4);
      time.input();
      time.frame(12);
      waited += 16;
    }
    expect(applied).toEqual([['text'], ['more']]);
    expect(waited).toBeGreaterThanOrEqual(LONGEST_WAIT_MS - 16);
  });

  it('applies every third frame at most, however fast items come, losing and reordering nothing', () => {
    const { time, applied, batch } = batchOnFakeClock();
    for (let frame = 0; frame < 12; frame++) {
      batch.push(`t${frame}`);
      time.frame(16);
    }
    expect(applied).toHaveLength(4);
    expect(applied.every((items) => items.length <= 3)).toBe(true);
    expect(applied.flat()).toEqual(Array.from({ length: 12 }, (_, frame) => `t${frame}`).slice(0, applied.flat().length));
    expect(EVERY_MS).toBeGreaterThan(32);
  });

  it('while the user types, goes out less often, and every third frame again once typing stops', () => {
    const { time, applied, batch } = batchOnFakeClock();
    // Text arrives before every frame; a key comes every 60 ms (in a frame's middle), for two seconds.
    const appliedAt: number[] = [];
    let now = 0;
    for (let frame = 0; frame < 125; frame++) {
      batch.push(`t${frame}`);
      if (frame % 4 === 0) {
        time.advance(8);
        time.input();
        time.frame(8);
      } else time.frame(16);
      now += 16;
      if (applied.length > appliedAt.length) appliedAt.push(now);
    }
    const gaps = appliedAt.slice(1).map((at, index) => at - appliedAt[index]!);
    expect(gaps.length).toBeGreaterThanOrEqual(8);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(AT_WORK_EVERY_MS);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(LONGEST_WAIT_MS + 16);
    // Never in the frame that shows a key: each batch went out in a frame with no input before it.
    expect(appliedAt.every((at) => (at / 16) % 4 !== 1)).toBe(true);

    // Once the keys stop for INPUT_MS, the answer moves every third frame again, losing nothing.
    for (let waited = 0; waited <= INPUT_MS; waited += 16) time.frame(16);
    const before = applied.length;
    for (let frame = 0; frame < 12; frame++) {
      batch.push(`u${frame}`);
      time.frame(16);
    }
    expect(applied.length - before).toBe(4);
    expect(applied.flat().slice(0, 125)).toEqual(Array.from({ length: 125 }, (_, frame) => `t${frame}`));
    expect(applied.flat().slice(125)).toEqual(Array.from({ length: 12 }, (_, frame) => `u${frame}`).slice(0, applied.flat().length - 125));
  });

  it('does not hold back what cannot wait (the end of an answer, a picture)', () => {
    const { time, applied, batch } = batchOnFakeClock((item) => item === 'finished');
    batch.push('text');
    batch.push('finished');
    time.input();
    time.frame();
    expect(applied).toEqual([['text', 'finished']]);
  });

  it('applies on a timer where frames stop (a hidden window), and flush applies at once', () => {
    const { time, applied, batch } = batchOnFakeClock();
    batch.push('a');
    time.advance(NO_FRAME_MS);
    expect(applied).toEqual([['a']]);
    batch.push('b');
    batch.flush();
    expect(applied).toEqual([['a'], ['b']]);
    // Nothing is left to apply twice.
    time.frame();
    time.advance(NO_FRAME_MS);
    expect(applied).toEqual([['a'], ['b']]);
  });
});
