import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Selection } from '../../../shared/library';
import { usePopover } from '../../app/use-popover';
import { holst, unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { useKnownTags } from '../../store/library-facets-store';
import { tagSuggestions } from './tag-suggestions';
import { TagIcon } from '../../icons';

const MAX_TAG = 64;

/**
 * "Add tag…" or "Remove tag…" for the selection: a small popover with a text field and the
 * library's tags that match what is typed; one request tags (or untags) every selected image.
 */
export function TagButton({ mode, selection, disabled }: { mode: 'add' | 'remove'; selection: Selection; disabled: boolean }) {
  const { t } = useTranslation('library');
  const { open, setOpen, button, popover, onKeyDown } = usePopover();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [text, setText] = useState('');
  const known = useKnownTags();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  // The tag typed in full is already what Add/Remove applies: it is not offered again.
  const suggestions = tagSuggestions(known, text, [text]);

  const apply = async (tag: string) => {
    const name = tag.trim();
    if (!name) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(holst.library.tagMany({ selection, ...(mode === 'add' ? { add: [name] } : { remove: [name] }) }));
      setOpen(false);
      button.current?.focus();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="tag-button">
      <button
        type="button"
        ref={button}
        disabled={disabled}
        aria-expanded={open}
        aria-haspopup="dialog"
        title={mode === 'add' ? t('selection.addTag') : t('selection.removeTag')}
        onClick={() => {
          setText('');
          setError(null);
          setOpen(!open);
        }}
      >
        <TagIcon mode={mode} />
        <span className="selection-label">{mode === 'add' ? t('selection.addTag') : t('selection.removeTag')}</span>
      </button>
      {open && (
        <div
          className="tag-popover"
          ref={popover}
          role="dialog"
          aria-label={mode === 'add' ? t('selection.addTag') : t('selection.removeTag')}
          onKeyDown={onKeyDown}
        >
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void apply(text);
            }}
          >
            <label htmlFor={inputId}>{t('selection.tagName')}</label>
            <div className="tag-popover-row">
              <input
                id={inputId}
                ref={input}
                value={text}
                maxLength={MAX_TAG}
                autoComplete="off"
                spellCheck={false}
                onChange={(event) => setText(event.target.value)}
              />
              <button type="submit" className="primary" disabled={busy || !text.trim()}>
                {mode === 'add' ? t('selection.add') : t('selection.remove')}
              </button>
            </div>
          </form>
          {suggestions.length > 0 && (
            <ul className="tag-suggestions" aria-label={t('selection.suggestions')}>
              {suggestions.map((tag) => (
                <li key={tag}>
                  <button type="button" className="chip" disabled={busy} onClick={() => void apply(tag)}>
                    {tag}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </div>
      )}
    </span>
  );
}
