import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import { SettingsSchema } from '../../../shared/settings';
import { LibraryLayout } from '../library/layout';
import type { BackupTarget } from './backup-target';
import { BACKUP_FORMAT, objectName, type BackupObject } from './manifest';
import { describePictures } from './snapshot-contents';
import { chooseSnapshot, fetchChecked, type ProblemFile } from './verify-backup';

export interface RestoreResult {
  snapshotId: string;
  restored: { files: number; bytes: number };
  /** Originals the backup lacks or holds damaged: reported, never restored. */
  missing: ProblemFile[];
  damaged: ProblemFile[];
  counts: { images: number; masks: number; conversations: number; messages: number };
  /** Providers in the restored settings: keys are never in a backup, so each needs its key set again. */
  providersNeedingKeys: Array<{ id: string; name: string }>;
}

/**
 * Restores a snapshot into an empty data folder (a new machine): every original and mask, checked
 * against the manifest's hashes, then the database and the settings. Thumbnails are remade when
 * first shown. A snapshot written by a newer Holst is refused, naming the version that wrote it.
 */
export async function restoreBackup(
  target: BackupTarget,
  dataDir: string,
  options: {
    snapshotId?: string;
    holstVersion: string;
    schemaVersion: number;
    signal?: AbortSignal;
    onProgress?(done: number, total: number): void;
  },
): Promise<RestoreResult> {
  const manifest = await chooseSnapshot(target, options.snapshotId);
  if (manifest.format > BACKUP_FORMAT || manifest.schemaVersion > options.schemaVersion)
    throw HolstError.said('invalid_input', say('backupTooNew', { version: manifest.holstVersion, current: options.holstVersion }));
  const layout = new LibraryLayout(dataDir);
  await refuseNonEmpty(layout);
  await fs.mkdir(layout.tmp, { recursive: true });

  const databaseCopy = path.join(layout.tmp, `restore-${manifest.id}.sqlite`);
  if (!(await fetchChecked(target, manifest.database, databaseCopy)))
    throw HolstError.said('storage', say('backupDatabaseDamaged', { target: target.label, id: manifest.id }));

  const missing: BackupObject[] = [];
  const damaged: BackupObject[] = [];
  const restored = { files: 0, bytes: 0 };
  for (const [index, object] of manifest.objects.entries()) {
    if (options.signal?.aborted) throw HolstError.said('cancelled', say('backupCancelled', {}));
    const local = layout.original(object.sha256, object.ext);
    const ok = await fetchChecked(target, { name: objectName(object), sha256: object.sha256 }, local);
    if (ok) {
      restored.files += 1;
      restored.bytes += object.size;
    } else {
      const exists = (await target.list(path.posix.dirname(objectName(object)))).has(objectName(object));
      (exists ? damaged : missing).push(object);
    }
    options.onProgress?.(index + 1, manifest.objects.length);
  }
  if (manifest.settings) {
    const settingsFile = path.join(dataDir, 'settings.json');
    if (!(await fetchChecked(target, manifest.settings, settingsFile)))
      throw HolstError.said('storage', say('backupSettingsDamaged', { target: target.label, id: manifest.id }));
  }
  // Last, so that a restore cut off part-way leaves no library that names pictures it lacks.
  await fs.rename(databaseCopy, layout.database);
  const described = describe(layout.database, [...missing, ...damaged]);
  return {
    snapshotId: manifest.id,
    restored,
    missing: missing.map(described),
    damaged: damaged.map(described),
    counts: manifest.counts,
    providersNeedingKeys: await providersIn(path.join(dataDir, 'settings.json')),
  };
}

/** Restoring over a library that has anything in it would lose it: that is a merge, not a restore. */
async function refuseNonEmpty(layout: LibraryLayout): Promise<void> {
  try {
    await fs.access(layout.database);
  } catch {
    return;
  }
  const db = new Database(layout.database, { readonly: true });
  try {
    const has = (table: string) => (db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table}) AS n`).get() as { n: number }).n === 1;
    if (has('images') || has('conversations'))
      throw HolstError.said('invalid_input', say('backupRestoreNotEmpty', { folder: layout.dataDir }));
  } finally {
    db.close();
  }
  // An empty library (a data folder the app or the CLI only opened): its files make way for the backup's.
  for (const suffix of ['', '-wal', '-shm']) await fs.rm(`${layout.database}${suffix}`, { force: true });
}

function describe(file: string, objects: BackupObject[]): (object: BackupObject) => ProblemFile {
  const info = describePictures(
    file,
    objects.map((object) => object.sha256),
  );
  return (object) => ({
    sha256: object.sha256,
    kind: object.kind,
    prompt: info.get(object.sha256)?.prompt ?? null,
    createdAt: info.get(object.sha256)?.createdAt ?? null,
  });
}

async function providersIn(settingsFile: string): Promise<Array<{ id: string; name: string }>> {
  try {
    const settings = SettingsSchema.parse(JSON.parse(await fs.readFile(settingsFile, 'utf8')));
    return settings.providers.map((provider) => ({ id: provider.id, name: provider.name ?? provider.id }));
  } catch {
    return [];
  }
}
