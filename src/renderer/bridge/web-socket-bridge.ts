/**
 * `window.holst` for a renderer running in an ordinary browser (the harness and `npm start`
 * without Electron): the same contract, carried over a WebSocket to the core on 127.0.0.1.
 * The page's HttpOnly cookie authenticates it; this code never sees the token.
 */
import { buildHolstApi, type BridgeTransport, type EventName, type HolstApi, type RequestChannel } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { BRIDGE_PATH, ServerFrameSchema } from '../../shared/web-bridge-protocol';

type Pending = (result: Result<unknown>) => void;

export function connectWebSocketBridge(location: Location = window.location): HolstApi {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_PATH}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket;
  let retryDelay = 250;

  const connect = () => {
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      retryDelay = 250;
      for (const frame of queue) socket.send(frame);
      queue = [];
    });
    socket.addEventListener('message', (message) => {
      const parsed = ServerFrameSchema.safeParse(JSON.parse(String(message.data)));
      if (!parsed.success) return;
      const frame = parsed.data;
      if (frame.t === 'res') {
        pending.get(frame.id)?.(frame.result as Result<unknown>);
        pending.delete(frame.id);
      } else {
        listeners.get(frame.event as EventName)?.forEach((listener) => listener(frame.payload));
      }
    });
    socket.addEventListener('close', () => {
      for (const resolve of pending.values()) {
        resolve({ ok: false, error: { code: 'network', message: 'Lost the connection to Holst. Is it still running?' } });
      }
      pending.clear();
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 5000);
    });
  };
  connect();

  const transport: BridgeTransport = {
    invoke: (channel: RequestChannel, input: unknown) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        const frame = JSON.stringify({ t: 'req', id, channel, input });
        if (socket.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.push(frame);
      }),
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  return buildHolstApi(transport);
}
