import type { FrameClock } from '../../../src/renderer/lib/frame-batch';

/** Frames and timers by hand: `frame()` runs the frame callbacks, `advance(ms)` moves the clock and fires timers. */
export function fakeClock() {
  let now = 1000;
  let lastInput = -Infinity;
  let frames = new Map<number, () => void>();
  const timers = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  const clock: FrameClock = {
    now: () => now,
    requestFrame: (callback) => (frames.set(next, callback), next++),
    cancelFrame: (handle) => void frames.delete(handle),
    setTimer: (callback, ms) => (timers.set(next, { at: now + ms, callback }), next++) as unknown as ReturnType<typeof setTimeout>,
    clearTimer: (handle) => void timers.delete(handle as unknown as number),
    lastInputAt: () => lastInput,
  };
  return {
    clock,
    input: () => (lastInput = now),
    frame(ms = 16) {
      now += ms;
      const due = frames;
      frames = new Map();
      for (const callback of due.values()) callback();
    },
    advance(ms: number) {
      now += ms;
      for (const [handle, timer] of [...timers]) if (timer.at <= now && timers.delete(handle)) timer.callback();
    },
  };
}
