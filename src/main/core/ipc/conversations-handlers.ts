import type { NamespaceHandlers } from './dispatcher';
import type { HandlerCore } from './handler-core';

/** `conversations.*`: the chats and their messages (sending a prompt is `chat.*`). */
export function createConversationsHandlers({
  conversations,
  events,
  chat,
}: Pick<HandlerCore, 'conversations' | 'events' | 'chat'>): NamespaceHandlers<'conversations'> {
  return {
    'conversations.list': ({ query, limit, after }) =>
      conversations.list({
        ...(query !== undefined ? { query } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(after ? { after } : {}),
      }),
    'conversations.create': ({ title }) => conversations.create(title ?? ''),
    'conversations.rename': ({ id, title }) => conversations.rename(id, title),
    'conversations.delete': async ({ id, trashImages }) => {
      // Its answers waiting or being written are cancelled first (chat-service.ts).
      const result = await chat.deleteConversation(id, { trashImages: trashImages ?? false });
      // Its pictures went to the trash with it: the library's views reload.
      if (result.trashedImages > 0) events.emit('library.changed', { ids: [] });
      return result;
    },
    'conversations.messages': ({ id, last }) => {
      conversations.require(id);
      return conversations.messages(id, last === undefined ? {} : { last });
    },
  };
}
