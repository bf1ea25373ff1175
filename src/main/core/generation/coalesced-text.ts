/** About one display frame: a window cannot show text any more often than this. */
export const TEXT_FRAME_MS = 16;

/**
 * An answer's streamed text as the window is told of it: the deltas that arrive within one frame
 * go out as one, at most once per `frameMs` (a model writing 2,000 tokens a second would otherwise
 * cost the window 2,000 events and renders a second). `flush` sends what is held at once, before
 * any other event of the same answer, so the window sees everything in the order it happened.
 */
export class CoalescedText {
  private held = '';
  private timer: NodeJS.Timeout | null = null;
  private lastSent = -Infinity;

  constructor(
    private readonly send: (delta: string) => void,
    private readonly frameMs = TEXT_FRAME_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(delta: string): void {
    if (delta === '') return;
    this.held += delta;
    if (this.timer) return;
    // The first text after a quiet spell goes out at once; the rest waits for the frame to end.
    const wait = this.lastSent + this.frameMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), Math.ceil(wait));
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.held === '') return;
    const delta = this.held;
    this.held = '';
    this.lastSent = this.now();
    this.send(delta);
  }
}
