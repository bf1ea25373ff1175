import { useEffect, useMemo, useRef, useState } from 'react';
import { holst, unwrap } from '../../bridge';
import { loadedNeighbours } from '../../store/library-pages';
import { useLibraryStore } from '../../store/library-store';

export interface Neighbours {
  /** The next newer image of the view (shown before this one in the grid), or null at the start. */
  newer: number | null;
  /** The next older image (after it in the grid), or null at the end. */
  older: number | null;
}

/**
 * The images either side of `id` in the current view (filters and search): from the grid's loaded
 * pages where they hold them, else asked of the core, so the arrows go on past what the grid has
 * loaded. `step` waits for the answer, so a key pressed right after opening still moves.
 */
export function useNeighbours(id: number, enabled = true): { known: Neighbours | null; step(direction: keyof Neighbours): void } {
  const view = useLibraryStore((s) => s.view);
  // Changes elsewhere (new, trashed or restored images) reload the pages and may move the neighbours.
  const pages = useLibraryStore((s) => s.pages);
  const total = useLibraryStore((s) => s.total);
  const loaded = useMemo(() => loadedNeighbours(pages, total, id), [pages, total, id]);
  const local = loaded.newer !== undefined && loaded.older !== undefined ? { newer: loaded.newer, older: loaded.older } : null;
  const [asked, setAsked] = useState<{ id: number; neighbours: Neighbours } | null>(null);
  const pending = useRef<Promise<Neighbours>>(Promise.resolve({ newer: null, older: null }));

  useEffect(() => {
    if (!enabled || (loaded.newer !== undefined && loaded.older !== undefined)) return;
    let live = true;
    const first = async (query: Parameters<typeof holst.library.list>[0]) => (await unwrap(holst.library.list(query))).items[0]?.id ?? null;
    // Only the side the pages do not hold is asked for.
    const answer = Promise.all([
      loaded.newer !== undefined ? loaded.newer : first({ ...view, after: id, limit: 1 }).catch(() => null),
      loaded.older !== undefined ? loaded.older : first({ ...view, cursor: id, limit: 1 }).catch(() => null),
    ]).then(([newer, older]) => ({ newer, older }));
    pending.current = answer;
    void answer.then((neighbours) => live && setAsked({ id, neighbours }));
    return () => {
      live = false;
    };
  }, [id, view, loaded, enabled]);

  const step = (direction: keyof Neighbours) => {
    void (local ? Promise.resolve(local) : pending.current).then((neighbours) => {
      const target = neighbours[direction];
      // Only if nothing else was opened meanwhile.
      if (target !== null && useLibraryStore.getState().selected?.image.id === id) {
        void useLibraryStore.getState().open(target);
      }
    });
  };

  return { known: local ?? (asked?.id === id ? asked.neighbours : null), step };
}
