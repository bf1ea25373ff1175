/**
 * What makes the stand-in strict: every object answers only the members it implements (typed
 * against electron.d.ts) and its test-only helpers; anything else throws, naming the member.
 */

/** Members test runners and pretty-printers probe on any value; answering them is not the app's use. */
const PROBES = new Set<PropertyKey>([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'constructor',
  '_isMockFunction',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '@@__IMMUTABLE_KEYED__@@',
  '@@__IMMUTABLE_ORDERED__@@',
]);

/**
 * `target` seen through a Proxy that lets through only `implemented` (Electron's own members) and
 * `helpers` (the tests' handles). Methods run on the target itself, so an EventEmitter's
 * internals stay reachable; a method that answers the target answers the proxy instead.
 */
export function strict<T extends object>(
  name: string,
  target: T,
  implemented: readonly PropertyKey[],
  helpers: readonly PropertyKey[] = [],
): T {
  const allowed = new Set<PropertyKey>([...implemented, ...helpers]);
  const proxy: T = new Proxy(target, {
    get(t, prop) {
      if (typeof prop === 'symbol' || PROBES.has(prop)) return Reflect.get(t, prop) as unknown;
      if (!allowed.has(prop)) throw new Error(missing(name, prop));
      const value = Reflect.get(t, prop) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(t, args);
        return result === t ? proxy : result;
      };
    },
    // Printing and comparing (expect) walk own keys: show only the stand-in's public members.
    ownKeys: (t) => Reflect.ownKeys(t).filter((k) => typeof k === 'symbol' || allowed.has(k)),
    set(t, prop, value) {
      if (typeof prop !== 'symbol' && !allowed.has(prop)) throw new Error(missing(name, prop));
      return Reflect.set(t, prop, value);
    },
  });
  return proxy;
}

function missing(name: string, prop: string | symbol): string {
  return `the stand-in has no ${name}.${String(prop)}: implement it in tests/support/electron-standin (typed against electron.d.ts) if the app now needs it`;
}

/**
 * Electron declares `on`/`once` per event, answering `this`; a Pick resolves that `this` to the
 * whole Electron class, so emitters are checked against the base Electron's classes extend.
 */
export const EMITTER_MEMBERS = ['on', 'once'] as const satisfies readonly (keyof NodeJS.EventEmitter)[];
export type Emitter = Pick<NodeJS.EventEmitter, (typeof EMITTER_MEMBERS)[number]>;

export interface Call {
  /** `shell.openExternal`, `webContents.send`, … */
  api: string;
  args: unknown[];
}

/** Every call the app made into the stand-in, in order. */
export class Recorder {
  readonly log: Call[] = [];

  record(api: string, ...args: unknown[]): void {
    this.log.push({ api, args });
  }

  /** The arguments of each call to `api`. */
  calls(api: string): unknown[][] {
    return this.log.filter((c) => c.api === api).map((c) => c.args);
  }
}

/** Electron's event objects as listeners get them: `preventDefault` is what the app uses. */
export interface StandinEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export function standinEvent<Extra extends object>(extra?: Extra): StandinEvent & Extra {
  let prevented = false;
  return {
    ...(extra ?? ({} as Extra)),
    preventDefault: () => void (prevented = true),
    get defaultPrevented() {
      return prevented;
    },
  };
}
