import type { NamespaceHandlers } from './dispatcher';
import type { HandlerCore } from './handler-core';

/** `queue.*`: the generation queue (every `chat.send` and `chat.retry` is a job in it); its changes go out as `queue.changed`. */
export function createQueueHandlers({ chat }: Pick<HandlerCore, 'chat'>): NamespaceHandlers<'queue'> {
  const { queue } = chat;
  return {
    'queue.list': ({ limit }) => queue.view(limit),
    'queue.cancel': ({ generationId }) => {
      queue.cancel(generationId);
      return null;
    },
    'queue.move': ({ generationId, direction }) => {
      queue.move(generationId, direction);
      return null;
    },
    'queue.pause': () => queue.pause(),
    'queue.resume': () => queue.resume(),
  };
}
