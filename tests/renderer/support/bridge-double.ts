/**
 * A stand-in for the main process behind the bridge: a real `HolstApi` (built from the contract, as
 * the preload builds it) whose requests the test answers, and whose events the test sends.
 */
import {
  buildHolstApi,
  type EventName,
  type EventPayload,
  type HolstApi,
  type RequestChannel,
  type RequestInput,
  type RequestOutput,
} from '../../../src/shared/contract';
import { isHolstError } from '../../../src/shared/errors';

export type Handlers = {
  [C in RequestChannel]?: (input: RequestInput<C>) => RequestOutput<C> | Promise<RequestOutput<C>>;
};

export interface BridgeDouble {
  api: HolstApi;
  /** Every request, in order. */
  calls: { channel: RequestChannel; input: unknown }[];
  /** The inputs of the requests on one channel. */
  inputs<C extends RequestChannel>(channel: C): RequestInput<C>[];
  /** Sends an event to whatever subscribed. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Answers a channel (again) from now on. */
  answer<C extends RequestChannel>(channel: C, handler: NonNullable<Handlers[C]>): void;
  /** How many listeners an event has now (what subscribed and did not unsubscribe). */
  listening(event: EventName): number;
}

export function bridgeDouble(handlers: Handlers = {}): BridgeDouble {
  const answers: Handlers = { ...handlers };
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: BridgeDouble['calls'] = [];
  const api = buildHolstApi({
    async invoke(channel, input) {
      calls.push({ channel, input });
      const handler = answers[channel] as ((input: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'internal', message: `No answer for ${channel} in this test` } };
      try {
        return { ok: true, value: await handler(input) };
      } catch (error) {
        if (isHolstError(error)) {
          return { ok: false, error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
        }
        throw error;
      }
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
  return {
    api,
    calls,
    inputs: <C extends RequestChannel>(channel: C) => calls.filter((c) => c.channel === channel).map((c) => c.input as RequestInput<C>),
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
    answer: (channel, handler) => void (answers[channel] = handler as never),
    listening: (event) => listeners.get(event)?.size ?? 0,
  };
}

/** A promise the test settles when it chooses (a slow answer). */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run (answers already given reach the store). */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
