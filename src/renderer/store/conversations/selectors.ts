/** What the chat's views read from the conversation list, as selectors. */
import type { Conversation } from '../../../shared/library';
import type { ConversationsState } from './store';

/** The listed conversation with this id (null for a new chat, or one not listed). */
export const conversationById =
  (id: number | null) =>
  (s: ConversationsState): Conversation | null =>
    id === null ? null : (s.conversations.find((c) => c.id === id) ?? null);
