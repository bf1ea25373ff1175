import { LibraryCountQuerySchema, type LibraryCountQuery } from '../../../../shared/library';
import type { Db } from '../../database/database';
import { imageFilterConditions, parseView, StatementCache, TAG_ID } from './library-view';
import { toFtsQuery } from './records';

/**
 * Exact counts for a view of the library. The library's count is "all matching" minus "matching
 * and trashed": the first is answered from one covering index (or the FTS index, or a tag's
 * entries) without reading rows when a single filter is set, the second walks the trash's small
 * partial index (a search asks the trash's own prompt index, so a broad search never has to tell
 * its trashed matches apart). The trash view is that second count on its own.
 */
export class LibraryCount {
  private readonly statements: StatementCache;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  count(input: LibraryCountQuery): number {
    const q = parseView(this.db, LibraryCountQuerySchema, input);
    const match = q.query ? toFtsQuery(q.query) : null;
    // Nothing searchable was typed, but something was: nothing matches (as in `list`).
    if (q.query !== undefined && q.query.trim() !== '' && match === null) return 0;

    const params: Record<string, unknown> = {};
    const columns = [...(q.favorites ? ['i.favorite = 1'] : []), ...imageFilterConditions(q, params)];
    if (q.tag) params.tag = q.tag;
    if (match) params.match = match;

    const trashed = this.trashedCount(columns, q.tag !== undefined, match !== null, params);
    if (q.trashed) return trashed;
    return this.allCount(columns, q.tag !== undefined, match !== null, params) - trashed;
  }

  /** Matching images, trashed or not: driven by the search, else the tag, else the images' indexes. */
  private allCount(columns: string[], tag: boolean, search: boolean, params: Record<string, unknown>): number {
    const where: string[] = [];
    let from: string;
    if (search) {
      from = columns.length > 0 ? 'images_fts f JOIN images i ON i.id = f.rowid' : 'images_fts f';
      where.push('images_fts MATCH @match');
      if (tag) where.push(`f.rowid IN (SELECT image_id FROM image_tags WHERE tag_id = ${TAG_ID})`);
    } else if (tag) {
      from = columns.length > 0 ? 'image_tags it JOIN images i ON i.id = it.image_id' : 'image_tags it';
      where.push(`it.tag_id = ${TAG_ID}`);
    } else {
      from = 'images i';
    }
    where.push(...columns);
    return this.run(`SELECT COUNT(*) AS n FROM ${from}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`, params);
  }

  /** Matching images in the trash: the trash's prompt index for a search, else the trash's partial index. */
  private trashedCount(columns: string[], tag: boolean, search: boolean, params: Record<string, unknown>): number {
    const where = [...columns];
    if (tag) where.push(`EXISTS (SELECT 1 FROM image_tags WHERE tag_id = ${TAG_ID} AND image_id = i.id)`);
    if (search) {
      const from = where.length > 0 ? 'images_trash_fts f JOIN images i ON i.id = f.rowid' : 'images_trash_fts f';
      return this.run(`SELECT COUNT(*) AS n FROM ${from} WHERE ${['images_trash_fts MATCH @match', ...where].join(' AND ')}`, params);
    }
    where.unshift('i.trashed_at IS NOT NULL');
    return this.run(`SELECT COUNT(*) AS n FROM images i INDEXED BY images_trashed WHERE ${where.join(' AND ')}`, params);
  }

  private run(sql: string, params: Record<string, unknown>): number {
    return (this.statements.get(sql).get(params) as { n: number }).n;
  }
}
