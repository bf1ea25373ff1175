// `holst library import` stopped by Ctrl+C: the files it never took in are `cancelled`, counted apart from skipped.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHolst } from '../support/cli';
import { solidImage } from '../support/images';
import { testKeychainService } from '../support/keychain';
import { removeTempDirs, tempDir } from '../support/temp-dir';

const env = { HOLST_KEYCHAIN_SERVICE: testKeychainService() };
afterAll(removeTempDirs);

/** Runs `holst ARGS` and presses Ctrl+C once its progress line first shows on stderr. */
function runAndInterrupt(args: string[]): Promise<{ code: number | null; stdout: string }> {
  const entry = process.env.HOLST_OUT ? path.resolve(process.env.HOLST_OUT, 'cli', 'holst.cjs') : path.resolve('bin/holst.cjs');
  const child = spawn(process.execPath, [entry, ...args], { env: { ...process.env, HOLST_DATA_DIR: '', ...env } });
  let stdout = '';
  let interrupted = false;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    if (!interrupted && d.toString().includes('Importing ')) {
      interrupted = true;
      child.kill('SIGINT');
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('holst library import, interrupted', () => {
  it('reports the files Ctrl+C kept out as cancelled, apart from skipped and failed', async () => {
    const FILES = 40;
    const source = await tempDir();
    // Large pictures (previews to make), so the import is still busy when Ctrl+C comes.
    for (let n = 1; n <= FILES; n++) await fs.writeFile(path.join(source, `${n}.png`), await solidImage(n, 'png', 2400, 1800));
    const dataDir = await tempDir();

    const { code, stdout } = await runAndInterrupt(['--data-dir', dataDir, 'library', 'import', source]);
    expect(code).toBe(130);
    const lines = stdout.trim().split('\n');
    const statuses = lines.slice(0, -1).map((line) => line.split('\t')[0]);
    const count = (status: string) => statuses.filter((s) => s === status).length;
    expect(statuses).toHaveLength(FILES);
    expect(count('cancelled')).toBeGreaterThan(0);
    expect(count('imported') + count('cancelled')).toBe(FILES);
    expect(lines.at(-1)).toBe(
      `${count('imported')} imported, 0 already in the library, 0 skipped, 0 failed, ${count('cancelled')} not imported (cancelled)`,
    );

    // What it says was imported is what the library holds.
    const listed = await runHolst(['--data-dir', dataDir, '--json', 'library', 'list'], { env });
    expect((listed.json() as { items: unknown[] }).items).toHaveLength(count('imported'));
  }, 60_000);
});
