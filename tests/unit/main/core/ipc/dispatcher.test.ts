// The core behind the contract, reached exactly as a renderer reaches it: dispatch(channel, input).
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS, requests } from '../../../../../src/shared/contract';
import type { Result } from '../../../../../src/shared/errors';
import { openCore, type AppCore } from '../../../../../src/main/core/app-core';
import { silentLogger } from '../../../../../src/main/core/logging/log';
import { fakeApiKey, testKeychainService } from '../../../../support/keychain';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

const service = testKeychainService();
let core: AppCore;
let dataDir: string;

beforeAll(async () => {
  dataDir = await tempDir();
  core = await openCore({
    dataDir,
    shell: 'browser',
    settingsPolicy: 'recover',
    env: { HOLST_KEYCHAIN_SERVICE: service },
    logger: silentLogger,
  });
});

afterAll(async () => {
  for (const provider of core.settings.get().providers) await core.secrets.clear(provider.id);
  await removeTempDirs();
});

const giga = { id: 'giga', kind: 'gigachat', baseUrl: 'https://gigachat.example/api/v1' };

function expectError(result: Result<unknown>, code: string): { message: string; field?: string } {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected an error');
  expect(result.error.code).toBe(code);
  return result.error;
}

describe('dispatch', () => {
  it('answers an unknown channel with invalid_input, never a throw', async () => {
    expectError(await core.dispatch('fs.readFile', { path: '/etc/passwd' }), 'invalid_input');
    expectError(await core.dispatch(42, undefined), 'invalid_input');
    expectError(await core.dispatch('__proto__', undefined), 'invalid_input');
  });

  it('validates every input against the contract and names the field at fault', async () => {
    const error = expectError(
      await core.dispatch('providers.save', { provider: { ...giga, baseUrl: 'javascript:alert(1)' } }),
      'invalid_input',
    );
    expect(error.field).toBe('provider.baseUrl');
    expectError(await core.dispatch('settings.setTheme', { theme: 'neon' }), 'invalid_input');
    expectError(await core.dispatch('providers.remove', 'giga'), 'invalid_input');
    expectError(await core.dispatch('providers.save', null), 'invalid_input');
  });

  it('declares a schema for the input and output of every channel', () => {
    for (const channel of REQUEST_CHANNELS) {
      expect(requests[channel].input, channel).toBeDefined();
      expect(requests[channel].output, channel).toBeDefined();
    }
  });

  it('answers valid requests with values that match the declared output schema', async () => {
    const info = await core.dispatch('app.info', undefined);
    expect(info.ok).toBe(true);
    if (info.ok) {
      expect(requests['app.info'].output.parse(info.value)).toMatchObject({ shell: 'browser', dataDir, secretBackend: 'keychain' });
    }
    const saved = await core.dispatch('providers.save', { provider: giga });
    expect(saved.ok && requests['providers.save'].output.parse(saved.value)).toMatchObject({ config: giga, key: { set: false } });
    const list = await core.dispatch('providers.list', undefined);
    expect(list.ok && list.value).toHaveLength(1);
  });

  it('never echoes a rejected key in the error', async () => {
    const badKey = `${fakeApiKey()}\nsecond-line`;
    const error = expectError(await core.dispatch('secrets.set', { providerId: 'giga', key: badKey }), 'invalid_input');
    expect(error.message).not.toContain(badKey.slice(0, 20));
    expect(error.field).toBe('key');
  });

  it('sets a key, reports only its last four characters, and keeps it out of the settings file', async () => {
    const key = fakeApiKey('abcd');
    const events: unknown[] = [];
    const unsubscribe = core.events.subscribe((_name, payload) => events.push(payload));
    const result = await core.dispatch('secrets.set', { providerId: 'giga', key });
    unsubscribe();
    expect(result).toEqual({ ok: true, value: { providerId: 'giga', set: true, last4: 'abcd', source: 'keychain' } });
    expect(JSON.stringify(events)).not.toContain(key);
    expect(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')).not.toContain(key);
    expect(await core.secrets.resolve('giga')).toBe(key);
  });

  it('moves the key along when a provider is renamed, and removes it with the provider', async () => {
    const key = fakeApiKey('mnop');
    await core.dispatch('secrets.set', { providerId: 'giga', key });
    const renamed = await core.dispatch('providers.save', { provider: { ...giga, id: 'giga-2' }, previousId: 'giga' });
    expect(renamed.ok && renamed.value).toMatchObject({ config: { id: 'giga-2' }, key: { set: true, last4: 'mnop' } });
    expect(await core.secrets.resolve('giga')).toBeNull();
    expect((await core.dispatch('providers.remove', { id: 'giga-2' })).ok).toBe(true);
    expect(await core.secrets.resolve('giga-2')).toBeNull();
  });

  it('answers requests about missing providers with not_found, and duplicates with invalid_input', async () => {
    const missing = expectError(await core.dispatch('providers.remove', { id: 'nope' }), 'not_found');
    // Sentences of the core's catalogue, so a Russian window says them in Russian.
    expect(missing).toMatchObject({ key: 'providerNotFound', params: { id: 'nope' } });
    expectError(await core.dispatch('secrets.set', { providerId: 'nope', key: fakeApiKey() }), 'not_found');
    await core.dispatch('providers.save', { provider: giga });
    const error = expectError(await core.dispatch('providers.save', { provider: giga }), 'invalid_input');
    expect(error).toMatchObject({ field: 'provider.id', key: 'providerIdTaken', params: { id: giga.id } });
  });
});

describe('openCore', () => {
  it('starts with a corrupt settings file: backs it up, restores defaults and raises a notice', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'settings.json'), '{"providers": [oops');
    const recovered = await openCore({
      dataDir: dir,
      shell: 'browser',
      settingsPolicy: 'recover',
      env: { HOLST_KEYCHAIN_SERVICE: service },
      logger: silentLogger,
    });
    expect(recovered.settings.get().providers).toEqual([]);
    const notices = await recovered.dispatch('app.notices', undefined);
    expect(notices.ok && notices.value).toEqual([expect.objectContaining({ id: 'settings-recovered', level: 'warning' })]);
    const files = await fs.readdir(dir);
    const backup = files.find((f) => f.startsWith('settings.json.corrupt-'));
    expect(backup).toBeDefined();
    expect(await fs.readFile(path.join(dir, backup!), 'utf8')).toBe('{"providers": [oops');
  });
});
