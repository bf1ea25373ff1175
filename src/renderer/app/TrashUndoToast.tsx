import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/app-store';
import { useTrashUndo } from '../store/trash-undo';

/** The offer to undo the last trash action, on the screen where it was taken. */
export function TrashUndoToast() {
  const { t } = useTranslation(['library', 'common']);
  const { last, undoing, error, undo, dismiss } = useTrashUndo(
    useShallow((s) => ({ last: s.last, undoing: s.undoing, error: s.error, undo: s.undo, dismiss: s.dismiss })),
  );
  const screen = useAppStore((s) => s.screen);
  if (!last || last.screen !== screen) return null;
  return (
    <div className="toast" role="status">
      <span>{error ?? t('undoTrash.moved', { count: last.count })}</span>
      <button type="button" className="link-button" onClick={() => void undo()} disabled={undoing}>
        {t('undoTrash.undo')}
      </button>
      <button type="button" className="link-button muted" onClick={dismiss}>
        {t('common:dismiss')}
      </button>
    </div>
  );
}
