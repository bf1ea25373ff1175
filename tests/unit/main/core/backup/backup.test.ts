// Backups of a real data folder (a real SQLite library, real files) to a folder: incremental, verified,
// restored on an empty data folder, and what goes wrong with a target or a backup.
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION, type AppCore } from '../../../../../src/main/core/app-core';
import { FolderTarget } from '../../../../../src/main/core/backup/folder-target';
import { objectName, snapshotFile, type Manifest } from '../../../../../src/main/core/backup/manifest';
import { readSnapshots } from '../../../../../src/main/core/backup/prune';
import { restoreBackup } from '../../../../../src/main/core/backup/restore-backup';
import { runBackup, type BackupSource } from '../../../../../src/main/core/backup/run-backup';
import { targetFor } from '../../../../../src/main/core/backup/target-spec';
import { verifyBackup } from '../../../../../src/main/core/backup/verify-backup';
import { LATEST_SCHEMA_VERSION } from '../../../../../src/main/core/database/database';
import { HolstError } from '../../../../../src/shared/errors';
import { startWebDavServer } from '../../../../servers/webdav-server';
import { openTestCore } from '../../../../support/core';
import { paintImage, seedLibrary } from '../../../../support/seed-library';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

/** The seeded pictures are painted once; each test works on its own copy of that data folder. */
let template: string;
beforeAll(async () => {
  template = await tempDir();
  await seedLibrary(template);
}, 60_000);

const sourceOf = (core: AppCore): BackupSource => ({
  db: core.library.db,
  layout: core.library.layout,
  settingsFile: core.settings.file,
  holstVersion: APP_VERSION,
  schemaVersion: LATEST_SCHEMA_VERSION,
});
const restoreOptions = { holstVersion: APP_VERSION, schemaVersion: LATEST_SCHEMA_VERSION };

/** A data folder with the seeded pictures, a favourite, a trashed one, a tag and a conversation with an answer. */
async function seededCore(): Promise<AppCore> {
  const dataDir = await tempDir();
  await fs.cp(template, dataDir, { recursive: true });
  const core = await openTestCore(dataDir);
  const ids = (core.library.db.prepare('SELECT id FROM images ORDER BY id').all() as Array<{ id: number }>).map((row) => row.id);
  core.library.db.prepare('UPDATE images SET favorite = 1 WHERE id = ?').run(ids[0]);
  core.library.db.prepare('UPDATE images SET trashed_at = ? WHERE id = ?').run(Date.now(), ids[1]);
  const conversation = core.conversations.create('a fox, then night');
  const prompt = core.conversations.addMessage({ conversationId: conversation.id, role: 'user', text: 'a fox' });
  core.conversations.addMessage({
    conversationId: conversation.id,
    role: 'assistant',
    text: 'Here it is',
    replyTo: prompt.id,
    imageIds: [ids[2]!],
  });
  await core.settings.update((draft) => ({
    ...draft,
    providers: [{ id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: 'https://example.com/v1', models: ['m'] }],
  }));
  return core;
}

/** What a library holds, as compared before and after a restore. */
function contents(core: AppCore) {
  const images = core.library.db
    .prepare('SELECT sha256, prompt, provider, model, params, source, favorite, trashed_at IS NOT NULL AS trashed FROM images ORDER BY id')
    .all();
  const parents = core.library.db.prepare('SELECT image_id, parent_id, role FROM image_parents ORDER BY image_id').all();
  const conversations = core.conversations
    .list()
    .map((c) => ({ title: c.title, messages: core.conversations.messages(c.id).map((m) => [m.role, m.text, m.imageIds]) }));
  return { images, parents, conversations };
}

async function expectSaid(promise: Promise<unknown>, key: string): Promise<HolstError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HolstError);
  expect((error as HolstError).said?.key, (error as Error).message).toBe(key);
  return error as HolstError;
}

describe('a backup to a folder', () => {
  it('sends every original, the database and the settings once, then only what is new', async () => {
    const core = await seededCore();
    const folder = path.join(await tempDir(), 'backups');
    const target = new FolderTarget(folder);
    try {
      const first = await runBackup(sourceOf(core), target, { keep: 10 });
      const originals = (core.library.db.prepare('SELECT count(*) AS n FROM images').get() as { n: number }).n;
      expect(first.sent.files).toBe(originals);
      expect(first.skipped.files).toBe(0);
      expect(first.missingLocally).toEqual([]);
      const manifest = JSON.parse(
        await fs.readFile(path.join(folder, snapshotFile(first.snapshotId, 'manifest.json')), 'utf8'),
      ) as Manifest;
      expect(manifest.objects).toHaveLength(originals);
      expect(manifest.counts).toMatchObject({ images: originals, conversations: 1, messages: 2 });
      expect(manifest.settings).not.toBeNull();
      // Each original is stored by its hash, byte for byte.
      for (const object of manifest.objects.slice(0, 5)) {
        const stored = await fs.readFile(path.join(folder, objectName(object)));
        expect(stored.equals(await fs.readFile(core.library.layout.original(object.sha256, object.ext)))).toBe(true);
      }
      // Settings go without secrets: the keychain is never read into a backup.
      const settings = await fs.readFile(path.join(folder, snapshotFile(first.snapshotId, 'settings.json')), 'utf8');
      expect(settings).toContain('Aggregator');

      for (let n = 1; n <= 3; n++)
        await core.library.ingest({ bytes: await paintImage('lake', 100 + n, 300, 200) }, { source: 'imported' });
      const second = await runBackup(sourceOf(core), target, { keep: 10 });
      expect(second.sent).toMatchObject({ files: 3 });
      expect(second.skipped.files).toBe(originals);
      const { complete } = await readSnapshots(target);
      expect(complete.map((m) => m.id)).toEqual([second.snapshotId, first.snapshotId]);
    } finally {
      core.close();
    }
  });

  it('keeps the newest N snapshots and removes originals only no kept snapshot names', async () => {
    const core = await seededCore();
    const target = new FolderTarget(path.join(await tempDir(), 'b'));
    try {
      const first = await runBackup(sourceOf(core), target, { keep: 2 });
      const manifestOf = async (id: string) =>
        JSON.parse((await target.readBytes(snapshotFile(id, 'manifest.json')))!.toString()) as Manifest;
      const gone = (await manifestOf(first.snapshotId)).objects[0]!;
      // The picture is deleted for good from the library; two more snapshots push the first out.
      const id = (core.library.db.prepare('SELECT id FROM images WHERE sha256 = ?').get(gone.sha256) as { id: number }).id;
      core.library.db.prepare('DELETE FROM image_parents WHERE image_id = ? OR parent_id = ?').run(id, id);
      core.library.db.prepare('DELETE FROM message_images WHERE image_id = ?').run(id);
      core.library.db.prepare('DELETE FROM images WHERE id = ?').run(id);
      await runBackup(sourceOf(core), target, { keep: 2 });
      expect((await target.list('objects')).has(objectName(gone))).toBe(true); // the first snapshot still names it
      const third = await runBackup(sourceOf(core), target, { keep: 2 });
      expect(third.pruned.snapshots).toBe(1);
      expect((await readSnapshots(target)).complete).toHaveLength(2);
      expect((await target.list('objects')).has(objectName(gone))).toBe(false);
    } finally {
      core.close();
    }
  });

  it('refuses a folder that holds other files, and writes nothing there', async () => {
    const core = await seededCore();
    const folder = await tempDir();
    await fs.writeFile(path.join(folder, 'holiday.jpg'), 'not ours');
    try {
      await expectSaid(runBackup(sourceOf(core), new FolderTarget(folder), { keep: 10 }), 'backupTargetForeign');
      expect(await fs.readdir(folder)).toEqual(['holiday.jpg']);
    } finally {
      core.close();
    }
  });

  it('after a run cut off part-way, the earlier snapshot is intact and the next run sends only what had not arrived', async () => {
    const core = await seededCore();
    const folder = path.join(await tempDir(), 'b');
    const target = new FolderTarget(folder);
    try {
      const first = await runBackup(sourceOf(core), target, { keep: 10 });
      for (let n = 1; n <= 20; n++) await core.library.ingest({ bytes: await paintImage('fox', 200 + n, 120, 90) }, { source: 'imported' });
      const before = (await target.list('objects')).size;
      const abort = new AbortController();
      // Cancelled once two of the 20 new originals are in (those in flight then finish), as a run killed there would leave it (plus a half-written copy).
      await expectSaid(
        runBackup(sourceOf(core), target, {
          keep: 10,
          signal: abort.signal,
          onProgress: (progress) => progress.phase === 'sending' && progress.files === 2 && abort.abort(),
        }),
        'backupCancelled',
      );
      await fs.writeFile(path.join(folder, 'objects', 'half.png.123abc.part'), 'half');
      expect((await readSnapshots(target)).complete.map((m) => m.id)).toEqual([first.snapshotId]);
      expect((await verifyBackup(target, { workDir: await tempDir() })).missing).toEqual([]);
      const arrived = (await target.list('objects')).size - before;
      expect(arrived).toBeGreaterThanOrEqual(2);
      expect(arrived).toBeLessThan(20);
      const next = await runBackup(sourceOf(core), target, { keep: 10 });
      expect(next.sent.files).toBe(20 - arrived);
    } finally {
      core.close();
    }
  });

  it('says the target went away when its folder disappears part-way', async () => {
    const core = await seededCore();
    const parent = await tempDir();
    const folder = path.join(parent, 'disk');
    try {
      const error = await expectSaid(
        runBackup(sourceOf(core), new FolderTarget(folder), {
          keep: 10,
          onProgress: (progress) => {
            if (progress.phase === 'sending' && progress.files === 3) rmSync(parent, { recursive: true, force: true });
          },
        }),
        'backupTargetGone',
      );
      expect(error.message).toContain(folder);
    } finally {
      core.close();
    }
  });
});

describe('verify', () => {
  it('finds missing and damaged originals and names them by prompt', async () => {
    const core = await seededCore();
    const target = new FolderTarget(path.join(await tempDir(), 'b'));
    try {
      const { snapshotId } = await runBackup(sourceOf(core), target, { keep: 10 });
      const clean = await verifyBackup(target, { workDir: await tempDir() });
      expect(clean).toMatchObject({ snapshotId, missing: [], damaged: [], snapshotFiles: { missing: [], damaged: [] } });
      const manifest = JSON.parse((await target.readBytes(snapshotFile(snapshotId, 'manifest.json')))!.toString()) as Manifest;
      const [lost, spoiled] = manifest.objects;
      await target.remove(objectName(lost!));
      await target.putBytes(objectName(spoiled!), Buffer.from('not the picture'));
      const result = await verifyBackup(target, { workDir: await tempDir() });
      expect(result.verified).toBe(manifest.objects.length - 2);
      expect(result.missing.map((p) => p.sha256)).toEqual([lost!.sha256]);
      expect(result.damaged.map((p) => p.sha256)).toEqual([spoiled!.sha256]);
      const prompt = (sha: string) =>
        (core.library.db.prepare('SELECT prompt FROM images WHERE sha256 = ?').get(sha) as { prompt: string | null }).prompt;
      expect(result.missing[0]!.prompt).toBe(prompt(lost!.sha256));
      expect(result.damaged[0]!.createdAt).toBeGreaterThan(0);
    } finally {
      core.close();
    }
  });
});

describe('restore', () => {
  it('into an empty data folder gives back every picture, its lineage, the chats and the settings; keys are listed to set again', async () => {
    const core = await seededCore();
    const target = new FolderTarget(path.join(await tempDir(), 'b'));
    const before = contents(core);
    try {
      await runBackup(sourceOf(core), target, { keep: 10 });
    } finally {
      core.close();
    }
    const fresh = await tempDir();
    const result = await restoreBackup(target, fresh, restoreOptions);
    expect(result.missing).toEqual([]);
    expect(result.damaged).toEqual([]);
    expect(result.providersNeedingKeys).toEqual([{ id: 'agg', name: 'Aggregator' }]);
    const restored = await openTestCore(fresh);
    try {
      expect(contents(restored)).toEqual(before);
      // The originals are there, byte for byte; thumbnails are made again when first shown.
      const row = restored.library.db.prepare('SELECT id, sha256, mime FROM images LIMIT 1').get() as {
        id: number;
        sha256: string;
        mime: string;
      };
      const original = await fs.readFile(restored.library.originalPath(row));
      expect(original.length).toBeGreaterThan(0);
    } finally {
      restored.close();
    }
  });

  it('refuses a data folder that has pictures, a backup from a newer Holst, and a damaged database copy', async () => {
    const core = await seededCore();
    const target = new FolderTarget(path.join(await tempDir(), 'b'));
    let snapshotId: string;
    try {
      ({ snapshotId } = await runBackup(sourceOf(core), target, { keep: 10 }));
      await expectSaid(restoreBackup(target, core.dataDir, restoreOptions), 'backupRestoreNotEmpty');
    } finally {
      core.close();
    }
    const manifestName = snapshotFile(snapshotId, 'manifest.json');
    const manifest = JSON.parse((await target.readBytes(manifestName))!.toString()) as Manifest;
    await target.putBytes(
      manifestName,
      Buffer.from(JSON.stringify({ ...manifest, schemaVersion: LATEST_SCHEMA_VERSION + 1, holstVersion: '9.0.0' })),
    );
    const newer = await expectSaid(restoreBackup(target, await tempDir(), restoreOptions), 'backupTooNew');
    expect(newer.message).toContain('9.0.0');
    await target.putBytes(manifestName, Buffer.from(JSON.stringify(manifest)));
    await target.putBytes(manifest.database.name, Buffer.from('not a database'));
    const empty = await tempDir();
    await expectSaid(restoreBackup(target, empty, restoreOptions), 'backupDatabaseDamaged');
    await expect(fs.access(path.join(empty, 'library.sqlite'))).rejects.toThrow();
  });
});

describe('naming a target', () => {
  it('takes a folder path or a WebDAV address (never showing its password), and says S3 is not there yet', async () => {
    expect(targetFor('backups', '/tmp/x').label).toBe('/tmp/x/backups');
    expect(targetFor('webdav+https://me:pa55@dav.example.com/holst').label).toBe('https://dav.example.com/holst/');
    await expectSaid(Promise.reject(catchSync(() => targetFor('s3://bucket/holst'))), 'backupTargetUnsupported');
    await expectSaid(Promise.reject(catchSync(() => targetFor('  '))), 'backupTargetEmpty');
  });
});

function catchSync(run: () => unknown): unknown {
  try {
    run();
    return null;
  } catch (error) {
    return error;
  }
}

describe('a backup to a WebDAV server', () => {
  it('sends only what the server lacks, verifies and restores from it', async () => {
    const server = await startWebDavServer();
    const core = await seededCore();
    const before = contents(core);
    try {
      const address = `webdav+${server.url.replace('://', `://${server.username}@`)}/holst`;
      const target = targetFor(address, '/', { HOLST_BACKUP_PASSWORD: server.password });
      expect(target.label).not.toContain(server.password);
      const first = await runBackup(sourceOf(core), target, { keep: 10 });
      expect(first.sent.files).toBe(before.images.length);
      // Every file went up under a temporary name and was moved into place.
      expect(server.requests.filter((r) => r.method === 'MOVE').length).toBeGreaterThanOrEqual(first.sent.files + 3);
      expect((await fs.readdir(path.join(server.dir, 'holst', 'objects'))).length).toBeGreaterThan(0);
      const second = await runBackup(sourceOf(core), target, { keep: 10 });
      expect(second.sent.files).toBe(0);
      expect((await verifyBackup(target, { workDir: await tempDir() })).verified).toBe(before.images.length);
      const fresh = await tempDir();
      const restored = await restoreBackup(target, fresh, restoreOptions);
      expect(restored.restored.files).toBe(before.images.length);
      const reopened = await openTestCore(fresh);
      try {
        expect(contents(reopened)).toEqual(before);
      } finally {
        reopened.close();
      }
    } finally {
      core.close();
      await server.close();
    }
  });

  it('says what went wrong: a wrong password, a size cap, a server that goes down part-way', async () => {
    const server = await startWebDavServer();
    const core = await seededCore();
    const address = `webdav+${server.url}/holst`;
    try {
      await expectSaid(runBackup(sourceOf(core), targetFor(address, '/', {}), { keep: 10 }), 'backupTargetRefused');
      const login = { HOLST_BACKUP_PASSWORD: server.password };
      const withUser = address.replace('://', `://${server.username}@`);
      server.maxBodyBytes = 1000;
      await expectSaid(runBackup(sourceOf(core), targetFor(withUser, '/', login), { keep: 10 }), 'backupTargetTooLarge');
      server.maxBodyBytes = null;
      server.failAfter = 150;
      await expectSaid(runBackup(sourceOf(core), targetFor(withUser, '/', login), { keep: 10 }), 'backupTargetGone');
      server.failAfter = null;
      // Back up again: it completes, sending only what had not arrived.
      const done = await runBackup(sourceOf(core), targetFor(withUser, '/', login), { keep: 10 });
      expect(done.skipped.files).toBeGreaterThan(0);
      expect((await verifyBackup(targetFor(withUser, '/', login), { workDir: await tempDir() })).missing).toEqual([]);
    } finally {
      core.close();
      await server.close();
    }
  });
});
