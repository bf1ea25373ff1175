import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { Readable, type PassThrough } from 'node:stream';
import type { ZipFile } from 'yazl';
import { say } from '../../../../shared/core-messages';
import { HolstError } from '../../../../shared/errors';
import { MAX_NAMES, numberedName } from './export-image';
import { makeFolder } from './make-folder';
import { syncFile } from '../ingest/receive-bytes';

/** yazl keeps a buffer entry whole in memory; larger ones go in as a stream of known size. */
const BUFFER_ENTRY_MAX = 0x3fffffff;

/**
 * A ZIP written to a temp file beside its target and renamed into place by `finish`, so a
 * cancelled or failed export leaves nothing half-written. Entries are stored, not deflated
 * (pictures are compressed already); yazl switches to ZIP64 past 4 GB by itself.
 */
export class ZipWriter {
  private readonly file: WriteStream;
  private readonly names = new Set<string>();
  private failure: Error | null = null;
  private readonly closed: Promise<void>;

  private constructor(
    private readonly zip: ZipFile,
    readonly target: string,
    readonly temp: string,
    private readonly overwrite: boolean,
  ) {
    this.file = createWriteStream(temp, { flags: 'wx', mode: 0o644 });
    this.closed = new Promise((resolve, reject) => {
      this.file.once('close', resolve);
      this.file.once('error', reject);
    });
    // Errors are kept and raised by the next add or finish, never thrown from an event.
    this.closed.catch((error: Error) => (this.failure ??= error));
    this.zip.on('error', (error: Error) => (this.failure ??= error));
    this.zip.outputStream.pipe(this.file);
  }

  /** Starts a ZIP for `target` (its folder must exist or be creatable). */
  static async open(target: string, overwrite = false): Promise<ZipWriter> {
    const destination = path.resolve(target);
    const dir = path.dirname(destination);
    try {
      await makeFolder(dir);
    } catch (error) {
      throw HolstError.said('storage', say('exportFolderFailed', { folder: dir, reason: (error as Error).message }), { cause: error });
    }
    const temp = path.join(dir, `.${path.basename(destination)}.${randomBytes(6).toString('hex')}.part`);
    // yazl loads with the first ZIP, not with the library: most runs never write one.
    const { ZipFile } = await import('yazl');
    const writer = new ZipWriter(new ZipFile(), destination, temp, overwrite);
    await once(writer.file, 'open').catch((error: Error) => {
      throw HolstError.said('storage', say('exportFileFailed', { file: destination, reason: error.message }), { cause: error });
    });
    return writer;
  }

  /** Adds one file under `name` (made unique inside the ZIP), and waits until it is on its way to disk. */
  async add(name: string, data: Buffer, mtime: Date): Promise<string> {
    this.check();
    let unique = name;
    for (let n = 2; this.names.has(unique.toLowerCase()); n++) unique = numberedName(name, n);
    this.names.add(unique.toLowerCase());
    const options = { compress: false, mtime };
    if (data.length <= BUFFER_ENTRY_MAX) this.zip.addBuffer(data, unique, options);
    else this.zip.addReadStream(Readable.from([data]), unique, { ...options, size: data.length });
    // Bounded memory: let the file take this entry before the caller reads the next picture.
    await new Promise((resolve) => setImmediate(resolve));
    // yazl's output is a PassThrough it writes to without waiting; its drain tells when the file caught up.
    const out = this.zip.outputStream as unknown as PassThrough;
    while (out.writableNeedDrain && !this.failure) await Promise.race([once(out, 'drain'), this.closed.catch(() => undefined)]);
    this.check();
    return unique;
  }

  /** Completes the ZIP and moves it into place; answers the path written (a free `_2`… name if `target` exists). */
  async finish(): Promise<string> {
    this.zip.end();
    try {
      await this.closed;
      this.check();
      // Flushed before it takes its final name, so that name never points at a ZIP a power cut could lose.
      await syncFile(this.temp, this.target);
      return await this.moveIntoPlace();
    } catch (error) {
      await fs.rm(this.temp, { force: true });
      if (error instanceof HolstError) throw error;
      throw HolstError.said('storage', say('exportFileFailed', { file: this.target, reason: (error as Error).message }), { cause: error });
    }
  }

  /** Stops writing and removes the temp file. */
  async abort(): Promise<void> {
    this.zip.outputStream.unpipe(this.file);
    this.file.destroy();
    await this.closed.catch(() => undefined);
    await fs.rm(this.temp, { force: true });
  }

  private check(): void {
    if (!this.failure) return;
    throw HolstError.said('storage', say('exportFileFailed', { file: this.target, reason: this.failure.message }), { cause: this.failure });
  }

  private async moveIntoPlace(): Promise<string> {
    if (this.overwrite) {
      await fs.rename(this.temp, this.target);
      return this.target;
    }
    for (let n = 1; n <= MAX_NAMES; n++) {
      const candidate = numberedName(this.target, n);
      try {
        // link fails if the name exists, so an existing file is never replaced, even by a race.
        await fs.link(this.temp, candidate);
        await fs.rm(this.temp, { force: true });
        return candidate;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        // File systems without hard links (FAT, exFAT, some network shares): check, then rename.
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
          if (await exists(candidate)) continue;
          await fs.rename(this.temp, candidate);
          return candidate;
        }
        throw error;
      }
    }
    throw HolstError.said('storage', say('exportNoFreeName', { file: this.target }));
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
