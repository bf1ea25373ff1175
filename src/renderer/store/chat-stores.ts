/**
 * The chat's stores, built together with the bridge and what they share: the conversation list,
 * the open thread (messages and live generations) and the composer (each chat's draft). The app's
 * own are in chat.ts; tests build theirs here with a bridge double.
 */
import type { HolstApi } from '../../shared/contract';
import type { FrameClock } from '../lib/frame-batch';
import { createComposerStore } from './composer/store';
import type { KeyValueStorage } from './composer/last-used';
import { createConversationsStore } from './conversations/store';
import { createThreadStore } from './thread/store';

export interface ChatEnvironment {
  /** The clock generation events wait on. */
  clock: FrameClock;
  /** Resolves after the next frame has been drawn. */
  afterNextFrame(): Promise<void>;
  /** Where the provider and model last used are kept across restarts (none: not kept). */
  storage: KeyValueStorage | undefined;
}

export function createChatStores(bridge: HolstApi, environment: ChatEnvironment) {
  const composer = createComposerStore({ bridge, storage: environment.storage });
  // The thread is made after the list, which needs it only once a conversation is deleted.
  let thread: ReturnType<typeof createThreadStore> | null = null;
  const conversations = createConversationsStore({
    bridge,
    reportError: (error) => composer.getState().setError(error),
    removed: async (id) => {
      if (thread?.getState().currentId === id) await thread.getState().select(null);
      // Its draft goes with it.
      composer.getState().forget(id);
    },
  });
  thread = createThreadStore({ bridge, composer, conversations, clock: environment.clock, afterNextFrame: environment.afterNextFrame });
  return { conversations, thread, composer };
}
