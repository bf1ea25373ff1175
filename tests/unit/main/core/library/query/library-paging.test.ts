// Every filter of a library view, paged by cursor, by offset (a page far down the grid) and by
// `after` (the viewer's previous): the same images in the same order, no gaps, no repeats. And the
// bad views (an end before the start, an unknown tag) refused everywhere a view is taken.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryQuery, LibraryView } from '../../../../../../src/shared/library';
import type { AppCore } from '../../../../../../src/main/core/app-core';
import { openDatabase } from '../../../../../../src/main/core/database/database';
import { ImageLibrary } from '../../../../../../src/main/core/library/image-library';
import { MIGRATIONS } from '../../../../../../src/main/core/database/migrations';
import { silentLogger } from '../../../../../../src/main/core/logging/log';
import { call, openTestCore } from '../../../../../support/core';
import { insertRows, type RowSpec } from '../../../../../support/library-rows';
import { removeTempDirs, tempDir } from '../../../../../support/temp-dir';

let core: AppCore;
const WORDS = ['fox', 'lighthouse', 'city', 'forest', 'foxglove', 'harbour', 'night'];
const HOUR = 3600_000;
const BASE = Date.UTC(2025, 10, 20);
const specs: Array<RowSpec & { id: number }> = [];

beforeAll(async () => {
  core = await openTestCore();
  const rows: RowSpec[] = Array.from({ length: 240 }, (_, i) => ({
    prompt: i % 4 === 0 ? null : `${WORDS[i % WORDS.length]} ${WORDS[(i * 3 + 1) % WORDS.length]}`,
    provider: ['gigachat', 'givon', 'openai'][i % 3]!,
    model: ['m-a', 'm-b'][i % 2]!,
    source: (['generated', 'edited', 'imported'] as const)[Math.floor(i / 2) % 3]!,
    createdAt: BASE + i * 6 * HOUR,
    favorite: i % 11 === 0,
    trashed: i % 13 === 0,
    tags: i % 5 === 0 ? ['sea'] : i % 7 === 0 ? ['Boats', 'sea'] : [],
  }));
  const ids = insertRows(core.library, rows);
  rows.forEach((row, i) => specs.push({ ...row, id: ids[i]! }));
});
afterAll(async () => {
  core.close();
  await removeTempDirs();
});

const words = (prompt: string | null | undefined) => (prompt ?? '').split(' ');
/** What each view should hold, worked out from the rows themselves (newest first). */
const views: Array<[string, LibraryView, (row: RowSpec) => boolean]> = [
  ['everything', {}, () => true],
  ['provider', { provider: 'givon' }, (r) => r.provider === 'givon'],
  ['model', { model: 'm-b' }, (r) => r.model === 'm-b'],
  ['source', { source: 'edited' }, (r) => r.source === 'edited'],
  ['favourites', { favorites: true }, (r) => r.favorite === true],
  ['tag, any case', { tag: 'SEA' }, (r) => r.tags!.includes('sea')],
  [
    'date range',
    { from: BASE + 100 * HOUR, to: BASE + 900 * HOUR },
    (r) => r.createdAt >= BASE + 100 * HOUR && r.createdAt < BASE + 900 * HOUR,
  ],
  ['search by prefix', { query: 'fox' }, (r) => words(r.prompt).some((w) => w.startsWith('fox'))],
  ['search and tag', { query: 'night', tag: 'boats' }, (r) => words(r.prompt).includes('night') && r.tags!.includes('Boats')],
  ['search and provider', { query: 'city', provider: 'openai' }, (r) => words(r.prompt).includes('city') && r.provider === 'openai'],
  ['tag and source', { tag: 'sea', source: 'imported' }, (r) => r.tags!.includes('sea') && r.source === 'imported'],
];
const everyView = views.flatMap(([name, view, keep]): Array<[string, LibraryView, (row: RowSpec) => boolean]> => [
  [name, view, (r) => !r.trashed && keep(r)],
  [`${name}, in the trash`, { ...view, trashed: true }, (r) => r.trashed === true && keep(r)],
]);

function byCursor(view: LibraryView, limit: number): number[] {
  const seen: number[] = [];
  let cursor: number | undefined;
  do {
    const page = core.library.list({ ...view, limit, ...(cursor !== undefined ? { cursor } : {}) });
    seen.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return seen;
}

describe('filters and paging', () => {
  it.each(everyView)('%s: cursor, offset and after pages agree with the rows', (_name, view, keep) => {
    const expected = specs
      .filter(keep)
      .map((r) => r.id)
      .reverse();
    const paged = byCursor(view, 7);
    expect(paged).toEqual(expected);
    expect(core.library.count(view)).toBe(expected.length);

    // Any page far down the grid, reached by offset alone.
    const byOffset: number[] = [];
    for (let offset = 0; offset < expected.length; offset += 7) {
      byOffset.push(...core.library.list({ ...view, limit: 7, offset }).items.map((i) => i.id));
    }
    expect(byOffset).toEqual(expected);
    expect(core.library.list({ ...view, offset: expected.length }).items).toEqual([]);

    // Newer and newer from the oldest, as the viewer's "previous" walks.
    if (expected.length === 0) return;
    const newer: number[] = [];
    let after: number | undefined = expected.at(-1);
    while (after !== undefined) {
      const page = core.library.list({ ...view, limit: 5, after });
      newer.push(...page.items.map((i) => i.id));
      after = page.nextCursor ?? undefined;
    }
    expect(newer).toEqual(expected.slice(0, -1).reverse());
  });

  it('offset pages then go on by cursor without a gap, and the cursor wins over an offset', () => {
    const all = byCursor({}, 50);
    const jump = core.library.list({ offset: 100, limit: 10 });
    expect(jump.items.map((i) => i.id)).toEqual(all.slice(100, 110));
    const next = core.library.list({ cursor: jump.nextCursor!, limit: 10 });
    expect(next.items.map((i) => i.id)).toEqual(all.slice(110, 120));
    expect(core.library.list({ cursor: all[4]!, offset: 100, limit: 3 }).items.map((i) => i.id)).toEqual(all.slice(5, 8));
  });

  it('answers offset and after over IPC', async () => {
    const all = byCursor({ provider: 'gigachat' }, 50);
    const page = await call(core, 'library.list', { provider: 'gigachat', offset: 20, limit: 3 });
    expect(page.ok && page.value.items.map((i) => i.id)).toEqual(all.slice(20, 23));
    const previous = await call(core, 'library.list', { provider: 'gigachat', after: all[20]!, limit: 1 });
    expect(previous.ok && previous.value.items.map((i) => i.id)).toEqual([all[19]]);
  });
});

describe('bad views', () => {
  const backwards = { from: BASE + 10 * HOUR, to: BASE };
  const asks: Array<[string, (view: LibraryView) => unknown]> = [
    ['list', (view) => core.library.list(view as LibraryQuery)],
    ['count', (view) => core.library.count(view)],
    ['timeline', (view) => core.library.timeline(view)],
    ['a view selection', (view) => core.library.bulk.trash({ view })],
  ];

  it.each(asks)('%s refuses a date range that ends before it starts, naming "to"', (_name, ask) => {
    expect(() => ask(backwards)).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'to', message: expect.stringContaining('end') }),
    );
  });

  it.each(asks)('%s refuses an unknown tag, naming it and "tag"', (_name, ask) => {
    expect(() => ask({ tag: 'mountains' })).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'tag', message: expect.stringContaining('"mountains"') }),
    );
  });

  it('refuses them over IPC too, and changes nothing', async () => {
    const before = core.library.count({});
    for (const [channel, input, field] of [
      ['library.list', backwards, 'to'],
      ['library.count', { tag: 'mountains' }, 'tag'],
      ['library.timeline', backwards, 'to'],
      ['library.trash', { view: { tag: 'mountains' }, except: [] }, 'tag'],
      ['library.setFavoriteMany', { selection: { view: backwards }, favorite: true }, 'to'],
    ] as const) {
      expect(await core.dispatch(channel, input), channel).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    }
    expect(core.library.count({})).toBe(before);
    expect(core.library.count({ favorites: true })).toBe(specs.filter((r) => r.favorite && !r.trashed).length);
  });

  it('a range that starts and ends at the same moment is empty, not an error', () => {
    expect(core.library.list({ from: BASE, to: BASE }).items).toEqual([]);
    expect(core.library.count({ from: BASE, to: BASE })).toBe(0);
  });
});

describe('an older library', () => {
  it('gains the trash search index when migrated, with what was already in the trash', async () => {
    const dataDir = await tempDir();
    const db = openDatabase(path.join(dataDir, 'library.sqlite'), { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    const insert = db.prepare(
      "INSERT INTO images (sha256, mime, width, height, bytes, prompt, source, created_at, trashed_at) VALUES (?, 'image/png', 1, 1, 1, ?, 'generated', ?, ?)",
    );
    insert.run('a'.repeat(64), 'a trashed fox', 1, 5);
    insert.run('b'.repeat(64), 'a fox kept', 2, null);
    db.close();
    const library = await ImageLibrary.open(dataDir, { maxImageBytes: () => 1024, logger: silentLogger });
    expect(library.count({ query: 'fox' })).toBe(1);
    expect(library.count({ query: 'fox', trashed: true })).toBe(1);
    expect(library.list({ query: 'fox', trashed: true }).items.map((i) => i.prompt)).toEqual(['a trashed fox']);
    library.close();
  });
});
