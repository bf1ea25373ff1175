import type { Turn } from '../../store/thread/turns';

/** The space between two turns (`.chat-turns`' gap). */
export const TURN_GAP = 24;

/** Turns in the DOM: `start` up to, not including, `end`. */
export interface TurnRange {
  start: number;
  end: number;
}

const LINE = 24;
const CHAR_WIDTH = 7.6;
const PICTURE_ROW = 452;
/** A prompt's meta line, an answer's footer, and the space inside a turn. */
const CHROME = 96;

/** Lines a text takes in a column `width` px wide, roughly: each of its lines wrapped, empty lines half. */
function textLines(text: string, width: number): number {
  const perLine = Math.max(20, Math.floor(width / CHAR_WIDTH));
  let lines = 0;
  for (let from = 0; from <= text.length;) {
    const to = text.indexOf('\n', from);
    const length = (to < 0 ? text.length : to) - from;
    lines += length === 0 ? 0.5 : Math.ceil(length / perLine);
    if (to < 0) break;
    from = to + 1;
  }
  return lines;
}

/** Estimates by turn (turns are rebuilt when their messages change) and width. */
const estimates = new WeakMap<Turn, { width: number; height: number }>();

/**
 * A turn's height before it has been on screen, from its text and pictures: close enough that
 * the scroll bar does not jump much when the real height replaces it.
 */
export function estimateTurnHeight(turn: Turn, width: number): number {
  const known = estimates.get(turn);
  if (known?.width === width) return known.height;
  const height = estimate(turn, width);
  estimates.set(turn, { width, height });
  return height;
}

function estimate(turn: Turn, width: number): number {
  const column = Math.min(width, 720);
  let height = CHROME;
  if (turn.user) {
    height += textLines(turn.user.text, column) * LINE;
    if (turn.user.imageIds.length > 0) height += 110;
  }
  const answer = turn.answers.at(-1);
  if (answer) {
    height += textLines(answer.text, column) * LINE;
    const perRow = Math.max(1, Math.floor(width / 450));
    height += Math.ceil(answer.imageIds.length / perRow) * PICTURE_ROW;
  }
  return Math.round(height);
}

/** Where each turn starts, counting the gap after each; the last entry is the whole height plus one gap. */
export function turnOffsets(heights: readonly number[]): number[] {
  const offsets = new Array<number>(heights.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]! + TURN_GAP;
  return offsets;
}

/** The turns that overlap [top − overscan, top + height + overscan] (px from the list's top). */
export function rangeAround(offsets: readonly number[], top: number, height: number, overscan: number): TurnRange {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const from = top - overscan;
  const to = top + height + overscan;
  // The first turn whose bottom is below `from`, and the first that starts past `to`.
  let start = lowerBound(offsets, from, 1) - 1;
  start = Math.max(0, Math.min(count - 1, start));
  let end = lowerBound(offsets, to, 0);
  end = Math.max(start + 1, Math.min(count, end));
  return { start, end };
}

/** The first index i ≥ `first` with offsets[i] > value (or offsets.length − 1 if none). */
function lowerBound(offsets: readonly number[], value: number, first: number): number {
  let low = first;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid]! > value) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The heights of the spacers that stand for the turns before and after the range (the list's gap sits between each). */
export function spacers(offsets: readonly number[], range: TurnRange): { before: number; after: number } {
  const count = offsets.length - 1;
  return {
    before: range.start > 0 ? offsets[range.start]! - TURN_GAP : 0,
    after: range.end < count ? offsets[count]! - offsets[range.end]! - TURN_GAP : 0,
  };
}

export const sameRange = (a: TurnRange, b: TurnRange) => a.start === b.start && a.end === b.end;
