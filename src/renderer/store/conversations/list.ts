/** The conversation list's paging, as plain functions: what to ask for, and how a next page joins. */
import type { Conversation } from '../../../shared/library';

/** Conversations listed at a time. */
export const LIST_PAGE = 200;
/** A refresh lists at most this many (however far the user scrolled). */
const MOST_LISTED = 2000;

/** The search as sent to the core: trimmed, at most 500 characters ('' lists every conversation). */
export const searchQuery = (search: string): string => search.trim().slice(0, 500);

/** How many to list: a refresh of the same search keeps as many as the user has scrolled through (at least a page); a new search starts with a page. */
export const listLimit = (sameSearch: boolean, listed: number): number =>
  sameSearch ? Math.min(MOST_LISTED, Math.max(LIST_PAGE, listed)) : LIST_PAGE;

/** The list with a next page after it (conversations already listed are not listed twice). */
export function withNextPage(listed: readonly Conversation[], page: readonly Conversation[]): Conversation[] {
  const have = new Set(listed.map((c) => c.id));
  return [...listed, ...page.filter((c) => !have.has(c.id))];
}
