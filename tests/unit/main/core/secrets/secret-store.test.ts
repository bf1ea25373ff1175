import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HolstError } from '../../../../../src/shared/errors';
import type { StringEncryptor } from '../../../../../src/main/core/secrets/backend';
import { EncryptedFileBackend } from '../../../../../src/main/core/secrets/encrypted-file-backend';
import { apiKeyEnvName, lastFour, SecretStore } from '../../../../../src/main/core/secrets/secret-store';
import { fakeApiKey } from '../../../../support/keychain';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

/** Stands in for Electron's safeStorage (an OS service, not our code): AES-256-GCM with a random key. */
function aesEncryptor(): StringEncryptor {
  const key = randomBytes(32);
  return {
    isAvailable: () => true,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const buf = Buffer.from(data);
      const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      decipher.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

describe('apiKeyEnvName', () => {
  it('upper-cases the id and turns every other character into _', () => {
    expect(apiKeyEnvName('gigachat')).toBe('HOLST_API_KEY_GIGACHAT');
    expect(apiKeyEnvName('my-proxy.v2_x')).toBe('HOLST_API_KEY_MY_PROXY_V2_X');
  });
});

describe('lastFour', () => {
  it('shows the last four characters of real-length keys only', () => {
    expect(lastFour('sk-0123456789abcd')).toBe('abcd');
    expect(lastFour('short-key')).toBeNull();
  });
});

describe('SecretStore', () => {
  it('prefers HOLST_API_KEY_<ID> from the environment over the stored key', async () => {
    const dir = await tempDir();
    const envKey = fakeApiKey('eeee');
    const store = new SecretStore(
      new EncryptedFileBackend(path.join(dir, 's.json'), aesEncryptor()),
      { HOLST_API_KEY_MY_GIGA: envKey },
      null,
    );
    await store.set('my-giga', fakeApiKey('ffff'));
    expect(await store.status('my-giga')).toEqual({ providerId: 'my-giga', set: true, last4: 'eeee', source: 'env' });
    expect(await store.resolve('my-giga')).toBe(envKey);
  });

  it('falls back to a file encrypted by the shell, which never holds the key in plain text', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'secrets.enc.json');
    const store = new SecretStore(new EncryptedFileBackend(file, aesEncryptor()), {}, 'fallback in use');
    const key = fakeApiKey('abcd');
    expect(await store.set('giga', key)).toEqual({ providerId: 'giga', set: true, last4: 'abcd', source: 'encrypted-file' });
    const raw = await fs.readFile(file, 'utf8');
    expect(raw).not.toContain(key);
    expect(raw).not.toContain(key.slice(4, 20));
    expect(await store.resolve('giga')).toBe(key);
    await store.clear('giga');
    expect(await store.resolve('giga')).toBeNull();
  });

  it('opens the encrypted-file fallback when the keychain is unavailable and an encryptor is', async () => {
    const dir = await tempDir();
    // An unreachable D-Bus address makes keytar's Secret Service connection fail on Linux.
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
    if (process.platform !== 'linux') return;
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${path.join(dir, 'no-bus')}`;
    try {
      const store = await SecretStore.open({ dataDir: dir, env: {}, keychainService: 'Holst-test-nobus', encryptor: aesEncryptor() });
      expect(store.backendKind).toBe('encrypted-file');
      expect(store.backendNotice).toMatch(/keychain is unavailable/);
    } finally {
      if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    }
  });

  it('onFirstUse probes the keychain with the first key asked for, once, and then says where keys go', async () => {
    if (process.platform !== 'linux') return;
    const dir = await tempDir();
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${path.join(dir, 'no-bus')}`;
    try {
      const envKey = fakeApiKey('eeee');
      const store = SecretStore.onFirstUse({
        dataDir: dir,
        env: { HOLST_API_KEY_FROM_ENV: envKey },
        keychainService: 'Holst-test-lazy',
        encryptor: aesEncryptor(),
      });
      const announced: string[] = [];
      store.onReady(() => announced.push(store.backendKind));
      expect(store.isReady).toBe(false);
      expect(() => store.backendKind).toThrow(/ready\(\)/);
      // A key from the environment needs no keychain.
      expect(await store.resolve('from-env')).toBe(envKey);
      expect(store.isReady).toBe(false);
      // Two first uses at once probe once.
      const [a, b] = await Promise.all([store.status('giga'), store.status('other')]);
      expect(a.set).toBe(false);
      expect(b.set).toBe(false);
      expect(store.isReady).toBe(true);
      expect(announced).toEqual(['encrypted-file']);
      expect(store.backendNotice).toMatch(/keychain is unavailable/);
      expect(await store.canStore()).toBe(true);
      store.onReady(() => announced.push('later'));
      expect(announced).toEqual(['encrypted-file', 'later']);
    } finally {
      if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    }
  });

  it('without a keychain or encryptor, refuses to save with a config error that says what to do', async () => {
    const store = new SecretStore(
      null,
      {},
      'The system keychain is unavailable (no bus). Set HOLST_API_KEY_<PROVIDER ID> in the environment.',
    );
    expect(store.backendKind).toBe('unavailable');
    expect(await store.status('giga')).toEqual({ providerId: 'giga', set: false, last4: null, source: null });
    const key = fakeApiKey();
    const error = (await store.set('giga', key).catch((e: unknown) => e)) as HolstError;
    expect(error).toBeInstanceOf(HolstError);
    expect(error.code).toBe('config');
    expect(error.message).toContain('HOLST_API_KEY_');
    expect(error.message).not.toContain(key);
  });

  it('reports a damaged key file as a storage error without its content', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'secrets.enc.json');
    await fs.writeFile(file, JSON.stringify({ version: 1, entries: { giga: 'not-a-valid-ciphertext' } }));
    const store = new SecretStore(new EncryptedFileBackend(file, aesEncryptor()), {}, null);
    const error = (await store.status('giga').catch((e: unknown) => e)) as HolstError;
    expect(error.code).toBe('storage');
    expect(error.message).toMatch(/^Could not read the API key in the encrypted key file: .+\.$/);
    expect(error.message).not.toContain('not-a-valid-ciphertext');
    // The window says the same in its language: the sentence's key, the reason as a parameter.
    expect(error.said).toMatchObject({ key: 'keyFileReadFailed', params: { reason: expect.any(String) } });
    // A file that is not even JSON cannot take a new key either.
    await fs.writeFile(file, '{ damaged');
    const saving = (await store.set('other', fakeApiKey('abcd')).catch((e: unknown) => e)) as HolstError;
    expect(saving).toBeInstanceOf(HolstError);
    expect(saving.said?.key).toBe('keyFileSaveFailed');
    expect(saving.message).toMatch(/^Could not save the API key in the encrypted key file: /);
  });
});
