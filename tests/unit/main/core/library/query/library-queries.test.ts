// Listing, filters, paging, search, favourites, tags and trash over a real SQLite library.
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../../../../../src/shared/library';
import { ImageLibrary } from '../../../../../../src/main/core/library/image-library';
import { silentLogger } from '../../../../../../src/main/core/logging/log';
import { solidImage } from '../../../../../support/images';
import { removeTempDirs, tempDir } from '../../../../../support/temp-dir';

let library: ImageLibrary;
const images: ImageRecord[] = [];
const prompts = [
  'a lighthouse at dawn',
  'a red fox in the snow',
  'a city street at night, neon',
  'a red bicycle',
  'portrait of an old sailor',
  'Café au lait, watercolour',
];

beforeAll(async () => {
  library = await ImageLibrary.open(await tempDir(), { maxImageBytes: () => 50 * 1024 * 1024, logger: silentLogger });
  for (let i = 0; i < 30; i++) {
    const { image } = await library.ingest(
      { bytes: await solidImage(i + 1) },
      {
        source: i % 3 === 0 ? 'imported' : i % 3 === 1 ? 'generated' : 'edited',
        prompt: i % 3 === 0 ? null : `${prompts[i % prompts.length]} #${i}`,
        provider: i % 2 === 0 ? 'gigachat' : 'givon',
        model: i % 2 === 0 ? 'GigaChat-2-Max' : 'gpt-image-2',
      },
    );
    images.push(image);
  }
});
afterAll(async () => {
  library.close();
  await removeTempDirs();
});

const ids = (items: ImageRecord[]) => items.map((i) => i.id);
const newestFirst = () => [...images].reverse();

describe('listing', () => {
  it('lists newest first and pages with a cursor without gaps or repeats', () => {
    const seen: number[] = [];
    let cursor: number | undefined;
    for (;;) {
      const page = library.list({ limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...ids(page.items));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(ids(newestFirst()));
  });

  it.each([
    ['provider', { provider: 'givon' }, (i: ImageRecord) => i.provider === 'givon'],
    ['model', { model: 'GigaChat-2-Max' }, (i: ImageRecord) => i.model === 'GigaChat-2-Max'],
    ['source', { source: 'edited' as const }, (i: ImageRecord) => i.source === 'edited'],
  ])('filters by %s', (_name, filter, keep) => {
    expect(ids(library.list({ ...filter, limit: 500 }).items)).toEqual(ids(newestFirst().filter(keep)));
  });

  it('filters by date range', () => {
    const from = images[10]!.createdAt;
    const to = images[20]!.createdAt;
    const expected = newestFirst().filter((i) => i.createdAt >= from && i.createdAt < to);
    expect(ids(library.list({ from, to }).items)).toEqual(ids(expected));
    expect(library.list({ from: Date.now() + 60_000 }).items).toEqual([]);
  });

  it('filters by favourite and by tag, and combines filters', () => {
    library.setFavorite(images[4]!.id, true);
    library.setFavorite(images[7]!.id, true);
    expect(ids(library.list({ favorites: true }).items)).toEqual([images[7]!.id, images[4]!.id]);
    expect(library.setTags(images[4]!.id, ['Sea', 'sea', ' boats '])).toEqual(['boats', 'Sea']);
    library.setTags(images[9]!.id, ['sea']);
    expect(ids(library.list({ tag: 'sea' }).items)).toEqual([images[9]!.id, images[4]!.id]);
    expect(ids(library.list({ tag: 'SEA', favorites: true }).items)).toEqual([images[4]!.id]);
    expect(() => library.list({ tag: 'nothing' })).toThrow(expect.objectContaining({ code: 'invalid_input', field: 'tag' }));
    expect(library.allTags()).toEqual(['boats', 'Sea']);
    library.setTags(images[4]!.id, []);
    expect(library.allTags()).toEqual(['Sea']);
    library.setFavorite(images[4]!.id, false);
    library.setFavorite(images[7]!.id, false);
  });

  it('filters by conversation', () => {
    expect(library.list({ conversationId: 12345 }).items).toEqual([]);
  });
});

describe('full-text search', () => {
  it('finds prompts by words and word prefixes, newest first', () => {
    const foxes = newestFirst().filter((i) => i.prompt?.includes('fox'));
    expect(foxes.length).toBeGreaterThan(1);
    expect(ids(library.list({ query: 'fox' }).items)).toEqual(ids(foxes));
    expect(ids(library.list({ query: 'light' }).items)).toEqual(ids(newestFirst().filter((i) => i.prompt?.includes('lighthouse'))));
    expect(ids(library.list({ query: 'red bicy' }).items)).toEqual(ids(newestFirst().filter((i) => i.prompt?.includes('red bicycle'))));
  });

  it('ignores accents and case', () => {
    const cafe = newestFirst().filter((i) => i.prompt?.startsWith('Café'));
    expect(ids(library.list({ query: 'CAFE' }).items)).toEqual(ids(cafe));
  });

  it('treats FTS operators and quotes in the search box as plain words', () => {
    for (const query of ['"', 'fox OR', 'NEAR(fox', 'fox*', '-fox', 'fox AND NOT', '(', '^', 'col:fox']) {
      expect(() => library.list({ query })).not.toThrow();
    }
    expect(library.list({ query: '"""' }).items).toEqual([]);
  });

  it('pages search results with the cursor', () => {
    const all = ids(library.list({ query: 'a', limit: 500 }).items);
    const first = library.list({ query: 'a', limit: 3 });
    const second = library.list({ query: 'a', limit: 3, cursor: first.nextCursor! });
    expect([...ids(first.items), ...ids(second.items)]).toEqual(all.slice(0, 6));
  });

  it('combines search with a filter', () => {
    expect(ids(library.list({ query: 'fox', provider: 'givon' }).items)).toEqual(
      ids(newestFirst().filter((i) => i.prompt?.includes('fox') && i.provider === 'givon')),
    );
  });
});

describe('trash', () => {
  it('moves to the trash and restores, keeping the files', async () => {
    const victim = images[2]!;
    expect(library.trash([victim.id, victim.id])).toBe(1);
    expect(ids(library.list({ limit: 500 }).items)).not.toContain(victim.id);
    expect(ids(library.list({ trashed: true }).items)).toEqual([victim.id]);
    await fs.access(library.originalPath(victim));
    expect(library.restore([victim.id])).toBe(1);
    expect(ids(library.list({ limit: 500 }).items)).toContain(victim.id);
  });

  it('empties the trash: rows and files go, lineage links go, the rest stays', async () => {
    const victim = images[1]!;
    library.trash([victim.id]);
    expect(await library.emptyTrash()).toBe(1);
    expect(library.get(victim.id)).toBeNull();
    await expect(fs.access(library.originalPath(victim))).rejects.toThrow();
    await expect(fs.access(library.layout.thumb(victim.sha256))).rejects.toThrow();
    expect(library.list({ limit: 500 }).items).toHaveLength(29);
    expect(await library.emptyTrash()).toBe(0);
  });

  it('brings a trashed image back when the same bytes are ingested again', async () => {
    const victim = images[5]!;
    library.trash([victim.id]);
    const again = await library.ingest({ path: library.originalPath(victim) }, { source: 'imported' });
    expect(again).toMatchObject({ duplicate: true, image: { id: victim.id, trashedAt: null } });
  });
});
