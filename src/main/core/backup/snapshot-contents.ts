import Database from 'better-sqlite3';
import { EXT_BY_MIME } from '../library/layout';
import type { BackupObject, Manifest } from './manifest';

/**
 * What a database snapshot holds: the originals and masks it names, and its counts. Read from the
 * snapshot itself (not the live library), so the objects sent are exactly those it refers to.
 */
export function readSnapshotContents(file: string, nativeBinding?: string): { objects: BackupObject[]; counts: Manifest['counts'] } {
  const db = new Database(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const rows = db
      .prepare(
        "SELECT sha256, mime, bytes, 'image' AS kind FROM images UNION ALL SELECT sha256, mime, bytes, 'mask' AS kind FROM masks ORDER BY sha256",
      )
      .all() as Array<{ sha256: string; mime: string; bytes: number; kind: 'image' | 'mask' }>;
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      objects: rows.map((row) => ({ sha256: row.sha256, size: row.bytes, ext: EXT_BY_MIME[row.mime] ?? 'bin', kind: row.kind })),
      counts: { images: count('images'), masks: count('masks'), conversations: count('conversations'), messages: count('messages') },
    };
  } finally {
    db.close();
  }
}

/** A snapshot's pictures by hash, with what a person recognises them by (for verify's report). */
export function describePictures(
  file: string,
  hashes: readonly string[],
): Map<string, { prompt: string | null; createdAt: number | null }> {
  const found = new Map<string, { prompt: string | null; createdAt: number | null }>();
  if (hashes.length === 0) return found;
  const db = new Database(file, { readonly: true });
  try {
    const image = db.prepare('SELECT prompt, created_at AS createdAt FROM images WHERE sha256 = ?');
    const mask = db.prepare('SELECT created_at AS createdAt FROM masks WHERE sha256 = ?');
    for (const sha of hashes) {
      const row = image.get(sha) as { prompt: string | null; createdAt: number } | undefined;
      const maskRow = row ? undefined : (mask.get(sha) as { createdAt: number } | undefined);
      found.set(sha, { prompt: row?.prompt ?? null, createdAt: row?.createdAt ?? maskRow?.createdAt ?? null });
    }
  } finally {
    db.close();
  }
  return found;
}
