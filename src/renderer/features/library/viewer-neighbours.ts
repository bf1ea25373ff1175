import { useEffect, useMemo, useRef, useState } from 'react';
import { useLibraryGrid, useViewer } from '../../store/library';
import { loadedNeighbours } from '../../store/library/pages';
import type { Neighbours } from '../../store/library/viewer';

/**
 * The images either side of `id` in the current view (filters and search): from the grid's loaded
 * pages where they hold them, else asked of the core, so the arrows go on past what the grid has
 * loaded. `step` waits for the answer, so a key pressed right after opening still moves.
 */
export function useNeighbours(id: number, enabled = true): { known: Neighbours | null; step(direction: keyof Neighbours): void } {
  // A new view (filters, search) asks again: the neighbours are those of the view.
  const view = useLibraryGrid((s) => s.view);
  // Changes elsewhere (new, trashed or restored images) reload the pages and may move the neighbours.
  const pages = useLibraryGrid((s) => s.pages);
  const total = useLibraryGrid((s) => s.total);
  const loaded = useMemo(() => loadedNeighbours(pages, total, id), [pages, total, id]);
  const local = loaded.newer !== undefined && loaded.older !== undefined ? { newer: loaded.newer, older: loaded.older } : null;
  const [asked, setAsked] = useState<{ id: number; neighbours: Neighbours } | null>(null);
  const pending = useRef<Promise<Neighbours>>(Promise.resolve({ newer: null, older: null }));

  useEffect(() => {
    if (!enabled || (loaded.newer !== undefined && loaded.older !== undefined)) return;
    let live = true;
    const answer = useViewer.getState().neighboursOf(id);
    pending.current = answer;
    void answer.then((neighbours) => live && setAsked({ id, neighbours }));
    return () => {
      live = false;
    };
  }, [id, view, loaded, enabled]);

  const step = (direction: keyof Neighbours) => void useViewer.getState().step(id, direction, local ?? pending.current);

  return { known: local ?? (asked?.id === id ? asked.neighbours : null), step };
}
