/** The chat's stores as the app builds them, on a bridge double, a hand-driven frame clock and storage in memory. */
import '../support/page-globals';
import { createChatStores } from '../../../src/renderer/store/chat-stores';
import { bridgeDouble, type Handlers } from './bridge-double';
import { fakeClock } from './fake-clock';

export function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

export function chatStores(handlers: Handlers = {}) {
  const bridge = bridgeDouble({ 'chat.running': () => [], 'conversations.list': () => [], ...handlers });
  const time = fakeClock();
  const storage = memoryStorage();
  const stores = createChatStores(bridge.api, { clock: time.clock, afterNextFrame: () => Promise.resolve(), storage });
  return { bridge, time, storage, ...stores };
}
