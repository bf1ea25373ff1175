import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Selection } from '../../../shared/library';
import { holst, unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { useLibraryGrid, useSelectionStore } from '../../store/library';
import { useTrashUndo } from '../../store/trash-undo';
import { selectedCount, toSelection } from '../../store/library/selection';
import { TagButton } from './TagButton';
import { CloseIcon, ExportIcon, RestoreIcon, StarIcon, TrashIcon } from '../../icons';

/**
 * What can be done to the selected images, shown while anything is selected: favourite, tag,
 * trash (or restore and delete for good in the trash), export. Each action is one request.
 */
export function SelectionBar({ onExport }: { onExport(selection: Selection, count: number): void }) {
  const { t } = useTranslation(['library', 'common']);
  const { model, extending, clear } = useSelectionStore(useShallow((s) => ({ model: s.model, extending: s.extending, clear: s.clear })));
  const { total, view } = useLibraryGrid(useShallow((s) => ({ total: s.total, view: s.view })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const count = selectedCount(model, total);
  const selection = toSelection(model, view);
  if (!selection || count === 0) return null;
  const trashed = view.trashed === true;

  const run = async (action: (selection: Selection) => Promise<unknown>, clearAfter: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await action(selection);
      if (clearAfter) clear();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const favourite = (favorite: boolean) => run((s) => unwrap(holst.library.setFavoriteMany({ selection: s, favorite })), false);

  return (
    <div className="selection-bar" role="region" aria-label={t('selection.bar')} aria-busy={busy || extending}>
      <span className={confirming ? 'selection-count visually-hidden' : 'selection-count'} role="status">
        {t('selection.count', { count })}
      </span>
      {confirming ? (
        <>
          <span className="selection-confirm">{t('selection.confirmDelete', { count })}</span>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void run((s) => unwrap(holst.library.deleteForGood(s)), true)}
          >
            {t('selection.deleteForGood')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common:cancel')}
          </button>
        </>
      ) : (
        <>
          {!trashed && (
            <>
              {[true, false].map((favorite) => (
                <button
                  key={String(favorite)}
                  type="button"
                  className="icon-button selection-star"
                  disabled={busy}
                  aria-label={favorite ? t('selection.favourite') : t('selection.unfavourite')}
                  title={favorite ? t('selection.favourite') : t('selection.unfavourite')}
                  onClick={() => void favourite(favorite)}
                >
                  <StarIcon filled={favorite} />
                </button>
              ))}
              <TagButton mode="add" selection={selection} disabled={busy} />
              <TagButton mode="remove" selection={selection} disabled={busy} />
              <button type="button" disabled={busy} title={t('selection.export')} onClick={() => onExport(selection, count)}>
                <ExportIcon />
                <span className="selection-label">{t('selection.export')}</span>
              </button>
              <button
                type="button"
                disabled={busy}
                title={t('common:moveToTrash')}
                onClick={() => void run(async (s) => useTrashUndo.getState().moved(await unwrap(holst.library.trash(s))), true)}
              >
                <TrashIcon />
                <span className="selection-label">{t('common:moveToTrash')}</span>
              </button>
            </>
          )}
          {trashed && (
            <>
              <button
                type="button"
                disabled={busy}
                title={t('selection.restore')}
                onClick={() => void run((s) => unwrap(holst.library.restore(s)), true)}
              >
                <RestoreIcon />
                <span className="selection-label">{t('selection.restore')}</span>
              </button>
              <button
                type="button"
                className="danger"
                disabled={busy}
                title={t('selection.deleteForGood')}
                onClick={() => setConfirming(true)}
              >
                <TrashIcon />
                <span className="selection-label">{t('selection.deleteForGood')}</span>
              </button>
            </>
          )}
        </>
      )}
      {!confirming && (
        <button
          type="button"
          className="icon-button selection-clear"
          aria-label={t('selection.clear')}
          title={t('selection.clearTitle')}
          onClick={clear}
        >
          <CloseIcon />
        </button>
      )}
      {error && (
        <p role="alert" className="error selection-error">
          {error}
        </p>
      )}
    </div>
  );
}
