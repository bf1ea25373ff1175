import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { say } from '../../../../shared/core-messages';
import { HolstError } from '../../../../shared/errors';
import { SNIFF_BYTES } from './image-format';
import { IngestRefusal } from './ingest-refusal';

export type IngestInput = { path: string } | { bytes: Uint8Array } | { stream: AsyncIterable<Uint8Array> };

export interface ReceivedFile {
  temp: string;
  sha256: string;
  size: number;
  head: Uint8Array;
}

/** The size limit refused, in megabytes or (below one) kilobytes. */
function tooLarge(maxBytes: number) {
  return maxBytes >= 1024 * 1024
    ? say('imageTooLargeMb', { megabytes: Math.round(maxBytes / 1024 / 1024) })
    : say('imageTooLargeKb', { kilobytes: Math.round(maxBytes / 1024) });
}

/** Files up to this size are read into memory whole: one read, and the decoder reads the memory rather than the file again. */
const IN_MEMORY_MAX = 64 * 1024 * 1024;

const readError = (file: string, error: unknown) => {
  const { code, message } = error as NodeJS.ErrnoException;
  const [holstCode, why] = code === 'ENOENT' ? (['not_found', 'notFound'] as const) : (['storage', 'unreadable'] as const);
  return new IngestRefusal(holstCode, why, say('fileUnreadable', { file, reason: message }), { cause: error });
};

/**
 * Read buffers kept for the next file. A new 3 MB Buffer for every picture costs its allocation,
 * page faults and garbage collection: about a tenth of an import's CPU. At most READ_BUFFERS_KEPT
 * are kept, none larger than READ_BUFFER_KEPT_MAX, so the library holds at most 64 MB between
 * files, and none once it has been idle a while.
 */
const spareBuffers: Buffer[] = [];
const READ_BUFFERS_KEPT = 4;
const READ_BUFFER_KEPT_MAX = 16 * 1024 * 1024;
const MB = 1024 * 1024;

function takeBuffer(size: number): Buffer {
  const fits = spareBuffers.findIndex((buffer) => buffer.length >= size);
  if (fits >= 0) return spareBuffers.splice(fits, 1)[0]!;
  return Buffer.allocUnsafeSlow(Math.ceil(size / MB) * MB);
}

/** Spare buffers are let go once no file has been read for this long: an idle app holds none. */
const SPARE_BUFFERS_IDLE_MS = 20_000;
let dropSpares: NodeJS.Timeout | undefined;

function keepBuffer(buffer: Buffer): void {
  if (buffer.length > READ_BUFFER_KEPT_MAX) return;
  spareBuffers.push(buffer);
  // The largest are kept: they take any picture the smaller ones could.
  if (spareBuffers.length > READ_BUFFERS_KEPT) spareBuffers.sort((a, b) => b.length - a.length).length = READ_BUFFERS_KEPT;
  clearTimeout(dropSpares);
  dropSpares = setTimeout(() => (spareBuffers.length = 0), SPARE_BUFFERS_IDLE_MS).unref();
}

/** An input and what to call once nothing reads it any more (a read buffer goes back for reuse). */
export interface HeldInput {
  input: IngestInput;
  release: () => void;
}

/**
 * A file no larger than IN_MEMORY_MAX (and the library's limit) as its bytes, read at once into a
 * reused buffer; anything else as it was, to be streamed. Call `release` when the bytes are no
 * longer read (the decoder has finished), and never keep `bytes` past it.
 */
export async function inMemory(input: IngestInput, maxBytes: number): Promise<HeldInput> {
  const asItWas = { input, release: () => undefined };
  if (!('path' in input)) return asItWas;
  let handle;
  try {
    handle = await fs.open(input.path, 'r');
  } catch (error) {
    throw readError(input.path, error);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > Math.min(IN_MEMORY_MAX, maxBytes)) return asItWas;
    // Room beyond the size: a file that fills the buffer grew while read, and is streamed instead.
    const buffer = takeBuffer(stat.size + 1);
    let size = 0;
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buffer, size, buffer.length - size, size);
        if (bytesRead === 0 || (size += bytesRead) === buffer.length) break;
      }
    } catch (error) {
      keepBuffer(buffer);
      throw error;
    }
    if (size === buffer.length) {
      keepBuffer(buffer);
      return asItWas;
    }
    return { input: { bytes: buffer.subarray(0, size) }, release: () => keepBuffer(buffer) };
  } catch (error) {
    throw readError(input.path, error);
  } finally {
    await handle.close().catch(() => undefined);
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
      if (signal?.aborted) throw HolstError.said('cancelled', say('imageSaveCancelled', {}));
      if (size < SNIFF_BYTES) head.set(chunk.subarray(0, SNIFF_BYTES - size), size);
      size += chunk.byteLength;
      if (size > maxBytes) {
        throw new IngestRefusal('invalid_input', 'tooLarge', tooLarge(maxBytes), { maxBytes });
      }
      hash.update(chunk);
      await handle.write(chunk);
    }
    if (signal?.aborted) throw HolstError.said('cancelled', say('imageSaveCancelled', {}));
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw error;
  }
  return { temp, sha256: hash.digest('hex'), size, head: head.subarray(0, Math.min(size, SNIFF_BYTES)) };
}

/**
 * Flushes a written file to disk, so a row (or a final name) never points at bytes a power cut
 * could lose. `target` names what is saved in the error: an export's target; without it, a received image.
 */
export async function syncFile(file: string, target?: string): Promise<void> {
  try {
    // Opened for writing: Windows refuses to flush a read-only handle.
    const handle = await fs.open(file, 'r+');
    await handle.sync().finally(() => handle.close());
  } catch (error) {
    const reason = (error as Error).message;
    const sentence = target === undefined ? say('imageNotSynced', { reason }) : say('fileNotSynced', { file: target, reason });
    throw HolstError.said('storage', sentence, { cause: error });
  }
}
