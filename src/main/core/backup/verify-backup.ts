import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { BackupTarget } from './backup-target';
import { hashStream } from './hash-stream';
import { objectName, type BackupObject, type Manifest, type StoredFile } from './manifest';
import { readSnapshots } from './prune';
import { describePictures } from './snapshot-contents';
import { targetFailed } from './target-errors';

export interface ProblemFile {
  sha256: string;
  kind: BackupObject['kind'];
  /** What a person knows the picture by: its prompt and when it was made (from the snapshot's database). */
  prompt: string | null;
  createdAt: number | null;
}

export interface VerifyResult {
  snapshotId: string;
  verified: number;
  missing: ProblemFile[];
  damaged: ProblemFile[];
  /** The snapshot's own files (database, settings) that are missing or damaged, by name. */
  snapshotFiles: { missing: string[]; damaged: string[] };
}

/** The snapshot `id` of a target, or its newest; a sentence when there is none. */
export async function chooseSnapshot(target: BackupTarget, id: string | undefined): Promise<Manifest> {
  let snapshots;
  try {
    snapshots = await readSnapshots(target);
  } catch (error) {
    throw targetFailed(target, error);
  }
  const manifest = id === undefined ? snapshots.complete[0] : snapshots.complete.find((candidate) => candidate.id === id);
  if (manifest) return manifest;
  if (id !== undefined) throw HolstError.said('not_found', say('backupNoSuchSnapshot', { target: target.label, id }));
  throw HolstError.said('not_found', say('backupNoSnapshot', { target: target.label }));
}

/** How a stored file compares with what the manifest says of it. */
export async function checkStored(target: BackupTarget, name: string, sha256: string): Promise<'ok' | 'missing' | 'damaged'> {
  let stream;
  try {
    stream = await target.open(name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw targetFailed(target, error);
  }
  const read = await hashStream(stream);
  return read.sha256 === sha256 ? 'ok' : 'damaged';
}

/** Copies a stored file to a local one and answers whether it hashed as expected (the copy is removed if not). */
export async function fetchChecked(
  target: BackupTarget,
  file: StoredFile | { name: string; sha256: string },
  local: string,
): Promise<boolean> {
  await fs.mkdir(path.dirname(local), { recursive: true });
  const part = `${local}.part`;
  try {
    await pipeline(await target.open(file.name), createWriteStream(part));
  } catch (error) {
    await fs.rm(part, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw targetFailed(target, error);
  }
  const { sha256 } = await hashStream(createReadStream(part));
  if (sha256 !== file.sha256) {
    await fs.rm(part, { force: true });
    return false;
  }
  await fs.rename(part, local);
  return true;
}

/**
 * Hashes everything a snapshot names on the target again, against its manifest, and reports what is
 * missing or damaged by picture (its prompt and date, read from the snapshot's own database).
 */
export async function verifyBackup(
  target: BackupTarget,
  options: { snapshotId?: string; workDir: string; signal?: AbortSignal; onProgress?(done: number, total: number): void },
): Promise<VerifyResult> {
  const manifest = await chooseSnapshot(target, options.snapshotId);
  const missing: BackupObject[] = [];
  const damaged: BackupObject[] = [];
  let verified = 0;
  for (const [index, object] of manifest.objects.entries()) {
    if (options.signal?.aborted) throw HolstError.said('cancelled', say('backupCancelled', {}));
    const state = await checkStored(target, objectName(object), object.sha256);
    if (state === 'ok') verified += 1;
    else (state === 'missing' ? missing : damaged).push(object);
    options.onProgress?.(index + 1, manifest.objects.length);
  }
  const snapshotFiles = { missing: [] as string[], damaged: [] as string[] };
  for (const file of [manifest.database, manifest.settings]) {
    if (!file) continue;
    const state = await checkStored(target, file.name, file.sha256);
    if (state !== 'ok') snapshotFiles[state].push(file.name);
  }
  // The pictures by prompt and date, where the snapshot's database is intact.
  let described = new Map<string, { prompt: string | null; createdAt: number | null }>();
  if (
    missing.length + damaged.length > 0 &&
    !snapshotFiles.missing.includes(manifest.database.name) &&
    !snapshotFiles.damaged.includes(manifest.database.name)
  ) {
    const local = path.join(options.workDir, `verify-${manifest.id}.sqlite`);
    try {
      if (await fetchChecked(target, manifest.database, local))
        described = describePictures(
          local,
          [...missing, ...damaged].map((object) => object.sha256),
        );
    } finally {
      await fs.rm(local, { force: true });
    }
  }
  const problem = (object: BackupObject): ProblemFile => ({
    sha256: object.sha256,
    kind: object.kind,
    prompt: described.get(object.sha256)?.prompt ?? null,
    createdAt: described.get(object.sha256)?.createdAt ?? null,
  });
  return { snapshotId: manifest.id, verified, missing: missing.map(problem), damaged: damaged.map(problem), snapshotFiles };
}
