import type { NamespaceHandlers } from './dispatcher';
import type { HandlerCore } from './handler-core';

/** `chat.*`: prompts sent in conversations; their progress goes out as `generation.event`. */
export function createChatHandlers({ chat }: Pick<HandlerCore, 'chat'>): NamespaceHandlers<'chat'> {
  return {
    'chat.send': (input) => chat.send(input),
    'chat.retry': ({ messageId, singleTurn, like }) => chat.retry(messageId, singleTurn, like),
    'chat.candidates': (input) => chat.candidates(input),
    'chat.choose': (input) => chat.choose(input),
    'chat.cancel': ({ generationId }) => {
      chat.cancel(generationId);
      return null;
    },
    'chat.running': () => chat.list(),
  };
}
