import fs from 'node:fs/promises';
import * as z from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';
import type { SecretBackend, StringEncryptor } from './backend';

const FileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), z.string()) });

/**
 * The fallback when the OS keychain is unavailable: each key encrypted by the shell's encryptor
 * (Electron safeStorage) in one file in the data folder. Never plain text.
 */
export class EncryptedFileBackend implements SecretBackend {
  readonly kind = 'encrypted-file' as const;

  constructor(
    readonly file: string,
    private readonly encryptor: StringEncryptor,
  ) {}

  async get(account: string): Promise<string | null> {
    const entry = (await this.read())[account];
    if (entry === undefined) return null;
    return this.encryptor.decrypt(Buffer.from(entry, 'base64'));
  }

  async set(account: string, secret: string): Promise<void> {
    const entries = await this.read();
    entries[account] = Buffer.from(this.encryptor.encrypt(secret)).toString('base64');
    await this.write(entries);
  }

  async delete(account: string): Promise<boolean> {
    const entries = await this.read();
    if (!(account in entries)) return false;
    delete entries[account];
    await this.write(entries);
    return true;
  }

  private async read(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    const parsed = FileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`the encrypted key file ${this.file} is damaged`);
    return { ...parsed.data.entries };
  }

  private write(entries: Record<string, string>): Promise<void> {
    return writeFileAtomic(this.file, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`);
  }
}
