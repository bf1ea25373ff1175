/** What the filters offer (providers, models, sources, tags with their counts) and how many images the trash holds. */
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import type { LibraryFacets } from '../../shared/library';
import { holst, unwrap } from '../bridge';

/** Changes come in bursts (an import, a bulk action): the facets are asked for again once the burst settles. */
const REFRESH_DELAY_MS = 250;

interface FacetsState {
  /** Null until the core first answers (or while it cannot): the filters then offer only "All". */
  facets: LibraryFacets | null;
  trashCount: number;
  /** Why the last ask for the facets failed (null once one succeeds). */
  error: unknown;
  /** Starts following the library (once) and asks for the facets now. */
  watch(): void;
  /** Starts following the library (once) and asks for the facets only if it was not following or holds none. */
  need(): void;
  refresh(): Promise<void>;
}

export const useLibraryFacets = create<FacetsState>()((set, get) => {
  let watching = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticket = 0;
  /** False when it was already following. */
  const follow = () => {
    if (watching) return false;
    watching = true;
    holst.on('library.changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void get().refresh(), REFRESH_DELAY_MS);
    });
    return true;
  };
  return {
    facets: null,
    trashCount: 0,
    error: null,
    watch() {
      follow();
      void get().refresh();
    },
    need() {
      // Once following, library.changed keeps the facets up to date: no need to ask again.
      if (follow() || get().facets === null) void get().refresh();
    },
    async refresh() {
      const mine = ++ticket;
      const [facets, trash] = await Promise.allSettled([unwrap(holst.library.facets()), unwrap(holst.library.count({ trashed: true }))]);
      if (mine !== ticket) return;
      // The filters are an aid: a failed answer keeps what was shown.
      set(facets.status === 'fulfilled' ? { facets: facets.value, error: null } : { error: facets.reason });
      if (trash.status === 'fulfilled') set({ trashCount: trash.value.count });
    },
  };
});

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

/**
 * Every tag in the library with its count, in name order; null until the core first answers.
 * Asks the core only when the store holds none yet (or is not following).
 */
export function useTagsByName(): LibraryFacets['tags'] | null {
  const facets = useLibraryFacets((s) => s.facets);
  useEffect(() => useLibraryFacets.getState().need(), []);
  return useMemo(() => facets && [...facets.tags].sort((a, b) => byName(a.value, b.value)), [facets]);
}

/** Every tag name in the library, in name order (none until the core first answers). */
export function useKnownTags(): string[] {
  const tags = useTagsByName();
  return useMemo(() => (tags ?? []).map((tag) => tag.value), [tags]);
}
