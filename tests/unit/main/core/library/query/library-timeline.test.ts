// The date scrubber's months (local time, newest first, with counts and places in the grid) for
// every kind of view, and the filters' values with their counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageRecord, LibraryView } from '../../../../../../src/shared/library';
import type { AppCore } from '../../../../../../src/main/core/app-core';
import { call, openTestCore } from '../../../../../support/core';
import { insertRows, type RowSpec } from '../../../../../support/library-rows';
import { removeTempDirs } from '../../../../../support/temp-dir';

let core: AppCore;
const rows: RowSpec[] = [];
const local = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();

beforeAll(async () => {
  core = await openTestCore();
  // Oldest first, so ids grow with the dates as they do when pictures arrive.
  const at = [
    local(2023, 12, 1, 0, 0),
    local(2023, 12, 15),
    local(2023, 12, 31, 23, 59),
    ...[2, 9, 16, 23].map((d) => local(2024, 1, d)),
    local(2024, 1, 31, 23, 59),
    local(2024, 2, 1, 0, 0),
    ...[3, 10, 17, 24].map((d) => local(2024, 3, d)),
    local(2025, 3, 1, 8),
    local(2025, 3, 2, 8),
  ];
  at.forEach((createdAt, i) =>
    rows.push({
      createdAt,
      prompt: i % 2 === 0 ? `a red fox ${i}` : `a lighthouse ${i}`,
      provider: i % 3 === 0 ? 'gigachat' : i % 3 === 1 ? 'givon' : null,
      model: i % 3 === 0 ? 'GigaChat-2-Max' : i % 3 === 1 ? 'gpt-image-2' : null,
      source: i % 3 === 2 ? 'imported' : i % 4 === 1 ? 'edited' : 'generated',
      favorite: i % 4 === 0,
      trashed: i === 4 || i === 13,
      tags: i % 5 === 0 ? ['sea'] : i === 13 ? ['only-trashed'] : [],
    }),
  );
  insertRows(core.library, rows);
});
afterAll(async () => {
  core.close();
  await removeTempDirs();
});

function listAll(view: LibraryView): ImageRecord[] {
  const items: ImageRecord[] = [];
  let cursor: number | undefined;
  do {
    const page = core.library.list({ ...view, limit: 4, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The months as the grid shows them: runs of the listed images by local year and month. */
function monthsOf(items: ImageRecord[]) {
  const months: Array<{ year: number; month: number; count: number; offset: number }> = [];
  items.forEach((image, offset) => {
    const date = new Date(image.createdAt);
    const last = months.at(-1);
    if (last && last.year === date.getFullYear() && last.month === date.getMonth() + 1) last.count++;
    else months.push({ year: date.getFullYear(), month: date.getMonth() + 1, count: 1, offset });
  });
  return months;
}

const views: Array<[string, LibraryView]> = [
  ['everything', {}],
  ['a date range', { from: local(2024, 1, 10), to: local(2024, 3, 12) }],
  ['provider', { provider: 'givon' }],
  ['model and favourites', { model: 'GigaChat-2-Max', favorites: true }],
  ['source', { source: 'imported' }],
  ['tag', { tag: 'sea' }],
  ['search', { query: 'fox' }],
  ['search and tag', { query: 'fox', tag: 'sea' }],
  ['the trash', { trashed: true }],
  ['search in the trash', { query: 'lighthouse', trashed: true }],
  ['nothing searchable', { query: '***' }],
];

describe('timeline', () => {
  it('lists months newest first in local time, with counts and offsets in the grid', () => {
    expect(core.library.timeline({}).months).toEqual([
      { year: 2025, month: 3, count: 1, offset: 0 },
      { year: 2024, month: 3, count: 4, offset: 1 },
      { year: 2024, month: 2, count: 1, offset: 5 },
      { year: 2024, month: 1, count: 4, offset: 6 },
      { year: 2023, month: 12, count: 3, offset: 10 },
    ]);
  });

  it.each(views)('%s: each month as the grid pages through it, and its offset lands on its first image', (_name, view) => {
    const items = listAll(view);
    const { months } = core.library.timeline(view);
    expect(months).toEqual(monthsOf(items));
    for (const month of months) {
      const [first] = core.library.list({ ...view, offset: month.offset, limit: 1 }).items;
      expect(first?.id).toBe(items[month.offset]!.id);
    }
  });

  it('puts pictures taken around midnight in the right local month in a zone 5:45 ahead', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Kathmandu';
    try {
      const ids = insertRows(core.library, [
        { createdAt: new Date(2030, 5, 30, 23, 59).getTime(), provider: 'kathmandu' },
        { createdAt: new Date(2030, 6, 1, 0, 1).getTime(), provider: 'kathmandu' },
      ]);
      expect(core.library.timeline({ provider: 'kathmandu' }).months).toEqual([
        { year: 2030, month: 7, count: 1, offset: 0 },
        { year: 2030, month: 6, count: 1, offset: 1 },
      ]);
      core.library.trash(ids);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('answers over IPC', async () => {
    const answer = await call(core, 'library.timeline', { query: 'fox' });
    expect(answer.ok && answer.value.months).toEqual(monthsOf(listAll({ query: 'fox' })));
  });
});

describe('facets', () => {
  it('counts providers, models with their provider, sources and tags over images not in the trash', async () => {
    const live = rows.filter((r) => !r.trashed);
    const tally = (key: (r: RowSpec) => string | null | undefined) => {
      const counts = new Map<string, number>();
      for (const r of live) {
        const value = key(r);
        if (value != null) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      return counts;
    };
    const facets = core.library.facets();
    expect(new Map(facets.providers.map((f) => [f.value, f.count]))).toEqual(tally((r) => r.provider));
    expect(new Map(facets.sources.map((f) => [f.value, f.count]))).toEqual(tally((r) => r.source));
    expect(new Map(facets.models.map((f) => [`${f.provider}/${f.value}`, f.count]))).toEqual(
      tally((r) => (r.model ? `${r.provider}/${r.model}` : null)),
    );
    expect(facets.tags).toEqual([
      { value: 'sea', count: live.filter((r) => r.tags!.includes('sea')).length },
      { value: 'only-trashed', count: 0 },
    ]);
    expect(facets.providers.map((f) => f.count)).toEqual([...facets.providers.map((f) => f.count)].sort((a, b) => b - a));
    expect(await core.dispatch('library.facets', undefined)).toEqual({ ok: true, value: facets });
  });
});
