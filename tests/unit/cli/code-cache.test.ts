// The CLI's code cache folder keeps the file just written and the newest others, never grows with
// every build, and leaves files that are not its own alone.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEPT_CACHE_FILES, pruneQuietly } from '../../../src/cli/code-cache';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-code-cache-prune-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

async function file(name: string, ageMs: number, now: number): Promise<void> {
  const full = path.join(folder, name);
  await fs.writeFile(full, 'x');
  const when = new Date(now - ageMs);
  await fs.utimes(full, when, when);
}

describe('pruneQuietly', () => {
  it('keeps the file written and the newest others, up to KEPT_CACHE_FILES in all', async () => {
    const now = Date.now();
    // Older builds' caches, one a day apart; the one written is the oldest by time, yet stays.
    for (let day = 1; day <= 5; day++) await file(`cli-11.3-node-${day}00-${day}.code`, day * 86_400_000, now);
    await file('cli-11.3-node-999-999.code', 10 * 86_400_000, now);
    pruneQuietly(folder, 'cli-11.3-node-999-999.code', now);
    const left = (await fs.readdir(folder)).sort();
    expect(KEPT_CACHE_FILES).toBe(3);
    expect(left).toEqual(['cli-11.3-node-100-1.code', 'cli-11.3-node-200-2.code', 'cli-11.3-node-999-999.code']);
  });

  it('removes temp files of writes that died, keeps fresh ones and anything not its own', async () => {
    const now = Date.now();
    await file('cli-a.code.123.tmp', 2 * 3_600_000, now);
    await file('cli-b.code.456.tmp', 1_000, now);
    await file('notes.txt', 30 * 86_400_000, now);
    await file('cli-new.code', 0, now);
    pruneQuietly(folder, 'cli-new.code', now);
    expect((await fs.readdir(folder)).sort()).toEqual(['cli-b.code.456.tmp', 'cli-new.code', 'notes.txt']);
  });

  it('is quiet about a folder that is not there', () => {
    expect(() => pruneQuietly(path.join(folder, 'gone'), 'cli-x.code')).not.toThrow();
  });
});
