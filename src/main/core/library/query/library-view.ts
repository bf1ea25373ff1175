import type { z } from 'zod';
import { say } from '../../../../shared/core-messages';
import { HolstError, invalidInput } from '../../../../shared/errors';
import type { LibraryViewSchema } from '../../../../shared/library';
import type { Db } from '../../database/database';
import { toFtsQuery } from './records';

export type ParsedView = z.output<typeof LibraryViewSchema>;

/** The SQL of a view: what to select from, its conditions, and the column that orders it (newest first). */
export interface ViewSql {
  from: string;
  where: string[];
  params: Record<string, unknown>;
  /** `i.id`, or the driving index's copy of it: walking that keeps paging on one index. */
  order: string;
  /** Something was typed but nothing searchable: the view is empty. */
  empty: boolean;
  /**
   * For a search with no other filter: its ids from the prompt indexes alone, no image row read
   * (the library's matches minus the trash's, or the trash's).
   */
  searchIds: string | null;
}

/**
 * Parses a view (or a query that extends one) and checks what the schema cannot: a date range
 * that ends before it starts, and a tag the library does not have. Both are `invalid_input`.
 */
export function parseView<S extends z.ZodType<ParsedView>>(db: Db, schema: S, input: unknown, what = 'library view'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, what);
  const q = parsed.data;
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    throw HolstError.said('invalid_input', say('dateRangeBackwards', {}), { field: 'to' });
  }
  if (q.tag !== undefined && db.prepare('SELECT 1 FROM tags WHERE name = ?').get(q.tag) === undefined) {
    throw HolstError.said('invalid_input', say('viewTagMissing', { tag: q.tag }), { field: 'tag' });
  }
  return q;
}

/**
 * The FROM and WHERE of a view. A search is driven by the prompt index (the trash's own for the
 * trash view), else a tag by its entries, else the images' indexes; every other filter is a
 * condition on `images i`.
 */
export function viewSql(q: ParsedView): ViewSql {
  const params: Record<string, unknown> = {};
  const where: string[] = [q.trashed ? 'i.trashed_at IS NOT NULL' : 'i.trashed_at IS NULL'];
  let from = 'images i';
  let order = 'i.id';
  const match = q.query ? toFtsQuery(q.query) : null;
  const empty = q.query !== undefined && q.query.trim() !== '' && match === null;
  if (match) {
    const fts = q.trashed ? 'images_trash_fts' : 'images_fts';
    from = `${fts} f JOIN images i ON i.id = f.rowid`;
    where.push(`${fts} MATCH @match`);
    params.match = match;
    order = 'f.rowid';
    if (q.tag !== undefined) where.push(`i.id IN (SELECT image_id FROM image_tags WHERE tag_id = ${TAG_ID})`);
  } else if (q.tag !== undefined) {
    from = 'image_tags it JOIN images i ON i.id = it.image_id';
    where.push(`it.tag_id = ${TAG_ID}`);
    order = 'it.image_id';
  }
  if (q.tag !== undefined) params.tag = q.tag;
  if (q.favorites) where.push('i.favorite = 1');
  where.push(...imageFilterConditions(q, params));
  // The live/trash condition and the MATCH only: no other filter reads the row.
  const searchOnly = match !== null && where.length === 2;
  const searchIds = !searchOnly
    ? null
    : q.trashed
      ? 'SELECT f.rowid AS id FROM images_trash_fts f WHERE images_trash_fts MATCH @match'
      : `SELECT f.rowid AS id FROM images_fts f WHERE images_fts MATCH @match
         AND f.rowid NOT IN (SELECT rowid FROM images_trash_fts WHERE images_trash_fts MATCH @match)`;
  return { from, where, params, order, empty, searchIds };
}

export const TAG_ID = '(SELECT id FROM tags WHERE name = @tag)';

/**
 * The WHERE conditions on `images i` for a view's plain filters (provider, model, source,
 * conversation, dates), with their values put in `params`: one place for every query of a view.
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

/** Prepared statements by their SQL: views build a handful of shapes, each prepared once. */
export class StatementCache {
  private readonly statements = new Map<string, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {}

  get(sql: string): ReturnType<Db['prepare']> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
