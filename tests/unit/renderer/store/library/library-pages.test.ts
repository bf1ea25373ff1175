// The grid's pages by position (src/renderer/store/library-pages.ts): where an image is, which pages a
// range needs, and which pages are dropped when too many are loaded.
import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../../../../src/shared/library';
import {
  itemAt,
  loadedNeighbours,
  MAX_PAGES,
  PAGE_SIZE,
  pagesOf,
  positionOf,
  withoutImage,
  withPage,
  withRecord,
  type Pages,
} from '../../../../../src/renderer/store/library/pages';
import { image as picture } from '../../../../renderer/support/records';

const image = (id: number): ImageRecord => picture(id, { width: 8, height: 8, prompt: `picture ${id}`, createdAt: id });

/** Page `page` of a view whose ids count down from `top`, newest first. */
const page = (index: number, top: number, size = PAGE_SIZE) => Array.from({ length: size }, (_, i) => image(top - index * PAGE_SIZE - i));

describe('the grid pages by position', () => {
  const top = 1000;
  const pages: Pages = new Map([
    [0, page(0, top)],
    [3, page(3, top)],
  ]);

  it('finds an image by position and a position by id, across gaps', () => {
    expect(itemAt(pages, 0)?.id).toBe(top);
    expect(itemAt(pages, 3 * PAGE_SIZE + 5)?.id).toBe(top - 3 * PAGE_SIZE - 5);
    expect(itemAt(pages, PAGE_SIZE)).toBeUndefined();
    expect(positionOf(pages, top - 3 * PAGE_SIZE - 5)).toBe(3 * PAGE_SIZE + 5);
    expect(positionOf(pages, top - PAGE_SIZE)).toBe(-1);
  });

  it('names the pages a range of positions falls on, within the view', () => {
    expect(pagesOf(0, 1, 1000)).toEqual([0]);
    expect(pagesOf(PAGE_SIZE - 10, PAGE_SIZE + 10, 1000)).toEqual([0, 1]);
    expect(pagesOf(3 * PAGE_SIZE, 3 * PAGE_SIZE + 40, 1000)).toEqual([3]);
    // Past the view's end there are no pages.
    expect(pagesOf(0, 5000, 450)).toEqual([0, 1, 2]);
    expect(pagesOf(0, 10, 0)).toEqual([]);
  });

  it('keeps at most MAX_PAGES pages, dropping those farthest from the view', () => {
    let many: Pages = new Map();
    for (let i = 0; i < MAX_PAGES + 5; i++) many = withPage(many, i, page(i, 100_000, 2), 0);
    expect(many.size).toBe(MAX_PAGES);
    expect([...many.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: MAX_PAGES }, (_, i) => i));
    const near = withPage(many, 100, page(100, 100_000, 2), 100);
    expect(near.has(100)).toBe(true);
    expect(near.has(0)).toBe(false);
  });

  it('replaces and removes an image in place', () => {
    const favourite = { ...image(top - 1), favorite: true };
    expect(itemAt(withRecord(pages, favourite), 1)?.favorite).toBe(true);
    expect(withRecord(pages, image(5))).toBe(pages);
    const without = withoutImage(pages, top - 1);
    expect(itemAt(without, 1)?.id).toBe(top - 2);
    expect(without.get(0)).toHaveLength(PAGE_SIZE - 1);
    expect(pages.get(0)).toHaveLength(PAGE_SIZE);
  });

  it('tells the neighbours of an image from the loaded pages, and which it cannot', () => {
    // Within a page, and across two loaded pages.
    expect(loadedNeighbours(pages, 1000, top - 5)).toEqual({ newer: top - 4, older: top - 6 });
    const both: Pages = new Map([...pages, [1, page(1, top)]]);
    expect(loadedNeighbours(both, 1000, top - PAGE_SIZE + 1)).toEqual({ newer: top - PAGE_SIZE + 2, older: top - PAGE_SIZE });
    expect(loadedNeighbours(both, 1000, top - PAGE_SIZE)).toEqual({ newer: top - PAGE_SIZE + 1, older: top - PAGE_SIZE - 1 });
    // The first image has no newer one; the view's last has no older one.
    expect(loadedNeighbours(pages, 1000, top)).toEqual({ newer: null, older: top - 1 });
    expect(loadedNeighbours(pages, 3 * PAGE_SIZE + 6, top - 3 * PAGE_SIZE - 5)).toEqual({ newer: top - 3 * PAGE_SIZE - 4, older: null });
    // Next to a page not loaded, or not loaded at all: unknown.
    expect(loadedNeighbours(pages, 1000, top - PAGE_SIZE + 1)).toEqual({ newer: top - PAGE_SIZE + 2, older: undefined });
    expect(loadedNeighbours(pages, 1000, top - 3 * PAGE_SIZE)).toEqual({ newer: undefined, older: top - 3 * PAGE_SIZE - 1 });
    expect(loadedNeighbours(pages, 1000, 5)).toEqual({ newer: undefined, older: undefined });
    // A page closed up after a trash: the gap it leaves at its end is not taken for a neighbour.
    const trashed = withoutImage(both, top - 3);
    expect(loadedNeighbours(trashed, 999, top - 2)).toEqual({ newer: top - 1, older: top - 4 });
    expect(loadedNeighbours(trashed, 999, top - PAGE_SIZE + 1)).toEqual({ newer: top - PAGE_SIZE + 2, older: undefined });
  });
});
