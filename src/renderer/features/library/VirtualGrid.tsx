import { useCallback, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageRecord } from '../../../shared/library';
import { Tile } from './Tile';

/** About the size of a tile; tiles grow or shrink a little so the columns fill the width exactly. */
export const TILE_SIZE = 180;
export const TILE_GAP = 8;
/** Room around the tiles so focus rings are not clipped by the scroll box. */
const PAD = 4;
/** Rows rendered above and below the visible ones, so fast scrolling shows no holes. */
const OVERSCAN_ROWS = 3;

export interface GridLayout {
  columns: number;
  size: number;
  rowHeight: number;
  rows: number;
  height: number;
}

/** Columns, tile size and full height of the grid for a scroll box `width` pixels wide. */
export function gridLayout(width: number, count: number): GridLayout {
  const inner = Math.max(0, width - 2 * PAD);
  // The column count that keeps tiles nearest TILE_SIZE (about 155–210 px).
  const columns = Math.max(1, Math.round((inner + TILE_GAP) / (TILE_SIZE + TILE_GAP)));
  const size = Math.max(1, Math.floor((inner - TILE_GAP * (columns - 1)) / columns));
  const rowHeight = size + TILE_GAP;
  const rows = Math.ceil(count / columns);
  return { columns, size, rowHeight, rows, height: rows === 0 ? 0 : rows * rowHeight - TILE_GAP + 2 * PAD };
}

export interface GridHandle {
  /** Scrolls the item into view and focuses its tile (once it is rendered). */
  focusItem(index: number): void;
}

interface VirtualGridProps {
  items: ImageRecord[];
  /** More images exist past the loaded ones. */
  hasMore: boolean;
  onLoadMore(): void;
  onOpen(id: number): void;
  /** Single-key actions on the focused picture: E = Edit, R = Use as reference. */
  onAction(id: number, action: 'edit' | 'reference'): void;
  onMenu(id: number, x: number, y: number): void;
  ref?: Ref<GridHandle>;
}

/**
 * The library's thumbnails as a virtualized grid: fixed square tiles in as many columns as fit,
 * and only the rows in view (plus a few) in the DOM, absolutely placed inside a spacer as tall
 * as the whole grid. Scrolling near the end asks for the next page. The tiles take one Tab stop;
 * arrow keys, Page Up/Down, Home and End move between them.
 */
export function VirtualGrid({ items, hasMore, onLoadMore, onOpen, onAction, onMenu, ref }: VirtualGridProps) {
  const { t } = useTranslation('library');
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ width: 0, height: 0 });
  /** The row at the top of the view: the only scroll state, so most scroll events render nothing. */
  const [topRow, setTopRow] = useState(0);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  /** The first item in view, kept so a change in the number of columns keeps the user's place. */
  const anchor = useRef(0);

  const layout = gridLayout(viewport.width, items.length);
  const count = items.length;

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    // Fires once on observe with the first size, then on every resize (window, sidebar, scrollbar).
    const observer = new ResizeObserver(() => {
      const width = element.clientWidth;
      const height = element.clientHeight;
      setViewport((previous) => (previous.width === width && previous.height === height ? previous : { width, height }));
      const next = gridLayout(width, 0); // columns and row height do not depend on the count
      const row = Math.floor(anchor.current / next.columns);
      if (Math.floor(element.scrollTop / next.rowHeight) !== row) element.scrollTop = row * next.rowHeight;
      setTopRow(Math.floor(element.scrollTop / next.rowHeight));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const element = scroller.current;
    if (!element || viewport.width === 0) return;
    const row = Math.floor(element.scrollTop / layout.rowHeight);
    anchor.current = row * layout.columns;
    setTopRow(row);
  };

  const visibleRows = Math.ceil(viewport.height / layout.rowHeight) + 1;
  const firstRow = Math.max(0, topRow - OVERSCAN_ROWS);
  const lastRow = Math.min(layout.rows - 1, topRow + visibleRows + OVERSCAN_ROWS);
  const start = viewport.width === 0 ? 0 : firstRow * layout.columns;
  const end = viewport.width === 0 ? 0 : Math.min(count, (lastRow + 1) * layout.columns);
  const tabbable = active >= start && active < end ? active : start;

  // Near the end (within a screenful): fetch the next page before the user gets there.
  const nearEnd = viewport.width > 0 && lastRow >= layout.rows - 1 - visibleRows;
  useEffect(() => {
    if (hasMore && nearEnd) onLoadMore();
  }, [hasMore, nearEnd, count, onLoadMore]);

  // A tile asked to be focused before it was rendered: focus it now that it is.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const tile = scroller.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.current}"]`);
    if (tile) {
      tile.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const focusItem = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element || count === 0) return;
      const target = Math.max(0, Math.min(count - 1, index));
      const { rowHeight, columns } = gridLayout(element.clientWidth, count);
      const top = Math.floor(target / columns) * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight + 2 * PAD > element.scrollTop + element.clientHeight) {
        element.scrollTop = top + rowHeight + 2 * PAD - element.clientHeight;
      }
      setActive(target);
      const tile = element.querySelector<HTMLElement>(`[data-index="${target}"]`);
      if (tile) tile.focus({ preventScroll: true });
      else pendingFocus.current = target;
    },
    [count],
  );

  useImperativeHandle(ref, () => ({ focusItem }), [focusItem]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = Number((event.target as HTMLElement).dataset.index);
    if (!Number.isInteger(index) || event.altKey || event.ctrlKey || event.metaKey) return;
    const action = { e: 'edit', r: 'reference' } as const;
    const key = event.key.toLowerCase();
    if ((key === 'e' || key === 'r') && !event.shiftKey && items[index]) {
      event.preventDefault();
      onAction(items[index].id, action[key]);
      return;
    }
    const page = layout.columns * Math.max(1, visibleRows - 2);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      ArrowDown: index + layout.columns,
      ArrowUp: index - layout.columns,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    // Past the last row: stay on the last item rather than doing nothing.
    if (event.key === 'ArrowDown' && next >= count && Math.floor(index / layout.columns) < layout.rows - 1) focusItem(count - 1);
    else if (next >= 0 && next < count) focusItem(next);
  };

  const tiles = [];
  for (let index = start; index < end; index++) {
    const image = items[index]!;
    tiles.push(
      <Tile
        key={image.id}
        image={image}
        index={index}
        setSize={hasMore ? -1 : count}
        left={PAD + (index % layout.columns) * (layout.size + TILE_GAP)}
        top={PAD + Math.floor(index / layout.columns) * layout.rowHeight}
        size={layout.size}
        tabbable={index === tabbable}
        onOpen={onOpen}
        onFocusTile={setActive}
        onMenu={onMenu}
      />,
    );
  }

  return (
    <div className="grid-scroller" ref={scroller} onScroll={onScroll}>
      <div className="grid-spacer" role="list" aria-label={t('grid')} style={{ height: layout.height }} onKeyDown={onKeyDown}>
        {tiles}
      </div>
    </div>
  );
}
