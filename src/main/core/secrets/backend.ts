/** Where keys are kept. One entry per provider id ("account"). */
export interface SecretBackend {
  readonly kind: 'keychain' | 'encrypted-file';
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/**
 * String encryption supplied by the shell (Electron's safeStorage). Plain Node has none, so the
 * CLI and the browser harness have no fallback when the OS keychain is unavailable.
 */
export interface StringEncryptor {
  isAvailable(): boolean;
  encrypt(plain: string): Uint8Array;
  decrypt(cipher: Uint8Array): string;
}
