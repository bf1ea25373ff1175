import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Turn } from '../../store/thread/turns';
import { estimateTurnHeight, rangeAround, spacers, turnOffsets, type TurnRange } from './turn-layout';

/** How far beyond the visible part turns are kept in the DOM, above and below (px). */
const OVERSCAN = 800;
/** Measured heights kept across conversations (a chat opened again lays out as it was left). */
const KEPT_HEIGHTS = 20_000;
/** Closer to the bottom than this counts as being at the bottom (px). */
const AT_BOTTOM = 48;

/** Heights turns had on screen, by conversation and turn, for the column width they were measured at. */
const measured = new Map<string, { width: number; height: number }>();
const heightKey = (conversationId: number | null, turnKey: number) => `${conversationId ?? 'new'}:${turnKey}`;

function remember(key: string, width: number, height: number): boolean {
  const known = measured.get(key);
  if (known && known.width === width && known.height === height) return false;
  measured.delete(key);
  measured.set(key, { width, height });
  if (measured.size > KEPT_HEIGHTS) measured.delete(measured.keys().next().value!);
  return true;
}

export interface TurnWindow extends TurnRange {
  /** Heights of the spacers standing for the turns before and after the range. */
  before: number;
  after: number;
}

const EMPTY: TurnWindow = { start: 0, end: 0, before: 0, after: 0 };
const sameWindow = (a: TurnWindow, b: TurnWindow) => a.start === b.start && a.end === b.end && a.before === b.before && a.after === b.after;

export interface VirtualTurns {
  /** For the scroll box and the list inside it. */
  scroller: RefObject<HTMLDivElement | null>;
  list: RefObject<HTMLOListElement | null>;
  visible: TurnWindow;
  /** The ref callback of each rendered turn's element (it carries `data-turn`), so its height is measured. */
  measure(element: HTMLElement | null): (() => void) | undefined;
  /** For the scroll box's scroll event. */
  onScroll(): void;
  /** The reader has scrolled up from the newest content (the window offers a way back). */
  away: boolean;
  /** Back to the newest content, following it again. */
  toNewest(): void;
}

/**
 * Only the turns near the visible part of a conversation are in the DOM: the others stand as two
 * spacers of their heights (measured when they were on screen, estimated before). The view opens at
 * the newest turn and follows it while the user is at the bottom, and goes there when a prompt is
 * sent; elsewhere the browser's scroll anchoring keeps what is on screen in place when turns above
 * it come and go or change height.
 */
export function useVirtualTurns(turns: readonly Turn[], conversationId: number | null): VirtualTurns {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [shown, setShown] = useState<TurnWindow>(EMPTY);
  /** Whether the view follows the newest content (the user has not scrolled up). */
  const stick = useRef(true);
  const width = useRef(0);
  const current = useRef({ turns, conversationId });
  const lastKey = useRef<number | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  /** Off while a chat first shows: the turns in view come first, the ones around them a frame later. */
  const withOverscan = useRef(false);
  /** Where the box was scrolled at the last scroll event. */
  const lastTop = useRef(0);
  /** Where each turn starts and where the list starts in the box, until a height or the turns change. */
  const layout = useRef<{ offsets: number[]; listTop: number } | null>(null);
  /** Where the reader scrolled up from the newest content (conversation and newest turn), or null at the bottom. */
  const [awayAt, setAwayAt] = useState<string | null>(null);
  const place = `${conversationId ?? 'new'}:${turns.at(-1)?.key ?? ''}`;

  const followBottom = useCallback(() => {
    const box = scroller.current;
    if (box && stick.current) box.scrollTop = box.scrollHeight;
  }, []);

  /**
   * Works out which turns to show for where the box is scrolled now (the bottom, while it sticks
   * there). A scroll only looks the place up; the offsets are worked out again after a change.
   */
  const update = useCallback((changed = false) => {
    const box = scroller.current;
    const inner = list.current;
    if (!box || !inner) return;
    if (changed || !layout.current) {
      if (inner.clientWidth > 0) width.current = inner.clientWidth;
      const { turns: all, conversationId: id } = current.current;
      const heights = all.map((turn) => {
        const known = measured.get(heightKey(id, turn.key));
        return known && known.width === width.current ? known.height : estimateTurnHeight(turn, width.current || 720);
      });
      const listTop = inner.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      layout.current = { offsets: turnOffsets(heights), listTop };
    }
    const { offsets, listTop } = layout.current;
    const top = stick.current ? offsets[offsets.length - 1]! - box.clientHeight : box.scrollTop - listTop;
    const range = rangeAround(offsets, top, box.clientHeight, AT_BOTTOM + (withOverscan.current ? OVERSCAN : 0));
    const next = { ...range, ...spacers(offsets, range) };
    setShown((previous) => (sameWindow(previous, next) ? previous : next));
  }, []);

  // Another conversation opens at its newest turn; a prompt just sent (a new turn at the end) brings the view to it.
  useLayoutEffect(() => {
    const last = turns.at(-1)?.key ?? null;
    if (conversationId !== current.current.conversationId) stick.current = true;
    else if (last !== null && lastKey.current !== null && last > lastKey.current) stick.current = true;
    if (conversationId !== current.current.conversationId || turns.length === 0) withOverscan.current = false;
    lastKey.current = last;
    current.current = { turns, conversationId };
    update(true);
    if (!withOverscan.current && turns.length > 0) {
      const frame = requestAnimationFrame(() => {
        withOverscan.current = true;
        update();
      });
      return () => cancelAnimationFrame(frame);
    }
  }, [turns, conversationId, update]);

  // After every render: keep the newest content in view while sticking.
  useLayoutEffect(followBottom);

  // Turns change height as text streams in and pictures load; the window changes size.
  useEffect(() => {
    const box = scroller.current;
    const inner = list.current;
    const resized = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const element = entry.target as HTMLElement;
        const key = Number(element.dataset.turn);
        if (!element.isConnected || element.dataset.turn === undefined || !Number.isFinite(key)) continue;
        const height = entry.borderBoxSize[0]?.blockSize ?? element.offsetHeight;
        changed = remember(heightKey(current.current.conversationId, key), width.current, height) || changed;
      }
      followBottom();
      if (changed) update(true);
    });
    for (const element of inner?.querySelectorAll<HTMLElement>('[data-turn]') ?? []) resized.observe(element);
    observer.current = resized;
    const windowResized = new ResizeObserver(() => {
      followBottom();
      update(true);
    });
    if (box) windowResized.observe(box);
    if (inner) windowResized.observe(inner);
    return () => {
      resized.disconnect();
      windowResized.disconnect();
      observer.current = null;
    };
  }, [followBottom, update]);

  const measure = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    // Before the observer exists (the first render), the effect that makes it observes every turn.
    observer.current?.observe(element);
    return () => observer.current?.unobserve(element);
  }, []);

  // Only the user moving up lets go of the bottom: content growing under a view that follows it
  // (a picture loading, the next lines) also leaves it short of the bottom for a moment.
  const onScroll = useCallback(() => {
    const box = scroller.current;
    if (!box) return;
    if (box.scrollHeight - box.scrollTop - box.clientHeight < AT_BOTTOM) stick.current = true;
    else if (box.scrollTop < lastTop.current - 1) stick.current = false;
    lastTop.current = box.scrollTop;
    // A state change only when it flips: scrolling costs no render for it.
    const { conversationId: id, turns: all } = current.current;
    setAwayAt(stick.current ? null : `${id ?? 'new'}:${all.at(-1)?.key ?? ''}`);
    update();
  }, [update]);

  const toNewest = useCallback(() => {
    stick.current = true;
    setAwayAt(null);
    followBottom();
    update();
  }, [followBottom, update]);

  // Until the layout effect has worked out the window for fewer turns than before, the newest alone.
  const count = turns.length;
  const visible = shown.end <= count ? shown : { start: Math.max(0, count - 1), end: count, before: 0, after: 0 };
  // Another conversation, or a prompt just sent (a new newest turn), brings the view back to the newest.
  return { scroller, list, visible, measure, onScroll, away: awayAt === place, toNewest };
}
