import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { holst, unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { useKnownTags } from '../../store/library-facets-store';
import { useViewer } from '../../store/library';
import { tagSuggestions } from './tag-suggestions';
import { CloseIcon } from '../../icons';

/** The core's limits (TagSchema and library.setTags). */
const MAX_TAG = 64;
const MAX_TAGS = 50;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * An image's tags in the viewer (keyed by the image: another image starts with an empty field): chips with a remove button, and a field that adds tags (Enter,
 * or commas between several) with suggestions from the tags already in the library.
 */
export function TagEditor({ imageId, tags, onManage }: { imageId: number; tags: string[]; onManage(): void }) {
  const { t } = useTranslation('library');
  const inputId = useId();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const known = useKnownTags();
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const suggestions = text.trim() ? tagSuggestions(known, text, tags) : [];
  const showList = open && suggestions.length > 0;

  // Saves run one after the other, each on the tags the last one left: typing fast loses nothing.
  const latest = useRef(tags);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    latest.current = tags;
  }, [tags]);

  /** Saves what `change` makes of the image's latest tags (null: nothing to save). */
  const save = (change: (have: string[]) => string[] | null): Promise<boolean> => {
    const run = queue.current.then(async () => {
      const next = change(latest.current);
      if (next === null) return false;
      setError(null);
      try {
        const saved = await unwrap(holst.library.setTags({ id: imageId, tags: next }));
        latest.current = saved;
        // Shown at once; library.changed brings the same a moment later.
        useViewer.setState((s) => (s.selected?.image.id === imageId ? { selected: { ...s.selected, tags: saved } } : {}));
        return true;
      } catch (caught) {
        setError(errorText(caught));
        return false;
      }
    });
    queue.current = run;
    return run;
  };

  /** Adds every comma-separated tag in `raw` the image does not have yet; false when refused (the text stays). */
  const add = (raw: string): boolean => {
    setActive(-1);
    const parts = raw
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (parts.some((part) => part.length > MAX_TAG)) {
      setError(t('tagEditor.tooLong', { max: MAX_TAG }));
      return false;
    }
    if (parts.length === 0) return true;
    void save((have) => {
      const fresh = parts.filter((part, at) => !have.some((tag) => same(tag, part)) && parts.findIndex((p) => same(p, part)) === at);
      if (fresh.length === 0) return null;
      if (have.length + fresh.length > MAX_TAGS) {
        setError(t('tagEditor.tooMany', { max: MAX_TAGS }));
        return null;
      }
      return [...have, ...fresh];
    });
    return true;
  };

  const remove = async (tag: string) => {
    if (await save((have) => have.filter((other) => other !== tag))) input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (add(showList && active >= 0 ? suggestions[active]! : text)) setText('');
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Cycles through the suggestions and back to the typed text (-1).
      setActive((at) => ((at + 1 + step + suggestions.length + 1) % (suggestions.length + 1)) - 1);
    } else if (event.key === 'Escape' && (showList || text)) {
      // First Escape closes the list or clears the field; the next one closes the viewer.
      event.preventDefault();
      event.stopPropagation();
      if (showList) setOpen(false);
      else setText('');
    }
  };

  return (
    <div className="tag-editor">
      {tags.length > 0 && (
        <ul className="tags" aria-label={t('viewer.meta.tags')}>
          {tags.map((tag) => (
            <li key={tag} className="tag tag-editor-chip">
              <span>{tag}</span>
              <button
                type="button"
                className="tag-editor-remove"
                aria-label={t('tagEditor.remove', { tag })}
                title={t('tagEditor.remove', { tag })}
                onClick={() => void remove(tag)}
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tag-editor-input">
        <label htmlFor={inputId} className="visually-hidden">
          {t('tagEditor.add')}
        </label>
        <input
          id={inputId}
          ref={input}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          placeholder={t('tagEditor.placeholder')}
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          value={text}
          onChange={(event) => {
            const value = event.target.value;
            setOpen(true);
            setActive(-1);
            const comma = value.lastIndexOf(',');
            if (comma < 0) return setText(value);
            // A comma ends a tag: what comes before it is added, the rest stays in the field.
            setText(add(value.slice(0, comma)) ? value.slice(comma + 1).trimStart() : value.slice(0, comma));
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        {showList && (
          <ul id={listId} className="tag-editor-suggestions" role="listbox" aria-label={t('tagEditor.suggestions')}>
            {suggestions.map((tag, index) => (
              <li
                key={tag}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'active' : undefined}
                // Keeps focus in the field while choosing with the mouse.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  if (add(tag)) setText('');
                }}
              >
                {tag}
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      <button type="button" className="viewer-link" onClick={onManage}>
        {t('tagEditor.manage')}
      </button>
    </div>
  );
}
