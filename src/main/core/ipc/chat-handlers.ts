import type { NamespaceHandlers } from './dispatcher';
import type { HandlerCore } from './handler-core';

/** `chat.*`: prompts sent in conversations; their progress goes out as `generation.event`. */
export function createChatHandlers({ chat }: Pick<HandlerCore, 'chat'>): NamespaceHandlers<'chat'> {
  return {
    'chat.send': (input) => chat.send(input),
    'chat.retry': ({ messageId, singleTurn }) => chat.retry(messageId, singleTurn),
    'chat.cancel': ({ generationId }) => {
      chat.cancel(generationId);
      return null;
    },
    'chat.running': () => chat.list(),
  };
}
