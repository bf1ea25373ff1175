/**
 * What the library grid asks the core for, apart from its state: the view its filters make,
 * one page of a view, and the ids of a range of positions (a Shift+click range, loaded or not).
 */
import type { HolstApi } from '../../../shared/contract';
import type { ImageRecord, LibraryPage, LibraryView } from '../../../shared/library';
import { unwrap } from '../../bridge';
import { itemAt, PAGE_SIZE, type Pages } from './pages';

/** Most images one request for a Shift+click range asks for. */
const RANGE_CHUNK = 500;

/** The view's filters other than the search text (provider, model, source, tag, favourites, dates, the trash). */
export type ViewFilters = Omit<LibraryView, 'query'>;

/** The view sent to the core for the typed search and the filters (favourites only when the toggle is on). */
export function viewOf(state: { query: string; filters: ViewFilters }): LibraryView {
  const query = state.query.trim().slice(0, 500);
  const { favorites, ...rest } = state.filters;
  return { ...rest, ...(query ? { query } : {}), ...(favorites === true ? { favorites: true } : {}) };
}

const sortedEntries = (view: LibraryView) => Object.entries(view).sort(([x], [y]) => x.localeCompare(y));

export const sameView = (a: LibraryView, b: LibraryView) => JSON.stringify(sortedEntries(a)) === JSON.stringify(sortedEntries(b));

/** One page of `view` at `page`: after a loaded full page by its keyset cursor (cheap), else by offset. */
export function fetchPage(bridge: HolstApi, view: LibraryView, pages: Pages, page: number): Promise<ImageRecord[]> {
  const previous = pages.get(page - 1);
  const at = previous?.length === PAGE_SIZE ? { cursor: previous.at(-1)!.id } : { offset: page * PAGE_SIZE };
  return unwrap(bridge.library.list({ ...view, ...at, limit: PAGE_SIZE })).then((answer) => answer.items);
}

/** The ids at positions [start, end) of `view`: from the loaded pages if they hold them all, else asked for by offset, then by cursor. */
export async function fetchIdsBetween(bridge: HolstApi, view: LibraryView, pages: Pages, start: number, end: number): Promise<number[]> {
  const loaded: number[] = [];
  for (let index = start; index < end; index++) {
    const item = itemAt(pages, index);
    if (!item) break;
    loaded.push(item.id);
  }
  if (loaded.length === end - start) return loaded;
  const ids: number[] = [];
  let cursor: number | null = null;
  while (ids.length < end - start) {
    const limit = Math.min(RANGE_CHUNK, end - start - ids.length);
    const at = cursor === null ? { offset: start } : { cursor };
    const page: LibraryPage = await unwrap(bridge.library.list({ ...view, ...at, limit }));
    ids.push(...page.items.map((item) => item.id));
    if (page.nextCursor === null || page.items.length === 0) break;
    cursor = page.nextCursor;
  }
  return ids;
}
