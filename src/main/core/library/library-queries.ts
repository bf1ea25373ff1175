import { LibraryQuerySchema, type LibraryPage, type LibraryQuery } from '../../../shared/library';
import type { Db } from './database';
import { toFtsQuery, toImageRecord, type ImageRow } from './records';

/**
 * Pages of the library, newest first. Ids grow with time, so "newest first" is `id DESC` and a
 * page's cursor is the last id: every filter below walks an index in that order and stops after
 * one page, which keeps a page fast at any library size.
 */
export class LibraryQueries {
  private readonly statements = new Map<string, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {}

  list(input: LibraryQuery): LibraryPage {
    const q = LibraryQuerySchema.parse(input);
    const params: Record<string, unknown> = { limit: q.limit + 1 };
    const where: string[] = [q.trashed ? 'i.trashed_at IS NOT NULL' : 'i.trashed_at IS NULL'];
    let from = 'images i';
    let order = 'i.id';

    const match = q.query ? toFtsQuery(q.query) : null;
    if (q.query !== undefined && q.query.trim() !== '' && match === null) return { items: [], nextCursor: null };
    if (match) {
      // The FTS index drives: it yields matching rowids newest first and stops after one page.
      from = 'images_fts f JOIN images i ON i.id = f.rowid';
      where.push('images_fts MATCH @match');
      params.match = match;
      order = 'f.rowid';
    } else if (q.tag) {
      from = 'image_tags it JOIN images i ON i.id = it.image_id';
      where.push('it.tag_id = (SELECT id FROM tags WHERE name = @tag)');
      params.tag = q.tag;
      order = 'it.image_id';
    }
    if (q.tag && match) {
      where.push('i.id IN (SELECT image_id FROM image_tags WHERE tag_id = (SELECT id FROM tags WHERE name = @tag))');
      params.tag = q.tag;
    }
    if (q.favorites) where.push('i.favorite = 1');
    where.push(...imageFilterConditions(q, params));
    if (q.cursor !== undefined) {
      where.push(`${order} < @cursor`);
      params.cursor = q.cursor;
    }

    const sql = `SELECT i.* FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} DESC LIMIT @limit`;
    const rows = this.statement(sql).all(params) as ImageRow[];
    const more = rows.length > q.limit;
    const items = (more ? rows.slice(0, q.limit) : rows).map(toImageRecord);
    return { items, nextCursor: more ? items[items.length - 1]!.id : null };
  }

  private statement(sql: string) {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * The WHERE conditions on `images i` for a view's plain filters (provider, model, source,
 * conversation, dates), with their values put in `params`: one place for `list` and `count`.
 */
export function imageFilterConditions(
  q: {
    provider?: string | undefined;
    model?: string | undefined;
    source?: string | undefined;
    conversationId?: number | undefined;
    from?: number | undefined;
    to?: number | undefined;
  },
  params: Record<string, unknown>,
): string[] {
  const conditions: string[] = [];
  const filter = (condition: string, name: string, value: unknown) => {
    if (value === undefined) return;
    conditions.push(condition);
    params[name] = value;
  };
  filter('i.provider = @provider', 'provider', q.provider);
  filter('i.model = @model', 'model', q.model);
  filter('i.source = @source', 'source', q.source);
  filter('i.conversation_id = @conversationId', 'conversationId', q.conversationId);
  filter('i.created_at >= @from', 'from', q.from);
  filter('i.created_at < @to', 'to', q.to);
  return conditions;
}
