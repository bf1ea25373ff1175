// Bulk actions over a selection (ids, or a whole view minus some ids), tags renamed, merged and
// deleted, straight on the core and through the dispatcher with its `library.changed` events.
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageRecord, LibraryView } from '../../../../../src/shared/library';
import type { AppCore } from '../../../../../src/main/core/app-core';
import { call, openTestCore } from '../../../../support/core';
import { solidImage } from '../../../../support/images';
import { insertRows } from '../../../../support/library-rows';
import { removeTempDirs } from '../../../../support/temp-dir';

let core: AppCore;
const images: ImageRecord[] = [];
const events: Array<{ ids: number[] }> = [];

beforeAll(async () => {
  core = await openTestCore();
  for (let i = 0; i < 12; i++) {
    const { image } = await core.library.ingest(
      { bytes: await solidImage(i + 300) },
      {
        source: 'generated',
        prompt: i % 2 === 0 ? `a red fox ${i}` : `a lighthouse ${i}`,
        provider: i % 3 === 0 ? 'givon' : 'gigachat',
        tags: i % 3 === 0 ? ['draft'] : [],
      },
    );
    images.push(image);
  }
  core.events.subscribe((name, payload) => {
    if (name === 'library.changed') events.push(payload as { ids: number[] });
  });
});
afterAll(async () => {
  core.close();
  await removeTempDirs();
});

const idsOf = (view: LibraryView) => core.library.list({ ...view, limit: 500 }).items.map((i) => i.id);
const tagsOf = (id: number) => core.library.detail(id).tags;
const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

describe('trash and restore', () => {
  it('by ids: counts only the images that changed', () => {
    const [a, b] = [images[0]!.id, images[1]!.id];
    expect(core.library.bulk.trash({ ids: [a, b, a, 999_999] })).toMatchObject({ count: 2, ids: expect.arrayContaining([a, b]) });
    expect(core.library.bulk.trash({ ids: [a] }).count).toBe(0);
    expect(idsOf({ trashed: true })).toEqual([b, a]);
    expect(core.library.bulk.restore({ ids: [a, b] }).count).toBe(2);
    expect(idsOf({ trashed: true })).toEqual([]);
  });

  it('Undo restores what one trash action moved, and nothing another action moved, even in the same millisecond', () => {
    const [a, b, c] = [images[2]!.id, images[3]!.id, images[4]!.id];
    const first = core.library.bulk.trash({ ids: [a, b] });
    const second = core.library.bulk.trash({ ids: [c] });
    expect(second.trashedAt).toBeGreaterThan(first.trashedAt);
    // One of the first action's images was restored on its own meanwhile: Undo leaves it as it is.
    core.library.bulk.restore({ ids: [b] });
    expect(core.library.bulk.untrash(first.trashedAt)).toEqual({ count: 1, ids: [a] });
    expect(idsOf({ trashed: true })).toEqual([c]);
    expect(core.library.bulk.untrash(first.trashedAt).count).toBe(0);
    expect(core.library.bulk.untrash(second.trashedAt).count).toBe(1);
    expect(idsOf({ trashed: true })).toEqual([]);
  });

  it('by view with exceptions: every image of the view but those, even ones never listed', () => {
    const givon = idsOf({ provider: 'givon' });
    const keep = givon[1]!;
    expect(core.library.bulk.trash({ view: { provider: 'givon' }, except: [keep] }).count).toBe(givon.length - 1);
    expect(idsOf({ provider: 'givon' })).toEqual([keep]);
    expect(idsOf({ trashed: true })).toEqual(givon.filter((id) => id !== keep));
    // Restoring the trash's foxes only, by search.
    const foxes = idsOf({ trashed: true, query: 'fox' });
    expect(core.library.bulk.restore({ view: { trashed: true, query: 'fox' }, except: [] }).count).toBe(foxes.length);
    expect(core.library.bulk.restore({ view: { trashed: true }, except: [] }).count).toBe(givon.length - 1 - foxes.length);
    expect(core.library.count({ trashed: true })).toBe(0);
  });
});

describe('favourites and tags', () => {
  it('sets favourites by ids and by a search', () => {
    expect(core.library.bulk.setFavorite({ view: { query: 'lighthouse' }, except: [images[1]!.id] }, true).count).toBe(5);
    expect(idsOf({ favorites: true })).toEqual(idsOf({ query: 'lighthouse' }).filter((id) => id !== images[1]!.id));
    expect(core.library.bulk.setFavorite({ ids: [images[3]!.id, images[1]!.id] }, true).count).toBe(1);
    expect(core.library.bulk.setFavorite({ view: { favorites: true }, except: [] }, false).count).toBe(6);
    expect(core.library.count({ favorites: true })).toBe(0);
  });

  it('adds and removes tags: new tags created, case-insensitive, tags left unused go', () => {
    const foxes = idsOf({ query: 'fox' });
    const drafts = idsOf({ tag: 'draft' });
    const result = core.library.bulk.tagMany({ view: { query: 'fox' }, except: [] }, ['Client-A', ' client-a ', 'sea'], ['DRAFT']);
    expect(result.count).toBe(foxes.length);
    expect(idsOf({ tag: 'client-a' })).toEqual(foxes);
    expect(idsOf({ tag: 'sea' })).toEqual(foxes);
    // Draft stays only on the lighthouses that had it.
    expect(idsOf({ tag: 'draft' })).toEqual(drafts.filter((id) => !foxes.includes(id)));
    expect(tagsOf(foxes[0]!)).toEqual(['Client-A', 'sea']);
    // Again: nothing changes, nothing counted.
    expect(core.library.bulk.tagMany({ ids: foxes }, ['client-a'], []).count).toBe(0);

    const lighthouses = idsOf({ query: 'lighthouse' });
    expect(core.library.bulk.tagMany({ ids: lighthouses }, [], ['draft']).count).toBe(
      drafts.length - drafts.filter((id) => foxes.includes(id)).length,
    );
    expect(core.library.allTags()).toEqual(['Client-A', 'sea']);
    expect(() => core.library.bulk.tagMany({ ids: foxes }, ['x'], ['X'])).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'remove' }),
    );
    expect(core.library.allTags()).toEqual(['Client-A', 'sea']);
  });

  it('renames a tag (case too), merges onto an existing one, and deletes one', () => {
    const sea = idsOf({ tag: 'sea' });
    core.library.bulk.tagMany({ ids: [images[1]!.id, sea[0]!] }, ['boats'], []);
    expect(core.library.renameTag('SEA', 'Sea')).toEqual(['boats', 'Client-A', 'Sea']);
    expect(core.library.renameTag('client-a', 'Clients')).toEqual(['boats', 'Clients', 'Sea']);
    // Merge: every image of "boats" now has "Sea", once.
    expect(core.library.renameTag('boats', 'sea')).toEqual(['Clients', 'Sea']);
    expect(idsOf({ tag: 'sea' })).toEqual([...new Set([...sea, images[1]!.id])].sort((a, b) => b - a));
    expect(tagsOf(sea[0]!)).toEqual(['Clients', 'Sea']);
    expect(() => core.library.renameTag('nope', 'x')).toThrow(expect.objectContaining({ code: 'invalid_input', field: 'from' }));
    expect(core.library.deleteTag('CLIENTS')).toBe(sea.length);
    expect(core.library.allTags()).toEqual(['Sea']);
    expect(() => core.library.deleteTag('clients')).toThrow(expect.objectContaining({ code: 'invalid_input', field: 'name' }));
  });
});

describe('delete for good', () => {
  it('deletes only trashed images of the selection: rows, files, journal, unused tags', async () => {
    const [a, b, c] = [images[9]!, images[10]!, images[11]!];
    core.library.bulk.tagMany({ ids: [a.id] }, ['doomed'], []);
    core.library.trash([a.id, b.id]);
    expect((await core.library.bulk.deleteForGood({ ids: [a.id, c.id] })).count).toBe(1);
    expect(core.library.get(a.id)).toBeNull();
    expect(await exists(core.library.originalPath(a))).toBe(false);
    expect(await exists(core.library.layout.thumb(a.sha256))).toBe(false);
    expect(core.library.get(c.id)).not.toBeNull();
    expect(await exists(core.library.originalPath(c))).toBe(true);
    expect(core.library.allTags()).not.toContain('doomed');
    expect(core.library.db.prepare('SELECT COUNT(*) FROM file_journal').pluck().get()).toBe(0);

    const [d, e] = [images[7]!, images[8]!];
    core.library.trash([d.id, e.id]);
    const result = await core.library.bulk.deleteForGood({ view: { trashed: true }, except: [e.id] });
    expect(result.count).toBe(2);
    expect(idsOf({ trashed: true })).toEqual([e.id]);
    expect(await exists(core.library.originalPath(e))).toBe(true);
    expect(await core.library.emptyTrash()).toBe(1);
    expect(await exists(core.library.originalPath(e))).toBe(false);
  });
});

describe('over IPC', () => {
  it('answers counts and announces the changed ids, or a reload for a view or a large selection', async () => {
    events.length = 0;
    const [a, b] = [images[2]!.id, images[3]!.id];
    const trashed = await call(core, 'library.trash', { ids: [a, b] });
    expect(trashed).toEqual({ ok: true, value: { count: 2, trashedAt: expect.any(Number) } });
    expect(events.pop()!.ids.sort()).toEqual([a, b].sort());
    // Undo: the same images back, announced by id.
    expect(await call(core, 'library.untrash', { trashedAt: trashed.ok ? trashed.value.trashedAt : 0 })).toEqual({
      ok: true,
      value: { count: 2 },
    });
    expect(events.pop()!.ids.sort()).toEqual([a, b].sort());
    expect(await call(core, 'library.trash', { ids: [a, b] })).toMatchObject({ ok: true, value: { count: 2 } });
    expect(events.pop()!.ids.sort()).toEqual([a, b].sort());
    expect(await call(core, 'library.restore', { view: { trashed: true }, except: [] })).toEqual({ ok: true, value: { count: 2 } });
    expect(events.pop()).toEqual({ ids: [] });
    expect(await call(core, 'library.untrash', { trashedAt: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(core, 'library.setFavoriteMany', { selection: { ids: [a] }, favorite: true })).toEqual({
      ok: true,
      value: { count: 1 },
    });
    expect(events.pop()).toEqual({ ids: [a] });
    expect(await call(core, 'library.tagMany', { selection: { ids: [a, b] }, add: ['poster'], remove: [] })).toEqual({
      ok: true,
      value: { count: 2 },
    });
    expect(await call(core, 'library.renameTag', { from: 'poster', to: 'Posters' })).toEqual({ ok: true, value: ['Posters', 'Sea'] });
    expect(events.pop()).toEqual({ ids: [] });
    expect(await call(core, 'library.deleteTag', { name: 'posters' })).toEqual({ ok: true, value: { count: 2 } });
    expect(await call(core, 'library.deleteForGood', { ids: [a] })).toEqual({ ok: true, value: { count: 0 } });
    // Nothing changed, nothing announced.
    const announced = events.length;
    expect(await call(core, 'library.trash', { ids: [999_998] })).toMatchObject({ ok: true, value: { count: 0 } });
    expect(events.length).toBe(announced);

    const many = insertRows(
      core.library,
      Array.from({ length: 1200 }, (_, i) => ({ createdAt: Date.now() + i, provider: 'bulk' })),
    );
    expect(await call(core, 'library.trash', { ids: many })).toMatchObject({ ok: true, value: { count: 1200 } });
    expect(events.pop()).toEqual({ ids: [] });
    expect(await call(core, 'library.deleteForGood', { view: { trashed: true, provider: 'bulk' }, except: [] })).toEqual({
      ok: true,
      value: { count: 1200 },
    });
  });

  it('refuses bad selections with invalid_input naming the field', async () => {
    for (const [channel, input, field] of [
      ['library.trash', { ids: [] }, 'ids'],
      // A union: zod names no single field, the code still says the input is at fault.
      ['library.restore', { view: { source: 'painted' }, except: [] }, undefined],
      ['library.tagMany', { selection: { ids: [1] }, add: [''], remove: [] }, 'add.0'],
      ['library.renameTag', { from: 'unknown', to: 'x' }, 'from'],
      ['library.deleteTag', { name: 'unknown' }, 'name'],
    ] as const) {
      expect(await core.dispatch(channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', ...(field ? { field } : {}) },
      });
    }
  });
});
