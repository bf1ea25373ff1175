// The viewer opens an image, steps to the next and previous of the grid's view (past what the grid
// has loaded), and its favourite and trash act on the grid at once.
import '../support/page-globals';
import { describe, expect, it } from 'vitest';
import { createLibraryStores } from '../../../src/renderer/store/library';
import { itemAt, PAGE_SIZE } from '../../../src/renderer/store/library/pages';
import { deferred } from '../support/bridge-double';
import { libraryCore } from '../support/library-core';
import { detail, image } from '../support/records';

async function library(count: number) {
  const core = libraryCore(count);
  const trashed: { count: number; trashedAt: number }[] = [];
  const stores = createLibraryStores(core.bridge.api, (result) => trashed.push(result));
  await stores.grid.getState().load();
  return { core, trashed, ...stores };
}

describe('the viewer', () => {
  it('opens an image and steps to the older and newer ones of the view', async () => {
    const { viewer, core } = await library(10);
    const [first, second, third] = core.images;
    await viewer.getState().open(second!.id);
    expect(viewer.getState().selected?.image.id).toBe(second!.id);
    await viewer.getState().step(second!.id, 'older');
    expect(viewer.getState().selected?.image.id).toBe(third!.id);
    await viewer.getState().step(third!.id, 'newer');
    await viewer.getState().step(second!.id, 'newer');
    expect(viewer.getState().selected?.image.id).toBe(first!.id);
    // Nothing is newer than the first.
    expect(await viewer.getState().neighboursOf(first!.id)).toEqual({ newer: null, older: second!.id });
    await viewer.getState().step(first!.id, 'newer');
    expect(viewer.getState().selected?.image.id).toBe(first!.id);
  });

  it('asks the core for a neighbour the grid has not loaded', async () => {
    const { viewer, core } = await library(PAGE_SIZE + 5);
    const lastLoaded = core.images[PAGE_SIZE - 1]!;
    await viewer.getState().open(lastLoaded.id);
    await viewer.getState().step(lastLoaded.id, 'older');
    expect(viewer.getState().selected?.image.id).toBe(core.images[PAGE_SIZE]!.id);
    expect(core.bridge.inputs('library.list').at(-1)).toMatchObject({ cursor: lastLoaded.id, limit: 1 });
  });

  it('does not step from an image the user has left', async () => {
    const { viewer, core } = await library(10);
    const [first, second] = core.images;
    await viewer.getState().open(first!.id);
    const known = deferred<{ newer: number | null; older: number | null }>();
    const stepping = viewer.getState().step(first!.id, 'older', known.promise);
    viewer.getState().close();
    known.resolve({ newer: null, older: second!.id });
    await stepping;
    expect(viewer.getState().selected).toBeNull();
  });

  it('drops a slow answer for an image opened before another', async () => {
    const { viewer, core } = await library(10);
    const slow = deferred<ReturnType<typeof detail>>();
    core.bridge.answer('library.get', ({ id }) => (id === 1 ? slow.promise : detail(image(id))));
    const opening = viewer.getState().open(1);
    await viewer.getState().open(2);
    slow.resolve(detail(image(1)));
    await opening;
    expect(viewer.getState().selected?.image.id).toBe(2);
  });

  it('marks a favourite in the viewer and the grid at once, and puts it back when the core refuses', async () => {
    const { viewer, grid, core } = await library(3);
    const target = core.images[1]!;
    const answer = deferred<typeof target>();
    core.bridge.answer('library.setFavorite', () => answer.promise);
    await viewer.getState().open(target.id);
    const setting = viewer.getState().setFavorite(target.id, true);
    expect(viewer.getState().selected?.image.favorite).toBe(true);
    expect(itemAt(grid.getState().pages, 1)?.favorite).toBe(true);
    answer.reject(new Error('read-only disk'));
    await setting;
    expect(viewer.getState().selected?.image.favorite).toBe(false);
    expect(itemAt(grid.getState().pages, 1)?.favorite).toBe(false);
    expect(viewer.getState().viewerError).toBeTruthy();
  });

  it('moves the open image to the trash: out of the grid, the viewer closed, Undo offered', async () => {
    const { viewer, grid, core, trashed } = await library(4);
    core.bridge.answer('library.trash', () => ({ count: 1, trashedAt: 555 }));
    const target = core.images[2]!;
    await viewer.getState().open(target.id);
    expect(await viewer.getState().trash(target.id)).toBe(true);
    expect(viewer.getState().selected).toBeNull();
    expect(grid.getState().total).toBe(3);
    expect([...grid.getState().pages.get(0)!].map((i) => i.id)).not.toContain(target.id);
    expect(trashed).toEqual([{ count: 1, trashedAt: 555 }]);
  });
});
