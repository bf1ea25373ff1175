import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { Db } from '../database/database';
import { forEachConcurrently } from '../library/for-each-concurrently';
import type { LibraryLayout } from '../library/layout';
import type { BackupTarget } from './backup-target';
import { hashStream } from './hash-stream';
import {
  BACKUP_FORMAT,
  MARKER,
  MarkerSchema,
  newSnapshotId,
  objectName,
  OBJECTS,
  snapshotFile,
  type BackupObject,
  type Manifest,
  type StoredFile,
} from './manifest';
import { pruneSnapshots } from './prune';
import { readSnapshotContents } from './snapshot-contents';
import { targetFailed } from './target-errors';

/** How many files are sent at once. */
const SEND_AT_ONCE = 8;

/** What is backed up: the live library (its database through SQLite's online backup) and the settings file. */
export interface BackupSource {
  db: Db;
  layout: LibraryLayout;
  settingsFile: string;
  holstVersion: string;
  schemaVersion: number;
  nativeBinding?: string;
}

export interface BackupProgress {
  phase: 'snapshot' | 'sending' | 'finishing';
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

export interface BackupOptions {
  /** How many snapshots to keep (the newest); originals only the dropped ones named go too. */
  keep: number;
  signal?: AbortSignal;
  onProgress?(progress: BackupProgress): void;
  now?: () => number;
}

export interface BackupResult {
  snapshotId: string;
  sent: { files: number; bytes: number };
  skipped: { files: number; bytes: number };
  /** Originals the database names that are not in the data folder (reported, not backed up). */
  missingLocally: Array<{ sha256: string; kind: BackupObject['kind'] }>;
  pruned: { snapshots: number; files: number };
}

/**
 * Backs the library up to `target`, sending only what the target lacks: the originals and masks it
 * has not got (by content hash), then this snapshot's database copy and settings, then its manifest.
 * Until the manifest is written the snapshot does not exist, so a run cut off at any point leaves the
 * earlier snapshots as they were, and the next run sends only what has not arrived.
 */
export async function runBackup(source: BackupSource, target: BackupTarget, options: BackupOptions): Promise<BackupResult> {
  const now = options.now ?? Date.now;
  const id = newSnapshotId(now(), randomBytes(3).toString('hex'));
  await claimTarget(target);
  await guard(target, () => target.removeHalfWritten());
  const work = path.join(source.layout.tmp, `backup-${id}`);
  await fs.mkdir(work, { recursive: true });
  try {
    const checkCancelled = () => {
      if (options.signal?.aborted) throw HolstError.said('cancelled', say('backupCancelled', {}));
    };
    options.onProgress?.({ phase: 'snapshot', files: 0, totalFiles: 0, bytes: 0, totalBytes: 0 });
    const databaseCopy = path.join(work, 'library.sqlite');
    await source.db.backup(databaseCopy);
    const { objects, counts } = readSnapshotContents(databaseCopy, source.nativeBinding);
    checkCancelled();

    const stored = await guard(target, () => target.list(OBJECTS));
    const missingLocally: BackupResult['missingLocally'] = [];
    const toSend: BackupObject[] = [];
    const kept: BackupObject[] = [];
    const skipped = { files: 0, bytes: 0 };
    for (const object of objects) {
      const size = stored.get(objectName(object));
      // Stored under its hash: there at all (its size, where the target tells it, the same) is there whole.
      if (size !== undefined && (size === null || size === object.size)) {
        skipped.files += 1;
        skipped.bytes += object.size;
        kept.push(object);
      } else toSend.push(object);
    }
    const totalBytes = toSend.reduce((sum, object) => sum + object.size, 0);
    const sent = { files: 0, bytes: 0 };
    const report = () =>
      options.onProgress?.({ phase: 'sending', files: sent.files, totalFiles: toSend.length, bytes: sent.bytes, totalBytes });
    report();
    // Several at once: each file's flush to the disk waits on the disk, and flushes in flight together are written together.
    await forEachConcurrently(toSend, SEND_AT_ONCE, async (object) => {
      checkCancelled();
      const local = source.layout.original(object.sha256, object.ext);
      try {
        await fs.access(local);
      } catch {
        missingLocally.push({ sha256: object.sha256, kind: object.kind });
        return;
      }
      await sendVerified(target, objectName(object), local, object.sha256);
      sent.files += 1;
      sent.bytes += object.size;
      kept.push(object);
      report();
    });

    checkCancelled();
    options.onProgress?.({ phase: 'finishing', files: sent.files, totalFiles: toSend.length, bytes: sent.bytes, totalBytes });
    const database = await sendFile(target, snapshotFile(id, 'library.sqlite'), databaseCopy);
    const settings = await sendSettings(target, id, source.settingsFile, work);
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      id,
      createdAt: now(),
      holstVersion: source.holstVersion,
      schemaVersion: source.schemaVersion,
      database,
      settings,
      objects: kept.toSorted((a, b) => a.sha256.localeCompare(b.sha256)),
      counts,
    };
    await guard(target, () => target.putBytes(snapshotFile(id, 'manifest.json'), Buffer.from(JSON.stringify(manifest, null, 2))));
    const pruned = await guard(target, () => pruneSnapshots(target, options.keep, id));
    return { snapshotId: id, sent, skipped, missingLocally, pruned };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** A target is used only if it is empty or already a Holst backup; an empty one is marked as one. */
async function claimTarget(target: BackupTarget): Promise<void> {
  const marker = await guard(target, () => target.readBytes(MARKER));
  if (marker) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(marker.toString('utf8'));
    } catch {
      parsed = null;
    }
    const read = MarkerSchema.safeParse(parsed);
    if (!read.success) throw HolstError.said('invalid_input', say('backupTargetForeign', { target: target.label }));
    if (read.data.format > BACKUP_FORMAT) throw HolstError.said('invalid_input', say('backupTargetNewer', { target: target.label }));
    return;
  }
  const present = await guard(target, () => target.list(''));
  if (present.size > 0) throw HolstError.said('invalid_input', say('backupTargetForeign', { target: target.label }));
  await guard(target, () => target.putBytes(MARKER, Buffer.from(JSON.stringify({ app: 'holst', format: BACKUP_FORMAT }))));
}

/** Stores a local file and reads it back: a copy that does not hash the same is an error, never a backup. */
async function sendVerified(target: BackupTarget, name: string, file: string, sha256: string): Promise<void> {
  await guard(target, () => target.put(name, file));
  const back = await guard(target, async () => hashStream(await target.open(name)));
  if (back.sha256 !== sha256) {
    await target.remove(name).catch(() => undefined);
    throw HolstError.said('storage', say('backupCopyDamaged', { target: target.label, file: name }));
  }
}

async function sendFile(target: BackupTarget, name: string, file: string): Promise<StoredFile> {
  const { sha256, size } = await hashStream(createReadStream(file));
  await sendVerified(target, name, file, sha256);
  return { name, sha256, size };
}

async function sendSettings(target: BackupTarget, id: string, settingsFile: string, work: string): Promise<StoredFile | null> {
  const copy = path.join(work, 'settings.json');
  try {
    await fs.copyFile(settingsFile, copy);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return sendFile(target, snapshotFile(id, 'settings.json'), copy);
}

/** Runs a target operation; a failure of the target itself (full, gone, refused) says so, naming it. */
async function guard<T>(target: BackupTarget, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof HolstError) throw error;
    throw targetFailed(target, error);
  }
}
