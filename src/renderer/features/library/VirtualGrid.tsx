import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';
import { itemAt, type Pages } from '../../store/library/pages';
import { useGridTop } from './grid-top';
import { isSelected, type SelectHow, type SelectionModel } from '../../store/library/selection';
import { Tile, type TileLabels } from './Tile';

/** About the size of a tile; tiles grow or shrink a little so the columns fill the width exactly. */
export const TILE_SIZE = 180;
/**
 * A wider grid aims for bigger tiles: from TILE_SIZE at 1600 px (a 1920 px window) up to
 * WIDE_TILE_SIZE at 2200 px (a 2560 px window), still within the 256 px thumbnails.
 */
const WIDE_GRID = { from: 1600, to: 2200 };
const WIDE_TILE_SIZE = 236;
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
  // The column count that keeps tiles nearest the target (about 155–210 px, more on a large screen):
  // the room of a wide window goes to bigger pictures rather than only to more columns.
  const wide = Math.min(1, Math.max(0, (inner - WIDE_GRID.from) / (WIDE_GRID.to - WIDE_GRID.from)));
  const target = TILE_SIZE + wide * (WIDE_TILE_SIZE - TILE_SIZE);
  const columns = Math.max(1, Math.round((inner + TILE_GAP) / (target + TILE_GAP)));
  const size = Math.max(1, Math.floor((inner - TILE_GAP * (columns - 1)) / columns));
  const rowHeight = size + TILE_GAP;
  const rows = Math.ceil(count / columns);
  return { columns, size, rowHeight, rows, height: rows === 0 ? 0 : rows * rowHeight - TILE_GAP + 2 * PAD };
}

export interface GridHandle {
  /** Scrolls the item into view and focuses its tile (once it is rendered, its page loaded). */
  focusItem(index: number): void;
  /** Scrolls so that the item's row is at the top (a jump to a month). */
  scrollToIndex(index: number): void;
}

interface VirtualGridProps {
  /** How many images the view holds: the grid is this tall, loaded or not. */
  total: number;
  pages: Pages;
  selection: SelectionModel;
  /** The positions rendered changed: their pages should be loaded. */
  onRange(start: number, end: number): void;
  onOpen(id: number): void;
  /** Ctrl/Cmd+click or Space toggles one image; Shift+click selects up to it. */
  onSelect(id: number, index: number, how: SelectHow): void;
  /** Shift with a move key: the selection grows from the anchor (or `from`) to `to`. */
  onExtend(from: number, to: number): void;
  /** Single-key actions on the focused picture: E = Edit, R = Use as reference. */
  onAction(id: number, action: 'edit' | 'reference'): void;
  onMenu(id: number, x: number, y: number): void;
  onDragTile(event: DragEvent, id: number): void;
  ref?: Ref<GridHandle>;
}

/**
 * The library's thumbnails as a virtualized grid as tall as the whole view: fixed square tiles in
 * as many columns as fit, only the rows in view (plus a few) in the DOM, quiet skeletons where a
 * page is not loaded yet. A multi-select listbox with one Tab stop: arrow keys, Page Up/Down,
 * Home and End move, Enter opens, Space selects.
 */
export function VirtualGrid({
  total,
  pages,
  selection,
  onRange,
  onOpen,
  onSelect,
  onExtend,
  onAction,
  onMenu,
  onDragTile,
  ref,
}: VirtualGridProps) {
  const { t } = useTranslation(['library', 'common']);
  const labels = useMemo<TileLabels>(() => ({ favourite: t('tileFavourite'), toggle: t('selection.toggle') }), [t]);
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ width: 0, height: 0 });
  /** The row at the top of the view: the only scroll state, so most scroll events render nothing. */
  const [topRow, setTopRow] = useState(0);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  /** The first item in view, kept so a change in the number of columns keeps the user's place. */
  const anchor = useRef(0);

  const layout = gridLayout(viewport.width, total);

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

  /** Rows the view can show at once, counting the one cut at the top; the last in view is at most topRow + visibleRows - 1. */
  const visibleRows = Math.ceil(viewport.height / layout.rowHeight) + 1;
  const firstRow = Math.max(0, topRow - OVERSCAN_ROWS);
  const lastRow = Math.min(layout.rows - 1, topRow + visibleRows - 1 + OVERSCAN_ROWS);
  const start = viewport.width === 0 ? 0 : firstRow * layout.columns;
  const end = viewport.width === 0 ? 0 : Math.min(total, (lastRow + 1) * layout.columns);
  const topIndex = Math.min(Math.max(0, total - 1), topRow * layout.columns);

  useEffect(() => {
    if (end > start) onRange(start, end);
  }, [start, end, onRange]);
  useEffect(() => useGridTop.setState({ index: topIndex }), [topIndex]);

  // A tile asked to be focused before it was rendered (or its page loaded): focus it now that it is.
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
      if (!element || total === 0) return;
      const target = Math.max(0, Math.min(total - 1, index));
      const { rowHeight, columns } = gridLayout(element.clientWidth, total);
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
    [total],
  );

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element || total === 0) return;
      const { rowHeight, columns } = gridLayout(element.clientWidth, total);
      const row = Math.floor(Math.max(0, Math.min(total - 1, index)) / columns);
      anchor.current = row * columns;
      element.scrollTop = row * rowHeight;
      setActive(row * columns);
    },
    [total],
  );

  useImperativeHandle(ref, () => ({ focusItem, scrollToIndex }), [focusItem, scrollToIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = Number((event.target as HTMLElement).dataset.index);
    if (!Number.isInteger(index) || event.altKey || event.ctrlKey || event.metaKey) return;
    const image = itemAt(pages, index);
    const key = event.key.toLowerCase();
    if ((key === 'e' || key === 'r') && !event.shiftKey && image) {
      event.preventDefault();
      onAction(image.id, key === 'e' ? 'edit' : 'reference');
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && image) {
      event.preventDefault();
      if (event.key === 'Enter') onOpen(image.id);
      else onSelect(image.id, index, event.shiftKey ? 'range' : 'toggle');
      return;
    }
    const page = layout.columns * Math.max(1, visibleRows - 2);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      ArrowDown: index + layout.columns,
      ArrowUp: index - layout.columns,
      PageDown: Math.min(total - 1, index + page),
      PageUp: Math.max(0, index - page),
      Home: 0,
      End: total - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    // Past the last row: stay on the last item rather than doing nothing.
    const target = event.key === 'ArrowDown' && next >= total && Math.floor(index / layout.columns) < layout.rows - 1 ? total - 1 : next;
    if (target < 0 || target >= total) return;
    focusItem(target);
    if (event.shiftKey) onExtend(index, target);
  };

  let tabbable = -1;
  if (active >= start && active < end && itemAt(pages, active)) tabbable = active;
  const tiles = [];
  for (let index = start; index < end; index++) {
    const image = itemAt(pages, index);
    const left = PAD + (index % layout.columns) * (layout.size + TILE_GAP);
    const top = PAD + Math.floor(index / layout.columns) * layout.rowHeight;
    if (!image) {
      tiles.push(
        <div
          key={`p${index}`}
          className="tile-slot tile-placeholder"
          aria-hidden="true"
          style={{ width: layout.size, height: layout.size, transform: `translate(${left}px, ${top}px)` }}
        />,
      );
      continue;
    }
    if (tabbable < 0) tabbable = index;
    tiles.push(
      <Tile
        key={image.id}
        labels={labels}
        image={image}
        index={index}
        setSize={total}
        left={left}
        top={top}
        size={layout.size}
        tabbable={index === tabbable}
        selected={isSelected(selection, image.id)}
        onOpen={onOpen}
        onSelect={onSelect}
        onFocusTile={setActive}
        onMenu={onMenu}
        onDragTile={onDragTile}
      />,
    );
  }

  return (
    <div className="grid-scroller" ref={scroller} onScroll={onScroll}>
      <div
        className="grid-spacer"
        role="listbox"
        aria-multiselectable="true"
        aria-label={t('grid')}
        style={{ height: layout.height }}
        onKeyDown={onKeyDown}
      >
        {tiles}
      </div>
    </div>
  );
}
