import { safeStorage } from 'electron';
import type { StringEncryptor } from '../core/secrets/backend';

/**
 * Electron's safeStorage as the fallback encryptor. On Linux without a secret store it would
 * use a hard-coded password (`basic_text`), which is plain text in disguise: treated as none.
 */
export const safeStorageEncryptor: StringEncryptor = {
  isAvailable() {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  },
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher)),
};
