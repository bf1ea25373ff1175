// `holst library …` as a user runs it, against fresh data folders.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHolst } from '../../support/cli';
import { solidImage } from '../../support/images';
import { testKeychainService } from '../../support/keychain';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

const env = { HOLST_KEYCHAIN_SERVICE: testKeychainService() };
afterAll(removeTempDirs);

async function folderOfImages(): Promise<string> {
  const dir = await tempDir();
  await fs.writeFile(path.join(dir, 'one.png'), await solidImage(1, 'png', 120, 80));
  await fs.mkdir(path.join(dir, 'nested'));
  await fs.writeFile(path.join(dir, 'nested', 'two.jpg'), await solidImage(2, 'jpeg', 90, 60));
  await fs.writeFile(path.join(dir, 'nested', 'copy-of-one.png'), await solidImage(1, 'png', 120, 80));
  await fs.writeFile(path.join(dir, 'notes.txt'), 'not an image');
  await fs.writeFile(path.join(dir, 'error-page.png'), '<html><body>Access denied</body></html>');
  return dir;
}

describe('holst library', () => {
  it('imports files and folders with a result per file, then lists them newest first', async () => {
    const dataDir = await tempDir();
    const source = await folderOfImages();
    const imported = await runHolst(['--data-dir', dataDir, '--json', 'library', 'import', source], { env });
    expect(imported.code).toBe(0);
    const result = imported.json() as {
      results: Array<{ path: string; status: string; reason?: string }>;
      imported: number;
      duplicate: number;
      skipped: number;
    };
    expect(result).toMatchObject({ imported: 2, duplicate: 1, skipped: 2, failed: 0, cancelled: 0 });
    const byName = Object.fromEntries(result.results.map((r) => [path.basename(r.path), r]));
    expect(byName['notes.txt']).toMatchObject({ status: 'skipped', reason: expect.stringContaining('not an image') });
    expect(byName['error-page.png']).toMatchObject({ status: 'skipped', reason: expect.stringContaining('web page') });
    // Same bytes under two names: one is imported, the other recognised as already there.
    expect([byName['one.png']!.status, byName['copy-of-one.png']!.status].sort()).toEqual(['duplicate', 'imported']);

    const listed = await runHolst(['--data-dir', dataDir, '--json', 'library', 'list'], { env });
    const { items } = listed.json() as { items: Array<Record<string, unknown>> };
    expect(items).toHaveLength(2);
    expect(Object.keys(items[0]!).sort()).toEqual(
      ['createdAt', 'height', 'id', 'maskId', 'mime', 'model', 'parents', 'path', 'prompt', 'provider', 'sha256', 'source', 'width'].sort(),
    );
    expect((items[0]!.id as number) > (items[1]!.id as number)).toBe(true);
    for (const item of items) {
      expect(path.isAbsolute(item.path as string)).toBe(true);
      await fs.access(item.path as string);
      expect(item).toMatchObject({ source: 'imported', parents: [], prompt: null });
    }
    expect(new Date(items[0]!.createdAt as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('filters the list and limits it', async () => {
    const dataDir = await tempDir();
    await runHolst(['--data-dir', dataDir, 'library', 'import', await folderOfImages()], { env });
    expect(
      ((await runHolst(['--data-dir', dataDir, '--json', 'library', 'list', '--limit', '1'], { env })).json() as { items: unknown[] })
        .items,
    ).toHaveLength(1);
    expect(
      ((await runHolst(['--data-dir', dataDir, '--json', 'library', 'list', '--favourites'], { env })).json() as { items: unknown[] })
        .items,
    ).toEqual([]);
    expect(
      (
        (await runHolst(['--data-dir', dataDir, '--json', 'library', 'list', '--query', 'anything'], { env })).json() as {
          items: unknown[];
        }
      ).items,
    ).toEqual([]);
    const bad = await runHolst(['--data-dir', dataDir, '--json', 'library', 'list', '--limit', 'many'], { env });
    expect(bad.code).toBe(2);
    expect(bad.json()).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('--limit') } });
    const unknownFlag = await runHolst(['--data-dir', dataDir, '--json', 'library', 'list', '--colour', 'red'], { env });
    expect((unknownFlag.json() as { error: { code: string } }).error.code).toBe('invalid_input');
  });

  it('exports an original byte for byte, and will not overwrite without --force', async () => {
    const dataDir = await tempDir();
    const source = await folderOfImages();
    await runHolst(['--data-dir', dataDir, 'library', 'import', path.join(source, 'one.png')], { env });
    const out = path.join(await tempDir(), 'exported.png');
    const exported = await runHolst(['--data-dir', dataDir, '--json', 'library', 'export', '1', '--to', out], { env });
    expect(exported.json()).toEqual({ path: out });
    expect(Buffer.compare(await fs.readFile(out), await fs.readFile(path.join(source, 'one.png')))).toBe(0);
    const again = await runHolst(['--data-dir', dataDir, '--json', 'library', 'export', '1', '--to', out], { env });
    expect(again.code).toBe(2);
    expect((await runHolst(['--data-dir', dataDir, '--json', 'library', 'export', '1', '--to', out, '--force'], { env })).code).toBe(0);
    const missing = await runHolst(['--data-dir', dataDir, '--json', 'library', 'export', '42', '--to', out], { env });
    expect(missing.code).toBe(5);
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: 'There is no image 42 in the library.' } });
  });

  it('says what went wrong when nothing can be imported', async () => {
    const dataDir = await tempDir();
    const run = await runHolst(['--data-dir', dataDir, '--json', 'library', 'import', '/no/such/folder'], { env });
    expect(run.code).not.toBe(0);
    expect(run.stdout.split('\n')[0]).toContain('"status":"failed"');
  });
});
