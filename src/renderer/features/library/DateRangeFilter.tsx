import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePopover } from '../../app/use-popover';
import { formatDate } from '../../i18n/format';
import { CalendarIcon, ChevronDownIcon } from '../../icons';

/** "2026-03-14" ↔ the local day: `from` is its first millisecond, `to` its last (the range takes whole days). */
const dayStart = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
};
const dayEnd = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y!, m! - 1, d! + 1).getTime() - 1;
};
const dayText = (ms: number | undefined) => {
  if (ms === undefined) return '';
  const date = new Date(ms);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

interface DateRangeFilterProps {
  from: number | undefined;
  to: number | undefined;
  onChange(range: { from: number | undefined; to: number | undefined }): void;
}

/** The date range: a button naming the range, and a popover with From and To; an end before the start is said and never sent. */
export function DateRangeFilter({ from, to, onChange }: DateRangeFilterProps) {
  const { t } = useTranslation('library');
  const { open, setOpen, button, popover, onKeyDown } = usePopover();
  const [draft, setDraft] = useState({ from: dayText(from), to: dayText(to) });
  const fromId = useId();
  const toId = useId();
  const errorId = useId();

  // The first field takes the focus (the popover's own choice would be its first button).
  useEffect(() => {
    if (open) popover.current?.querySelector('input')?.focus();
  }, [open, popover]);

  const backwards = draft.from !== '' && draft.to !== '' && draft.to < draft.from;

  const change = (next: { from: string; to: string }) => {
    setDraft(next);
    if (next.from !== '' && next.to !== '' && next.to < next.from) return;
    const range = { from: next.from ? dayStart(next.from) : undefined, to: next.to ? dayEnd(next.to) : undefined };
    if (range.from !== from || range.to !== to) onChange(range);
  };

  const label =
    from !== undefined && to !== undefined
      ? t('filters.range', { from: formatDate(from), to: formatDate(to) })
      : from !== undefined
        ? t('filters.since', { date: formatDate(from) })
        : to !== undefined
          ? t('filters.until', { date: formatDate(to) })
          : t('filters.dates');
  const active = from !== undefined || to !== undefined;

  return (
    <div className="filter-popover-anchor">
      <button
        type="button"
        ref={button}
        className={active ? 'filter-button active' : 'filter-button'}
        aria-expanded={open}
        aria-haspopup="dialog"
        title={t('filters.datesTitle')}
        onClick={() => {
          // Opening shows what is applied (a restored view, a cleared filter), not an old draft.
          if (!open) setDraft({ from: dayText(from), to: dayText(to) });
          setOpen(!open);
        }}
      >
        <CalendarIcon />
        <span>{label}</span>
        <ChevronDownIcon />
      </button>
      {open && (
        <div ref={popover} className="filter-popover date-range" role="dialog" aria-label={t('filters.dates')} onKeyDown={onKeyDown}>
          <div className="date-fields">
            <label htmlFor={fromId}>{t('filters.from')}</label>
            <input
              id={fromId}
              type="date"
              value={draft.from}
              max="9999-12-31"
              onChange={(e) => change({ ...draft, from: e.target.value })}
            />
            <label htmlFor={toId}>{t('filters.to')}</label>
            <input
              id={toId}
              type="date"
              value={draft.to}
              max="9999-12-31"
              aria-invalid={backwards}
              aria-describedby={backwards ? errorId : undefined}
              onChange={(e) => change({ ...draft, to: e.target.value })}
            />
          </div>
          {backwards && (
            <p id={errorId} role="alert" className="field-error">
              {t('filters.endBeforeStart')}
            </p>
          )}
          <div className="popover-actions">
            <button
              type="button"
              className="link"
              disabled={!active && draft.from === '' && draft.to === ''}
              onClick={() => change({ from: '', to: '' })}
            >
              {t('filters.clearDates')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
