/** The app's chat stores (chat-stores.ts), built with the page's bridge, frames and storage. */
import { holst } from '../bridge';
import { pageClock } from '../lib/frame-batch';
import { createChatStores } from './chat-stores';
import type { KeyValueStorage } from './composer/last-used';

/** Resolves after the next frame has been drawn (a timeout stands in where frames stop). */
const afterNextFrame = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });

const pageStorage = (): KeyValueStorage | undefined => {
  try {
    return localStorage;
  } catch {
    // Storage off: the provider and model last used are not kept across restarts.
    return undefined;
  }
};

const stores = createChatStores(holst, { clock: pageClock(), afterNextFrame, storage: pageStorage() });

/** The conversation list (conversations/store.ts). */
export const useConversations = stores.conversations;
/** The open conversation and the answers being written (thread/store.ts). */
export const useThread = stores.thread;
/** Each chat's draft: prompt, provider, model, settings, pictures (composer/store.ts). */
export const useComposer = stores.composer;
