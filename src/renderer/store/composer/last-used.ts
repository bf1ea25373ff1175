import type { LastUsed } from './drafts';

const LAST_USED_KEY = 'holst.chat.lastUsed.v1';

/** Where the provider and model last used are kept across restarts (the page's localStorage in the app). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function readLastUsed(storage: KeyValueStorage | undefined): LastUsed | null {
  try {
    const saved = JSON.parse(storage?.getItem(LAST_USED_KEY) ?? 'null') as unknown;
    if (saved && typeof saved === 'object') {
      const { providerId, model } = saved as Record<string, unknown>;
      if (typeof providerId === 'string' && typeof model === 'string') return { providerId, model };
    }
  } catch {
    // Storage off or a damaged entry: a new chat starts with the first provider.
  }
  return null;
}

export function writeLastUsed(storage: KeyValueStorage | undefined, lastUsed: LastUsed): void {
  try {
    storage?.setItem(LAST_USED_KEY, JSON.stringify(lastUsed));
  } catch {
    // Storage full or off: not kept across restarts.
  }
}
