import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonth } from '../../i18n/format';
import type { TimelineMonth } from '../../store/library/grid';
import { useGridTop } from './grid-top';

/** A month holding few pictures still gets this many pixels, so it can be hit. */
const MIN_MONTH = 6;
/** Height of a year's heading. */
const YEAR_HEIGHT = 22;
/** The most of the column one month takes. */
const MAX_SHARE = 0.4;
/** A month this tall or taller shows its name. */
const LABEL_HEIGHT = 17;

interface DateScrubberProps {
  months: TimelineMonth[];
  /** Scrolls the grid to a position (a month's first image). */
  onJump(offset: number): void;
}

/** The month the grid's top row falls in: the last one starting at or before it. */
function monthAt(months: TimelineMonth[], index: number): number {
  let current = 0;
  for (let i = 0; i < months.length; i++) if (months[i]!.offset <= index) current = i;
  return current;
}

/**
 * Years and months beside the grid, each as tall as its share of the pictures (with a minimum),
 * the month in view highlighted. A listbox: a click, or the arrow keys and Enter, jumps straight
 * to a month's first picture.
 */
export function DateScrubber({ months, onJump }: DateScrubberProps) {
  const { t } = useTranslation('library');
  const list = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  // Subscribed to the month, not the position: scrolling within a month renders nothing here.
  const current = useGridTop((s) => monthAt(months, s.index));
  /** The month with the Tab stop (moved by the arrow keys; follows the grid otherwise). */
  const [focused, setFocused] = useState<number | null>(null);
  const tabStop = focused ?? current;

  // The list is rendered once the timeline has arrived: observe it from then.
  const shown = months.length > 0;
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);

  // Keeps the month in view visible when the scrubber itself has to scroll.
  useEffect(() => {
    list.current?.querySelector(`[data-month="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const { years, labels } = useMemo(() => {
    const years: Array<{ year: number; months: number[] }> = [];
    for (let i = 0; i < months.length; i++) {
      const { year } = months[i]!;
      if (years.at(-1)?.year !== year) years.push({ year, months: [] });
      years.at(-1)!.months.push(i);
    }
    // Formatted once per timeline (and language), not on every render.
    const labels = months.map((month) => ({
      long: t('scrubber.month', { month: formatMonth(month.year, month.month, 'long'), count: month.count }),
      short: formatMonth(month.year, month.month, 'short'),
    }));
    return { years, labels };
  }, [months, t]);
  const total = months.reduce((sum, month) => sum + month.count, 0);
  const room = Math.max(0, height - years.length * YEAR_HEIGHT - months.length * 1);
  // A month holding most of a small library would fill the column: it stops at a share of it.
  const monthHeight = (count: number) => Math.max(MIN_MONTH, Math.floor(Math.min((count / Math.max(1, total)) * room, room * MAX_SHARE)));

  const move = (to: number) => {
    const target = Math.max(0, Math.min(months.length - 1, to));
    setFocused(target);
    list.current?.querySelector<HTMLElement>(`[data-month="${target}"]`)?.focus();
  };
  const jump = (index: number) => {
    setFocused(index);
    onJump(months[index]!.offset);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: tabStop + 1,
      ArrowUp: tabStop - 1,
      PageDown: tabStop + 12,
      PageUp: tabStop - 12,
      Home: 0,
      End: months.length - 1,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      jump(tabStop);
    } else if (moves[event.key] !== undefined) {
      event.preventDefault();
      move(moves[event.key]!);
    }
  };

  if (months.length === 0) return null;
  return (
    <div
      ref={list}
      className="date-scrubber"
      role="listbox"
      aria-label={t('scrubber.label')}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Leaving the scrubber: its Tab stop follows the grid again.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(null);
      }}
    >
      {years.map(({ year, months: inYear }) => (
        <div key={year} role="group" aria-label={String(year)} className="scrubber-year">
          <div className="scrubber-year-label" aria-hidden="true">
            {year}
          </div>
          {inYear.map((index) => {
            const month = months[index]!;
            const tall = monthHeight(month.count);
            return (
              <div
                key={index}
                role="option"
                data-month={index}
                className={index === current ? 'scrubber-month current' : 'scrubber-month'}
                aria-selected={index === current}
                aria-label={labels[index]!.long}
                title={labels[index]!.long}
                tabIndex={index === tabStop ? 0 : -1}
                style={{ height: tall }}
                onClick={() => jump(index)}
              >
                {tall >= LABEL_HEIGHT && <span aria-hidden="true">{labels[index]!.short}</span>}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
