/** The conversation list: a page at a time as it scrolls, searched as the user types, ordered by activity. */
import { create } from 'zustand';
import type { HolstApi } from '../../../shared/contract';
import type { Conversation } from '../../../shared/library';
import { unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { LIST_PAGE, listLimit, searchQuery, withNextPage } from './list';

/** How long typing in the conversation search pauses before the search runs. */
export const SEARCH_DELAY_MS = 200;
/** How long after some activity the list (ordered by activity) is asked for again. */
export const REFRESH_DELAY_MS = 250;

export interface ConversationsState {
  conversations: Conversation[];
  /** A first list has arrived (or failed): the list or its empty state can show. */
  loaded: boolean;
  /** More conversations than are listed match (the list loads a page at a time as it scrolls). */
  more: boolean;
  listError: string | null;
  /** What is typed in the conversation search box. */
  search: string;

  /** Lists the conversations again (as many as are listed now, at least a page). */
  load(): Promise<void>;
  /** Lists the next page, when the list scrolls near its end. */
  loadMore(): Promise<void>;
  /** The list is ordered by activity: it is listed again soon after something happened (bursts ask once). */
  refreshSoon(): void;
  setSearch(search: string): void;
  /** Renames a conversation; false (with the reason reported) when the core refused. */
  rename(id: number, title: string): Promise<boolean>;
  /** Deletes a conversation; false (with the reason reported) when the core refused. */
  remove(id: number): Promise<boolean>;
}

export interface ConversationsDeps {
  bridge: HolstApi;
  /** A rename or delete failed: the sentence for the composer to show (null: the last one went through). */
  reportError(error: string | null): void;
  /** A conversation was deleted: the thread leaves it if open, and its draft goes. */
  removed(id: number): Promise<void>;
}

export function createConversationsStore({ bridge, reportError, removed }: ConversationsDeps) {
  return create<ConversationsState>()((set, get) => {
    let listTicket = 0;
    /** The search the listed conversations are for, and whether a next page is on its way. */
    let listedQuery: string | null = null;
    let loadingMore = false;
    let searchTimer: ReturnType<typeof setTimeout> | undefined;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;

    return {
      conversations: [],
      loaded: false,
      more: false,
      listError: null,
      search: '',

      async load() {
        const ticket = ++listTicket;
        const query = searchQuery(get().search);
        const limit = listLimit(query === listedQuery, get().conversations.length);
        try {
          const conversations = await unwrap(bridge.conversations.list({ limit, ...(query ? { query } : {}) }));
          if (ticket !== listTicket) return;
          listedQuery = query;
          set({ conversations, more: conversations.length === limit, loaded: true, listError: null });
        } catch (error) {
          if (ticket === listTicket) set({ listError: errorText(error), loaded: true });
        }
      },

      async loadMore() {
        const last = get().conversations.at(-1);
        if (!get().more || loadingMore || !last || listedQuery === null) return;
        const ticket = listTicket;
        loadingMore = true;
        try {
          const after = { updatedAt: last.updatedAt, id: last.id };
          const page = await unwrap(bridge.conversations.list({ limit: LIST_PAGE, after, ...(listedQuery ? { query: listedQuery } : {}) }));
          // A new search or a refresh in the meantime has its own answer.
          if (ticket !== listTicket) return;
          set({ conversations: withNextPage(get().conversations, page), more: page.length === LIST_PAGE });
        } catch (error) {
          if (ticket === listTicket) set({ listError: errorText(error) });
        } finally {
          loadingMore = false;
        }
      },

      refreshSoon() {
        clearTimeout(refreshTimer);
        refreshTimer = setTimeout(() => void get().load(), REFRESH_DELAY_MS);
      },

      setSearch(search) {
        set({ search });
        clearTimeout(searchTimer);
        searchTimer = setTimeout(() => void get().load(), SEARCH_DELAY_MS);
      },

      async rename(id, title) {
        try {
          const renamed = await unwrap(bridge.conversations.rename({ id, title: title.trim() }));
          set({ conversations: get().conversations.map((c) => (c.id === id ? renamed : c)) });
          reportError(null);
          return true;
        } catch (error) {
          reportError(errorText(error));
          return false;
        }
      },

      async remove(id) {
        try {
          await unwrap(bridge.conversations.delete({ id }));
        } catch (error) {
          reportError(errorText(error));
          return false;
        }
        set({ conversations: get().conversations.filter((c) => c.id !== id) });
        await removed(id);
        return true;
      },
    };
  });
}

export type ConversationsStore = ReturnType<typeof createConversationsStore>;
