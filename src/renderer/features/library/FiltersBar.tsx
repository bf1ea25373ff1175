import { memo, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { IMAGE_SOURCES, type LibraryFacets } from '../../../shared/library';
import { formatNumber } from '../../i18n/format';
import { useAppStore } from '../../store/app-store';
import { useLibraryFacets } from '../../store/library-facets-store';
import { useLibraryGrid } from '../../store/library';
import type { ViewFilters } from '../../store/library/fetch';
import { DateRangeFilter } from './DateRangeFilter';
import { EmptyTrashButton } from './TrashBar';
import '../../styles/library-filters.css';
import { ChevronDownIcon, CloseIcon, ImagesIcon, StarIcon, TrashIcon } from '../../icons';

type Model = LibraryFacets['models'][number];
/** The filters "Clear filters" removes: everything but the search and the choice of library or trash. */
const CLEARABLE = ['provider', 'model', 'source', 'tag', 'favorites', 'from', 'to'] as const satisfies ReadonlyArray<keyof ViewFilters>;
/** A model's option value: the same model name may come from two providers. */
const modelKey = (model: Pick<Model, 'provider' | 'value'>) => JSON.stringify([model.provider, model.value]);

/** Clears every filter (not the search, not the trash view). */
export const clearFilters = () => useLibraryGrid.getState().setFilters(Object.fromEntries(CLEARABLE.map((key) => [key, undefined])));
export const hasFilters = (filters: ViewFilters) => CLEARABLE.some((key) => filters[key] !== undefined);

/** The library's images or its trash: a segmented control for the header. */
export const ViewSwitch = memo(function ViewSwitch() {
  const { t } = useTranslation('library');
  const trashed = useLibraryGrid((s) => s.filters.trashed === true);
  const setFilters = useLibraryGrid((s) => s.setFilters);
  const trashCount = useLibraryFacets((s) => s.trashCount);
  return (
    <div className="segmented" role="group" aria-label={t('filters.view')}>
      <button
        type="button"
        aria-pressed={!trashed}
        title={t('filters.library')}
        onClick={() => trashed && setFilters({ trashed: undefined })}
      >
        <ImagesIcon />
        <span className="segmented-label">{t('filters.library')}</span>
      </button>
      <button type="button" aria-pressed={trashed} title={t('filters.trash')} onClick={() => !trashed && setFilters({ trashed: true })}>
        <TrashIcon size={14} />
        <span className="segmented-label">{t('filters.trash')}</span>
        {trashCount > 0 && <span className="segmented-count">{formatNumber(trashCount)}</span>}
      </button>
    </div>
  );
});

/** The library's second toolbar row: provider, model, source, tag, favourites and dates; in the trash, "Empty trash". */
/** Memoized: the screen re-renders as pages load while scrolling; the filters do not change then. */
export const FiltersBar = memo(function FiltersBar() {
  const { t } = useTranslation(['library', 'common']);
  const { filters, setFilters, toggleFavourites, droppedFilter } = useLibraryGrid(
    useShallow((s) => ({
      filters: s.filters,
      setFilters: s.setFilters,
      toggleFavourites: s.toggleFavourites,
      droppedFilter: s.droppedFilter,
    })),
  );
  const { facets, trashCount } = useLibraryFacets(useShallow((s) => ({ facets: s.facets, trashCount: s.trashCount })));
  const providerNames = useAppStore((s) => s.settings?.providers);
  useEffect(() => useLibraryFacets.getState().watch(), []);

  const trashed = filters.trashed === true;
  // Counts are of images outside the trash: in the trash they would mislead.
  const option = (value: string, count: number) => (trashed ? value : t('filters.option', { value, count }));
  const providerName = (id: string) => providerNames?.find((p) => p.id === id)?.name ?? id;

  const providers = withCurrent(facets?.providers ?? [], filters.provider);
  const tags = withCurrent(facets?.tags ?? [], filters.tag);
  const sources = IMAGE_SOURCES.map((value) => ({ value, count: facets?.sources.find((s) => s.value === value)?.count ?? 0 }));
  const models = useMemo(() => {
    const all = facets?.models ?? [];
    const current = filters.model;
    const listed = current === undefined || all.some((m) => m.value === current);
    return listed ? all : [...all, { value: current, provider: filters.provider ?? null, count: 0 }];
  }, [facets, filters.model, filters.provider]);
  const ownModels = filters.provider === undefined ? models : models.filter((m) => m.provider === filters.provider);
  const otherModels = filters.provider === undefined ? [] : models.filter((m) => m.provider !== filters.provider);
  const chosenModel =
    filters.model === undefined
      ? ''
      : modelKey(
          models.find((m) => m.value === filters.model && (filters.provider === undefined || m.provider === filters.provider)) ??
            models.find((m) => m.value === filters.model)!,
        );

  const chooseProvider = (provider: string) => {
    // A model the new provider never made would leave nothing to show: it goes.
    const keepModel =
      filters.model !== undefined && models.some((m) => m.value === filters.model && (provider === '' || m.provider === provider));
    setFilters({ provider: provider || undefined, ...(keepModel ? {} : { model: undefined }) });
  };
  const chooseModel = (key: string) => {
    const model = models.find((m) => modelKey(m) === key);
    if (!model) return setFilters({ model: undefined });
    // A model of another provider than the chosen one brings its provider along.
    const provider =
      filters.provider !== undefined && model.provider !== null && model.provider !== filters.provider ? model.provider : filters.provider;
    setFilters({ model: model.value, provider });
  };

  const modelOption = (m: Model) => (
    <option key={modelKey(m)} value={modelKey(m)}>
      {option(m.value, m.count)}
    </option>
  );

  return (
    <div className="filters-bar" role="group" aria-label={t('filters.label')}>
      <FilterSelect label={t('filters.provider')} value={filters.provider ?? ''} onChange={chooseProvider}>
        <option value="">{t('filters.anyProvider')}</option>
        {providers.map((p) => (
          <option key={p.value} value={p.value}>
            {option(providerName(p.value), p.count)}
          </option>
        ))}
      </FilterSelect>

      <FilterSelect label={t('filters.model')} value={chosenModel} onChange={chooseModel}>
        <option value="">{t('filters.anyModel')}</option>
        {otherModels.length === 0 ? (
          ownModels.map(modelOption)
        ) : (
          <>
            <optgroup label={providerName(filters.provider!)}>{ownModels.map(modelOption)}</optgroup>
            <optgroup label={t('filters.otherModels')}>{otherModels.map(modelOption)}</optgroup>
          </>
        )}
      </FilterSelect>

      <FilterSelect
        label={t('filters.source')}
        value={filters.source ?? ''}
        onChange={(source) => setFilters({ source: source || undefined })}
      >
        <option value="">{t('filters.anySource')}</option>
        {sources.map((s) => (
          <option key={s.value} value={s.value}>
            {option(t(`source.${s.value}`), s.count)}
          </option>
        ))}
      </FilterSelect>

      <FilterSelect label={t('filters.tag')} value={filters.tag ?? ''} onChange={(tag) => setFilters({ tag: tag || undefined })}>
        <option value="">{t('filters.anyTag')}</option>
        {tags.map((tag) => (
          <option key={tag.value} value={tag.value}>
            {option(tag.value, tag.count)}
          </option>
        ))}
      </FilterSelect>

      <button
        type="button"
        className={filters.favorites ? 'filter-button active' : 'filter-button'}
        aria-pressed={filters.favorites === true}
        onClick={toggleFavourites}
        title={t('favourites.filterTitle')}
      >
        <StarIcon filled={filters.favorites === true} />
        {t('favourites.filter')}
      </button>

      <DateRangeFilter from={filters.from} to={filters.to} onChange={(range) => setFilters(range)} />

      {hasFilters(filters) && (
        <button type="button" className="filter-clear" onClick={clearFilters}>
          <CloseIcon size={12} strokeWidth={2.6} />
          {t('filters.clear')}
        </button>
      )}

      {trashed && <EmptyTrashButton count={trashCount} />}

      {droppedFilter && (
        <p className="filters-notice" role="status">
          {droppedFilter === 'tag' ? t('filters.dropped.tag') : t('filters.dropped.other')}
          <button type="button" className="link" onClick={() => useLibraryGrid.setState({ droppedFilter: null })}>
            {t('common:dismiss')}
          </button>
        </p>
      )}
    </div>
  );
});

/** The facet's values, plus the chosen one if the facets do not list it (yet, or any more). */
function withCurrent(values: Array<{ value: string; count: number }>, current: string | undefined) {
  return current === undefined || values.some((v) => v.value === current) ? values : [...values, { value: current, count: 0 }];
}

interface FilterSelectProps {
  label: string;
  value: string;
  onChange(value: string): void;
  children: React.ReactNode;
}

/** A native select styled as a toolbar pill (the keyboard and screen readers know it), accented while it filters. */
function FilterSelect({ label, value, onChange, children }: FilterSelectProps) {
  return (
    <label className={value ? 'filter-select active' : 'filter-select'}>
      <span className="visually-hidden">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} title={label}>
        {children}
      </select>
      <ChevronDownIcon />
    </label>
  );
}
