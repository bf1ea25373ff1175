import type { DragEvent } from 'react';
import { dragImage } from '../../app/iterate';
import { holst, inElectron } from '../../bridge';
import { useLibraryGrid, useSelectionStore } from '../../store/library';
import { isSelected } from '../../store/library/selection';

/** The most files one drag hands to the OS (library.startDragMany's limit). */
const MAX_DRAG = 1000;

/**
 * A tile dragged: within Holst (onto the chat) it carries its id; in the desktop app, a tile of
 * the selection drags the selected originals out to the file manager (the loaded ones, for select-all).
 */
export function dragSelection(event: DragEvent, id: number): void {
  const { model } = useSelectionStore.getState();
  if (!inElectron() || !isSelected(model, id)) return dragImage(event, id);
  const ids =
    model.mode === 'ids'
      ? [...model.ids]
      : [...useLibraryGrid.getState().pages.values()].flat().flatMap((image) => (model.except.has(image.id) ? [] : [image.id]));
  event.preventDefault();
  void holst.library.startDragMany({ ids: ids.slice(0, MAX_DRAG) });
}
