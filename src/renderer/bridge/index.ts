/**
 * The bridge to the main process, set once by the renderer's entry (main.tsx) before anything
 * renders: `window.holst` from the Electron preload, or the WebSocket bridge in a browser. No
 * module reads `window` for it at import, so a store can be built in Node with any `HolstApi`.
 */
import { buildHolstApi, type EventName, type HolstApi } from '../../shared/contract';
import { HolstError, type Result } from '../../shared/errors';

interface Installed {
  api: HolstApi;
  inElectron: boolean;
}

let installed: Installed | null = null;
/** Subscriptions made before the bridge was set (stores built at import): made when it is set. */
interface EarlySubscription {
  event: EventName;
  listener: (payload: unknown) => void;
  off: (() => void) | null;
  gone: boolean;
}
const early: EarlySubscription[] = [];

/** Sets the bridge every call goes through; once, in the renderer's entry. */
export function setBridge(api: HolstApi, options: { inElectron: boolean }): void {
  // eslint-disable-next-line i18next/no-literal-string -- a programming error, never shown to the user
  if (installed) throw new Error('The Holst bridge is already set');
  installed = { api, inElectron: options.inElectron };
  for (const entry of early.splice(0)) {
    if (!entry.gone) entry.off = api.on(entry.event, entry.listener);
  }
}

function current(): Installed {
  // eslint-disable-next-line i18next/no-literal-string -- a programming error, never shown to the user
  if (!installed) throw new Error('The Holst bridge is not set yet: the renderer entry sets it before rendering');
  return installed;
}

/** Whether the page runs in the desktop app (the Electron preload gave the bridge), not in a browser. */
export const inElectron = (): boolean => current().inElectron;

/**
 * The app's bridge: every call goes to the one set by `setBridge`. Event subscriptions made
 * before it is set wait for it; requests cannot (they throw).
 */
export const holst: HolstApi = buildHolstApi({
  invoke: (channel, input) => {
    const [namespace, method] = channel.split('.') as [string, string];
    const group = (current().api as unknown as Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>>)[namespace]!;
    return group[method]!(input);
  },
  subscribe: (event, listener) => {
    if (installed) return installed.api.on(event, listener);
    const entry: EarlySubscription = { event, listener, off: null, gone: false };
    early.push(entry);
    return () => {
      entry.gone = true;
      entry.off?.();
    };
  },
});

/** The value of a bridge result, or a thrown HolstError carrying its code and message. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  const { code, message, key, params, quote, ...details } = result.error;
  throw new HolstError(code, message, { ...details, ...(key ? { said: { key, params, quote } } : {}) });
}
