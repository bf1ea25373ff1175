// Exact counts for every view of the library: each equals what `list` pages through for the same view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageRecord, LibraryCountQuery } from '../../../../../../src/shared/library';
import type { AppCore } from '../../../../../../src/main/core/app-core';
import { call, openTestCore } from '../../../../../support/core';
import { solidImage } from '../../../../../support/images';
import { removeTempDirs } from '../../../../../support/temp-dir';

let core: AppCore;
const images: ImageRecord[] = [];
let conversationId = 0;
const prompts = ['a lighthouse at dawn', 'a red fox in the snow', 'a city street at night, neon', 'Café au lait, watercolour'];

beforeAll(async () => {
  core = await openTestCore();
  conversationId = core.conversations.create('foxes').id;
  for (let i = 0; i < 40; i++) {
    const { image } = await core.library.ingest(
      { bytes: await solidImage(i + 1) },
      {
        source: (['imported', 'generated', 'edited'] as const)[i % 3]!,
        prompt: i % 5 === 0 ? null : `${prompts[i % prompts.length]} #${i}`,
        provider: i % 2 === 0 ? 'gigachat' : 'givon',
        model: i % 4 === 1 ? 'gpt-image-2' : 'GigaChat-2-Max',
        conversationId: i % 6 === 0 ? conversationId : null,
        tags: i % 7 === 0 ? ['sea'] : i % 7 === 3 ? ['Sea', 'boats'] : [],
      },
    );
    images.push(image);
  }
  for (const i of [2, 5, 9, 14, 21, 30]) core.library.setFavorite(images[i]!.id, true);
  // Some of every kind in the trash, so each library count has trashed images to leave out.
  core.library.trash([0, 3, 5, 7, 12, 13, 18, 24, 31].map((i) => images[i]!.id));
});
afterAll(async () => {
  core.close();
  await removeTempDirs();
});

/** Every image `list` yields for the view, page after page. */
function listed(view: LibraryCountQuery): number {
  let total = 0;
  let cursor: number | undefined;
  do {
    const page = core.library.list({ ...view, limit: 7, ...(cursor ? { cursor } : {}) });
    total += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return total;
}

/** Views as functions: the seeded images and conversation exist only once the tests run. */
const views: Array<[string, () => LibraryCountQuery]> = [
  ['everything', () => ({})],
  ['provider', () => ({ provider: 'givon' })],
  ['model', () => ({ model: 'gpt-image-2' })],
  ['source', () => ({ source: 'edited' })],
  ['favourites', () => ({ favorites: true })],
  ['tag (any case)', () => ({ tag: 'SEA' })],
  ['date range', () => ({ from: images[8]!.createdAt, to: images[27]!.createdAt })],
  ['conversation', () => ({ conversationId })],
  ['search', () => ({ query: 'fox' })],
  ['search by prefix, accents folded', () => ({ query: 'cafe au l' })],
  ['search with nothing searchable', () => ({ query: '***' })],
  ['search and tag', () => ({ query: 'lighthouse', tag: 'sea' })],
  ['search and provider', () => ({ query: 'night', provider: 'gigachat' })],
  ['tag and source', () => ({ tag: 'boats', source: 'generated' })],
  ['provider, model, favourites and dates', () => ({ provider: 'gigachat', model: 'GigaChat-2-Max', favorites: true, from: 0 })],
];

describe('library.count', () => {
  it.each(views)('counts what list pages through: %s', (_name, viewOf) => {
    const view = viewOf();
    const expected = listed(view);
    expect(core.library.count(view)).toBe(expected);
    expect(core.library.count({ ...view, trashed: true })).toBe(listed({ ...view, trashed: true }));
  });

  it('counts the library and the trash apart, and the filters narrow both', () => {
    expect(core.library.count({})).toBe(31);
    expect(core.library.count({ trashed: true })).toBe(9);
    expect(core.library.count({ provider: 'givon' }) + core.library.count({ provider: 'gigachat' })).toBe(31);
    expect(core.library.count({ favorites: true })).toBe(5);
  });

  it('answers over IPC, ignoring paging, and follows changes', async () => {
    expect(await call(core, 'library.count', { source: 'imported' })).toEqual({
      ok: true,
      value: { count: listed({ source: 'imported' }) },
    });
    const paged = { provider: 'givon', cursor: images[20]!.id, limit: 1 } as LibraryCountQuery;
    expect(await call(core, 'library.count', paged)).toEqual({ ok: true, value: { count: listed({ provider: 'givon' }) } });
    const before = core.library.count({ tag: 'sea' });
    core.library.restore([images[0]!.id]);
    expect(core.library.count({ tag: 'sea' })).toBe(before + 1);
    core.library.trash([images[0]!.id]);
    expect(core.library.count({ tag: 'sea' })).toBe(before);
  });

  it.each([
    [{ source: 'painted' }, 'source'],
    [{ provider: 7 }, 'provider'],
    [{ from: -1 }, 'from'],
    [{ conversationId: 0 }, 'conversationId'],
    [{ query: 'x'.repeat(501) }, 'query'],
    [{ tag: '   ' }, 'tag'],
    [{ tag: 'mountains' }, 'tag'],
    [{ from: 2_000, to: 1_000 }, 'to'],
  ])('refuses bad input %j with invalid_input naming the field', async (input, field) => {
    const answer = await core.dispatch('library.count', input);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    expect(() => core.library.count(input as LibraryCountQuery)).toThrow(expect.objectContaining({ code: 'invalid_input', field }));
  });
});
