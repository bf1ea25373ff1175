// A real round trip through the OS keychain (gnome-keyring on a D-Bus session in CI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarBackend } from '../../../../../src/main/core/secrets/keytar-backend';
import { SecretStore } from '../../../../../src/main/core/secrets/secret-store';
import { fakeApiKey, testKeychainService } from '../../../../support/keychain';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

const service = testKeychainService();
let backend: KeytarBackend | null = null;
let unavailable = '';

beforeAll(async () => {
  try {
    backend = await KeytarBackend.open(service);
  } catch (error) {
    unavailable = (error as Error).message;
  }
});

afterAll(async () => {
  await backend?.delete('round-trip');
  await backend?.delete('store-trip');
  await removeTempDirs();
});

describe('keytar keychain', () => {
  it('is available (run the tests through scripts/test-all.sh on a machine without a keychain)', () => {
    expect(unavailable).toBe('');
    expect(backend).not.toBeNull();
  });

  it('sets, reads, replaces and deletes a key', async () => {
    const first = fakeApiKey('1111');
    const second = fakeApiKey('2222');
    await backend!.set('round-trip', first);
    expect(await backend!.get('round-trip')).toBe(first);
    await backend!.set('round-trip', second);
    expect(await backend!.get('round-trip')).toBe(second);
    expect(await backend!.delete('round-trip')).toBe(true);
    expect(await backend!.get('round-trip')).toBeNull();
    expect(await backend!.delete('round-trip')).toBe(false);
  });

  it('backs the SecretStore: status shows only the last four characters', async () => {
    const store = await SecretStore.open({ dataDir: await tempDir(), env: {}, keychainService: service });
    expect(store.backendKind).toBe('keychain');
    expect(store.backendNotice).toBeNull();
    const key = fakeApiKey('wxyz');
    expect(await store.set('store-trip', key)).toEqual({ providerId: 'store-trip', set: true, last4: 'wxyz', source: 'keychain' });
    expect(await store.resolve('store-trip')).toBe(key);
    // A second store (a new app start) reads the same entry from the keychain.
    const again = await SecretStore.open({ dataDir: await tempDir(), env: {}, keychainService: service });
    expect(await again.status('store-trip')).toEqual({ providerId: 'store-trip', set: true, last4: 'wxyz', source: 'keychain' });
    expect(await again.clear('store-trip')).toEqual({ providerId: 'store-trip', set: false, last4: null, source: null });
    expect(await store.resolve('store-trip')).toBeNull();
  });
});
