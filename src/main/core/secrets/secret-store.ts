import { apiKeyEnvName } from '../../../shared/settings';
import path from 'node:path';
import type { KeyStatus } from '../../../shared/contract';
import { say } from '../../../shared/core-messages';
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

/** Where keys go, once settled: the keychain, the encrypted-file fallback, or nowhere and why. */
interface Settled {
  backend: SecretBackend | null;
  /** Why there is no backend, or why the fallback is in use; shown to the user. */
  notice: string | null;
  /** The same as values, for the window to say in its own language: the keychain's error, the fallback file. */
  problem: { reason: string; file?: string } | null;
}

/**
 * Keys per provider id. Reads prefer `HOLST_API_KEY_<ID>` from the environment, then the OS
 * keychain (or, without one, the encrypted-file fallback). Nothing here ever logs a key, and no
 * error message contains one.
 *
 * `open` probes the keychain at once (the app shows at start whether keys can be saved);
 * `onFirstUse` probes it the first time a key is asked for, so a CLI command that never reads a key
 * never waits on the keychain (a D-Bus round trip, or a locked keyring's prompt).
 */
export class SecretStore {
  private readonly statusCache = new Map<string, KeyStatus>();
  private settled: Settled | null;
  private settling: Promise<Settled> | null = null;
  private readonly whenReady: Array<() => void> = [];

  constructor(
    backend: SecretBackend | null,
    private readonly env: NodeJS.ProcessEnv,
    notice: string | null,
    problem: { reason: string; file?: string } | null = null,
    private readonly settle: (() => Promise<Settled>) | null = null,
  ) {
    this.settled = settle ? null : { backend, notice, problem };
  }

  static async open(options: OpenSecretStoreOptions): Promise<SecretStore> {
    const store = SecretStore.onFirstUse(options);
    await store.ready();
    return store;
  }

  /** A store that probes the keychain when a key is first read, saved or removed (or on `ready()`). */
  static onFirstUse(options: OpenSecretStoreOptions): SecretStore {
    return new SecretStore(null, options.env ?? process.env, null, null, () => chooseBackend(options));
  }

  /** Settles where keys go (probing the keychain once); afterwards the `backend…` getters answer. */
  async ready(): Promise<void> {
    await this.settledBackend();
  }

  /** Runs `run` once the store has settled where keys go (at once if it has). */
  onReady(run: () => void): void {
    if (this.settled) run();
    else this.whenReady.push(run);
  }

  /** Whether keys can be saved at all (probing the keychain if that has not happened yet). */
  async canStore(): Promise<boolean> {
    return (await this.backend()) !== null;
  }

  get isReady(): boolean {
    return this.settled !== null;
  }

  get backendKind(): 'keychain' | 'encrypted-file' | 'unavailable' {
    return this.settledNow().backend?.kind ?? 'unavailable';
  }

  /** Why there is no backend, or why the fallback is in use; shown to the user. */
  get backendNotice(): string | null {
    return this.settledNow().notice;
  }

  /** The same as values, for the window to say in its own language: the keychain's error, the fallback file. */
  get backendProblem(): { reason: string; file?: string } | null {
    return this.settledNow().problem;
  }

  private settledNow(): Settled {
    if (!this.settled) throw new Error('SecretStore: await ready() before asking where keys are kept');
    return this.settled;
  }

  private async settledBackend(): Promise<Settled> {
    if (this.settled) return this.settled;
    this.settling ??= this.settle!().then((settled) => {
      this.settled = settled;
      for (const run of this.whenReady.splice(0)) run();
      return settled;
    });
    return this.settling;
  }

  private async backend(): Promise<SecretBackend | null> {
    return (await this.settledBackend()).backend;
  }

  /** Whether `HOLST_API_KEY_<ID>` (or the proxy's variable) gives this key: nothing to save for it. */
  inEnvironment(providerId: string): boolean {
    return Boolean(this.env[secretEnvName(providerId)]);
  }

  async status(providerId: string): Promise<KeyStatus> {
    const fromEnv = this.env[secretEnvName(providerId)];
    if (fromEnv) return { providerId, set: true, last4: lastFour(fromEnv), source: 'env' };
    const cached = this.statusCache.get(providerId);
    if (cached) return cached;
    const backend = await this.backend();
    const stored = backend ? await this.guard(backend, 'read', () => backend.get(providerId)) : null;
    const status = statusOf(providerId, stored, backend);
    this.statusCache.set(providerId, status);
    return status;
  }

  async set(providerId: string, key: string): Promise<KeyStatus> {
    const backend = await this.requireBackend(providerId);
    rememberSecret(key);
    await this.guard(backend, 'save', () => backend.set(providerId, key));
    this.statusCache.set(providerId, statusOf(providerId, key, backend));
    return this.status(providerId);
  }

  async clear(providerId: string): Promise<KeyStatus> {
    const backend = await this.backend();
    if (backend) await this.guard(backend, 'remove', () => backend.delete(providerId));
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
    const backend = await this.backend();
    if (!backend) return null;
    const stored = await this.guard(backend, 'read', () => backend.get(providerId));
    rememberSecret(stored);
    return stored;
  }

  private async requireBackend(id: string): Promise<SecretBackend> {
    const { backend, problem } = await this.settledBackend();
    if (!backend) throw HolstError.said('config', say('keychainCannotSave', { envName: secretEnvName(id) }, problem?.reason));
    return backend;
  }

  private async guard<T>(backend: SecretBackend, action: 'read' | 'save' | 'remove', run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const key = backend.kind === 'encrypted-file' ? KEY_FILE_FAILED[action] : KEYCHAIN_FAILED[action];
      throw HolstError.said('storage', say(key, { reason: describe(error) }), { cause: error });
    }
  }
}

/** Why a key could not be read, saved or removed, by where it lives. */
const KEYCHAIN_FAILED = { read: 'keychainReadFailed', save: 'keychainSaveFailed', remove: 'keychainRemoveFailed' } as const;
const KEY_FILE_FAILED = { read: 'keyFileReadFailed', save: 'keyFileSaveFailed', remove: 'keyFileRemoveFailed' } as const;

/** The keychain if it answers; else the encrypted file when the shell can encrypt; else nowhere, and why. */
async function chooseBackend(options: OpenSecretStoreOptions): Promise<Settled> {
  const service = options.keychainService ?? DEFAULT_KEYCHAIN_SERVICE;
  let keychainError: string;
  try {
    return { backend: await KeytarBackend.open(service), notice: null, problem: null };
  } catch (error) {
    keychainError = describe(error);
  }
  if (options.encryptor?.isAvailable()) {
    const file = path.join(options.dataDir, ENCRYPTED_SECRETS_FILE);
    return {
      backend: new EncryptedFileBackend(file, options.encryptor),
      notice: `The system keychain is unavailable (${keychainError}). API keys are stored encrypted by the operating system in ${file} instead.`,
      problem: { reason: keychainError, file },
    };
  }
  return {
    backend: null,
    notice:
      `The system keychain is unavailable (${keychainError}), so API keys cannot be saved. ` +
      'Start a keychain service (on Linux: gnome-keyring or KWallet with the Secret Service), ' +
      'or set HOLST_API_KEY_<PROVIDER ID> in the environment.',
    problem: { reason: keychainError },
  };
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
