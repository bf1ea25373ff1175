// The keychain notice says something only while a key would have to be saved: not with every key
// from the environment, not before there is a provider; it comes when a provider without an
// environment key is added and goes when that provider goes. Its headline has no D-Bus in it.
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../../../src/shared/contract';
import type { ProviderConfig } from '../../../../../src/shared/settings';
import { CoreEvents } from '../../../../../src/main/core/events';
import { silentLogger } from '../../../../../src/main/core/logging/log';
import { Notices } from '../../../../../src/main/core/notices';
import { EncryptedFileBackend } from '../../../../../src/main/core/secrets/encrypted-file-backend';
import { keepKeychainNoticeTrue } from '../../../../../src/main/core/secrets/keychain-notice';
import { SecretStore } from '../../../../../src/main/core/secrets/secret-store';
import { SettingsStore } from '../../../../../src/main/core/settings/settings-store';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

const DBUS_ERROR = 'Cannot autolaunch D-Bus without X11 $DISPLAY';
const giga: ProviderConfig = { id: 'giga', kind: 'gigachat', name: 'GigaChat', baseUrl: 'https://gigachat.example/api/v1' };
const images: ProviderConfig = { id: 'images', kind: 'openai-images', baseUrl: 'https://images.example/v1' };

let said: Array<{ name: string; payload: unknown }>;

async function watch(options: { env?: NodeJS.ProcessEnv; backend?: 'none' | 'encrypted-file'; providers?: ProviderConfig[] }) {
  const dataDir = await tempDir();
  const { store: settings } = await SettingsStore.open(dataDir, 'fail');
  if (options.providers) await settings.update((draft) => ({ ...draft, providers: options.providers! }));
  const events = new CoreEvents();
  events.subscribe((name, payload) => said.push({ name, payload }));
  const notices = new Notices(events);
  const env = options.env ?? {};
  const file = path.join(dataDir, 'secrets.enc.json');
  const secrets =
    options.backend === 'encrypted-file'
      ? new SecretStore(
          new EncryptedFileBackend(file, { isAvailable: () => true, encrypt: Buffer.from, decrypt: String }),
          env,
          'fallback',
          {
            reason: DBUS_ERROR,
            file,
          },
        )
      : new SecretStore(null, env, 'no keychain', { reason: DBUS_ERROR });
  keepKeychainNoticeTrue({ secrets, settings, notices, logger: silentLogger });
  const setProviders = (providers: ProviderConfig[]) => settings.update((draft) => ({ ...draft, providers }));
  return { notices, setProviders, file };
}

const shown = (notices: Notices) => notices.list().filter((n) => n.id === 'keychain');

beforeEach(() => {
  said = [];
});

describe('the keychain notice', () => {
  it('says nothing while there are no providers: a first-run user hears of it when they add one', async () => {
    const { notices, setProviders } = await watch({});
    expect(shown(notices)).toEqual([]);
    await setProviders([giga]);
    expect(shown(notices)).toHaveLength(1);
  });

  it('says nothing when every provider’s key comes from the environment (the demo)', async () => {
    const env = { HOLST_API_KEY_GIGA: 'k1', HOLST_API_KEY_IMAGES: 'k2' };
    const { notices, setProviders } = await watch({ env, providers: [giga, images] });
    expect(shown(notices)).toEqual([]);
    await setProviders([images]);
    expect(shown(notices)).toEqual([]);
    expect(said.filter((e) => e.name === 'app.notice')).toEqual([]);
  });

  it('comes when a provider without an environment key is added, naming it, and goes when it is removed', async () => {
    const { notices, setProviders } = await watch({ env: { HOLST_API_KEY_IMAGES: 'k2' }, providers: [images] });
    expect(shown(notices)).toEqual([]);

    await setProviders([images, giga]);
    const [notice] = shown(notices) as [Notice];
    expect(notice).toMatchObject({
      level: 'error',
      key: 'keychainUnavailable',
      params: { providers: 'GigaChat', envNames: 'HOLST_API_KEY_GIGA' },
      detail: DBUS_ERROR,
    });
    // What it means and what to do; the system's own words only behind "Details".
    expect(notice.message).toMatch(/^API keys for GigaChat cannot be saved: .*HOLST_API_KEY_GIGA/);
    expect(notice.message).not.toMatch(/D-Bus|DISPLAY/);
    expect(said).toContainEqual({ name: 'app.notice', payload: notice });

    await setProviders([images]);
    expect(shown(notices)).toEqual([]);
    expect(said).toContainEqual({ name: 'app.noticeRemoved', payload: { id: 'keychain' } });
  });

  it('follows the providers that need saving, and once closed stays closed until it stops holding', async () => {
    const { notices, setProviders } = await watch({ providers: [giga] });
    expect(shown(notices)[0]?.params).toMatchObject({ providers: 'GigaChat' });
    await setProviders([giga, images]);
    expect(shown(notices)[0]?.params).toEqual({ providers: 'GigaChat, images', envNames: 'HOLST_API_KEY_GIGA, HOLST_API_KEY_IMAGES' });

    notices.dismiss('keychain');
    await setProviders([giga]);
    expect(shown(notices)).toEqual([]);
    await setProviders([]);
    await setProviders([images]);
    expect(shown(notices)[0]?.params).toMatchObject({ providers: 'images' });
  });

  it('with the encrypted-file fallback, says where keys go, only while a key would go there', async () => {
    const { notices, setProviders, file } = await watch({ backend: 'encrypted-file' });
    expect(shown(notices)).toEqual([]);
    await setProviders([giga]);
    expect(shown(notices)).toEqual([
      expect.objectContaining({ level: 'warning', key: 'keychainEncryptedFile', params: { file }, detail: DBUS_ERROR }),
    ]);
    expect(shown(notices)[0]!.message).not.toMatch(/D-Bus/);
  });
});
