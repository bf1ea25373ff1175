// Dropping folders on the library: `library.import({paths})` walks them recursively and sums up what
// was imported, what was a duplicate, and what was skipped and why; pasted bytes say if they were known.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../../../src/shared/library';
import type { AppCore } from '../../../../../../src/main/core/app-core';
import { ImageLibrary } from '../../../../../../src/main/core/library/image-library';
import { importFiles } from '../../../../../../src/main/core/library/ingest/import-files';
import { silentLogger } from '../../../../../../src/main/core/logging/log';
import { call, openTestCore } from '../../../../../support/core';
import { photoLikePng, solidImage } from '../../../../../support/images';
import { removeTempDirs, tempDir } from '../../../../../support/temp-dir';

let core: AppCore;
beforeEach(async () => {
  core = await openTestCore();
});
afterEach(() => core.close());
afterAll(removeTempDirs);

async function importPaths(paths: string[]): Promise<ImportProgress> {
  const finished = new Promise<ImportProgress>((resolve) =>
    core.events.subscribe((name, payload) => {
      if (name === 'library.importProgress' && (payload as ImportProgress).finished) resolve(payload as ImportProgress);
    }),
  );
  const started = await call(core, 'library.importDropped', { paths });
  expect(started).toMatchObject({ ok: true, value: { jobId: expect.any(String) } });
  return finished;
}

const statusOf = (progress: ImportProgress, file: string) => progress.results!.find((r) => r.path === file);

describe('importing dropped folders', () => {
  it('walks folders recursively and reports imported, duplicates and skipped files with reasons', async () => {
    const root = path.join(await tempDir(), 'Trip photos');
    const nested = path.join(root, '2025', 'summer');
    await fs.mkdir(nested, { recursive: true });
    const same = await solidImage(1);
    await fs.writeFile(path.join(root, 'a.png'), same);
    await fs.writeFile(path.join(nested, 'b.jpg'), await solidImage(2, 'jpeg'));
    await fs.writeFile(path.join(nested, 'copy-of-a.png'), same);
    await fs.writeFile(path.join(nested, 'notes.txt'), 'not a picture');
    await fs.writeFile(path.join(nested, 'fake.png'), '<html>not a picture</html>');
    await fs.writeFile(path.join(root, '.DS_Store'), 'hidden');
    // A link back up the tree, and one to nothing: neither stops the walk.
    await fs.symlink(root, path.join(nested, 'loop'));
    await fs.symlink(path.join(root, 'gone.png'), path.join(root, 'broken-link.png'));
    const loose = path.join(await tempDir(), 'single.webp');
    await fs.writeFile(loose, await solidImage(3, 'webp'));

    const done = await importPaths([root, loose]);
    expect(done).toMatchObject({ finished: true, done: 5, total: 5 });
    const count = (status: string) => done.results!.filter((r) => r.status === status).length;
    const counts = ['imported', 'duplicate', 'skipped', 'failed', 'cancelled'].map((status) => [status, count(status)]);
    expect(Object.fromEntries(counts)).toEqual({ imported: 3, duplicate: 1, skipped: 3, failed: 0, cancelled: 0 });
    expect(statusOf(done, path.join(nested, 'notes.txt'))).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('not an image'),
    });
    expect(statusOf(done, path.join(nested, 'fake.png'))).toMatchObject({ status: 'skipped', reason: expect.stringContaining('web page') });
    expect(statusOf(done, path.join(root, 'broken-link.png'))).toMatchObject({ status: 'skipped', reason: 'a broken link' });
    expect(done.results!.some((r) => r.path.includes('.DS_Store') || r.path.includes(`${path.sep}loop${path.sep}`))).toBe(false);
    expect(core.library.count({})).toBe(3);
  });

  it('names a dropped path that does not exist as failed, and imports the rest', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'ok.png'), await solidImage(4));
    const missing = path.join(dir, 'not-here');
    const done = await importPaths([missing, dir]);
    expect(statusOf(done, missing)).toMatchObject({ status: 'failed', reason: 'no such file or folder', why: 'notFound' });
    expect(statusOf(done, path.join(dir, 'ok.png'))).toMatchObject({ status: 'imported', id: expect.any(Number) });
  });

  it('gives each file it would not keep the kind of reason, for the window to say in its language', async () => {
    const dir = path.join(await tempDir(), 'mixed');
    await fs.mkdir(dir);
    const file = (name: string) => path.join(dir, name);
    const picture = await photoLikePng(120, 90);
    await fs.writeFile(file('text.png'), 'just some words, no picture');
    await fs.writeFile(file('empty.png'), '');
    await fs.writeFile(file('cut-short.png'), picture.subarray(0, Math.floor(picture.length / 2)));
    await fs.writeFile(file('notes.txt'), 'a note');
    await fs.symlink(file('gone.png'), file('broken-link.png'));
    await fs.writeFile(file('fine.png'), picture);
    // A named pipe is neither a file nor a folder (POSIX only; Windows has no mkfifo).
    const fifo = process.platform !== 'win32';
    if (fifo) execFileSync('mkfifo', [file('pipe.png')]);
    const missing = path.join(dir, 'not-here.png');

    const done = await importPaths([dir, missing]);
    const whys = Object.fromEntries(done.results!.map((r) => [path.basename(r.path), [r.status, r.why]]));
    expect(whys).toEqual({
      'text.png': ['skipped', 'notImage'],
      'empty.png': ['skipped', 'empty'],
      'cut-short.png': ['skipped', 'damaged'],
      'notes.txt': ['skipped', 'notImageName'],
      'broken-link.png': ['skipped', 'brokenLink'],
      'not-here.png': ['failed', 'notFound'],
      'fine.png': ['imported', undefined],
      ...(fifo ? { 'pipe.png': ['skipped', 'notFileOrFolder'] } : {}),
    });
    // The English sentence stays, for the CLI and the log; a file of a known kind needs no error code.
    expect(done.results!.every((r) => r.status === 'imported' || (r.reason && r.code === undefined))).toBe(true);
  });

  it("says a file over the library's size limit is too large, with the limit", async () => {
    const library = await ImageLibrary.open(await tempDir(), { maxImageBytes: () => 1024, logger: silentLogger });
    try {
      const dir = await tempDir();
      const large = path.join(dir, 'large.png');
      await fs.writeFile(large, await photoLikePng(64, 64));
      await fs.writeFile(path.join(dir, 'small.png'), await solidImage(6, 'png', 4, 4));
      const results = await importFiles(library, [dir]);
      expect(results.find((r) => r.path === large)).toMatchObject({ status: 'skipped', why: 'tooLarge', maxBytes: 1024 });
      expect(results.find((r) => r.path !== large)).toMatchObject({ status: 'imported' });
    } finally {
      library.close();
    }
  });
});

describe('library.importBytes', () => {
  it('says whether the picture was already in the library', async () => {
    const base64 = (await solidImage(5)).toString('base64');
    const first = await call(core, 'library.importBytes', { name: 'pasted.png', base64 });
    const again = await call(core, 'library.importBytes', { name: 'pasted again.png', base64 });
    expect(first).toMatchObject({ ok: true, value: { duplicate: false, source: 'imported' } });
    expect(again).toMatchObject({ ok: true, value: { duplicate: true } });
    expect(first.ok && again.ok && again.value.id === first.value.id).toBe(true);
  });

  it('sends the kind of refusal with the error, for the window to say in its language', async () => {
    const picture = await photoLikePng(120, 90);
    const page = await call(core, 'library.importBytes', { name: 'page.png', base64: Buffer.from('<html>404</html>').toString('base64') });
    const cut = await call(core, 'library.importBytes', {
      name: 'cut.png',
      base64: picture.subarray(0, picture.length >> 1).toString('base64'),
    });
    expect(page).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'base64', why: 'notImage' } });
    expect(cut).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'base64', why: 'damaged' } });
  });
});
