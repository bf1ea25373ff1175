/**
 * The library's selection: some ids, or every image of the view (even those not loaded) except
 * some ids. Bulk actions send it to the core as a `Selection`, in one request.
 */
import { create } from 'zustand';
import type { LibraryView, Selection } from '../../../shared/library';
import type { GridStore } from './grid';

/** How a click changes the selection: one image in or out (Ctrl/Cmd), or a range from the anchor (Shift). */
export type SelectHow = 'toggle' | 'range';

export type SelectionModel = { mode: 'ids'; ids: ReadonlySet<number> } | { mode: 'all'; except: ReadonlySet<number> };

const NONE: SelectionModel = { mode: 'ids', ids: new Set() };

interface SelectionState {
  model: SelectionModel;
  /** Where a Shift+click range starts: the position last clicked or toggled. */
  anchor: number | null;
  /** A Shift+click range is being fetched. */
  extending: boolean;
  toggle(id: number, index: number): void;
  /** Adds positions from the anchor to `index` (fetching the ids of positions not loaded). */
  /** Selects from the anchor (or `from`, when there is none yet) to `index`. */
  extendTo(index: number, from?: number): Promise<void>;
  selectAll(): void;
  clear(): void;
}

export const isSelected = (model: SelectionModel, id: number): boolean =>
  model.mode === 'ids' ? model.ids.has(id) : !model.except.has(id);

/** How many images are selected, exactly (for select-all: the view's count less the exceptions). */
export const selectedCount = (model: SelectionModel, total: number): number =>
  model.mode === 'ids' ? model.ids.size : Math.max(0, total - model.except.size);

/** The selection as the core takes it, or null when nothing is selected. */
export function toSelection(model: SelectionModel, view: LibraryView): Selection | null {
  if (model.mode === 'all') return { view, except: [...model.except] };
  return model.ids.size > 0 ? { ids: [...model.ids] } : null;
}

const withIds = (set: ReadonlySet<number>, ids: Iterable<number>, add: boolean) => {
  const next = new Set(set);
  for (const id of ids) {
    if (add) next.add(id);
    else next.delete(id);
  }
  return next;
};

export function createSelectionStore(grid: GridStore) {
  const store = create<SelectionState>()((set, get) => {
    /** Bumped by every change, so a slow range answer cannot undo a later Esc. */
    let ticket = 0;
    return {
      model: NONE,
      anchor: null,
      extending: false,

      toggle(id, index) {
        ticket++;
        const { model } = get();
        const next: SelectionModel =
          model.mode === 'ids'
            ? { mode: 'ids', ids: withIds(model.ids, [id], !model.ids.has(id)) }
            : { mode: 'all', except: withIds(model.except, [id], !model.except.has(id)) };
        set({ model: next, anchor: index, extending: false });
      },

      async extendTo(index, from) {
        const anchor = get().anchor ?? from ?? index;
        const mine = ++ticket;
        set({ extending: true });
        try {
          const ids = await grid.getState().idsBetween(Math.min(anchor, index), Math.max(anchor, index) + 1);
          if (mine !== ticket) return;
          const { model } = get();
          set({
            model:
              model.mode === 'ids'
                ? { mode: 'ids', ids: withIds(model.ids, ids, true) }
                : { mode: 'all', except: withIds(model.except, ids, false) },
            anchor,
          });
        } finally {
          if (mine === ticket) set({ extending: false });
        }
      },

      selectAll() {
        ticket++;
        set({ model: { mode: 'all', except: new Set() }, extending: false });
      },

      clear() {
        ticket++;
        set({ model: NONE, anchor: null, extending: false });
      },
    };
  });

  // A new view (search, filters, the trash) starts with nothing selected.
  grid.subscribe((state, previous) => {
    if (state.listVersion !== previous.listVersion) store.getState().clear();
  });
  return store;
}

export type SelectionStore = ReturnType<typeof createSelectionStore>;
