import { say } from '../../../shared/core-messages';
import { HolstError, invalidInput } from '../../../shared/errors';
import { LibraryViewSchema, SelectionSchema, type Selection } from '../../../shared/library';
import type { Db } from '../database/database';
import { forEachConcurrently } from './for-each-concurrently';
import { EXT_BY_MIME } from './layout';
import { normalizeTags, removeOrphanTags } from './query/library-tags';
import { parseView, viewSql } from './query/library-view';

/** What a bulk action did: how many images changed, and which. */
export interface BulkResult {
  count: number;
  ids: number[];
}

/** A trash action's result, with the moment that marks it: `untrash` with it undoes just this action. */
export interface TrashResult extends BulkResult {
  trashedAt: number;
}

/** Files removed at once when deleting for good: enough to keep the disk busy, few enough for any OS. */
const REMOVE_CONCURRENCY = 16;
/** Past this many images moved in or out of the trash, its search index is compacted in the same transaction. */
const COMPACT_TRASH_INDEX_AFTER = 1000;

/**
 * Actions on many images at once. Each resolves its selection (ids, or a view minus some ids)
 * into a temp table and acts on it inside ONE transaction, whatever the size: a crash leaves
 * either all of it done or none.
 */
export class BulkActions {
  constructor(
    private readonly db: Db,
    /** Removes an image's files unless a row holds the same bytes again; answers whether it did. */
    private readonly removeFiles: (sha256: string, ext: string) => Promise<unknown>,
  ) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS selection_ids (id INTEGER PRIMARY KEY)');
  }

  /** The last trash action's moment: each action gets its own, so Undo restores that action only. */
  private lastTrashedAt = 0;

  /** Moves the selected images to the trash (their files stay until deleted for good). */
  trash(selection: Selection): TrashResult {
    const now = Math.max(Date.now(), this.lastTrashedAt + 1);
    this.lastTrashedAt = now;
    return { ...this.update(selection, 'trashed_at = @now', 'trashed_at IS NULL', { now }, true), trashedAt: now };
  }

  /** Undoes one trash action: restores the images it moved (still in the trash), and no others. */
  untrash(trashedAt: number): BulkResult {
    const ids = this.db.transaction(() => {
      const restored = this.db
        .prepare('UPDATE images SET trashed_at = NULL WHERE trashed_at = ? RETURNING id')
        .pluck()
        .all(trashedAt) as number[];
      this.compactTrashIndex(restored.length);
      return restored;
    })();
    return { count: ids.length, ids };
  }

  restore(selection: Selection): BulkResult {
    return this.update(selection, 'trashed_at = NULL', 'trashed_at IS NOT NULL', {}, true);
  }

  setFavorite(selection: Selection, favorite: boolean): BulkResult {
    return this.update(selection, 'favorite = @favorite', 'favorite != @favorite', { favorite: favorite ? 1 : 0 });
  }

  /** Adds and removes tags on every selected image; new tags are created, tags left on no image go. */
  tagMany(selection: Selection, add: string[], remove: string[]): BulkResult {
    const adding = normalizeTags(add);
    const removing = normalizeTags(remove);
    const both = adding.find((tag) => removing.some((other) => other.toLowerCase() === tag.toLowerCase()));
    if (both !== undefined) throw HolstError.said('invalid_input', say('tagAddedAndRemoved', { tag: both }), { field: 'remove' });
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO image_tags (tag_id, image_id)
       SELECT t.id, i.id FROM temp.selection_ids s JOIN images i ON i.id = s.id, tags t WHERE t.name = ? RETURNING image_id`,
    );
    const drop = this.db.prepare(
      `DELETE FROM image_tags WHERE tag_id = (SELECT id FROM tags WHERE name = ?)
       AND image_id IN (SELECT id FROM temp.selection_ids) RETURNING image_id`,
    );
    const createTag = this.db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO NOTHING');
    return this.inTransaction(selection, () => {
      const changed = new Set<number>();
      for (const name of adding) {
        createTag.run(name);
        for (const id of insert.pluck().all(name) as number[]) changed.add(id);
      }
      for (const name of removing) for (const id of drop.pluck().all(name) as number[]) changed.add(id);
      removeOrphanTags(this.db);
      return [...changed];
    });
  }

  /**
   * Deletes the selected images that are in the trash (others are left alone): rows and a
   * journal entry per file in one transaction, then the files; what a crash leaves of the files
   * is finished at the next start.
   */
  async deleteForGood(selection: Selection): Promise<BulkResult> {
    const doomed: Array<{ id: number; sha256: string; mime: string }> = [];
    const journalIds: number[] = [];
    const journal = this.db.prepare("INSERT INTO file_journal (op, sha256, ext, created_at) VALUES ('delete', ?, ?, ?)");
    const result = this.inTransaction(selection, () => {
      const now = Date.now();
      const rows = this.db
        .prepare('DELETE FROM images WHERE id IN (SELECT id FROM temp.selection_ids) AND trashed_at IS NOT NULL RETURNING id, sha256, mime')
        .all() as typeof doomed;
      // Masks go with the last picture that held them: painted over a picture now gone, used by none left.
      const masks = this.db
        .prepare(
          `DELETE FROM masks WHERE source_id IS NULL AND id NOT IN (SELECT mask_id FROM images WHERE mask_id IS NOT NULL)
           RETURNING 0 AS id, sha256, mime`,
        )
        .all() as typeof doomed;
      for (const row of [...rows, ...masks]) {
        doomed.push(row);
        journalIds.push(Number(journal.run(row.sha256, EXT_BY_MIME[row.mime] ?? 'bin', now).lastInsertRowid));
      }
      removeOrphanTags(this.db);
      this.compactTrashIndex(rows.length);
      return rows.map((row) => row.id);
    });
    const removed: number[] = [];
    await forEachConcurrently(doomed, REMOVE_CONCURRENCY, async (image, at) => {
      // A file that cannot be removed now keeps its journal entry: the next start tries again.
      await this.removeFiles(image.sha256, EXT_BY_MIME[image.mime] ?? 'bin').then(
        () => removed.push(journalIds[at]!),
        () => undefined,
      );
    });
    if (removed.length > 0)
      this.db.prepare('DELETE FROM file_journal WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(removed));
    return result;
  }

  /** The selection's ids, resolved as a bulk action would (for callers that act on them one by one). */
  resolve(selection: Selection): number[] {
    return this.inTransaction(
      selection,
      () => this.db.prepare('SELECT id FROM temp.selection_ids ORDER BY id DESC').pluck().all() as number[],
    ).ids;
  }

  private update(selection: Selection, set: string, unless: string, params: Record<string, unknown>, trash = false): BulkResult {
    const statement = this.db.prepare(
      `UPDATE images SET ${set} WHERE id IN (SELECT id FROM temp.selection_ids) AND ${unless} RETURNING id`,
    );
    return this.inTransaction(selection, () => {
      const ids = (Object.keys(params).length > 0 ? statement.pluck().all(params) : statement.pluck().all()) as number[];
      if (trash) this.compactTrashIndex(ids.length);
      return ids;
    });
  }

  /** Many entries in and out leave the trash's search index in pieces that every search walks: merge them. */
  private compactTrashIndex(changed: number): void {
    if (changed > COMPACT_TRASH_INDEX_AFTER) this.db.prepare("INSERT INTO images_trash_fts(images_trash_fts) VALUES ('optimize')").run();
  }

  /** Resolves the selection into `temp.selection_ids` and runs `act` on it, all in one transaction. */
  private inTransaction(input: Selection, act: () => number[]): BulkResult {
    const parsed = SelectionSchema.safeParse(input);
    if (!parsed.success) throw invalidInput(parsed.error, 'selection');
    const selection = parsed.data;
    const view = 'view' in selection ? parseView(this.db, LibraryViewSchema, selection.view) : null;
    const ids = this.db.transaction(() => {
      this.db.exec('DELETE FROM temp.selection_ids');
      if (view === null) {
        this.db
          .prepare('INSERT OR IGNORE INTO temp.selection_ids (id) SELECT value FROM json_each(?)')
          .run(JSON.stringify((selection as { ids: number[] }).ids));
      } else {
        const sql = viewSql(view);
        if (!sql.empty) {
          const except = (selection as { except: number[] }).except;
          const where = [...sql.where, ...(except.length > 0 ? ['i.id NOT IN (SELECT value FROM json_each(@except))'] : [])];
          this.db
            .prepare(`INSERT OR IGNORE INTO temp.selection_ids (id) SELECT i.id FROM ${sql.from} WHERE ${where.join(' AND ')}`)
            .run({ ...sql.params, ...(except.length > 0 ? { except: JSON.stringify(except) } : {}) });
        }
      }
      const changed = act();
      this.db.exec('DELETE FROM temp.selection_ids');
      return changed;
    })();
    return { count: ids.length, ids };
  }
}
