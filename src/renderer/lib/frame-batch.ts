/** Batches go out at most this often: every third frame at 60 Hz. */
export const EVERY_MS = 45;
/**
 * While the user is at work in the window (a key, a click or the wheel within INPUT_MS), batches go
 * out at most this often: each costs a frame of 20-30 ms of parsing, layout and paint in a software-
 * drawn window, and a key that arrives during one waits for it; fewer of them leave most keys a
 * frame of their own. The answer still moves about seven times a second.
 */
export const AT_WORK_EVERY_MS = 150;
/** How long after the user's last input the window counts as at work. */
export const INPUT_MS = 600;
/** Nothing waits longer than this (an answer keeps moving while someone types). */
export const LONGEST_WAIT_MS = 200;

/** Where frames stop (a hidden window), a timer applies the batch instead. */
export const NO_FRAME_MS = 250;

export interface FrameClock {
  now(): number;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  setTimer(callback: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimer(handle: ReturnType<typeof setTimeout> | undefined): void;
  /** When the user last pressed a key, clicked or turned the wheel. */
  lastInputAt(): number;
}

/** The page's own clock, frames and input. */
export function pageClock(): FrameClock {
  let lastInput = -Infinity;
  const seen = () => (lastInput = performance.now());
  for (const type of ['keydown', 'pointerdown', 'wheel'] as const) window.addEventListener(type, seen, { capture: true, passive: true });
  return {
    now: () => performance.now(),
    requestFrame: (callback) => requestAnimationFrame(callback),
    cancelFrame: (handle) => cancelAnimationFrame(handle),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle),
    lastInputAt: () => lastInput,
  };
}

/**
 * Items (streamed events) that arrive between frames, applied together at a frame, as one update:
 * however many arrive, the window renders them once a frame at most, and (unless `urgent`) every
 * third frame at most: a frame's rendering costs much the same whatever the amount of new text,
 * so a stream then takes a third of the frames (about 20 updates a second, still smooth for
 * text), and input, scrolling and the rest get the others. While the user types, clicks or
 * scrolls, batches go out less often (AT_WORK_EVERY_MS), and a batch skips the frame that follows
 * the user's own input, so that frame shows the input first; nothing waits longer than
 * LONGEST_WAIT_MS.
 */
export class FrameBatch<T> {
  private readonly items: T[] = [];
  private firstAt = 0;
  private frame: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFrameAt = -Infinity;
  private appliedAt = -Infinity;

  constructor(
    private readonly apply: (items: T[]) => void,
    private readonly urgent: (item: T) => boolean,
    private readonly clock: FrameClock,
  ) {}

  push(item: T): void {
    if (this.items.length === 0) this.firstAt = this.clock.now();
    this.items.push(item);
    this.schedule();
  }

  /** Applies what is waiting now (e.g. before an answer that must see it). */
  flush(): void {
    if (this.frame !== null) this.clock.cancelFrame(this.frame);
    this.clock.clearTimer(this.timer);
    this.frame = null;
    this.timer = undefined;
    if (this.items.length > 0) this.apply(this.items.splice(0));
  }

  private schedule(): void {
    if (this.frame !== null) return;
    this.frame = this.clock.requestFrame(() => this.onFrame());
    this.clock.clearTimer(this.timer);
    this.timer = this.clock.setTimer(() => this.flush(), NO_FRAME_MS);
  }

  private onFrame(): void {
    this.frame = null;
    const now = this.clock.now();
    const inputSinceLastFrame = this.clock.lastInputAt() > this.lastFrameAt;
    this.lastFrameAt = now;
    const atWork = now - this.clock.lastInputAt() < INPUT_MS;
    const tooSoon = now - this.appliedAt < (atWork ? AT_WORK_EVERY_MS : EVERY_MS);
    if ((inputSinceLastFrame || tooSoon) && now - this.firstAt < LONGEST_WAIT_MS && !this.items.some(this.urgent)) this.schedule();
    else {
      this.appliedAt = now;
      this.flush();
    }
  }
}
