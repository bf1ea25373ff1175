/** The image open in the viewer (from the grid or a chat), with its lineage and tags, and what the viewer does to it. */
import { create } from 'zustand';
import type { HolstApi } from '../../../shared/contract';
import type { ImageDetail, ImageRecord } from '../../../shared/library';
import { unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { runOneAtATime } from '../../lib/one-at-a-time';
import type { GridStore } from './grid';
import { itemAt, loadedNeighbours, positionOf } from './pages';

export interface Neighbours {
  /** The next newer image of the view (shown before this one in the grid), or null at the start. */
  newer: number | null;
  /** The next older image (after it in the grid), or null at the end. */
  older: number | null;
}

export interface ViewerState {
  /** The image open in the viewer, with its lineage and tags. */
  selected: ImageDetail | null;
  viewerError: string | null;
  open(id: number): Promise<void>;
  close(): void;
  setFavorite(id: number, favorite: boolean): Promise<void>;
  /** Moves an image to the trash; false (with `viewerError` set) when that failed. */
  trash(id: number): Promise<boolean>;
  /**
   * The images either side of `id` in the grid's view (filters and search): from the loaded pages
   * where they hold them, else asked of the core, so next and previous go on past what the grid has loaded.
   */
  neighboursOf(id: number): Promise<Neighbours>;
  /** Opens the image next to `id` (its neighbours found already, or now), if the viewer still shows `id` by then. */
  step(id: number, direction: keyof Neighbours, known?: Neighbours | Promise<Neighbours>): Promise<void>;
}

export interface ViewerDeps {
  bridge: HolstApi;
  grid: GridStore;
  /** What a `library.trash` answered, for the Undo offer. */
  trashed(result: { count: number; trashedAt: number }): void;
}

/** `detail` with `record` in place of the image with its id (the image itself, a parent or a child). */
export function withRecordIn(detail: ImageDetail, record: ImageRecord): ImageDetail {
  const swap = (image: ImageRecord) => (image.id === record.id ? record : image);
  return {
    ...detail,
    image: swap(detail.image),
    parents: detail.parents.map((p) => ({ ...p, image: swap(p.image) })),
    children: detail.children.map(swap),
  };
}

export function createViewerStore({ bridge, grid, trashed }: ViewerDeps) {
  return create<ViewerState>()((set, get) => {
    /** Bumped by every open/close, so a slow answer cannot reopen a viewer the user moved on from. */
    let openTicket = 0;

    const refreshSelected = async () => {
      const selected = get().selected;
      if (!selected) return;
      const ticket = openTicket;
      try {
        const detail = await unwrap(bridge.library.get({ id: selected.image.id }));
        if (ticket === openTicket) set({ selected: detail });
      } catch {
        // Gone for good (the trash was emptied): the viewer keeps what it shows until closed.
      }
    };

    const replaceRecord = (record: ImageRecord) => {
      grid.getState().replaceRecord(record);
      const { selected } = get();
      if (selected) set({ selected: withRecordIn(selected, record) });
    };

    // One refresh at a time, and once more after it if changes came meanwhile.
    bridge.on(
      'library.changed',
      runOneAtATime(refreshSelected, () => undefined),
    );

    return {
      selected: null,
      viewerError: null,

      async open(id) {
        const ticket = ++openTicket;
        try {
          const detail = await unwrap(bridge.library.get({ id }));
          if (ticket === openTicket) set({ selected: detail, viewerError: null });
        } catch (error) {
          if (ticket === openTicket) set({ viewerError: errorText(error) });
        }
      },

      close() {
        openTicket++;
        set({ selected: null, viewerError: null });
      },

      async setFavorite(id, favorite) {
        const { pages } = grid.getState();
        const { selected } = get();
        const at = positionOf(pages, id);
        const before = (at >= 0 ? itemAt(pages, at) : undefined) ?? (selected?.image.id === id ? selected.image : undefined);
        if (before) replaceRecord({ ...before, favorite });
        try {
          replaceRecord(await unwrap(bridge.library.setFavorite({ id, favorite })));
        } catch (error) {
          if (before) replaceRecord(before);
          set({ viewerError: errorText(error) });
        }
      },

      async trash(id) {
        try {
          trashed(await unwrap(bridge.library.trash({ ids: [id] })));
        } catch (error) {
          set({ viewerError: errorText(error) });
          return false;
        }
        // At once, so focus can go to the next tile; the refresh library.changed brings puts the rest right.
        grid.getState().removeImage(id);
        if (get().selected?.image.id === id) get().close();
        return true;
      },

      async neighboursOf(id) {
        const { view, pages, total } = grid.getState();
        const loaded = loadedNeighbours(pages, total, id);
        const first = async (query: Parameters<HolstApi['library']['list']>[0]) =>
          (await unwrap(bridge.library.list(query))).items[0]?.id ?? null;
        // Only the side the pages do not hold is asked for.
        const [newer, older] = await Promise.all([
          loaded.newer !== undefined ? loaded.newer : first({ ...view, after: id, limit: 1 }).catch(() => null),
          loaded.older !== undefined ? loaded.older : first({ ...view, cursor: id, limit: 1 }).catch(() => null),
        ]);
        return { newer, older };
      },

      async step(id, direction, known) {
        const target = (await (known ?? get().neighboursOf(id)))[direction];
        // Only if nothing else was opened meanwhile.
        if (target !== null && get().selected?.image.id === id) await get().open(target);
      },
    };
  });
}

export type ViewerStore = ReturnType<typeof createViewerStore>;
