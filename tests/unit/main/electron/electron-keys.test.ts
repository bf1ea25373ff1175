// Without a keychain, the real main process keeps keys with Electron's safeStorage, never under `basic_text`.
// (Its own file: libsecret keeps its first D-Bus connection for the life of the process.)
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ENCRYPTED_SECRETS_FILE } from '../../../../src/main/core/secrets/secret-store';
import { runMain, type MainRun, type RunOptions } from '../../../support/electron-main';
import { fakeApiKey } from '../../../support/keychain';
import { removeTempDirs, tempDir } from '../../../support/temp-dir';

vi.mock('electron', async () => (await import('../../../support/electron-main')).electronModule());

afterAll(removeTempDirs);

const provider = { id: 'giga', kind: 'gigachat', baseUrl: 'https://gigachat.example/api/v1' };

/** main.ts with the Secret Service out of reach: an unreachable D-Bus address (Linux's keychain route). */
async function withoutKeychain(options: RunOptions, test: (run: MainRun) => Promise<void>): Promise<void> {
  const noBus = `unix:path=${path.join(await tempDir(), 'no-bus')}`;
  const run = await runMain({ ...options, env: { DBUS_SESSION_BUS_ADDRESS: noBus } });
  try {
    expect(await run.invoke('providers.save', { provider })).toMatchObject({ ok: true });
    await test(run);
  } finally {
    await run.stop();
  }
}

// The keychain is reached through D-Bus only on Linux, and `basic_text` is Linux's alone.
describe.runIf(process.platform === 'linux')('keys without a keychain', () => {
  it('go to a file encrypted by safeStorage, which never holds them in plain text', async () => {
    await withoutKeychain({ safeStorage: { backend: 'gnome_libsecret' } }, async (run) => {
      expect(await run.invoke('app.info')).toMatchObject({ ok: true, value: { secretBackend: 'encrypted-file' } });
      const key = fakeApiKey('wxyz');
      expect(await run.invoke('secrets.set', { providerId: 'giga', key })).toEqual({
        ok: true,
        value: { providerId: 'giga', set: true, last4: 'wxyz', source: 'encrypted-file' },
      });
      expect(run.recorder.calls('safeStorage.encryptString')).toHaveLength(1);
      const raw = await fs.readFile(path.join(run.dataDir, ENCRYPTED_SECRETS_FILE), 'utf8');
      expect(raw).not.toContain(key);
      expect(raw).not.toContain(key.slice(8, 24));
      // The entry is safeStorage's ciphertext, which only safeStorage turns back into the key.
      const entry = (JSON.parse(raw) as { entries: Record<string, string> }).entries.giga!;
      expect(run.electron.safeStorage.decryptString(Buffer.from(entry, 'base64'))).toBe(key);
      const notices = (await run.invoke('app.notices')) as { value: Array<{ id: string; level: string }> };
      expect(notices.value).toContainEqual(expect.objectContaining({ id: 'keychain', level: 'warning' }));
    });
  });

  it.each([
    ['reports basic_text (a hard-coded password)', { backend: 'basic_text' as const }],
    ['is not available', { available: false, backend: 'gnome_libsecret' as const }],
  ])('are refused, never written, when safeStorage %s', async (_why, safeStorage) => {
    await withoutKeychain({ safeStorage }, async (run) => {
      expect(await run.invoke('app.info')).toMatchObject({ ok: true, value: { secretBackend: 'unavailable' } });
      const answer = await run.invoke('secrets.set', { providerId: 'giga', key: fakeApiKey() });
      expect(answer).toMatchObject({ ok: false, error: { code: 'config' } });
      expect((answer as { error: { message: string } }).error.message).toMatch(
        /^API keys cannot be saved: this computer has no system keychain that answers\./,
      );
      expect(run.recorder.calls('safeStorage.encryptString')).toEqual([]);
      expect(existsSync(path.join(run.dataDir, ENCRYPTED_SECRETS_FILE))).toBe(false);
      const notices = (await run.invoke('app.notices')) as { value: Array<{ id: string; level: string }> };
      expect(notices.value).toContainEqual(expect.objectContaining({ id: 'keychain', level: 'error' }));
    });
  });
});
