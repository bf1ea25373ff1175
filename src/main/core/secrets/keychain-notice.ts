import type { Notice } from '../../../shared/contract';
import type { ProviderConfig } from '../../../shared/settings';
import type { Logger } from '../logging/log';
import type { Notices } from '../notices';
import type { SettingsStore } from '../settings/settings-store';
import { apiKeyEnvName, type SecretStore } from './secret-store';

export const KEYCHAIN_NOTICE_ID = 'keychain';

interface Deps {
  secrets: SecretStore;
  settings: Pick<SettingsStore, 'get' | 'onChange'>;
  notices: Notices;
  logger: Logger;
}

/**
 * Says the keychain is missing only while it matters: some configured provider has no key in the
 * environment, so its key would have to be saved. With no providers yet, or every key from
 * `HOLST_API_KEY_<ID>`, there is nothing to say; adding a provider without one brings the notice,
 * removing it takes the notice away. The keychain's own error goes behind "Details".
 */
export function keepKeychainNoticeTrue({ secrets, settings, notices, logger }: Deps): void {
  /** Whether the notice holds now (the user may have closed it: it stays closed until it stops holding). */
  let holds = false;
  let said = '';
  const update = () => {
    if (!secrets.isReady || secrets.backendKind === 'keychain') return;
    const needing = settings.get().providers.filter((provider) => !secrets.inEnvironment(provider.id));
    if (needing.length === 0) {
      holds = false;
      notices.remove(KEYCHAIN_NOTICE_ID);
      return;
    }
    const notice = keychainNotice(secrets, needing);
    const text = JSON.stringify(notice);
    if (!holds || (notices.has(KEYCHAIN_NOTICE_ID) && text !== said)) notices.add(notice);
    holds = true;
    said = text;
  };
  secrets.onReady(() => {
    if (secrets.backendNotice) logger.warn(secrets.backendNotice);
    update();
  });
  settings.onChange(update);
}

function keychainNotice(secrets: SecretStore, needing: ProviderConfig[]): Notice {
  const detail = secrets.backendProblem?.reason;
  const base = { id: KEYCHAIN_NOTICE_ID, ...(detail ? { detail } : {}) };
  if (secrets.backendKind === 'encrypted-file') {
    const file = secrets.backendProblem?.file ?? '';
    return {
      ...base,
      level: 'warning',
      message: `The system keychain is not available, so API keys are kept in a file the operating system encrypts: ${file}.`,
      key: 'keychainEncryptedFile',
      params: { file },
    };
  }
  const providers = needing.map((provider) => provider.name ?? provider.id).join(', ');
  const envNames = needing.map((provider) => apiKeyEnvName(provider.id)).join(', ');
  return {
    ...base,
    level: 'error',
    message:
      `API keys for ${providers} cannot be saved: this computer has no system keychain that answers. ` +
      `Start one (on Linux: GNOME Keyring or KWallet) and restart Holst, or set ${envNames} in the environment before starting Holst.`,
    key: 'keychainUnavailable',
    params: { providers, envNames },
  };
}
