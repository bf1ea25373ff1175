// `holst backup` as a user runs it: a backup of a data folder to a folder, listed, verified, and
// restored on an empty data folder whose library and chats list exactly as the original's; a run
// killed part-way leaves the earlier snapshot whole and the next sends only the rest.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHolst } from '../../support/cli';
import { openTestCore } from '../../support/core';
import { testKeychainService } from '../../support/keychain';
import { seedLibrary, seedManyImages } from '../../support/seed-library';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

afterAll(removeTempDirs);

const env = { HOLST_KEYCHAIN_SERVICE: testKeychainService() };
const holst = (dataDir: string, ...args: string[]) => runHolst(['--data-dir', dataDir, '--json', ...args], { env });

async function countFiles(folder: string): Promise<number> {
  try {
    // A copy cut off half-way (a .part file) is not a file of the backup.
    return (await fs.readdir(folder, { recursive: true, withFileTypes: true })).filter(
      (entry) => entry.isFile() && !entry.name.endsWith('.part'),
    ).length;
  } catch {
    return 0;
  }
}

describe('holst backup', () => {
  it('backs up, lists, verifies and restores; the restored library and chats list as the original', async () => {
    const original = await tempDir();
    await seedLibrary(original);
    const core = await openTestCore(original, env);
    const conversation = core.conversations.create('kept across machines');
    core.conversations.addMessage({ conversationId: conversation.id, role: 'user', text: 'a fox at night' });
    core.close();
    const target = path.join(await tempDir(), 'holst-backups');

    const run = await holst(original, 'backup', 'run', '--to', target);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const sent = run.json() as { snapshotId: string; sent: { files: number; bytes: number }; skipped: { files: number } };
    expect(sent.sent.files).toBe(30);
    expect(sent.skipped.files).toBe(0);
    const again = (await holst(original, 'backup', 'run', '--to', target)).json() as typeof sent;
    expect(again.sent.files).toBe(0);
    expect(again.skipped.files).toBe(30);

    const list = (await holst(original, 'backup', 'list', target)).json() as {
      snapshots: Array<{ id: string; counts: { images: number } }>;
    };
    expect(list.snapshots.map((s) => s.id)).toEqual([again.snapshotId, sent.snapshotId]);
    expect(list.snapshots[0]!.counts.images).toBe(30);

    const verify = await holst(original, 'backup', 'verify', target);
    expect(verify.code).toBe(0);
    expect(verify.json()).toMatchObject({ verified: 30, missing: 0, damaged: 0 });

    const fresh = await tempDir();
    const restore = await holst(fresh, 'backup', 'restore', target);
    expect(restore.code, restore.stdout + restore.stderr).toBe(0);
    expect(restore.json()).toMatchObject({ restored: { files: 30 }, missing: 0, damaged: 0, counts: { images: 30, conversations: 1 } });
    for (const command of [
      ['library', 'list', '--limit', '500'],
      ['library', 'list', '--trash'],
      ['conversations', 'list'],
    ]) {
      // The same, but for where the data folder is (each picture's path names it).
      const before = (await holst(original, ...command)).stdout.replaceAll(original, '<data folder>');
      const after = await holst(fresh, ...command);
      expect(after.code).toBe(0);
      expect(after.stdout.replaceAll(fresh, '<data folder>')).toBe(before);
    }

    // A damaged file in the backup is reported, with exit status 7, and never restored silently.
    const objects = path.join(target, 'objects');
    const [first] = (await fs.readdir(objects, { recursive: true })).filter((name) => name.endsWith('.png') || name.endsWith('.jpg'));
    await fs.writeFile(path.join(objects, first!), 'damaged');
    const damaged = await holst(original, 'backup', 'verify', target);
    expect(damaged.code).toBe(7);
    expect(damaged.json()).toMatchObject({ verified: 29, damaged: 1 });
    const second = await tempDir();
    const partial = await holst(second, 'backup', 'restore', target);
    expect(partial.code).toBe(7);
    expect(partial.json()).toMatchObject({ restored: { files: 29 }, damaged: 1 });
  });

  it('refuses a restore into a data folder that has pictures, and names what to do', async () => {
    const original = await tempDir();
    await seedManyImages(original, 3);
    const target = path.join(await tempDir(), 'b');
    expect((await holst(original, 'backup', 'run', '--to', target)).code).toBe(0);
    const refused = await holst(original, 'backup', 'restore', target);
    expect(refused.code).toBe(2);
    expect((refused.json() as { error: { message: string } }).error.message).toContain('empty data folder');
  });

  it('after a run killed part-way, the earlier snapshot is whole and the next run sends only what had not arrived', async () => {
    const dataDir = await tempDir();
    await seedManyImages(dataDir, 20);
    const target = path.join(await tempDir(), 'b');
    expect((await holst(dataDir, 'backup', 'run', '--to', target)).code).toBe(0);
    // 400 more (the first 20 it paints are those already there).
    await seedManyImages(dataDir, 420);
    const entry = process.env.HOLST_OUT ? path.resolve(process.env.HOLST_OUT, 'cli', 'holst.cjs') : path.resolve('bin/holst.cjs');
    const child = spawn(process.execPath, [entry, '--data-dir', dataDir, '--json', 'backup', 'run', '--to', target], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Killed once some of the new originals have arrived.
    const before = await countFiles(path.join(target, 'objects'));
    while ((await countFiles(path.join(target, 'objects'))) < before + 40) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    expect(await exited).toBe(null);
    const arrived = (await countFiles(path.join(target, 'objects'))) - before;
    expect(arrived).toBeLessThan(400);
    const list = (await holst(dataDir, 'backup', 'list', target)).json() as { snapshots: unknown[] };
    expect(list.snapshots).toHaveLength(1);
    expect((await holst(dataDir, 'backup', 'verify', target)).code).toBe(0);
    const next = (await holst(dataDir, 'backup', 'run', '--to', target)).json() as { sent: { files: number }; skipped: { files: number } };
    expect(next.sent.files).toBe(400 - arrived);
    expect(next.skipped.files).toBe(20 + arrived);
    // The half-written copy the killed run left is cleared away by the next.
    const leftovers = (await fs.readdir(target, { recursive: true })).filter((name) => name.endsWith('.part'));
    expect(leftovers).toEqual([]);
  });
});
