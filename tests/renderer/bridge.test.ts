// The renderer's bridge is handed in once by the entry: nothing reads `window.holst` at import, a
// store built before may subscribe to events already, and `inElectron()` says which bridge came.
import { describe, expect, it } from 'vitest';
import { holst, inElectron, setBridge } from '../../src/renderer/bridge';
import { bridgeDouble } from './support/bridge-double';

describe('the bridge holder', () => {
  it('forwards requests and events to the bridge set, including subscriptions made before it', async () => {
    expect(() => inElectron()).toThrow(/not set/);
    const early: unknown[] = [];
    const dropped: unknown[] = [];
    holst.on('library.changed', (payload) => early.push(payload));
    const off = holst.on('library.changed', (payload) => dropped.push(payload));
    off();

    const main = bridgeDouble({ 'conversations.list': () => [] });
    setBridge(main.api, { inElectron: true });
    expect(inElectron()).toBe(true);
    expect(await holst.conversations.list({ limit: 5 })).toEqual({ ok: true, value: [] });
    expect(main.inputs('conversations.list')).toEqual([{ limit: 5 }]);

    main.emit('library.changed', { ids: [3] });
    expect(early).toEqual([{ ids: [3] }]);
    expect(dropped).toEqual([]);
    expect(() => setBridge(main.api, { inElectron: false })).toThrow(/already/);
  });
});
