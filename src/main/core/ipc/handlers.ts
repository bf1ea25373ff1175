import { createAppHandlers } from './app-handlers';
import { createChatHandlers } from './chat-handlers';
import { createConversationsHandlers } from './conversations-handlers';
import type { Handlers } from './dispatcher';
import type { HandlerCore } from './handler-core';
import { createLibraryHandlers } from './library-handlers';
import { createNetworkHandlers } from './network-handlers';
import { createProvidersHandlers } from './providers-handlers';
import { createQueueHandlers } from './queue-handlers';
import { createSecretsHandlers } from './secrets-handlers';
import { createSettingsHandlers } from './settings-handlers';

/**
 * Every contract channel, answered by the module of its namespace (`<namespace>-handlers.ts`).
 * Each module is typed to answer all of its namespace's channels and none other, so a channel
 * added to the contract and left unanswered does not compile.
 */
export function createHandlers(core: HandlerCore): Handlers {
  return {
    ...createAppHandlers(core),
    ...createSettingsHandlers(core),
    ...createProvidersHandlers(core),
    ...createNetworkHandlers(core),
    ...createSecretsHandlers(core),
    ...createLibraryHandlers(core),
    ...createConversationsHandlers(core),
    ...createChatHandlers(core),
    ...createQueueHandlers(core),
  };
}
