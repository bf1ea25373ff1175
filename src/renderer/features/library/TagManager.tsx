import { useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { holst, unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { useLibraryFacets, useTagsByName } from '../../store/library-facets-store';
import { useLibraryGrid, useViewer } from '../../store/library';
import { useModalDialog } from '../../app/modal-dialog';
import { TagManagerRow, type TagRow } from './TagManagerRow';
import '../../styles/viewer.css';
import { CloseIcon } from '../../icons';

/**
 * Every tag with how many images have it, to rename (onto an existing name: the two merge) or
 * delete. Opened from the viewer's tags and from the tag filter: `<TagManager open onClose />`.
 */
export function TagManager({ open, onClose }: { open: boolean; onClose(): void }) {
  return open ? createPortal(<TagManagerDialog onClose={onClose} />, document.body) : null;
}

function TagManagerDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('library');
  const titleId = useId();
  const findId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const onKeyDown = useModalDialog(dialog, onClose);
  // The facets store holds the tags and follows library.changed: asked for only if it holds none.
  const byName = useTagsByName();
  const loadError = useLibraryFacets((s) => s.error);
  const [find, setFind] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  const tags = useMemo<TagRow[] | null>(() => byName?.map(({ value, count }) => ({ name: value, count })) ?? null, [byName]);

  /** Runs a change to `tag`, then lists the tags again and brings the tag filter and the open image along. */
  const change = async (run: () => Promise<string>, tag: string, renamedTo?: string) => {
    setError(null);
    try {
      setStatus(await run());
    } catch (caught) {
      setError(errorText(caught));
      return false;
    }
    // Listed again at once, rather than when library.changed's refresh comes.
    await useLibraryFacets.getState().refresh();
    // The row that had focus may be gone (renamed, deleted): focus stays in the dialog.
    requestAnimationFrame(() => {
      if (!dialog.current?.contains(document.activeElement)) dialog.current?.focus();
    });
    const grid = useLibraryGrid.getState();
    // A filter on a tag that is gone would be refused by the core: it follows the rename, or goes.
    if (grid.filters.tag?.toLowerCase() === tag.toLowerCase()) grid.setFilters({ tag: renamedTo });
    const viewer = useViewer.getState();
    if (viewer.selected) void viewer.open(viewer.selected.image.id);
    return true;
  };

  const rename = (from: string, to: string) =>
    change(
      async () => {
        const merged = tags?.some((tag) => tag.name !== from && tag.name.toLowerCase() === to.toLowerCase());
        await unwrap(holst.library.renameTag({ from, to }));
        return merged ? t('tagManager.merged', { from, to }) : t('tagManager.renamed', { from, to });
      },
      from,
      to,
    );

  const remove = (name: string) =>
    change(async () => {
      const { count } = await unwrap(holst.library.deleteTag({ name }));
      return t('tagManager.deleted', { tag: name, count });
    }, name);

  // A failed first load is said; a failed later one keeps the list shown.
  const shownError = error ?? (tags === null && loadError !== null ? errorText(loadError) : null);
  const needle = find.trim().toLowerCase();
  const shown = tags?.filter((tag) => tag.name.toLowerCase().includes(needle)) ?? [];

  return (
    <div
      className="tag-manager-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        className="tag-manager"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        ref={dialog}
        onKeyDown={onKeyDown}
      >
        <header className="tag-manager-head">
          <h2 id={titleId}>{t('tagManager.title')}</h2>
          <button
            type="button"
            className="icon-button"
            aria-label={t('tagManager.close')}
            title={t('tagManager.closeTitle')}
            onClick={onClose}
          >
            <CloseIcon />
          </button>
        </header>
        <p className="muted small tag-manager-lead">{t('tagManager.lead')}</p>
        {tags?.length !== 0 && (
          <div className="tag-manager-find">
            <label htmlFor={findId} className="visually-hidden">
              {t('tagManager.find')}
            </label>
            <input
              id={findId}
              type="search"
              data-autofocus
              placeholder={t('tagManager.find')}
              autoComplete="off"
              spellCheck={false}
              value={find}
              onChange={(event) => setFind(event.target.value)}
            />
          </div>
        )}
        <div className="tag-manager-body">
          {tags === null ? (
            !shownError && <p className="muted">{t('tagManager.loading')}</p>
          ) : tags.length === 0 ? (
            <p className="muted">{t('tagManager.empty')}</p>
          ) : shown.length === 0 ? (
            <p className="muted">{t('tagManager.noMatch')}</p>
          ) : (
            <ul className="tag-manager-list" aria-label={t('tagManager.listLabel')}>
              {shown.map((tag) => (
                <TagManagerRow key={tag.name} tag={tag} all={tags} onRename={rename} onDelete={remove} />
              ))}
            </ul>
          )}
        </div>
        <p role="status" className="muted small tag-manager-status">
          {status}
        </p>
        {shownError && (
          <p role="alert" className="error small">
            {shownError}
          </p>
        )}
      </div>
    </div>
  );
}
