// Server-sent events the way real providers deliver them to a client that must buffer: the byte
// stream is cut at odd places (inside `data:`, between `\r` and `\n`, inside a multi-byte UTF-8
// character) and each piece is written separately with a short pause, so pieces really arrive as
// separate reads. gigachat-js parses each TCP chunk on its own; a correct client must not.
import type { ServerResponse } from 'node:http';

const RAW = Symbol('sse-raw');

/** A block written verbatim (e.g. `event: ping\ndata: {}\n\n`), for named events or malformed input. */
export interface SseRawBlock {
  [RAW]: string;
}

/** An object (sent as JSON), a string (sent after `data: ` as is), or a raw block. */
export type SseEvent = object | string | SseRawBlock;

export function sseRaw(text: string): SseRawBlock {
  return { [RAW]: text };
}

export interface SseOptions {
  /** Where to cut the byte stream: random odd places (default), these byte offsets, or nowhere ('none'). */
  splitAt?: 'random' | 'none' | number[];
  lineEnding?: '\n' | '\r\n';
  /** Add `: keep-alive` comment lines before the first event and between events. */
  comments?: boolean;
  /** End with `data: [DONE]` (default true). False models a stream that just stops. */
  done?: boolean;
  /** Pause before each written piece (default 2 ms). */
  delayMs?: number;
  /** Seed for the random cuts, so a failing run can be replayed (default 1). */
  seed?: number;
  /** Response status and content type when this call writes the head (defaults 200, text/event-stream). */
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
  /** Drop the socket once this share (0–1) of the bytes is written: a stream cut off mid-way. */
  abortAfterFraction?: number;
  /**
   * Send the events on a clock, this many a second (a model writing tokens): each event is its own
   * SSE block, written when its time comes; `splitAt` and `delayMs` do not apply.
   */
  eventsPerSecond?: number;
  /** Hold the last piece back until this settles: an answer that stays open as long as a test needs. */
  holdLastPiece?: Promise<unknown>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A small deterministic PRNG (mulberry32), so cuts are reproducible. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sseBytes(events: readonly SseEvent[], options: SseOptions = {}): Buffer {
  const le = options.lineEnding ?? '\n';
  let text = options.comments ? `: keep-alive${le}${le}` : '';
  events.forEach((event, i) => {
    if (typeof event === 'object' && RAW in event) text += event[RAW];
    else text += `data: ${typeof event === 'string' ? event : JSON.stringify(event)}${le}${le}`;
    if (options.comments && i % 2 === 1) text += `: keep-alive${le}`;
  });
  if (options.done ?? true) text += `data: [DONE]${le}${le}`;
  return Buffer.from(text, 'utf8');
}

/** Offsets where the stream gets cut: random ones plus, on purpose, the nastiest places. */
export function oddCuts(bytes: Buffer, seed = 1): number[] {
  const cuts = new Set<number>();
  const next = random(seed);
  let multiByte = 0;
  let crlf = 0;
  for (let i = 1; i < bytes.length; i++) {
    const byte = bytes[i]!;
    // a continuation byte right after a lead byte: cut inside the character
    if (multiByte < 6 && (byte & 0xc0) === 0x80 && (bytes[i - 1]! & 0xc0) === 0xc0 && (multiByte === 0 || next() < 0.5)) {
      cuts.add(i);
      multiByte++;
    }
    if (crlf < 3 && byte === 0x0a && bytes[i - 1] === 0x0d) {
      cuts.add(i);
      crlf++;
    }
  }
  const secondData = bytes.indexOf('data:', 1);
  if (secondData > 0) cuts.add(secondData + 3);
  const randomCount = Math.min(60, Math.max(3, Math.floor(bytes.length / 40)));
  for (let i = 0; i < randomCount; i++) cuts.add(1 + Math.floor(next() * (bytes.length - 1)));
  return [...cuts].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b);
}

function cut(bytes: Buffer, offsets: number[]): Buffer[] {
  const pieces: Buffer[] = [];
  let from = 0;
  for (const at of [...new Set(offsets)].sort((a, b) => a - b)) {
    if (at <= from || at >= bytes.length) continue;
    pieces.push(bytes.subarray(from, at));
    from = at;
  }
  pieces.push(bytes.subarray(from));
  return pieces;
}

/** Writes the events (and `[DONE]`) as SSE, cut into pieces; resolves with the pieces written. */
export async function sseWrite(res: ServerResponse, events: readonly SseEvent[], options: SseOptions = {}): Promise<Buffer[]> {
  if (options.eventsPerSecond) return ssePaced(res, events, options, options.eventsPerSecond);
  const bytes = sseBytes(events, options);
  const splitAt = options.splitAt ?? 'random';
  const offsets = splitAt === 'none' ? [] : splitAt === 'random' ? oddCuts(bytes, options.seed) : splitAt;
  const pieces = cut(bytes, offsets);
  writeHead(res, options);
  const abortAt = options.abortAfterFraction === undefined ? Infinity : bytes.length * options.abortAfterFraction;
  const written: Buffer[] = [];
  let sent = 0;
  for (const [index, piece] of pieces.entries()) {
    await sleep(options.delayMs ?? 2);
    if (index === pieces.length - 1 && options.holdLastPiece) await options.holdLastPiece.catch(() => undefined);
    if (res.destroyed) return written;
    await new Promise<void>((resolve) => res.write(piece, () => resolve()));
    written.push(piece);
    sent += piece.length;
    if (sent >= abortAt) {
      await sleep(10);
      res.socket?.destroy();
      return written;
    }
  }
  res.end();
  return written;
}

function writeHead(res: ServerResponse, options: SseOptions): void {
  if (!res.headersSent) {
    res.writeHead(options.status ?? 200, {
      'content-type': options.contentType ?? 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      ...options.headers,
    });
    res.flushHeaders();
  }
}

/**
 * Event i goes out at i / rate seconds after the first: every 4 ms the events whose time has come
 * are written, each its own SSE block (several in one write, as a busy server's socket carries
 * them; waking more often would only take CPU from the app under test on a small machine). The
 * rate holds over the whole stream, not per event.
 */
async function ssePaced(res: ServerResponse, events: readonly SseEvent[], options: SseOptions, rate: number): Promise<Buffer[]> {
  const blocks = events.map((event) => sseBytes([event], { ...options, done: false, comments: false }));
  if (options.done ?? true) blocks.push(Buffer.from(`data: [DONE]${options.lineEnding ?? '\n'}${options.lineEnding ?? '\n'}`));
  writeHead(res, options);
  const abortAt = options.abortAfterFraction === undefined ? Infinity : Math.ceil(blocks.length * options.abortAfterFraction);
  const started = performance.now();
  const written: Buffer[] = [];
  let index = 0;
  while (index < blocks.length) {
    const due = Math.min(blocks.length, abortAt, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
    if (due > index) {
      const piece = Buffer.concat(blocks.slice(index, due));
      if (res.destroyed) return written;
      await new Promise<void>((resolve) => res.write(piece, () => resolve()));
      written.push(piece);
      index = due;
      if (index >= abortAt) {
        await sleep(10);
        res.socket?.destroy();
        return written;
      }
    }
    if (index < blocks.length) await sleep(4);
  }
  res.end();
  return written;
}
