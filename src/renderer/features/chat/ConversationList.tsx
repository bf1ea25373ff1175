import { useId, useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatShortDate } from '../../i18n/format';
import { useChatStore } from '../../store/chat-store';
import { SearchIcon } from '../library/icons';
import { conversationTitle } from './format';
import { PlusIcon } from './icons';

/** The left column: New chat, a search over titles and messages, and the conversations, newest first. */
export function ConversationList() {
  const { conversations, loaded, listError, search, currentId, live } = useChatStore(
    useShallow((s) => ({
      conversations: s.conversations,
      loaded: s.conversationsLoaded,
      listError: s.listError,
      search: s.search,
      currentId: s.currentId,
      live: s.live,
    })),
  );
  const { select, newChat, setSearch } = useChatStore(
    useShallow((s) => ({ select: s.select, newChat: s.newChat, setSearch: s.setSearch })),
  );
  const { t } = useTranslation('chat');
  const searchId = useId();
  const running = useMemo(() => new Set(Object.values(live).map((g) => g.conversationId)), [live]);

  // Up and Down move between conversations, Home and End to the ends.
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.conversation')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const to =
      event.key === 'ArrowDown'
        ? at + 1
        : event.key === 'ArrowUp'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : null;
    if (to === null || at < 0) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, to))]?.focus();
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
      <ul className="conversation-list" onKeyDown={onKeyDown}>
        {conversations.map((conversation) => (
          <li key={conversation.id}>
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
      </ul>
    </aside>
  );
}
