// The built `holst` command, run as a separate process against real data folders and the real keychain.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHolst } from '../../support/cli';
import { fakeApiKey, testKeychainService } from '../../support/keychain';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

const env = { HOLST_KEYCHAIN_SERVICE: testKeychainService() };
afterAll(removeTempDirs);

async function dataDirWithProvider(): Promise<string> {
  const dir = await tempDir();
  await fs.writeFile(
    path.join(dir, 'settings.json'),
    JSON.stringify({ version: 1, providers: [{ id: 'my-giga', kind: 'gigachat', baseUrl: 'https://giga.example/api/v1' }] }),
  );
  return dir;
}

describe('holst CLI', () => {
  it('prints its version and help', async () => {
    const pkg = JSON.parse(await fs.readFile('package.json', 'utf8'));
    const version = await runHolst(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `holst ${pkg.version}\n` });
    expect((await runHolst(['--version', '--json'])).json()).toEqual({ version: pkg.version });
    const help = await runHolst(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: holst');
    expect(help.stdout).toContain('--data-dir');
  });

  it('fails on a corrupt settings file with a config error, exits non-zero, and keeps the file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    await fs.writeFile(file, '{"providers": [');
    const run = await runHolst(['--json', '--data-dir', dir, 'providers', 'list'], { env });
    expect(run.code).not.toBe(0);
    const output = run.json() as { error: { code: string; message: string } };
    expect(Object.keys(output)).toEqual(['error']);
    expect(output.error.code).toBe('config');
    expect(output.error.message).toContain(file);
    expect(await fs.readFile(file, 'utf8')).toBe('{"providers": [');
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });

  it('reads the data folder from HOLST_DATA_DIR when --data-dir is absent', async () => {
    const dir = await dataDirWithProvider();
    const run = await runHolst(['--json', 'settings', 'path'], { env: { ...env, HOLST_DATA_DIR: dir } });
    expect(run.json()).toEqual({ dataDir: dir, settingsFile: path.join(dir, 'settings.json') });
  });

  it('answers unknown commands and bad ids with invalid_input', async () => {
    const unknown = await runHolst(['--json', 'frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.json()).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('frobnicate') } });
    const badId = await runHolst(['--json', '--data-dir', await tempDir(), 'key', 'status', 'Bad Id!'], { env });
    expect((badId.json() as { error: { code: string } }).error.code).toBe('invalid_input');
    const missing = await runHolst(['--data-dir', await tempDir(), 'key', 'status', 'nope'], { env });
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain('There is no provider "nope"');
  });

  it('stores a key from stdin in the keychain, shows only its last four characters, and clears it', async () => {
    const dir = await dataDirWithProvider();
    const key = fakeApiKey('wxyz');
    const set = await runHolst(['--json', '--data-dir', dir, 'key', 'set', 'my-giga'], { env, input: `${key}\n` });
    expect(set.json()).toEqual({ providerId: 'my-giga', set: true, last4: 'wxyz', source: 'keychain' });
    const list = await runHolst(['--json', '--data-dir', dir, 'providers', 'list'], { env });
    expect(list.stdout).not.toContain(key);
    expect(list.json()).toMatchObject({ providers: [{ id: 'my-giga', key: { set: true, last4: 'wxyz' } }] });
    expect(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')).not.toContain(key);
    const cleared = await runHolst(['--json', '--data-dir', dir, 'key', 'clear', 'my-giga'], { env });
    expect(cleared.json()).toMatchObject({ set: false });
  });

  it('lets HOLST_API_KEY_<ID> take precedence over the keychain', async () => {
    const dir = await dataDirWithProvider();
    const status = await runHolst(['--json', '--data-dir', dir, 'key', 'status', 'my-giga'], {
      env: { ...env, HOLST_API_KEY_MY_GIGA: fakeApiKey('envv') },
    });
    expect(status.json()).toEqual({ providerId: 'my-giga', set: true, last4: 'envv', source: 'env' });
  });

  it('explains what to do when there is no keychain, and never prints the key', async () => {
    if (process.platform !== 'linux') return;
    const dir = await dataDirWithProvider();
    const key = fakeApiKey();
    const run = await runHolst(['--json', '--data-dir', dir, 'key', 'set', 'my-giga'], {
      env: { ...env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(dir, 'no-bus')}` },
      input: key,
    });
    expect(run.code).toBe(3);
    const { error } = run.json() as { error: { code: string; message: string } };
    expect(error.code).toBe('config');
    expect(error.message).toMatch(/API keys cannot be saved: this computer has no system keychain/);
    expect(error.message).toContain('HOLST_API_KEY_MY_GIGA');
    expect(run.stdout + run.stderr).not.toContain(key);
  });
});
