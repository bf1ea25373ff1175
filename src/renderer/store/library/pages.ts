/**
 * The grid's images as pages by position: page `n` holds the images at positions
 * `n * PAGE_SIZE` to `(n + 1) * PAGE_SIZE - 1` of the view, newest first. Pages far from the view
 * are dropped so that scrolling through 100,000 images keeps only a few thousand in memory.
 */
import type { ImageRecord } from '../../../shared/library';

/** Images per page (one `library.list` request). */
export const PAGE_SIZE = 200;
/** Loaded pages kept at most; those farthest from the view go first. */
export const MAX_PAGES = 24;

export type Pages = ReadonlyMap<number, readonly ImageRecord[]>;

/** The image at a position of the view, if its page is loaded. */
export const itemAt = (pages: Pages, index: number): ImageRecord | undefined =>
  pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

/** The position of a loaded image in the view, or -1. */
export function positionOf(pages: Pages, id: number): number {
  for (const [page, items] of pages) {
    const at = items.findIndex((item) => item.id === id);
    if (at >= 0) return page * PAGE_SIZE + at;
  }
  return -1;
}

/** The pages that positions [start, end) fall on, within a view of `total` images. */
export function pagesOf(start: number, end: number, total: number): number[] {
  const last = Math.min(Math.ceil(total / PAGE_SIZE), Math.ceil(end / PAGE_SIZE)) - 1;
  const pages: number[] = [];
  for (let page = Math.max(0, Math.floor(start / PAGE_SIZE)); page <= last; page++) pages.push(page);
  return pages;
}

/** `pages` with `page` set, dropping the pages farthest from `near` beyond MAX_PAGES. */
export function withPage(pages: Pages, page: number, items: readonly ImageRecord[], near: number): Pages {
  const next = new Map(pages);
  next.set(page, items);
  if (next.size > MAX_PAGES) {
    const far = [...next.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
    for (const key of far.slice(0, next.size - MAX_PAGES)) next.delete(key);
  }
  return next;
}

/** `pages` with `record` in place of the image with its id, wherever it is loaded. */
export function withRecord(pages: Pages, record: ImageRecord): Pages {
  const at = positionOf(pages, record.id);
  if (at < 0) return pages;
  const page = Math.floor(at / PAGE_SIZE);
  return new Map(pages).set(page, pages.get(page)!.with(at % PAGE_SIZE, record));
}

/** `pages` without the image `id` (its page closes up; later pages are put right by the refresh that follows). */
export function withoutImage(pages: Pages, id: number): Pages {
  const at = positionOf(pages, id);
  if (at < 0) return pages;
  const page = Math.floor(at / PAGE_SIZE);
  return new Map(pages).set(
    page,
    pages.get(page)!.filter((item) => item.id !== id),
  );
}

/**
 * The ids either side of image `id` as far as the loaded pages tell: null past an end of the view,
 * undefined where the neighbour's position is not loaded (or `id` is not loaded at all).
 */
export function loadedNeighbours(
  pages: Pages,
  total: number,
  id: number,
): { newer: number | null | undefined; older: number | null | undefined } {
  const at = positionOf(pages, id);
  if (at < 0) return { newer: undefined, older: undefined };
  return {
    newer: at === 0 ? null : itemAt(pages, at - 1)?.id,
    older: at + 1 >= total ? null : itemAt(pages, at + 1)?.id,
  };
}
