import type { SecretBackend } from './backend';

interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** The OS keychain through keytar: macOS Keychain, Windows Credential Vault, Linux Secret Service. */
export class KeytarBackend implements SecretBackend {
  readonly kind = 'keychain' as const;

  private constructor(
    private readonly keytar: KeytarModule,
    readonly service: string,
  ) {}

  /** Loads keytar and checks that the keychain answers; throws with the reason when it does not. */
  static async open(service: string): Promise<KeytarBackend> {
    const loaded = (await import('keytar')) as unknown as KeytarModule & { default?: KeytarModule };
    const keytar = loaded.default ?? loaded;
    await keytar.findCredentials(service);
    return new KeytarBackend(keytar, service);
  }

  get(account: string): Promise<string | null> {
    return this.keytar.getPassword(this.service, account);
  }

  set(account: string, secret: string): Promise<void> {
    return this.keytar.setPassword(this.service, account, secret);
  }

  delete(account: string): Promise<boolean> {
    return this.keytar.deletePassword(this.service, account);
  }
}
