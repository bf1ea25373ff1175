import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Rows kept in the DOM beyond the visible ones, above and below. */
const OVERSCAN_ROWS = 8;
/** A row's height until one has been measured (px). */
const FIRST_GUESS = 48;

export interface RowWindow {
  /** For the scroll box; its rows carry `data-row` (their index). */
  box: RefObject<HTMLUListElement | null>;
  start: number;
  end: number;
  /** Height of one row, the spacers' unit. */
  rowHeight: number;
  onScroll(): void;
  /** Scrolls row `index` into view and focuses its first button once it is rendered. */
  focusRow(index: number): void;
}

/**
 * A list of same-height rows with only those near the visible part in the DOM (the rest stand as
 * two spacers), for lists that may hold thousands. `onNearEnd` is called when the last rows show.
 */
export function useRowWindow(count: number, onNearEnd: () => void): RowWindow {
  const box = useRef<HTMLUListElement>(null);
  const [rowHeight, setRowHeight] = useState(FIRST_GUESS);
  const [view, setView] = useState({ top: 0, height: 800 });
  const [focusing, setFocusing] = useState<number | null>(null);

  const read = useCallback(() => {
    const element = box.current;
    if (!element) return;
    setView((previous) =>
      previous.top === element.scrollTop && previous.height === element.clientHeight
        ? previous
        : { top: element.scrollTop, height: element.clientHeight },
    );
  }, []);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const resized = new ResizeObserver(read);
    resized.observe(element);
    return () => resized.disconnect();
  }, [read]);

  // Rows are all alike: the first one rendered gives the height of every one.
  useLayoutEffect(() => {
    const row = box.current?.querySelector<HTMLElement>('[data-row]');
    if (row && row.offsetHeight > 0 && row.offsetHeight !== rowHeight) setRowHeight(row.offsetHeight);
  }, [rowHeight, count]);

  const start = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN_ROWS);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN_ROWS);

  const nearEnd = end >= count - OVERSCAN_ROWS;
  useEffect(() => {
    if (nearEnd && count > 0) onNearEnd();
  }, [nearEnd, count, onNearEnd]);

  useEffect(() => {
    if (focusing === null) return;
    const button = box.current?.querySelector<HTMLElement>(`[data-row="${focusing}"] button`);
    if (button) {
      button.focus();
      setFocusing(null);
    }
  }, [focusing, start, end]);

  const focusRow = useCallback(
    (index: number) => {
      const element = box.current;
      if (!element) return;
      const top = index * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
      read();
      setFocusing(index);
    },
    [read, rowHeight],
  );

  return { box, start, end, rowHeight, onScroll: read, focusRow };
}
