// Code the grid benchmark runs inside the page (through page.evaluate, so each function stands
// alone): the scroll driver, the real grid's geometry, and the minimal plain-DOM grid it is
// compared with.

// The Node side's config has no DOM types (and must not get them), so the little of the page
// these functions touch is typed here; each function takes the page's globals from globalThis.
interface Rect {
  left: number;
  top: number;
  width: number;
}
interface PageElement {
  style: Record<string, string>;
  dataset: Record<string, string | undefined>;
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  clientWidth: number;
  className: string;
  textContent: string | null;
  parentElement: PageElement | null;
  getBoundingClientRect(): Rect;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  setAttribute(name: string, value: string): void;
  append(...nodes: PageElement[]): void;
  replaceChildren(): void;
  remove(): void;
  addEventListener(type: 'scroll', listener: () => void, options: { passive: boolean }): void;
}
interface PageImage extends PageElement {
  src: string;
  alt: string;
  loading: string;
  decoding: string;
}
interface PageGlobals {
  document: {
    body: PageElement;
    scrollingElement: PageElement | null;
    querySelector(selector: string): PageElement | null;
    createElement(tag: 'img'): PageImage;
    createElement(tag: 'div' | 'span'): PageElement;
  };
  innerWidth: number;
  requestAnimationFrame(callback: (now: number) => void): number;
  setTimeout(callback: () => void, ms: number): number;
  getComputedStyle(element: PageElement): { overflowY: string };
}

export interface GridGeometry {
  /** The scroll box's size and where it is on the page. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** The first tile's offset inside the scroll box, tile size, and the distance between tiles. */
  pad: number;
  size: number;
  pitch: number;
  columns: number;
}

export interface ScrollRun {
  /** Milliseconds between consecutive animation frames, one per 300 px step. */
  frames: number[];
  /** Pictures in the DOM per frame, on average (sampled every 10th frame): placeholders have none. */
  images: number;
  /** Where the scroll ended, and how tall the whole grid is. */
  scrollTop: number;
  scrollHeight: number;
}

/**
 * Scrolls `selector` `step` px per animation frame, for `count` frames or to the bottom, from the
 * top or from `from` (a fraction of the way down, after a second for what a jump there loads).
 */
export function scrollByFrames({
  selector,
  step,
  count,
  from = 0,
}: {
  selector: string;
  step: number;
  count: number;
  from?: number;
}): Promise<ScrollRun> {
  const { document, requestAnimationFrame, setTimeout } = globalThis as unknown as PageGlobals;
  const box = document.querySelector(selector);
  if (!box) throw new Error(`no ${selector} on the page`);
  box.scrollTop = Math.floor(from * (box.scrollHeight - box.clientHeight));
  return new Promise((resolve) => {
    const frames: number[] = [];
    const images: number[] = [];
    let last = 0;
    const tick = (now: number) => {
      if (last > 0) frames.push(now - last);
      last = now;
      if (frames.length % 10 === 0) images.push(box.querySelectorAll('img').length);
      const atBottom = frames.length > 0 && box.scrollTop + box.clientHeight >= box.scrollHeight - 1;
      if (frames.length >= count || atBottom) {
        const meanImages = images.reduce((sum, n) => sum + n, 0) / Math.max(1, images.length);
        resolve({ frames, images: meanImages, scrollTop: box.scrollTop, scrollHeight: box.scrollHeight });
        return;
      }
      box.scrollTop += step;
      requestAnimationFrame(tick);
    };
    // Two frames first, so the starting place is painted before the clock starts.
    setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(tick)), from > 0 ? 1000 : 0);
  });
}

/**
 * Marks the box that scrolls the grid's tiles with `data-bench-scroller` (the nearest scrollable
 * ancestor of a tile, else the page) and answers whether it is the page itself.
 */
export function markScroller(tileSelector: string): { page: boolean } {
  const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
  const tile = document.querySelector(tileSelector);
  if (!tile) throw new Error(`no ${tileSelector} on the page`);
  for (let box = tile.parentElement; box; box = box.parentElement) {
    const overflow = getComputedStyle(box).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && box.scrollHeight > box.clientHeight + 1) {
      box.setAttribute('data-bench-scroller', '');
      return { page: box === document.scrollingElement };
    }
  }
  document.scrollingElement!.setAttribute('data-bench-scroller', '');
  return { page: true };
}

/** The real grid's scroll box and tile layout, read from its rendered tiles. */
export function readGeometry(selector: string): GridGeometry {
  const { document, innerWidth } = globalThis as unknown as PageGlobals;
  const box = document.querySelector(selector);
  if (!box) throw new Error(`no ${selector} on the page`);
  const outer = box === document.scrollingElement ? { left: 0, top: 0, width: innerWidth } : box.getBoundingClientRect();
  const tiles = Array.from(box.querySelectorAll('[data-index]'))
    .map((tile) => ({ index: Number(tile.dataset.index), rect: tile.getBoundingClientRect() }))
    .sort((a, b) => a.index - b.index);
  const first = tiles[0];
  const second = tiles[1];
  if (!first || !second) throw new Error('the grid shows fewer than two tiles');
  const columns = tiles.filter((tile) => Math.abs(tile.rect.top - first.rect.top) < 1).length;
  return {
    left: outer.left,
    top: outer.top,
    width: box.clientWidth,
    height: box.clientHeight,
    pad: first.rect.left - outer.left,
    size: first.rect.width,
    pitch: second.rect.left - first.rect.left,
    columns,
  };
}

/**
 * Replaces the page with a minimal hand-written virtualized grid: the same scroll box, the same
 * tile size and places, the same thumbnails by the same URLs, each tile an image and a caption;
 * only the rows in view (plus 3 above and below) in the DOM.
 */
export function mountPlainGrid({ geometry, ids, captions }: { geometry: GridGeometry; ids: number[]; captions: string[] }): void {
  const { document } = globalThis as unknown as PageGlobals;
  const { pad, size, pitch, columns } = geometry;
  document.body.replaceChildren();
  document.body.style.margin = '0';
  const box = document.createElement('div');
  box.className = 'plain-scroller';
  Object.assign(box.style, {
    position: 'absolute',
    left: `${geometry.left}px`,
    top: `${geometry.top}px`,
    width: `${geometry.width}px`,
    height: `${geometry.height}px`,
    overflowY: 'auto',
    contain: 'strict',
  });
  const spacer = document.createElement('div');
  const rows = Math.ceil(ids.length / columns);
  Object.assign(spacer.style, { position: 'relative', height: `${rows * pitch + 2 * pad}px` });
  box.append(spacer);
  document.body.append(box);
  const shown = new Map<number, PageElement>();
  const makeTile = (index: number): PageElement => {
    const tile = document.createElement('div');
    Object.assign(tile.style, {
      position: 'absolute',
      width: `${size}px`,
      height: `${size}px`,
      overflow: 'hidden',
      borderRadius: '8px',
      transform: `translate(${pad + (index % columns) * pitch}px, ${pad + Math.floor(index / columns) * pitch}px)`,
    });
    const image = document.createElement('img');
    image.src = `/media/thumb/${ids[index]}`;
    image.alt = '';
    image.loading = 'lazy';
    image.decoding = 'async';
    Object.assign(image.style, { width: '100%', height: '100%', objectFit: 'cover', display: 'block' });
    const caption = document.createElement('span');
    caption.textContent = captions[index % captions.length] ?? '';
    Object.assign(caption.style, {
      position: 'absolute',
      left: '0',
      right: '0',
      bottom: '0',
      font: '12px sans-serif',
      whiteSpace: 'nowrap',
      overflow: 'hidden',
    });
    tile.append(image, caption);
    return tile;
  };
  const update = () => {
    const firstRow = Math.max(0, Math.floor(box.scrollTop / pitch) - 3);
    const lastRow = Math.min(rows - 1, Math.floor((box.scrollTop + box.clientHeight) / pitch) + 3);
    const start = firstRow * columns;
    const end = Math.min(ids.length, (lastRow + 1) * columns);
    for (const [index, tile] of shown) {
      if (index < start || index >= end) {
        tile.remove();
        shown.delete(index);
      }
    }
    for (let index = start; index < end; index++) {
      if (shown.has(index)) continue;
      const tile = makeTile(index);
      shown.set(index, tile);
      spacer.append(tile);
    }
  };
  box.addEventListener('scroll', update, { passive: true });
  update();
}
