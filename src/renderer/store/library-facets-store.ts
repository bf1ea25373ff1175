/** What the filters offer (providers, models, sources, tags with their counts) and how many images the trash holds. */
import { create } from 'zustand';
import type { LibraryFacets } from '../../shared/library';
import { holst, unwrap } from '../bridge';

/** Changes come in bursts (an import, a bulk action): the facets are asked for again once the burst settles. */
const REFRESH_DELAY_MS = 250;

interface FacetsState {
  /** Null until the core first answers (or while it cannot): the filters then offer only "All". */
  facets: LibraryFacets | null;
  trashCount: number;
  /** Starts following the library (once) and asks for the facets now. */
  watch(): void;
  refresh(): Promise<void>;
}

export const useLibraryFacets = create<FacetsState>()((set, get) => {
  let watching = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticket = 0;
  return {
    facets: null,
    trashCount: 0,
    watch() {
      if (!watching) {
        watching = true;
        holst.on('library.changed', () => {
          clearTimeout(timer);
          timer = setTimeout(() => void get().refresh(), REFRESH_DELAY_MS);
        });
      }
      void get().refresh();
    },
    async refresh() {
      const mine = ++ticket;
      const [facets, trash] = await Promise.allSettled([unwrap(holst.library.facets()), unwrap(holst.library.count({ trashed: true }))]);
      if (mine !== ticket) return;
      // The filters are an aid: a failed answer keeps what was shown.
      if (facets.status === 'fulfilled') set({ facets: facets.value });
      if (trash.status === 'fulfilled') set({ trashCount: trash.value.count });
    },
  };
});
