/**
 * The library's view (search, filters, the trash) kept across restarts: saved to localStorage
 * as it changes and put back before the first load. The store itself outlives the screen, so
 * switching screens keeps the view without this.
 */
import { LibraryViewSchema } from '../../../shared/library';
import type { ViewFilters } from './fetch';
import { useLibraryGrid } from './index';

const KEY = 'holst.library.view.v1';

/** A conversation filter belongs to the chat that opened it, not to the next start. */
const SavedViewSchema = LibraryViewSchema.omit({ conversationId: true });

function read(): { query: string; filters: ViewFilters } | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw === null) return null;
    const parsed = SavedViewSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    const { query, ...filters } = parsed.data;
    // A range saved the wrong way round is never sent: the dates go, the rest stays.
    if (filters.from !== undefined && filters.to !== undefined && filters.to < filters.from) {
      delete filters.from;
      delete filters.to;
    }
    return { query: query ?? '', filters };
  } catch {
    // Storage off or a damaged entry: start from the whole library.
    return null;
  }
}

function write(query: string, filters: ViewFilters) {
  try {
    const { conversationId: _conversation, ...kept } = filters;
    localStorage.setItem(KEY, JSON.stringify({ ...kept, ...(query.trim() ? { query: query.trim() } : {}) }));
  } catch {
    // Storage full or off: the view is simply not kept.
  }
}

let started = false;

/** Puts the saved view into the store (unless a view is already loaded) and keeps saving it as it changes. */
export function restoreLibraryView(): void {
  if (started) return;
  started = true;
  const saved = read();
  if (saved && !useLibraryGrid.getState().loaded) {
    useLibraryGrid.setState({ query: saved.query, filters: saved.filters });
  }
  useLibraryGrid.subscribe((state, previous) => {
    if (state.query !== previous.query || state.filters !== previous.filters) write(state.query, state.filters);
  });
}
