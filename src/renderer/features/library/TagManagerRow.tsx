import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface TagRow {
  name: string;
  count: number;
}

interface TagManagerRowProps {
  tag: TagRow;
  /** Every tag, to tell a rename that merges into another one. */
  all: TagRow[];
  /** Resolve true when done (the row leaves its editing or confirming state). */
  onRename(from: string, to: string): Promise<boolean>;
  onDelete(name: string): Promise<boolean>;
}

/** One tag in the manager: its name and count, renamed in place or deleted after a confirmation. */
export function TagManagerRow({ tag, all, onRename, onDelete }: TagManagerRowProps) {
  const { t } = useTranslation('library');
  const inputId = useId();
  const noteId = useId();
  const [mode, setMode] = useState<'show' | 'rename' | 'delete'>('show');
  const [name, setName] = useState(tag.name);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const cancelDelete = useRef<HTMLButtonElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (mode === 'rename') input.current?.select();
    if (mode === 'delete') cancelDelete.current?.focus();
  }, [mode]);

  const back = () => {
    setMode('show');
    setName(tag.name);
    // After React has put the row's buttons back.
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const run = async (action: () => Promise<boolean>) => {
    setBusy(true);
    const done = await action();
    setBusy(false);
    if (done) setMode('show');
  };

  const target = name.trim();
  const into = all.find((other) => other.name !== tag.name && other.name.toLowerCase() === target.toLowerCase());
  const unchanged = target === '' || target === tag.name;

  if (mode === 'rename') {
    return (
      <li className="tag-manager-row editing">
        <form
          className="tag-manager-rename"
          onSubmit={(event) => {
            event.preventDefault();
            if (!unchanged) void run(() => onRename(tag.name, target));
          }}
        >
          <span className="tag" aria-hidden="true">
            {tag.name}
          </span>
          <span className="tag-manager-arrow" aria-hidden="true">
            →
          </span>
          <label htmlFor={inputId} className="visually-hidden">
            {t('tagManager.newName', { tag: tag.name })}
          </label>
          <input
            id={inputId}
            ref={input}
            type="text"
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            value={name}
            aria-describedby={into ? noteId : undefined}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              // Escape leaves the edit, not the dialog.
              event.preventDefault();
              event.stopPropagation();
              back();
            }}
          />
          <button type="submit" className="primary" disabled={unchanged || busy}>
            {into ? t('tagManager.merge') : t('tagManager.save')}
          </button>
          <button type="button" onClick={back}>
            {t('tagManager.cancel')}
          </button>
          {into && (
            <p id={noteId} className="tag-manager-merge-note small">
              {t('tagManager.mergeNote', { tag: into.name, count: into.count })}
            </p>
          )}
        </form>
      </li>
    );
  }

  if (mode === 'delete') {
    return (
      <li
        className="tag-manager-row confirming"
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          event.stopPropagation();
          back();
        }}
      >
        <p className="tag-manager-confirm">{t('tagManager.confirmDelete', { tag: tag.name, count: tag.count })}</p>
        <div className="tag-manager-actions">
          <button type="button" className="danger" disabled={busy} onClick={() => void run(() => onDelete(tag.name))}>
            {t('tagManager.deleteConfirm')}
          </button>
          <button type="button" ref={cancelDelete} onClick={back}>
            {t('tagManager.cancel')}
          </button>
        </div>
      </li>
    );
  }

  return (
    <li className="tag-manager-row">
      <span className="tag">{tag.name}</span>
      <span className="muted small tag-manager-count">{t('tagManager.count', { count: tag.count })}</span>
      <div className="tag-manager-actions">
        <button
          type="button"
          ref={renameButton}
          aria-label={t('tagManager.renameTag', { tag: tag.name })}
          onClick={() => setMode('rename')}
        >
          {t('tagManager.rename')}
        </button>
        <button
          type="button"
          className="tag-manager-delete"
          aria-label={t('tagManager.deleteTag', { tag: tag.name })}
          onClick={() => setMode('delete')}
        >
          {t('tagManager.delete')}
        </button>
      </div>
    </li>
  );
}
