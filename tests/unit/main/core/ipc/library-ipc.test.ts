// The library channels as a renderer reaches them: dispatch(channel, input) and pushed events.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../../../src/shared/errors';
import type { ImportProgress } from '../../../../../src/shared/library';
import type { AppCore } from '../../../../../src/main/core/app-core';
import { call, openTestCore } from '../../../../support/core';
import { solidImage } from '../../../../support/images';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

let core: AppCore;
beforeAll(async () => {
  core = await openTestCore();
});
afterAll(async () => {
  core.close();
  await removeTempDirs();
});

const errorOf = (result: Result<unknown>) => (result.ok ? null : result.error);

describe('library over IPC', () => {
  it('imports in the background, reporting progress and per-file results, then announces the change', async () => {
    const folder = await tempDir();
    for (let i = 0; i < 5; i++) await fs.writeFile(path.join(folder, `${i}.png`), await solidImage(i + 10));
    await fs.writeFile(path.join(folder, 'broken.png'), Buffer.alloc(0));
    const progress: ImportProgress[] = [];
    const changed: unknown[] = [];
    const finished = new Promise<void>((resolve) =>
      core.events.subscribe((name, payload) => {
        if (name === 'library.importProgress') {
          progress.push(payload as ImportProgress);
          if ((payload as ImportProgress).finished) resolve();
        }
        if (name === 'library.changed') changed.push(payload);
      }),
    );
    const started = await call(core, 'library.importDropped', { paths: [folder] });
    expect(started.ok && started.value.jobId).toMatch(/^[0-9a-f-]{36}$/);
    await finished;
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ done: 6, total: 6, finished: true });
    expect(last.results!.filter((r) => r.status === 'imported')).toHaveLength(5);
    expect(last.results!.find((r) => r.path.endsWith('broken.png'))).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('empty'),
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(changed).toHaveLength(1);
    const page = await call(core, 'library.list', { limit: 2 });
    expect(page.ok && page.value.items).toHaveLength(2);
    expect(page.ok && page.value.nextCursor).toBeGreaterThan(0);
  });

  it('validates inputs and names the field', async () => {
    expect(errorOf(await core.dispatch('library.list', { limit: 100_000 }))).toMatchObject({ code: 'invalid_input', field: 'limit' });
    expect(errorOf(await core.dispatch('library.get', { id: -1 }))).toMatchObject({ code: 'invalid_input', field: 'id' });
    expect(errorOf(await core.dispatch('library.trash', { ids: [] }))).toMatchObject({ code: 'invalid_input', field: 'ids' });
    expect(errorOf(await core.dispatch('library.setTags', { id: 1, tags: [''] }))).toMatchObject({ code: 'invalid_input' });
    expect(errorOf(await core.dispatch('library.get', { id: 999_999 }))).toMatchObject({ code: 'not_found' });
  });

  it('answers desktop-only actions in the browser with a clear config error', async () => {
    for (const channel of ['library.export', 'library.copy', 'library.reveal', 'library.startDrag'] as const) {
      const error = errorOf(await core.dispatch(channel, { id: 1 }));
      expect(error?.code, channel).toBe('config');
      expect(error?.message, channel).toContain('desktop app');
    }
    expect(errorOf(await core.dispatch('library.import', undefined))).toMatchObject({ code: 'config' });
  });

  it('favourites, tags and trash through the channels', async () => {
    const favourite = await call(core, 'library.setFavorite', { id: 1, favorite: true });
    expect(favourite.ok && favourite.value.favorite).toBe(true);
    expect(await core.dispatch('library.setTags', { id: 1, tags: ['sea'] })).toEqual({ ok: true, value: ['sea'] });
    expect(await core.dispatch('library.trash', { ids: [1] })).toEqual({ ok: true, value: { count: 1, trashedAt: expect.any(Number) } });
    expect(await core.dispatch('library.restore', { ids: [1] })).toEqual({ ok: true, value: { count: 1 } });
    const detail = await core.dispatch('library.get', { id: 1 });
    expect(detail.ok && detail.value).toMatchObject({ image: { id: 1, favorite: true }, tags: ['sea'], parents: [], children: [] });
  });
});

describe('import cancel', () => {
  it('stops an import in the middle: what was imported stays, the rest is reported cancelled (not as problems)', async () => {
    const folder = await tempDir();
    for (let i = 0; i < 40; i++) await fs.writeFile(path.join(folder, `${i}.png`), await solidImage(i + 100, 'png', 400 + i, 300));
    let cancelled = false;
    const done = new Promise<ImportProgress>((resolve) =>
      core.events.subscribe((name, payload) => {
        if (name !== 'library.importProgress') return;
        const progress = payload as ImportProgress;
        if (!cancelled && progress.done >= 3) {
          cancelled = true;
          void core.dispatch('library.cancelImport', { jobId: progress.jobId });
        }
        if (progress.finished) resolve(progress);
      }),
    );
    await core.dispatch('library.importDropped', { paths: [folder] });
    const final = await done;
    const imported = final.results!.filter((r) => r.status === 'imported');
    const stopped = final.results!.filter((r) => r.status === 'cancelled');
    expect(imported.length).toBeGreaterThanOrEqual(3);
    expect(imported.length).toBeLessThan(40);
    expect(stopped.length).toBe(40 - imported.length);
    expect(final.results!.filter((r) => r.status === 'skipped' || r.status === 'failed')).toEqual([]);
    for (const r of imported) expect(core.library.get(r.id!)).not.toBeNull();
  });
});

describe('conversations over IPC', () => {
  it('creates, renames, searches, lists messages and deletes', async () => {
    const created = await call(core, 'conversations.create', { title: 'Poster drafts' });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.value.id : 0;
    expect(await core.dispatch('conversations.rename', { id, title: 'Festival poster' })).toMatchObject({
      ok: true,
      value: { title: 'Festival poster' },
    });
    const found = await call(core, 'conversations.list', { query: 'festival' });
    expect(found.ok && found.value.map((c) => c.id)).toEqual([id]);
    expect(await core.dispatch('conversations.messages', { id })).toEqual({ ok: true, value: [] });
    expect(await core.dispatch('conversations.delete', { id })).toEqual({ ok: true, value: { trashedImages: 0 } });
    expect(errorOf(await core.dispatch('conversations.messages', { id }))).toMatchObject({ code: 'not_found' });
    expect(errorOf(await core.dispatch('conversations.rename', { id: 0, title: 'x' }))).toMatchObject({
      code: 'invalid_input',
      field: 'id',
    });
  });
});
