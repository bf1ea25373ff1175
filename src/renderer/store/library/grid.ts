/**
 * The library grid: the view (search and filters), its images as pages by position (pages.ts)
 * fetched as the grid scrolls, and the date scrubber's months. The viewer and the selection are
 * their own stores (viewer.ts, selection.ts).
 */
import { create } from 'zustand';
import type { HolstApi } from '../../../shared/contract';
import { isHolstError } from '../../../shared/errors';
import type { ImageRecord, LibraryView, Timeline } from '../../../shared/library';
import { unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { runOneAtATime } from '../../lib/one-at-a-time';
import { fetchIdsBetween, fetchPage, sameView, viewOf, type ViewFilters } from './fetch';
import { PAGE_SIZE, pagesOf, withoutImage, withPage, withRecord, type Pages } from './pages';

/** How long typing pauses before the search runs. */
export const SEARCH_DELAY_MS = 150;
/** The grid's missing pages are fetched at most this often (a fling past many pages asks only for where it lands). */
export const FILL_DELAY_MS = 30;

export type TimelineMonth = Timeline['months'][number];

export interface GridState {
  /** The view the loaded pages belong to (filters and search as sent to the core); bulk actions and the viewer's next/previous use it. */
  view: LibraryView;
  /** How many images match the view, loaded or not (the core's exact count): the grid is this tall. */
  total: number;
  /** Loaded pages by position (see pages.ts); positions without a page show as skeletons. */
  pages: Pages;
  /** The view's months, newest first, with their counts and places in the grid (the date scrubber). */
  timeline: TimelineMonth[];
  /** The first page for the current filters is on its way. */
  loading: boolean;
  /** A first page has arrived (the grid or the empty state can show). */
  loaded: boolean;
  /** Bumped each time a new first page replaces the list (new search or filter): the grid starts at the top. */
  listVersion: number;
  error: string | null;
  /** What is typed in the search box; the search runs a moment after typing stops. */
  query: string;
  /** Every filter but the search text (`favorites` is the favourites toggle). */
  filters: ViewFilters;
  /** A filter the core refused and the view dropped (a restored tag deleted since), for a quiet notice. */
  droppedFilter: keyof ViewFilters | null;

  load(): Promise<void>;
  /** The grid shows positions [start, end): their pages are fetched if missing, and kept up to date on changes. */
  showRange(start: number, end: number): void;
  /** The ids at positions [start, end) of the view, fetching what is not loaded (a Shift+click range). */
  idsBetween(start: number, end: number): Promise<number[]>;
  setQuery(query: string): void;
  toggleFavourites(): void;
  /** Changes some filters (undefined removes one) and loads the view's first page. */
  setFilters(patch: Partial<Record<keyof ViewFilters, unknown>>): void;
  /** Puts a changed record in wherever it is loaded (a favourite set). */
  replaceRecord(record: ImageRecord): void;
  /** Takes an image out at once (moved to the trash); the refresh library.changed brings puts the rest right. */
  removeImage(id: number): void;
}

export function createGridStore(bridge: HolstApi) {
  return create<GridState>()((set, get) => {
    /** Bumped by every first-page load: answers for an older view are stale and dropped. */
    let generation = 0;
    /** Bumped whenever positions may have moved (a new view, a change): pages fetched before are dropped. */
    let epoch = 0;
    let currentLoad: Promise<void> = Promise.resolve();
    let searchTimer: ReturnType<typeof setTimeout> | undefined;
    let fillTimer: ReturnType<typeof setTimeout> | undefined;
    /** The positions the grid shows. */
    let inView = { start: 0, end: 0 };
    /** Pages on their way, for the current epoch. */
    let inflight = new Set<number>();

    const centre = () => Math.floor((inView.start + inView.end) / 2 / PAGE_SIZE);

    /**
     * Fetches the missing pages in view, then the pages half a page beyond it either way (so steady
     * scrolling finds them loaded); a run of them goes one after the other, each by the last one's cursor.
     */
    const fillView = () => {
      const { loaded, total } = get();
      if (!loaded) return;
      const at = epoch;
      const ahead = pagesOf(Math.max(0, inView.start - PAGE_SIZE / 2), inView.end + PAGE_SIZE / 2, total);
      const wanted = [...new Set([...pagesOf(inView.start, inView.end, total), ...ahead])];
      const missing = wanted.filter((page) => !get().pages.has(page) && !inflight.has(page));
      for (const page of missing) inflight.add(page);
      void (async () => {
        for (const page of missing) {
          try {
            const items = await fetchPage(bridge, get().view, get().pages, page);
            if (at !== epoch) return;
            inflight.delete(page);
            set({ pages: withPage(get().pages, page, items, centre()) });
          } catch (error) {
            if (at !== epoch) return;
            inflight.delete(page);
            set({ error: errorText(error) });
          }
        }
      })();
    };

    const loadTimeline = async (gen: number) => {
      try {
        const { months } = await unwrap(bridge.library.timeline(get().view));
        if (gen === generation) set({ timeline: months });
      } catch {
        // The scrubber is an aid: without it the grid still scrolls everywhere.
        if (gen === generation) set({ timeline: [] });
      }
    };

    /**
     * After `library.changed`: counts the view again and fetches the pages in view anew, so new
     * images come in on top and trashed ones leave while the scroll position stays where it is.
     */
    const refreshView = async () => {
      await currentLoad;
      if (!get().loaded) return;
      const gen = generation;
      const view = get().view;
      const { count } = await unwrap(bridge.library.count(view));
      if (gen !== generation) return;
      let pages: Pages = new Map();
      for (const page of pagesOf(inView.start, Math.max(inView.end, 1), count)) {
        const items = await fetchPage(bridge, view, pages, page);
        if (gen !== generation) return;
        pages = new Map(pages).set(page, items);
      }
      epoch++;
      inflight = new Set();
      set({ pages, total: count });
      void loadTimeline(gen);
    };

    // One refresh at a time, and once more after it if changes came meanwhile.
    bridge.on(
      'library.changed',
      runOneAtATime(refreshView, (error) => set({ error: errorText(error) })),
    );

    return {
      view: {},
      total: 0,
      pages: new Map(),
      timeline: [],
      loading: false,
      loaded: false,
      listVersion: 0,
      error: null,
      query: '',
      filters: {},
      droppedFilter: null,

      load() {
        clearTimeout(searchTimer);
        const gen = ++generation;
        const filters = viewOf(get());
        set({ loading: true, error: null });
        currentLoad = (async () => {
          try {
            // The exact count comes with the first page, so the status line never shows one without the other.
            const [page, { count }] = await Promise.all([
              unwrap(bridge.library.list({ ...filters, limit: PAGE_SIZE })),
              unwrap(bridge.library.count(filters)),
            ]);
            if (gen !== generation) return;
            epoch++;
            inflight = new Set();
            inView = { start: 0, end: 0 };
            set({
              view: filters,
              pages: new Map([[0, page.items]]),
              total: count,
              timeline: [],
              loaded: true,
              loading: false,
              listVersion: get().listVersion + 1,
            });
            void loadTimeline(gen);
          } catch (error) {
            if (gen !== generation) return;
            // A filter value that no longer exists (a deleted tag, a stale restored view): drop it, not the whole screen.
            const field = isHolstError(error) && error.code === 'invalid_input' ? error.field : undefined;
            if (field !== undefined && field !== 'query' && field in get().filters) {
              set({ droppedFilter: field as keyof ViewFilters });
              return get().setFilters({ [field]: undefined });
            }
            set({ loading: false, error: errorText(error) });
          }
        })();
        return currentLoad;
      },

      showRange(start, end) {
        inView = { start, end };
        // At most one fill per FILL_DELAY_MS, for the range of that moment: steady scrolling still loads as it goes.
        fillTimer ??= setTimeout(() => {
          fillTimer = undefined;
          fillView();
        }, FILL_DELAY_MS);
      },

      idsBetween(start, end) {
        return fetchIdsBetween(bridge, get().view, get().pages, start, end);
      },

      setQuery(query) {
        set({ query });
        clearTimeout(searchTimer);
        searchTimer = setTimeout(() => {
          if (get().loaded && sameView(viewOf(get()), get().view)) return;
          void get().load();
        }, SEARCH_DELAY_MS);
      },

      toggleFavourites() {
        const { favorites, ...rest } = get().filters;
        set({ filters: favorites === true ? rest : { ...rest, favorites: true } });
        void get().load();
      },

      setFilters(patch) {
        const next: Record<string, unknown> = { ...get().filters };
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined) delete next[key];
          else next[key] = value;
        }
        set({ filters: next as ViewFilters });
        void get().load();
      },

      replaceRecord: (record) => set({ pages: withRecord(get().pages, record) }),

      removeImage(id) {
        const pages = withoutImage(get().pages, id);
        if (pages !== get().pages) set({ pages, total: Math.max(0, get().total - 1) });
      },
    };
  });
}

export type GridStore = ReturnType<typeof createGridStore>;
