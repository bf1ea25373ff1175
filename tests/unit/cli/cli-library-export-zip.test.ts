// `holst library export --zip FILE`: the chosen images in one ZIP, read back by Python's zipfile.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runHolst } from '../../support/cli';
import { solidImage } from '../../support/images';
import { testKeychainService } from '../../support/keychain';
import { withLibrary } from '../../support/seed-library';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

const run = promisify(execFile);
const env = { HOLST_KEYCHAIN_SERVICE: testKeychainService() };
afterAll(removeTempDirs);

/** A library of `count` generated PNGs (ids 1…count), prompts "lemon 1", "lemon 2"…, and one imported photo. */
async function seeded(count: number): Promise<string> {
  const dataDir = await tempDir();
  await withLibrary(dataDir, async (library) => {
    for (let i = 1; i <= count; i++) {
      const bytes = await solidImage(i, 'png', 24, 16);
      await library.ingest({ bytes }, { source: 'generated', prompt: `lemon ${i}`, provider: 'givon', model: 'nano-banana' });
    }
    await library.ingest({ bytes: await solidImage(999, 'png', 10, 10) }, { source: 'imported', originalName: 'photo.png' });
  });
  return dataDir;
}

/** Entry names and sizes as Python's zipfile reads them (it also checks every CRC). */
async function zipEntries(file: string): Promise<Array<[string, number, number]>> {
  const script =
    'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n' +
    'print(json.dumps([[i.filename, i.file_size, i.compress_type] for i in z.infolist()]))';
  return JSON.parse((await run('python3', ['-c', script, file])).stdout) as Array<[string, number, number]>;
}

const holst = (dataDir: string, ...args: string[]) => runHolst(['--data-dir', dataDir, 'library', 'export', ...args], { env });

describe('holst library export --zip', () => {
  it('writes the filtered images into one stored ZIP with readable names, a progress line on stderr', async () => {
    const dataDir = await seeded(12);
    const zip = path.join(await tempDir(), 'lemons.zip');
    const result = await holst(dataDir, '--source', 'generated', '--zip', zip);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`12 exported, 0 failed: ${zip}`);
    expect(result.stderr).toMatch(/Exporting \d+\/12/);
    const entries = await zipEntries(zip);
    const day = new Date().toISOString().slice(0, 10);
    expect(entries.map((e) => e[0])).toEqual(Array.from({ length: 12 }, (_, i) => `${day}_lemon-${12 - i}_${12 - i}.png`));
    expect(entries.every(([, size, method]) => size > 0 && method === 0)).toBe(true);
    expect(await fs.readdir(path.dirname(zip))).toEqual(['lemons.zip']);
  });

  it('keeps an existing file unless --force, answers JSON, and refuses --to with --zip', async () => {
    const dataDir = await seeded(2);
    const dir = await tempDir();
    const zip = path.join(dir, 'out.zip');
    await fs.writeFile(zip, 'mine');
    const kept = await runHolst(['--data-dir', dataDir, '--json', 'library', 'export', '--ids', '1,2,7', '--zip', zip], { env });
    expect(kept.code).toBe(0);
    expect(kept.json()).toMatchObject({ path: path.join(dir, 'out_2.zip'), exported: 2, failed: 1, failures: [{ id: 7 }] });
    expect(await fs.readFile(zip, 'utf8')).toBe('mine');
    expect((await zipEntries(path.join(dir, 'out_2.zip'))).map((e) => e[0])).toHaveLength(2);

    const forced = await holst(dataDir, '1', '--zip', zip, '--force');
    expect(forced.code).toBe(0);
    expect((await zipEntries(zip)).map((e) => e[0])).toEqual([expect.stringMatching(/_lemon-1_1\.png$/)]);

    const both = await runHolst(['--data-dir', dataDir, '--json', 'library', 'export', '1', '--zip', zip, '--to', dir], { env });
    expect(both.code).toBe(2);
    expect(both.json()).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('--zip') } });
  });
});
