import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { useThread } from '../../store/chat';
import { useLibraryGrid } from '../../store/library';
import { clearFilters, hasFilters } from './FiltersBar';
import { ImportButton } from './ImportButton';

/** What the library says when its view is empty: nothing yet, an empty trash, or nothing matching (with a way out). */
export function LibraryEmpty({ focusSearch }: { focusSearch(): void }) {
  const { t } = useTranslation('library');
  const { query, filters, setQuery, toggleFavourites } = useLibraryGrid(
    useShallow((s) => ({ query: s.query, filters: s.filters, setQuery: s.setQuery, toggleFavourites: s.toggleFavourites })),
  );
  const searching = query.trim() !== '';
  const filtering = hasFilters(filters);
  const onlyFavourites = filters.favorites === true && Object.keys(filters).every((key) => key === 'favorites' || key === 'trashed');

  if (filters.trashed && !searching && !filtering) {
    return (
      <div className="library-empty">
        <h2>{t('trash.nothing')}</h2>
        <p className="muted">{t('trash.nothingLead')}</p>
      </div>
    );
  }
  if (!searching && !filtering) {
    return (
      <div className="library-empty">
        <h2>{t('empty.title')}</h2>
        <p className="muted">{t('empty.lead')}</p>
        {/* Somewhere to go from nothing: a first picture in a new chat, or pictures already made elsewhere. */}
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => {
              useThread.getState().newChat();
              useAppStore.getState().go('chat');
            }}
          >
            {t('empty.makeFirst')}
          </button>
          <ImportButton label={t('empty.import')} />
        </div>
      </div>
    );
  }

  const lead = onlyFavourites
    ? searching
      ? t('empty.noFavouriteMatch')
      : t('empty.noFavourites')
    : filtering
      ? t('empty.noFilterMatch')
      : t('empty.noPromptMatch');
  return (
    <div className="library-empty">
      <h2>{filters.trashed ? t('trash.noMatch') : t('empty.noMatch')}</h2>
      <p className="muted">{lead}</p>
      <div className="actions">
        {searching && (
          <button
            type="button"
            onClick={() => {
              setQuery('');
              focusSearch();
            }}
          >
            {t('empty.clearSearch')}
          </button>
        )}
        {onlyFavourites ? (
          <button
            type="button"
            onClick={() => {
              toggleFavourites();
              focusSearch();
            }}
          >
            {t('empty.showAll')}
          </button>
        ) : (
          filtering && (
            <button
              type="button"
              className="primary"
              onClick={() => {
                clearFilters();
                focusSearch();
              }}
            >
              {t('filters.clear')}
            </button>
          )
        )}
      </div>
    </div>
  );
}
