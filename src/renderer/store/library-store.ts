import { create } from 'zustand';
import { isHolstError } from '../../shared/errors';
import type { ImageDetail, ImageRecord, LibraryPage, LibraryQuery } from '../../shared/library';
import { holst, unwrap } from '../bridge';
import { checkImageFiles, fileName, readBase64 } from '../bridge/files';
import { i18n } from '../i18n';
import { errorText } from '../i18n/errors';

/** Images per page; the grid asks for the next page as the user nears the end. */
export const PAGE_SIZE = 200;
/** How long typing pauses before the search runs. */
export const SEARCH_DELAY_MS = 150;
/** More changed images than this in one event and the list is loaded again instead of patched. */
const PATCH_LIMIT = 50;
/** After a change that cannot be patched, at most this many images are loaded again. */
const RELOAD_LIMIT = 2000;

type Filters = Pick<LibraryQuery, 'query' | 'favorites'>;

interface LibraryState {
  /** The loaded images for the current filters, newest first. */
  items: ImageRecord[];
  /** Where the next page starts; null when every matching image is loaded. */
  nextCursor: number | null;
  /** How many images match the current filters and search, loaded or not (the core's exact count). */
  total: number;
  /** The first page for the current filters is on its way. */
  loading: boolean;
  loadingMore: boolean;
  /** A first page has arrived (the grid or the empty state can show). */
  loaded: boolean;
  /** Bumped each time a new first page replaces the list (new search or filter): the grid starts at the top. */
  listVersion: number;
  /** The loaded items were filtered (search or favourites), for the empty state's wording. */
  filtered: boolean;
  error: string | null;
  /** What is typed in the search box; the search runs a moment after typing stops. */
  query: string;
  favouritesOnly: boolean;
  /** The image open in the viewer, with its lineage and tags. */
  selected: ImageDetail | null;
  viewerError: string | null;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  setQuery(query: string): void;
  toggleFavourites(): void;
  open(id: number): Promise<void>;
  close(): void;
  setFavorite(id: number, favorite: boolean): Promise<void>;
  /** Moves an image to the trash; false (with `viewerError` set) when that failed. */
  trash(id: number): Promise<boolean>;
  /** Files dropped or pasted on the library, imported one after the other. */
  fileImport: FileImport | null;
  importFiles(files: File[]): Promise<void>;
  cancelFileImport(): void;
  dismissFileImport(): void;
}

export interface FileImport {
  total: number;
  done: number;
  /** Now in the library (a picture it already had counts too: the same bytes are kept once). */
  imported: number;
  /** One sentence per file turned down or failed (in the language of the moment it happened). */
  problems: string[];
  finished: boolean;
  cancelled: boolean;
}

/** Errors are kept as the sentence the user reads (the catalogue's, for the language in use). */
const message = (error: unknown) => errorText(error);

/** A file the core would not keep says so plainly, with the core's reason (the generic headline speaks of requests). */
const importProblem = (name: string, error: unknown) =>
  isHolstError(error) && error.code === 'invalid_input'
    ? i18n.t('library:fileImport.rejected', { name, detail: error.message })
    : i18n.t('library:fileImport.problem', { name, error: message(error) });

const filtersOf = (state: Pick<LibraryState, 'query' | 'favouritesOnly'>): Filters => {
  const query = state.query.trim().slice(0, 500);
  return { ...(query ? { query } : {}), ...(state.favouritesOnly ? { favorites: true } : {}) };
};

const sameFilters = (a: Filters, b: Filters) => a.query === b.query && a.favorites === b.favorites;

export const useLibraryStore = create<LibraryState>()((set, get) => {
  /** Bumped by every first-page load: answers for an older generation are stale and dropped. */
  let generation = 0;
  /** The filters the loaded items were fetched with (typing changes `query` before this). */
  let active: Filters = {};
  let currentLoad: Promise<void> = Promise.resolve();
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every open/close, so a slow answer cannot reopen a viewer the user moved on from. */
  let openTicket = 0;
  /** Bumped to stop a running file import between two files. */
  let importTicket = 0;
  /** Bumped by every count asked for: only the latest answer is shown. */
  let countTicket = 0;

  const replaceRecord = (record: ImageRecord) => {
    const { items, selected } = get();
    const index = items.findIndex((item) => item.id === record.id);
    const next: Partial<LibraryState> = {};
    if (index >= 0) next.items = items.with(index, record);
    if (selected) {
      const swap = (image: ImageRecord) => (image.id === record.id ? record : image);
      next.selected = {
        ...selected,
        image: swap(selected.image),
        parents: selected.parents.map((p) => ({ ...p, image: swap(p.image) })),
        children: selected.children.map(swap),
      };
    }
    set(next);
  };

  /** Fetches from the top again, as many images as were loaded (up to RELOAD_LIMIT). */
  const reloadInPlace = async (gen: number) => {
    const want = Math.min(Math.max(get().items.length, PAGE_SIZE), RELOAD_LIMIT);
    const items: ImageRecord[] = [];
    let cursor: number | null = null;
    do {
      const page: LibraryPage = await unwrap(holst.library.list({ ...active, limit: 500, ...(cursor !== null ? { cursor } : {}) }));
      if (gen !== generation) return;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null && items.length < want);
    set({ items, nextCursor: cursor });
  };

  /**
   * Brings the loaded list up to date after `library.changed` without losing the user's place:
   * new images are added on top, changed ones replaced, trashed ones (or ones no longer matching
   * the filters) removed. What cannot be worked out here is loaded again.
   */
  const refreshList = async (ids: number[]) => {
    await currentLoad;
    const gen = generation;
    if (!get().loaded) return;
    if (ids.length === 0 || ids.length > PATCH_LIMIT) return reloadInPlace(gen);

    const filters = active;
    const head = await unwrap(holst.library.list({ ...filters, limit: PAGE_SIZE }));
    if (gen !== generation) return;
    const topId = get().items[0]?.id ?? 0;
    const fresh = head.items.filter((item) => item.id > topId);
    if (fresh.length === head.items.length && head.nextCursor !== null) {
      // More new images than a page: start from the top.
      return set({ items: head.items, nextCursor: head.nextCursor });
    }
    // The head page is the truth for every id down to its last one.
    const headFloor = head.nextCursor === null ? 0 : (head.items.at(-1)?.id ?? 0);
    const headById = new Map(head.items.map((item) => [item.id, item]));
    const updates = new Map<number, ImageRecord | null>();
    for (const id of new Set(ids)) {
      if (id > topId) continue;
      if (id >= headFloor) {
        updates.set(id, headById.get(id) ?? null);
        continue;
      }
      let record: ImageRecord | null = null;
      try {
        record = (await unwrap(holst.library.get({ id }))).image;
      } catch (error) {
        if (!isHolstError(error) || error.code !== 'not_found') throw error;
      }
      const belongs = record !== null && record.trashedAt === null && (!filters.favorites || record.favorite);
      const listed = get().items.some((item) => item.id === id);
      // A restored image may or may not match the search: only the core can tell.
      if (belongs && !listed && filters.query) return reloadInPlace(gen);
      updates.set(id, belongs ? record : null);
    }
    if (gen !== generation) return;

    const { items, nextCursor } = get();
    const floor = nextCursor === null ? 0 : (items.at(-1)?.id ?? 0);
    const kept: ImageRecord[] = [];
    for (const item of items) {
      if (!updates.has(item.id)) kept.push(item);
      else {
        const record = updates.get(item.id);
        if (record) kept.push(record);
        updates.delete(item.id);
      }
    }
    // What is left were not listed: add those that fall inside the loaded range.
    const inserted = [...updates.values()].filter((record): record is ImageRecord => record !== null && record.id > floor);
    const merged = inserted.length > 0 ? [...kept, ...inserted].sort((a, b) => b.id - a.id) : kept;
    set({ items: fresh.length > 0 ? [...fresh, ...merged] : merged });
  };

  const refreshSelected = async () => {
    const selected = get().selected;
    if (!selected) return;
    const ticket = openTicket;
    try {
      const detail = await unwrap(holst.library.get({ id: selected.image.id }));
      if (ticket === openTicket) set({ selected: detail });
    } catch {
      // Gone for good (the trash was emptied): the viewer keeps what it shows until closed.
    }
  };

  /** Counts the loaded list's view again (after a change), dropping the answer if anything newer was asked. */
  const recount = async () => {
    if (!get().loaded) return;
    const ticket = ++countTicket;
    const { count } = await unwrap(holst.library.count(active));
    if (ticket === countTicket) set({ total: count });
  };

  let refreshing: Promise<void> = Promise.resolve();
  holst.on('library.changed', ({ ids }) => {
    refreshing = refreshing
      .then(() => Promise.all([refreshList(ids).then(recount), refreshSelected()]))
      .then(
        () => undefined,
        (error: unknown) => set({ error: message(error) }),
      );
  });

  return {
    items: [],
    nextCursor: null,
    total: 0,
    loading: false,
    loadingMore: false,
    loaded: false,
    filtered: false,
    listVersion: 0,
    error: null,
    query: '',
    favouritesOnly: false,
    selected: null,
    viewerError: null,
    fileImport: null,

    load() {
      clearTimeout(searchTimer);
      const gen = ++generation;
      // A count asked for before these filters answers for the old ones: it is dropped.
      countTicket++;
      const filters = filtersOf(get());
      set({ loading: true, loadingMore: false, error: null });
      currentLoad = (async () => {
        try {
          // The exact count comes with the first page, so the status line never shows one without the other.
          const [page, { count }] = await Promise.all([
            unwrap(holst.library.list({ ...filters, limit: PAGE_SIZE })),
            unwrap(holst.library.count(filters)),
          ]);
          if (gen !== generation) return;
          active = filters;
          set({
            items: page.items,
            nextCursor: page.nextCursor,
            total: count,
            loaded: true,
            loading: false,
            listVersion: get().listVersion + 1,
            filtered: filters.query !== undefined || filters.favorites === true,
          });
        } catch (error) {
          if (gen === generation) set({ loading: false, error: message(error) });
        }
      })();
      return currentLoad;
    },

    async loadMore() {
      const { nextCursor, loading, loadingMore } = get();
      if (nextCursor === null || loading || loadingMore) return;
      const gen = generation;
      set({ loadingMore: true });
      try {
        const page = await unwrap(holst.library.list({ ...active, cursor: nextCursor, limit: PAGE_SIZE }));
        if (gen !== generation) return;
        const { items } = get();
        const last = items.at(-1)?.id ?? Number.POSITIVE_INFINITY;
        // Ids only go down the list: anything at or above the last one is already there.
        set({ items: items.concat(page.items.filter((item) => item.id < last)), nextCursor: page.nextCursor, loadingMore: false });
      } catch (error) {
        if (gen === generation) set({ loadingMore: false, error: message(error) });
      }
    },

    setQuery(query) {
      set({ query });
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        if (get().loaded && sameFilters(filtersOf(get()), active)) return;
        void get().load();
      }, SEARCH_DELAY_MS);
    },

    toggleFavourites() {
      set({ favouritesOnly: !get().favouritesOnly });
      void get().load();
    },

    async open(id) {
      const ticket = ++openTicket;
      try {
        const detail = await unwrap(holst.library.get({ id }));
        if (ticket === openTicket) set({ selected: detail, viewerError: null });
      } catch (error) {
        if (ticket === openTicket) set({ viewerError: message(error) });
      }
    },

    close() {
      openTicket++;
      set({ selected: null, viewerError: null });
    },

    async setFavorite(id, favorite) {
      const before = get().items.find((item) => item.id === id) ?? (get().selected?.image.id === id ? get().selected?.image : undefined);
      if (before) replaceRecord({ ...before, favorite });
      try {
        replaceRecord(await unwrap(holst.library.setFavorite({ id, favorite })));
      } catch (error) {
        if (before) replaceRecord(before);
        set({ viewerError: message(error) });
      }
    },

    async trash(id) {
      try {
        await unwrap(holst.library.trash({ ids: [id] }));
      } catch (error) {
        set({ viewerError: message(error) });
        return false;
      }
      set({ items: get().items.filter((item) => item.id !== id) });
      if (get().selected?.image.id === id) get().close();
      return true;
    },

    async importFiles(files) {
      const { images, problems } = checkImageFiles(files);
      if (get().fileImport && !get().fileImport!.finished) {
        set({ error: i18n.t('library:fileImport.stillRunning') });
        return;
      }
      const ticket = ++importTicket;
      const progress: FileImport = {
        total: images.length,
        done: 0,
        imported: 0,
        problems,
        finished: false,
        cancelled: false,
      };
      set({ fileImport: { ...progress } });
      for (const file of images) {
        if (ticket !== importTicket) return;
        try {
          await unwrap(holst.library.importBytes({ name: fileName(file), base64: await readBase64(file) }));
          progress.imported++;
        } catch (error) {
          const name = file.name || i18n.t('library:fileImport.pastedImage');
          progress.problems = [...progress.problems, importProblem(name, error)];
        }
        progress.done++;
        if (ticket === importTicket) set({ fileImport: { ...progress } });
      }
      if (ticket === importTicket) set({ fileImport: { ...progress, finished: true } });
    },

    cancelFileImport() {
      importTicket++;
      const current = get().fileImport;
      if (current) set({ fileImport: { ...current, finished: true, cancelled: true } });
    },

    dismissFileImport: () => set({ fileImport: null }),
  };
});
