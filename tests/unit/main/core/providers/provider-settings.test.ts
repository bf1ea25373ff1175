// The providers' rules announce each change to the windows listening, with every provider's key
// status; a core nobody listens to (the CLI's) does not read the keychain for an announcement.
import { afterAll, describe, expect, it } from 'vitest';
import type { ProviderView } from '../../../../../src/shared/contract';
import { CoreEvents } from '../../../../../src/main/core/events';
import { ProviderSettings } from '../../../../../src/main/core/providers/provider-settings';
import type { SecretBackend } from '../../../../../src/main/core/secrets/backend';
import { SecretStore } from '../../../../../src/main/core/secrets/secret-store';
import { SettingsStore } from '../../../../../src/main/core/settings/settings-store';
import { PROVIDER_TEMPLATES } from '../../../../../src/shared/settings';
import { fakeApiKey } from '../../../../support/keychain';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

/** Stands in for the OS keychain (a service outside Holst), counting the entries read. */
function countingKeychain(): SecretBackend & { reads: number } {
  const entries = new Map<string, string>();
  return {
    kind: 'keychain',
    reads: 0,
    async get(account) {
      this.reads++;
      return entries.get(account) ?? null;
    },
    async set(account, secret) {
      entries.set(account, secret);
    },
    async delete(account) {
      return entries.delete(account);
    },
  };
}

/** Three providers saved earlier; then a fresh core (its key statuses not yet read), as each CLI command is. */
async function setUp() {
  const dataDir = await tempDir();
  const keychain = countingKeychain();
  const earlier = (await SettingsStore.open(dataDir, 'fail')).store;
  const saving = new ProviderSettings({ settings: earlier, secrets: new SecretStore(keychain, {}, null), events: new CoreEvents() });
  for (const id of ['giga', 'agg', 'images']) await saving.save({ id, ...PROVIDER_TEMPLATES['openai-images'] });
  const { store: settings } = await SettingsStore.open(dataDir, 'fail');
  const events = new CoreEvents();
  const providers = new ProviderSettings({ settings, secrets: new SecretStore(keychain, {}, null), events });
  keychain.reads = 0;
  return { providers, keychain, events };
}

describe('ProviderSettings announcements', () => {
  it('tells the windows listening about a key change, with every provider and where its key comes from', async () => {
    const { providers, events, keychain } = await setUp();
    const heard: ProviderView[][] = [];
    events.subscribe((name, payload) => {
      if (name === 'providers.changed') heard.push(payload as ProviderView[]);
    });
    await providers.setKey('agg', fakeApiKey('wxyz'));
    expect(heard).toHaveLength(1);
    expect(heard[0]!.map((v) => [v.config.id, v.key.set, v.key.last4])).toEqual([
      ['giga', false, null],
      ['agg', true, 'wxyz'],
      ['images', false, null],
    ]);
    // The other two providers' entries were read for it.
    expect(keychain.reads).toBe(2);
  });

  it('reads no key status for an announcement when nobody listens', async () => {
    const { providers, keychain } = await setUp();
    const status = await providers.setKey('agg', fakeApiKey('wxyz'));
    expect(status).toMatchObject({ set: true, last4: 'wxyz', source: 'keychain' });
    expect(keychain.reads).toBe(0);
    expect(await providers.clearKey('agg')).toMatchObject({ set: false });
    // clearKey's own answer reads its one entry again; no other provider's.
    expect(keychain.reads).toBe(1);
  });
});
