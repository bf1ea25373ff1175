import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logging/log';
import type { Db } from '../database/database';
import { forEachConcurrently } from './for-each-concurrently';
import type { LibraryLayout } from './layout';

/**
 * The library's files on disk, kept in step with its rows: every file move is journalled in
 * `file_journal` first, so a crash leaves nothing a start-up cannot finish or undo.
 */
export class LibraryFiles {
  /** Whether a row holds the bytes of a hash (before files named by it are removed). */
  private readonly hasBytes: ReturnType<Db['prepare']>;

  constructor(
    private readonly db: Db,
    private readonly layout: LibraryLayout,
    private readonly logger: Logger,
  ) {
    this.hasBytes = db.prepare('SELECT 1 FROM images WHERE sha256 = @sha UNION ALL SELECT 1 FROM masks WHERE sha256 = @sha');
  }

  /**
   * Start-up repair after a crash: temp files are removed; files whose ingest never committed are
   * removed; files whose row was deleted are removed. The journal makes this cost nothing when
   * there was no crash, whatever the library's size.
   */
  async reconcile(): Promise<{ removedTemp: number; undoneIngests: number; finishedDeletes: number }> {
    let removedTemp = 0;
    const temps = await fs.readdir(this.layout.tmp).catch(() => [] as string[]);
    for (const name of temps) {
      await fs.rm(path.join(this.layout.tmp, name), { force: true, recursive: true });
      removedTemp++;
    }
    const entries = this.db.prepare('SELECT id, op, sha256, ext FROM file_journal ORDER BY id').all() as Array<{
      id: number;
      op: string;
      sha256: string;
      ext: string;
    }>;
    let undoneIngests = 0;
    let finishedDeletes = 0;
    // Several removals at once: a crash while emptying a large trash leaves thousands of entries.
    await forEachConcurrently(entries, 16, async (entry) => {
      if (!(await this.removeUnusedFiles(entry.sha256, entry.ext))) return;
      if (entry.op === 'ingest') undoneIngests++;
      else finishedDeletes++;
    });
    // Cleared once every file is handled; a crash before this only repeats the (idempotent) removals.
    this.db.prepare('DELETE FROM file_journal WHERE id <= ?').run(entries.at(-1)?.id ?? 0);
    if (removedTemp + undoneIngests + finishedDeletes > 0) {
      this.logger.warn(
        `library reconciled: ${removedTemp} temp files, ${undoneIngests} unfinished ingests, ${finishedDeletes} unfinished deletes`,
      );
    }
    return { removedTemp, undoneIngests, finishedDeletes };
  }

  async moveInto(temp: string, target: string): Promise<void> {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(temp, target);
  }

  /**
   * Removes a journalled file and its thumbnail and preview unless a row holds those bytes (they
   * came in again since the entry was written); answers whether it removed them.
   */
  async removeUnusedFiles(sha256: string, ext: string): Promise<boolean> {
    if (this.hasBytes.get({ sha: sha256 }) !== undefined) return false;
    await this.removeFiles(sha256, ext);
    return true;
  }

  async removeFiles(sha256: string, ext: string): Promise<void> {
    await Promise.all(
      [this.layout.original(sha256, ext), this.layout.thumb(sha256), this.layout.preview(sha256)].map((file) =>
        fs.rm(file, { force: true }),
      ),
    );
  }
}
