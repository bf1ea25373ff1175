import { LibraryQuerySchema, type LibraryPage, type LibraryQuery } from '../../../../shared/library';
import type { Db } from '../../database/database';
import { parseView, StatementCache, viewSql } from './library-view';
import { toImageRecord, type ImageRow } from './records';

/**
 * Pages of the library, newest first. Ids grow with time, so "newest first" is `id DESC` and a
 * page's cursor is the last id: every filter walks an index in that order and stops after one
 * page, which keeps a page fast at any library size.
 */
export class LibraryQueries {
  private readonly statements: StatementCache;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  /**
   * One page of a view: after `cursor` (older), or `after` an id (newer, oldest of them first),
   * or `offset` images down the view (the first id found by walking ids only, then a cursor page).
   */
  list(input: LibraryQuery): LibraryPage {
    const q = parseView(this.db, LibraryQuerySchema, input, 'library query');
    const view = viewSql(q);
    if (view.empty) return { items: [], nextCursor: null };
    const { from, order } = view;
    const where = [...view.where];
    const params: Record<string, unknown> = { ...view.params, limit: q.limit + 1 };
    let direction = 'DESC';
    if (q.cursor !== undefined) {
      where.push(`${order} < @cursor`);
      params.cursor = q.cursor;
    } else if (q.after !== undefined) {
      where.push(`${order} > @after`);
      params.after = q.after;
      direction = 'ASC';
    } else if (q.offset !== undefined && q.offset > 0) {
      const ids = view.searchIds ?? `SELECT ${order} AS id FROM ${from} WHERE ${where.join(' AND ')}`;
      const first = this.statements
        .get(`${ids} ORDER BY ${view.searchIds ? 'f.rowid' : order} DESC LIMIT 1 OFFSET @offset`)
        .get({ ...view.params, offset: q.offset }) as { id: number } | undefined;
      if (!first) return { items: [], nextCursor: null };
      where.push(`${order} <= @first`);
      params.first = first.id;
    }

    const sql = `SELECT i.* FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} ${direction} LIMIT @limit`;
    const rows = this.statements.get(sql).all(params) as ImageRow[];
    const more = rows.length > q.limit;
    const items = (more ? rows.slice(0, q.limit) : rows).map(toImageRecord);
    // With `after`, the next page goes on newer still: after the newest item of this one.
    return { items, nextCursor: more ? items[items.length - 1]!.id : null };
  }
}
