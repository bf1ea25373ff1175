import { useEffect, useRef, useState } from 'react';
import { holst, unwrap } from '../../bridge';
import { useLibraryStore } from '../../store/library-store';

export interface Neighbours {
  /** The next newer image of the view (shown before this one in the grid), or null at the start. */
  newer: number | null;
  /** The next older image (after it in the grid), or null at the end. */
  older: number | null;
}

/**
 * The images either side of `id` in the current view (filters and search), asked of the core so the
 * arrows go on past what the grid has loaded. `step` waits for the answer, so a key pressed right
 * after opening still moves.
 */
export function useNeighbours(id: number, enabled = true): { known: Neighbours | null; step(direction: keyof Neighbours): void } {
  const view = useLibraryStore((s) => s.view);
  // Changes elsewhere (new, trashed or restored images) reload the pages and may move the neighbours: ask again.
  const pages = useLibraryStore((s) => s.pages);
  const [known, setKnown] = useState<{ id: number; neighbours: Neighbours } | null>(null);
  const pending = useRef<Promise<Neighbours>>(Promise.resolve({ newer: null, older: null }));

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const first = async (query: Parameters<typeof holst.library.list>[0]) => (await unwrap(holst.library.list(query))).items[0]?.id ?? null;
    const asked = Promise.all([
      first({ ...view, after: id, limit: 1 }).catch(() => null),
      first({ ...view, cursor: id, limit: 1 }).catch(() => null),
    ]).then(([newer, older]) => ({ newer, older }));
    pending.current = asked;
    void asked.then((neighbours) => live && setKnown({ id, neighbours }));
    return () => {
      live = false;
    };
  }, [id, view, pages, enabled]);

  const step = (direction: keyof Neighbours) => {
    const asked = pending.current;
    void asked.then((neighbours) => {
      const target = neighbours[direction];
      // Only if nothing else was opened meanwhile.
      if (target !== null && useLibraryStore.getState().selected?.image.id === id) {
        void useLibraryStore.getState().open(target);
      }
    });
  };

  return { known: known?.id === id ? known.neighbours : null, step };
}
