// The library grid loads the view's first page with its exact count, fetches the pages the grid
// scrolls to, follows changes, and keeps a selection that a new view clears.
import '../support/page-globals';
import { describe, expect, it } from 'vitest';
import { HolstError } from '../../../src/shared/errors';
import { createLibraryStores } from '../../../src/renderer/store/library';
import { FILL_DELAY_MS } from '../../../src/renderer/store/library/grid';
import { itemAt, PAGE_SIZE } from '../../../src/renderer/store/library/pages';
import { settle } from '../support/bridge-double';
import { libraryCore } from '../support/library-core';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function library(count: number, handlers: Parameters<typeof libraryCore>[1] = {}) {
  const core = libraryCore(count, handlers);
  const trashed: { count: number; trashedAt: number }[] = [];
  return { core, trashed, ...createLibraryStores(core.bridge.api, (result) => trashed.push(result)) };
}

describe('the library grid', () => {
  it('loads the first page with the exact count, and the pages the grid scrolls to by cursor', async () => {
    const { grid, core } = library(PAGE_SIZE * 3 + 7);
    await grid.getState().load();
    expect(grid.getState().total).toBe(PAGE_SIZE * 3 + 7);
    expect([...grid.getState().pages.keys()]).toEqual([0]);
    expect(grid.getState().listVersion).toBe(1);

    grid.getState().showRange(PAGE_SIZE + 10, PAGE_SIZE + 60);
    await wait(FILL_DELAY_MS + 20);
    await settle();
    const pages = grid.getState().pages;
    // The page in view (and those half a page beyond it either way: the same two here).
    expect([...pages.keys()].sort()).toEqual([0, 1]);
    expect(itemAt(pages, PAGE_SIZE)!.id).toBe(core.images[PAGE_SIZE]!.id);
    const lists = core.bridge.inputs('library.list');
    expect(lists[1]).toMatchObject({ cursor: core.images[PAGE_SIZE - 1]!.id, limit: PAGE_SIZE });
  });

  it('shows new images on top after library.changed, keeping what it shows', async () => {
    const { grid, core } = library(10);
    await grid.getState().load();
    grid.getState().showRange(0, 10);
    core.change((all) => [{ ...all[0]!, id: 99 }, ...all]);
    core.bridge.emit('library.changed', { ids: [99] });
    await wait(20);
    expect(grid.getState().total).toBe(11);
    expect(itemAt(grid.getState().pages, 0)!.id).toBe(99);
  });

  it('drops a filter the core refuses (a tag deleted since) and loads the rest of the view', async () => {
    const { grid, core } = library(5);
    core.bridge.answer('library.count', (query) => {
      if (query.tag) throw new HolstError('invalid_input', 'No such tag', { field: 'tag' });
      return { count: 5 };
    });
    grid.getState().setFilters({ tag: 'gone' });
    await wait(20);
    expect(grid.getState().droppedFilter).toBe('tag');
    expect(grid.getState().filters).toEqual({});
    expect(grid.getState().total).toBe(5);
    expect(grid.getState().error).toBeNull();
  });
});

describe('the selection', () => {
  it('toggles images, extends a Shift range past what is loaded, and starts empty in a new view', async () => {
    const { grid, selection, core } = library(PAGE_SIZE * 2);
    await grid.getState().load();
    selection.getState().toggle(core.images[0]!.id, 0);
    await selection.getState().extendTo(PAGE_SIZE + 4);
    const model = selection.getState().model;
    expect(model.mode === 'ids' && model.ids.size).toBe(PAGE_SIZE + 5);
    expect(model.mode === 'ids' && model.ids.has(core.images[PAGE_SIZE + 4]!.id)).toBe(true);
    // The unloaded part was asked for by position.
    expect(core.bridge.inputs('library.list').some((q) => q.offset === 0 && q.limit === PAGE_SIZE + 5)).toBe(true);

    selection.getState().toggle(core.images[0]!.id, 0);
    const after = selection.getState().model;
    expect(after.mode === 'ids' && after.ids.size).toBe(PAGE_SIZE + 4);
    grid.getState().toggleFavourites();
    await wait(20);
    expect(selection.getState().model).toEqual({ mode: 'ids', ids: new Set() });
  });
});
