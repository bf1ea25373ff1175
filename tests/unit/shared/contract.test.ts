import { describe, expect, it } from 'vitest';
import {
  buildHolstApi,
  EVENT_NAMES,
  isPreloadChannel,
  PRELOAD_CHANNELS,
  REQUEST_CHANNELS,
  requests,
  type BridgeTransport,
} from '../../../src/shared/contract';
import { invalidInput } from '../../../src/shared/errors';

function recordingTransport() {
  const calls: Array<[string, unknown]> = [];
  const subscriptions: string[] = [];
  const transport: BridgeTransport = {
    invoke: async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: null };
    },
    subscribe: (event) => {
      subscriptions.push(event);
      return () => subscriptions.splice(subscriptions.indexOf(event), 1);
    },
  };
  return { transport, calls, subscriptions };
}

describe('window.holst built from the contract', () => {
  it('has one method per declared channel a page may call, and nothing else', () => {
    const api = buildHolstApi(recordingTransport().transport) as unknown as Record<string, Record<string, unknown>>;
    const methods = Object.entries(api)
      .filter(([name]) => name !== 'on')
      .flatMap(([ns, group]) => Object.keys(group).map((m) => `${ns}.${m}`));
    expect(methods.sort()).toEqual(REQUEST_CHANNELS.filter((channel) => !isPreloadChannel(channel)).sort());
    // What only the preload may send (paths of dropped files) has no method on window.holst.
    expect(PRELOAD_CHANNELS).toEqual(['library.importDropped']);
    expect(api.library!.importDropped).toBeUndefined();
    expect(Object.keys(api).sort()).toEqual([...new Set(REQUEST_CHANNELS.map((c) => c.split('.')[0]!)), 'on'].sort());
  });

  it('sends each call on its own channel', async () => {
    const { transport, calls } = recordingTransport();
    const api = buildHolstApi(transport);
    await api.secrets.status({ providerId: 'giga' });
    await api.app.info();
    expect(calls).toEqual([
      ['secrets.status', { providerId: 'giga' }],
      ['app.info', undefined],
    ]);
  });

  it('subscribes only to declared events and returns an unsubscribe function', () => {
    const { transport, subscriptions } = recordingTransport();
    const api = buildHolstApi(transport);
    const off = api.on(EVENT_NAMES[0]!, () => {});
    expect(subscriptions).toEqual([EVENT_NAMES[0]]);
    off();
    expect(subscriptions).toEqual([]);
    expect(() => (api.on as (e: string, l: () => void) => void)('ipc:anything', () => {})).toThrow(/Unknown Holst event/);
  });
});

describe('invalid input names its field', () => {
  it('inside a union (a selection by ids or by view), the field of the branch the input meant', () => {
    const field = (input: unknown) => {
      const parsed = requests['library.trash'].input.safeParse(input);
      return parsed.success ? 'valid' : invalidInput(parsed.error, 'selection').field;
    };
    expect(field({ view: { source: 'painted' } })).toBe('view.source');
    expect(field({ view: { to: -1 }, except: [] })).toBe('view.to');
    expect(field({ ids: [] })).toBe('ids');
    expect(field({ ids: [0] })).toBe('ids.0');
    expect(field({ ids: [3] })).toBe('valid');
  });
});
