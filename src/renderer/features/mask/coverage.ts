/** What was painted, one byte per source pixel (1 = to change), with undo and redo by stroke. */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One undoable step: the pixels of `rect` before and after it. */
interface Patch {
  rect: Rect;
  before: Uint8Array;
  after: Uint8Array;
}

/** Undo keeps this many steps, and drops the oldest past this many bytes. */
const MAX_STEPS = 100;
const MAX_HISTORY_BYTES = 256 * 1024 * 1024;

export class MaskCoverage {
  readonly data: Uint8Array;
  private readonly before: Uint8Array;
  private undoStack: Patch[] = [];
  private redoStack: Patch[] = [];
  private stroke: { value: 0 | 1; dirty: Rect | null } | null = null;

  constructor(
    readonly width: number,
    readonly height: number,
    initial?: Uint8Array,
  ) {
    this.data = initial && initial.length === width * height ? initial.slice() : new Uint8Array(width * height);
    this.before = new Uint8Array(width * height);
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0 && this.stroke === null;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0 && this.stroke === null;
  }

  get full(): Rect {
    return { x: 0, y: 0, width: this.width, height: this.height };
  }

  /** How many pixels are marked to change. */
  count(): number {
    let count = 0;
    for (let i = 0; i < this.data.length; i++) count += this.data[i]!;
    return count;
  }

  /** Starts a stroke that paints (1) or erases (0). */
  begin(value: 0 | 1): void {
    this.before.set(this.data);
    this.stroke = { value, dirty: null };
  }

  /**
   * Paints a line of discs from (x0, y0) to (x1, y1), in source pixels (fractions allowed), with the
   * radius going from r0 to r1 (pen pressure). Returns the pixels it touched.
   */
  line(x0: number, y0: number, r0: number, x1: number, y1: number, r1: number): Rect | null {
    const distance = Math.hypot(x1 - x0, y1 - y0);
    const steps = Math.max(1, Math.ceil(distance / Math.max(0.5, Math.min(r0, r1) / 3)));
    let touched: Rect | null = null;
    for (let i = distance === 0 ? steps : 0; i <= steps; i++) {
      const t = i / steps;
      touched = union(touched, this.disc(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, r0 + (r1 - r0) * t));
    }
    return touched;
  }

  /** Ends the stroke; it becomes one undo step when it changed anything. */
  end(): void {
    const stroke = this.stroke;
    this.stroke = null;
    if (!stroke?.dirty) return;
    const before = copyRect(this.before, this.width, stroke.dirty);
    const after = copyRect(this.data, this.width, stroke.dirty);
    if (before.every((v, i) => v === after[i])) return;
    this.push({ rect: stroke.dirty, before, after });
  }

  /** Marks what was kept and keeps what was marked. */
  invert(): Rect {
    const before = this.data.slice();
    for (let i = 0; i < this.data.length; i++) this.data[i] = 1 - this.data[i]!;
    this.push({ rect: this.full, before, after: this.data.slice() });
    return this.full;
  }

  /** Unmarks everything; returns the area that changed (null when nothing was marked). */
  clear(): Rect | null {
    const rect = this.bounds();
    if (!rect) return null;
    const before = copyRect(this.data, this.width, rect);
    fillRect(this.data, this.width, rect, 0);
    this.push({ rect, before, after: copyRect(this.data, this.width, rect) });
    return rect;
  }

  undo(): Rect | null {
    const patch = this.stroke ? undefined : this.undoStack.pop();
    if (!patch) return null;
    pasteRect(this.data, this.width, patch.rect, patch.before);
    this.redoStack.push(patch);
    return patch.rect;
  }

  redo(): Rect | null {
    const patch = this.stroke ? undefined : this.redoStack.pop();
    if (!patch) return null;
    pasteRect(this.data, this.width, patch.rect, patch.after);
    this.undoStack.push(patch);
    return patch.rect;
  }

  /** The smallest rectangle holding every marked pixel. */
  private bounds(): Rect | null {
    let minX = this.width;
    let minY = this.height;
    let maxX = -1;
    let maxY = -1;
    for (let y = 0; y < this.height; y++) {
      const row = y * this.width;
      for (let x = 0; x < this.width; x++) {
        if (this.data[row + x] === 0) continue;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        minY = Math.min(minY, y);
        maxY = y;
      }
    }
    return maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
  }

  /** Sets every pixel whose centre lies within `r` of (cx, cy), and the pixel under the point; returns the box it may have changed. */
  private disc(cx: number, cy: number, r: number): Rect | null {
    if (!this.stroke) return null;
    const value = this.stroke.value;
    const x0 = Math.max(0, Math.floor(cx - r));
    const x1 = Math.min(this.width - 1, Math.ceil(cx + r));
    const y0 = Math.max(0, Math.floor(cy - r));
    const y1 = Math.min(this.height - 1, Math.ceil(cy + r));
    if (x0 > x1 || y0 > y1) return null;
    for (let y = y0; y <= y1; y++) {
      const dy = y + 0.5 - cy;
      for (let x = x0; x <= x1; x++) {
        const dx = x + 0.5 - cx;
        if (dx * dx + dy * dy <= r * r) this.data[y * this.width + x] = value;
      }
    }
    const px = Math.floor(cx);
    const py = Math.floor(cy);
    if (px >= 0 && py >= 0 && px < this.width && py < this.height) this.data[py * this.width + px] = value;
    const touched = { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
    this.stroke.dirty = union(this.stroke.dirty, touched);
    return touched;
  }

  private push(patch: Patch): void {
    this.undoStack.push(patch);
    this.redoStack = [];
    let bytes = this.undoStack.reduce((sum, p) => sum + p.before.length * 2, 0);
    while (this.undoStack.length > MAX_STEPS || (bytes > MAX_HISTORY_BYTES && this.undoStack.length > 1)) {
      bytes -= this.undoStack.shift()!.before.length * 2;
    }
  }
}

export function union(a: Rect | null, b: Rect | null): Rect | null {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

function copyRect(data: Uint8Array, stride: number, rect: Rect): Uint8Array {
  const out = new Uint8Array(rect.width * rect.height);
  for (let y = 0; y < rect.height; y++) {
    const start = (rect.y + y) * stride + rect.x;
    out.set(data.subarray(start, start + rect.width), y * rect.width);
  }
  return out;
}

function pasteRect(data: Uint8Array, stride: number, rect: Rect, values: Uint8Array): void {
  for (let y = 0; y < rect.height; y++) data.set(values.subarray(y * rect.width, (y + 1) * rect.width), (rect.y + y) * stride + rect.x);
}

function fillRect(data: Uint8Array, stride: number, rect: Rect, value: number): void {
  for (let y = 0; y < rect.height; y++) data.fill(value, (rect.y + y) * stride + rect.x, (rect.y + y) * stride + rect.x + rect.width);
}
