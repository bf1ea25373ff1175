/** The trash's own actions (restore, delete for good, empty), and the confirmation the last two ask for. */
import { create } from 'zustand';
import { holst, unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { useLibraryFacets } from '../../store/library-facets-store';
import { useLibraryGrid, useViewer } from '../../store/library';

export type TrashQuestion = { kind: 'empty'; count: number } | { kind: 'delete'; id: number };

interface TrashConfirmState {
  asking: TrashQuestion | null;
  ask(question: TrashQuestion): void;
  dismiss(): void;
}

export const useTrashConfirm = create<TrashConfirmState>()((set) => ({
  asking: null,
  ask: (asking) => set({ asking }),
  dismiss: () => set({ asking: null }),
}));

/** Takes the image out of the grid at once; the refresh that `library.changed` brings puts the rest right. */
function dropFromGrid(id: number) {
  // Only when the grid showed it (the trash view): elsewhere a trashed picture is not counted.
  useLibraryGrid.getState().removeImage(id);
}

export async function restoreImage(id: number): Promise<void> {
  try {
    await unwrap(holst.library.restore({ ids: [id] }));
    dropFromGrid(id);
    void useLibraryFacets.getState().refresh();
    // Restored from its viewer: the viewer shows it as it is now, with Edit and the rest.
    if (useViewer.getState().selected?.image.id === id) await useViewer.getState().open(id);
  } catch (error) {
    useLibraryGrid.setState({ error: errorText(error) });
  }
}

/** Runs what the confirmation asked about; errors are thrown for the dialog to show. */
export async function answerYes(question: TrashQuestion): Promise<void> {
  if (question.kind === 'empty') {
    await unwrap(holst.library.emptyTrash());
    useLibraryGrid.setState({ pages: new Map(), total: 0 });
  } else {
    await unwrap(holst.library.deleteForGood({ ids: [question.id] }));
    dropFromGrid(question.id);
    // A picture deleted from its viewer: the viewer has nothing left to show.
    if (useViewer.getState().selected?.image.id === question.id) useViewer.getState().close();
  }
  void useLibraryFacets.getState().refresh();
}
