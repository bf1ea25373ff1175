import { apiKeyEnvName } from '../../../shared/settings';
import path from 'node:path';
import type { KeyStatus } from '../../../shared/contract';
import { HolstError } from '../../../shared/errors';
import type { SecretBackend, StringEncryptor } from './backend';
import { rememberSecret } from '../logging/known-secrets';
import { EncryptedFileBackend } from './encrypted-file-backend';
import { KeytarBackend } from './keytar-backend';

export const DEFAULT_KEYCHAIN_SERVICE = 'Holst';
export const ENCRYPTED_SECRETS_FILE = 'secrets.enc.json';

export { apiKeyEnvName };

/** The keychain entry of the proxy password: not a valid provider id, so it can never collide with one. */
export const PROXY_SECRET_ID = ':proxy';
export const PROXY_PASSWORD_ENV = 'HOLST_PROXY_PASSWORD';

/** The environment variable that overrides a stored secret. */
export function secretEnvName(id: string): string {
  return id === PROXY_SECRET_ID ? PROXY_PASSWORD_ENV : apiKeyEnvName(id);
}

/** Shows the last four characters only of keys long enough that they give nothing away. */
export function lastFour(key: string): string | null {
  return key.length >= 12 ? key.slice(-4) : null;
}

export interface OpenSecretStoreOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  keychainService?: string;
  encryptor?: StringEncryptor;
}

/**
 * Keys per provider id. Reads prefer `HOLST_API_KEY_<ID>` from the environment, then the OS
 * keychain (or, without one, the encrypted-file fallback). Nothing here ever logs a key, and no
 * error message contains one.
 */
export class SecretStore {
  private readonly statusCache = new Map<string, KeyStatus>();

  constructor(
    private readonly backend: SecretBackend | null,
    private readonly env: NodeJS.ProcessEnv,
    /** Why there is no backend, or why the fallback is in use; shown to the user. */
    readonly backendNotice: string | null,
    /** The same as values, for the window to say in its own language: the keychain's error, the fallback file. */
    readonly backendProblem: { reason: string; file?: string } | null = null,
  ) {}

  static async open(options: OpenSecretStoreOptions): Promise<SecretStore> {
    const env = options.env ?? process.env;
    const service = options.keychainService ?? DEFAULT_KEYCHAIN_SERVICE;
    let keychainError: string;
    try {
      return new SecretStore(await KeytarBackend.open(service), env, null);
    } catch (error) {
      keychainError = describe(error);
    }
    if (options.encryptor?.isAvailable()) {
      const file = path.join(options.dataDir, ENCRYPTED_SECRETS_FILE);
      return new SecretStore(
        new EncryptedFileBackend(file, options.encryptor),
        env,
        `The system keychain is unavailable (${keychainError}). API keys are stored encrypted by the operating system in ${file} instead.`,
        { reason: keychainError, file },
      );
    }
    return new SecretStore(
      null,
      env,
      `The system keychain is unavailable (${keychainError}), so API keys cannot be saved. ` +
        'Start a keychain service (on Linux: gnome-keyring or KWallet with the Secret Service), ' +
        'or set HOLST_API_KEY_<PROVIDER ID> in the environment.',
      { reason: keychainError },
    );
  }

  get backendKind(): 'keychain' | 'encrypted-file' | 'unavailable' {
    return this.backend?.kind ?? 'unavailable';
  }

  async status(providerId: string): Promise<KeyStatus> {
    const fromEnv = this.env[secretEnvName(providerId)];
    if (fromEnv) return { providerId, set: true, last4: lastFour(fromEnv), source: 'env' };
    const cached = this.statusCache.get(providerId);
    if (cached) return cached;
    const stored = this.backend ? await this.guard('read', () => this.backend!.get(providerId)) : null;
    const status = statusOf(providerId, stored, this.backend);
    this.statusCache.set(providerId, status);
    return status;
  }

  async set(providerId: string, key: string): Promise<KeyStatus> {
    const backend = this.requireBackend();
    rememberSecret(key);
    await this.guard('save', () => backend.set(providerId, key));
    this.statusCache.set(providerId, statusOf(providerId, key, backend));
    return this.status(providerId);
  }

  async clear(providerId: string): Promise<KeyStatus> {
    if (this.backend) {
      const backend = this.backend;
      await this.guard('remove', () => backend.delete(providerId));
    }
    this.statusCache.delete(providerId);
    return this.status(providerId);
  }

  /** The key itself, for the main process's own requests. Never send it anywhere else. */
  async resolve(providerId: string): Promise<string | null> {
    const fromEnv = this.env[secretEnvName(providerId)];
    if (fromEnv) {
      rememberSecret(fromEnv);
      return fromEnv;
    }
    if (!this.backend) return null;
    const backend = this.backend;
    const stored = await this.guard('read', () => backend.get(providerId));
    rememberSecret(stored);
    return stored;
  }

  private requireBackend(): SecretBackend {
    if (!this.backend) throw new HolstError('config', this.backendNotice ?? 'No place to store API keys is available.');
    return this.backend;
  }

  private async guard<T>(action: 'read' | 'save' | 'remove', run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const where = this.backend?.kind === 'encrypted-file' ? 'the encrypted key file' : 'the system keychain';
      throw new HolstError('storage', `Could not ${action} the API key in ${where}: ${describe(error)}.`, { cause: error });
    }
  }
}

function statusOf(providerId: string, key: string | null, backend: SecretBackend | null): KeyStatus {
  if (key === null || key === '' || !backend) return { providerId, set: false, last4: null, source: null };
  return { providerId, set: true, last4: lastFour(key), source: backend.kind };
}

/** An error's message on one line; keychain libraries never put the secret in theirs. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim() || 'unknown error';
}
