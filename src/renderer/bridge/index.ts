import type { HolstApi } from '../../shared/contract';
import { HolstError, type Result } from '../../shared/errors';
import { connectWebSocketBridge } from './web-socket-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser, where the WebSocket bridge stands in. */
    holst?: HolstApi;
  }
}

/**
 * Whether the Electron preload provided `window.holst` before this page loaded. Captured here,
 * before the WebSocket fallback below stands in for it, so it says where the page really runs.
 */
export const inElectron: boolean = window.holst !== undefined;

export const holst: HolstApi = window.holst ?? connectWebSocketBridge();

/** The value of a bridge result, or a thrown HolstError carrying its code and message. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  const { code, message, ...details } = result.error;
  throw new HolstError(code, message, details);
}
