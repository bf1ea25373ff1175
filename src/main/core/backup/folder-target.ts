import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BackupTarget } from './backup-target';

/** A backup target that is a folder on a disk the computer can write to. */
export class FolderTarget implements BackupTarget {
  readonly label: string;

  constructor(private readonly root: string) {
    this.label = root;
  }

  private file(name: string): string {
    const parts = name.split('/');
    if (parts.some((part) => part === '' || part === '.' || part === '..')) throw new Error(`bad backup file name: ${name}`);
    return path.join(this.root, ...parts);
  }

  /** Names only: a file is under its final name only once whole (written, flushed, renamed), and a stat each would cost a second run over 100,000 files seconds. */
  async list(dir: string): Promise<Map<string, number | null>> {
    const found = new Map<string, number | null>();
    let entries;
    try {
      entries = await fs.readdir(dir === '' ? this.root : this.file(dir), { recursive: true, withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return found;
      throw error;
    }
    for (const entry of entries) {
      // Half-written files (a copy cut off by a crash) are not files of the backup.
      if (!entry.isFile() || entry.name.endsWith('.part')) continue;
      const name = path.relative(this.root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      found.set(name, null);
    }
    return found;
  }

  async put(name: string, file: string): Promise<void> {
    await this.write(name, (temp) => fs.copyFile(file, temp));
  }

  async putBytes(name: string, bytes: Uint8Array): Promise<void> {
    await this.write(name, (temp) => fs.writeFile(temp, bytes));
  }

  /** Writes under a temporary name, flushes it to the disk, then renames it into place. */
  private async write(name: string, fill: (temp: string) => Promise<void>): Promise<void> {
    const target = this.file(name);
    // The folder itself is made only if the folder it is in exists: a disk that was unplugged must
    // not turn into a new folder on the system disk.
    await fs.mkdir(this.root).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.part`;
    try {
      await fill(temp);
      const handle = await fs.open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  async readBytes(name: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.file(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async open(name: string): Promise<NodeJS.ReadableStream> {
    const file = this.file(name);
    await fs.access(file);
    return createReadStream(file);
  }

  async removeHalfWritten(): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(this.root, { recursive: true, withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries)
      if (entry.isFile() && entry.name.endsWith('.part')) await fs.rm(path.join(entry.parentPath, entry.name), { force: true });
  }

  async remove(name: string): Promise<void> {
    await fs.rm(this.file(name), { force: true });
  }
}
