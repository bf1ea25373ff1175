/**
 * "Moved N to the trash — Undo": the last trash action, offered back on the screen it was taken
 * on until Undo, Dismiss, the next trash action, or a while later.
 */
import { create } from 'zustand';
import { holst, unwrap } from '../bridge';
import { errorText } from '../i18n/errors';
import { useAppStore, type Screen } from './app-store';
import { useLibraryFacets } from './library-facets-store';

/** How long the offer stays (ms). */
const OFFER_MS = 12_000;

interface TrashUndoState {
  last: { count: number; trashedAt: number; screen: Screen } | null;
  undoing: boolean;
  error: string | null;
  /** Records what a `library.trash` answered (nothing is offered when it moved nothing). */
  moved(result: { count: number; trashedAt: number }): void;
  undo(): Promise<void>;
  dismiss(): void;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const useTrashUndo = create<TrashUndoState>()((set, get) => ({
  last: null,
  undoing: false,
  error: null,

  moved({ count, trashedAt }) {
    clearTimeout(timer);
    if (count === 0) return;
    set({ last: { count, trashedAt, screen: useAppStore.getState().screen }, undoing: false, error: null });
    timer = setTimeout(() => {
      if (get().last?.trashedAt === trashedAt && !get().undoing) get().dismiss();
    }, OFFER_MS);
  },

  async undo() {
    const last = get().last;
    if (!last || get().undoing) return;
    set({ undoing: true, error: null });
    try {
      await unwrap(holst.library.untrash({ trashedAt: last.trashedAt }));
      // The grid and the chat refresh on the library.changed the core sends; the counts here.
      void useLibraryFacets.getState().refresh();
      if (get().last?.trashedAt === last.trashedAt) set({ last: null, undoing: false });
    } catch (error) {
      set({ undoing: false, error: errorText(error) });
    }
  },

  dismiss() {
    clearTimeout(timer);
    set({ last: null, undoing: false, error: null });
  },
}));
