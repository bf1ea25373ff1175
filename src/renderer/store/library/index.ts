/** The library's stores, built with the bridge: the grid (view and pages), the viewer, and the selection. */
import type { HolstApi } from '../../../shared/contract';
import { holst } from '../../bridge';
import { useTrashUndo } from '../trash-undo';
import { createGridStore } from './grid';
import { createSelectionStore } from './selection';
import { createViewerStore } from './viewer';

export function createLibraryStores(bridge: HolstApi, trashed: (result: { count: number; trashedAt: number }) => void) {
  const grid = createGridStore(bridge);
  const viewer = createViewerStore({ bridge, grid, trashed });
  const selection = createSelectionStore(grid);
  return { grid, viewer, selection };
}

const stores = createLibraryStores(holst, (result) => useTrashUndo.getState().moved(result));

/** The library grid: view, pages, timeline (grid.ts). */
export const useLibraryGrid = stores.grid;
/** The image open in the viewer (viewer.ts). */
export const useViewer = stores.viewer;
/** The grid's selection (selection.ts). */
export const useSelectionStore = stores.selection;
