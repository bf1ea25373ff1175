import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { HolstError } from '../../../shared/errors';
import { SNIFF_BYTES } from './image-format';

export type IngestInput = { path: string } | { bytes: Uint8Array } | { stream: AsyncIterable<Uint8Array> };

export interface ReceivedFile {
  temp: string;
  sha256: string;
  size: number;
  head: Uint8Array;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Files up to this size are read into memory whole: one read, and the decoder reads the memory rather than the file again. */
const IN_MEMORY_MAX = 64 * 1024 * 1024;

const readError = (file: string, error: unknown) => {
  const { code, message } = error as NodeJS.ErrnoException;
  return new HolstError(code === 'ENOENT' ? 'not_found' : 'storage', `Cannot read ${file}: ${message}`, { cause: error });
};

/**
 * A file no larger than IN_MEMORY_MAX (and the library's limit) as its bytes, read at once;
 * anything else as it was, to be streamed.
 */
export async function inMemory(input: IngestInput, maxBytes: number): Promise<IngestInput> {
  if (!('path' in input)) return input;
  try {
    const stat = await fs.stat(input.path);
    if (!stat.isFile() || stat.size > Math.min(IN_MEMORY_MAX, maxBytes)) return input;
    return { bytes: await fs.readFile(input.path) };
  } catch (error) {
    throw readError(input.path, error);
  }
}

async function* chunksOf(input: IngestInput): AsyncIterable<Uint8Array> {
  if ('bytes' in input) {
    yield input.bytes;
  } else if ('path' in input) {
    try {
      yield* createReadStream(input.path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>;
    } catch (error) {
      throw readError(input.path, error);
    }
  } else {
    yield* input.stream;
  }
}

/**
 * Streams bytes into a new temp file in `tmpDir`, hashing and counting them on the way and
 * stopping at `maxBytes`. On any failure or abort it is removed. The file is not yet durable:
 * call `syncFile` before it is renamed into the library (the caller overlaps that with decoding).
 */
export async function receiveBytes(input: IngestInput, tmpDir: string, maxBytes: number, signal?: AbortSignal): Promise<ReceivedFile> {
  await fs.mkdir(tmpDir, { recursive: true });
  const temp = path.join(tmpDir, `${Date.now()}-${randomBytes(6).toString('hex')}.part`);
  const handle = await fs.open(temp, 'wx', 0o600);
  const hash = createHash('sha256');
  const head = new Uint8Array(SNIFF_BYTES);
  let size = 0;
  try {
    for await (const chunk of chunksOf(input)) {
      if (signal?.aborted) throw new HolstError('cancelled', 'The image was not saved: cancelled.');
      if (size < SNIFF_BYTES) head.set(chunk.subarray(0, SNIFF_BYTES - size), size);
      size += chunk.byteLength;
      if (size > maxBytes) {
        throw new HolstError('invalid_input', `The image is larger than the ${formatBytes(maxBytes)} limit (Settings → Library).`);
      }
      hash.update(chunk);
      await handle.write(chunk);
    }
    if (signal?.aborted) throw new HolstError('cancelled', 'The image was not saved: cancelled.');
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw error;
  }
  return { temp, sha256: hash.digest('hex'), size, head: head.subarray(0, Math.min(size, SNIFF_BYTES)) };
}

/** Flushes a received file to disk, so a row never points at bytes a power cut could lose. */
export async function syncFile(file: string): Promise<void> {
  try {
    // Opened for writing: Windows refuses to flush a read-only handle.
    const handle = await fs.open(file, 'r+');
    await handle.sync().finally(() => handle.close());
  } catch (error) {
    throw new HolstError('storage', `Cannot save the image to disk: ${(error as Error).message}`, { cause: error });
  }
}
