import { LibraryViewSchema, type LibraryView, type Timeline } from '../../../../shared/library';
import type { Db } from '../../database/database';
import { parseView, StatementCache, viewSql, type ParsedView } from './library-view';

/** Every time zone's offset is a multiple of 15 minutes, so no quarter hour straddles a local month. */
const QUARTER_HOUR = 15 * 60_000;

/**
 * The months of a view, newest first, with how many images each holds and its place in the grid.
 * A filtered view's images are counted per quarter hour in SQL (integer division, no per-row
 * time-zone work) and fold into local months here; the plain library counts each month's range. The grid is in id order and ids grow with
 * `created_at`, so a month's place is the sum of the newer months' counts.
 */
export class LibraryTimeline {
  private readonly statements: StatementCache;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  timeline(input: LibraryView): Timeline {
    const q = parseView(this.db, LibraryViewSchema, input);
    const months = this.plainLibrary(q) ? this.plainMonths(q) : this.viewMonths(q);
    let offset = 0;
    return {
      months: [...months.entries()]
        .filter(([, count]) => count > 0)
        .sort(([a], [b]) => b - a)
        .map(([key, count]) => {
          const month = { year: Math.floor(key / 12), month: (key % 12) + 1, count, offset };
          offset += count;
          return month;
        }),
    };
  }

  /** The library (not the trash) with at most a date range: nothing to check on the rows. */
  private plainLibrary(q: ParsedView): boolean {
    const { from: _from, to: _to, trashed, ...rest } = q;
    return !trashed && Object.values(rest).every((value) => value === undefined || value === false || value === '');
  }

  /**
   * Each month's images counted on the date index alone (a range count, no row read), minus the
   * trash's, which its small index gives per quarter hour.
   */
  private plainMonths(q: ParsedView): Map<number, number> {
    const range = [...(q.from !== undefined ? ['created_at >= @from'] : []), ...(q.to !== undefined ? ['created_at < @to'] : [])];
    const params = { ...(q.from !== undefined ? { from: q.from } : {}), ...(q.to !== undefined ? { to: q.to } : {}) };
    const where = range.length > 0 ? ` WHERE ${range.join(' AND ')}` : '';
    const bounds = this.statements
      .get(`SELECT MIN(created_at) AS first, MAX(created_at) AS last FROM images INDEXED BY images_created${where}`)
      .get(params) as { first: number | null; last: number | null };
    const months = new Map<number, number>();
    if (bounds.first === null || bounds.last === null) return months;
    const inMonth = this.statements
      .get('SELECT COUNT(*) FROM images INDEXED BY images_created WHERE created_at >= ? AND created_at < ?')
      .pluck();
    const last = new Date(bounds.last);
    for (let key = monthKey(last); ; key--) {
      const start = new Date(Math.floor(key / 12), key % 12, 1).getTime();
      const end = new Date(Math.floor(key / 12), (key % 12) + 1, 1).getTime();
      months.set(key, inMonth.get(Math.max(start, q.from ?? start), Math.min(end, q.to ?? end)) as number);
      if (start <= bounds.first) break;
    }
    const trashed = this.statements
      .get(
        `SELECT created_at / ${QUARTER_HOUR} AS quarter, COUNT(*) AS n FROM images INDEXED BY images_trashed
         WHERE ${['trashed_at IS NOT NULL', ...range].join(' AND ')} GROUP BY quarter`,
      )
      .all(params) as Array<{ quarter: number; n: number }>;
    for (const [key, n] of byMonth(trashed)) months.set(key, (months.get(key) ?? 0) - n);
    return months;
  }

  /** Any other view: its images per quarter hour, walking the view as `list` does. */
  private viewMonths(q: ParsedView): Map<number, number> {
    const view = viewSql(q);
    if (view.empty) return new Map();
    const rows = this.statements
      .get(
        `SELECT i.created_at / ${QUARTER_HOUR} AS quarter, COUNT(*) AS n FROM ${view.from} WHERE ${view.where.join(' AND ')} GROUP BY quarter`,
      )
      .all(view.params) as Array<{ quarter: number; n: number }>;
    return byMonth(rows);
  }
}

/** A local month as one number: year × 12 + month (0–11). */
function monthKey(date: Date): number {
  return date.getFullYear() * 12 + date.getMonth();
}

/** Quarter-hour counts folded into local months. */
function byMonth(quarters: Array<{ quarter: number; n: number }>): Map<number, number> {
  const months = new Map<number, number>();
  for (const { quarter, n } of quarters) {
    const key = monthKey(new Date(quarter * QUARTER_HOUR));
    months.set(key, (months.get(key) ?? 0) + n);
  }
  return months;
}
