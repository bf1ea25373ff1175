import type { HolstApi } from '../../shared/contract';
import { connectWebSocketBridge } from './web-socket-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser, where the WebSocket bridge stands in. */
    holst?: HolstApi;
  }
}

/**
 * The bridge this page has: the Electron preload's `window.holst`, or (in a browser) the
 * WebSocket bridge. `inElectron` says which, read before the fallback stands in.
 */
export function connectBridge(): { api: HolstApi; inElectron: boolean } {
  const preload = window.holst;
  return preload ? { api: preload, inElectron: true } : { api: connectWebSocketBridge(), inElectron: false };
}
