// Library rows written straight into the database, as the benchmark does: many images with chosen
// dates and metadata in a moment (no files unless asked), for paging, counts and the timeline.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ImageLibrary } from '../../src/main/core/library/image-library';

export interface RowSpec {
  prompt?: string | null;
  provider?: string | null;
  model?: string | null;
  source?: 'generated' | 'imported' | 'edited';
  createdAt: number;
  favorite?: boolean;
  trashed?: boolean;
  tags?: string[];
}

/** Inserts the rows in order (ids grow with them, as ingest's do) and answers their ids. */
export function insertRows(library: ImageLibrary, rows: RowSpec[]): number[] {
  const { db } = library;
  const insert = db.prepare(
    `INSERT INTO images (sha256, mime, width, height, bytes, prompt, provider, model, source, created_at, favorite, trashed_at)
     VALUES (?, 'image/png', 64, 48, 100, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tag = db.prepare('INSERT OR IGNORE INTO image_tags (tag_id, image_id) SELECT id, ? FROM tags WHERE name = ?');
  const createTag = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO NOTHING');
  return db.transaction(() =>
    rows.map((row) => {
      const id = Number(
        insert.run(
          randomBytes(32).toString('hex'),
          row.prompt ?? null,
          row.provider ?? null,
          row.model ?? null,
          row.source ?? 'generated',
          row.createdAt,
          row.favorite ? 1 : 0,
          row.trashed ? row.createdAt : null,
        ).lastInsertRowid,
      );
      for (const name of row.tags ?? []) {
        createTag.run(name);
        tag.run(id, name);
      }
      return id;
    }),
  )();
}

/** Writes a small stand-in original for each row, so tests can check files come and go with rows. */
export async function writeOriginals(library: ImageLibrary, ids: number[]): Promise<void> {
  const rows = library.db
    .prepare('SELECT sha256 FROM images WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(ids)) as string[];
  const dirs = new Set(rows.map((sha) => path.dirname(library.layout.original(sha, 'png'))));
  await Promise.all([...dirs].map((dir) => fs.mkdir(dir, { recursive: true })));
  for (let i = 0; i < rows.length; i += 256)
    await Promise.all(rows.slice(i, i + 256).map((sha) => fs.writeFile(library.layout.original(sha, 'png'), 'x')));
}
