import { useCallback, useId, useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatShortDate } from '../../i18n/format';
import { useConversations, useThread } from '../../store/chat';
import { runningConversationIds } from '../../store/thread/selectors';
import { conversationTitle } from './format';
import { useRowWindow } from './useRowWindow';
import { PlusIcon, SearchIcon } from '../../icons';

/** The left column: New chat, a search over titles and messages, and the conversations, newest first. */
export function ConversationList() {
  const { conversations, loaded, listError, search, setSearch, loadMore, more } = useConversations(
    useShallow((s) => ({
      conversations: s.conversations,
      loaded: s.loaded,
      listError: s.listError,
      search: s.search,
      setSearch: s.setSearch,
      loadMore: s.loadMore,
      more: s.more,
    })),
  );
  const currentId = useThread((s) => s.currentId);
  // Which conversations have an answer being written: the streamed text does not re-render the list.
  const runningIds = useThread(useShallow((s) => runningConversationIds(s.live)));
  const { select, newChat } = useThread(useShallow((s) => ({ select: s.select, newChat: s.newChat })));
  // Thousands of conversations cost what the visible ones do: the rest stand as spacers.
  const loadNext = useCallback(() => void loadMore(), [loadMore]);
  const { box, start, end, rowHeight, onScroll, focusRow } = useRowWindow(conversations.length, loadNext);
  const { t } = useTranslation('chat');
  const searchId = useId();
  const running = useMemo(() => new Set(runningIds), [runningIds]);

  // Up and Down move between conversations, Home and End to the ends (scrolled into view, rendered, then focused).
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const row = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-row]');
    if (!row || !event.currentTarget.contains(row)) return;
    const at = Number(row.dataset.row);
    const last = conversations.length - 1;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    focusRow(Math.max(0, Math.min(last, to)));
  };

  return (
    <aside className="chat-sidebar" aria-label={t('list.label')}>
      <button type="button" className="new-chat" onClick={newChat} title={t('list.newChatTitle')} aria-keyshortcuts="Control+N">
        <PlusIcon />
        {t('newChat')}
      </button>
      <div className="search-field chat-search">
        <label htmlFor={searchId} className="visually-hidden">
          {t('list.search')}
        </label>
        <SearchIcon />
        <input
          id={searchId}
          type="search"
          placeholder={t('list.search')}
          autoComplete="off"
          spellCheck={false}
          value={search}
          maxLength={500}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && search !== '') {
              event.preventDefault();
              setSearch('');
            }
          }}
        />
      </div>
      {listError && (
        <p role="alert" className="error small">
          {listError}
        </p>
      )}
      {loaded && conversations.length === 0 && !listError && (
        <p className="muted small chat-list-empty">{t(search.trim() ? 'list.noMatch' : 'list.empty')}</p>
      )}
      <ul className="conversation-list" ref={box} onKeyDown={onKeyDown} onScroll={onScroll}>
        {start > 0 && <li aria-hidden="true" style={{ height: start * rowHeight }} />}
        {conversations.slice(start, end).map((conversation, offset) => (
          <li
            key={conversation.id}
            data-row={start + offset}
            aria-posinset={start + offset + 1}
            aria-setsize={more ? -1 : conversations.length}
          >
            <button
              type="button"
              className="conversation"
              aria-current={conversation.id === currentId ? 'true' : undefined}
              onClick={() => void select(conversation.id)}
            >
              <span className="conversation-title">{conversationTitle(conversation) ?? t('newChat')}</span>
              <span className="conversation-meta">
                {running.has(conversation.id) && <span className="dot-running" aria-label={t('list.generating')} role="img" />}
                <time dateTime={new Date(conversation.updatedAt).toISOString()}>{formatShortDate(conversation.updatedAt)}</time>
              </span>
            </button>
          </li>
        ))}
        {end < conversations.length && <li aria-hidden="true" style={{ height: (conversations.length - end) * rowHeight }} />}
      </ul>
    </aside>
  );
}
