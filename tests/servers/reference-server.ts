// The shared base of the reference servers: a real HTTP(S) server on 127.0.0.1 with method + path
// routes, a record of every request, and a one-shot quirk queue tests fill to make the next
// matching request fail the way real providers fail (status codes, delays, dropped sockets,
// truncated or trickled bodies). Provider behaviour lives in the per-provider servers.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { sseWrite, type SseEvent, type SseOptions } from './sse';

export { sseRaw, sseWrite, type SseEvent, type SseOptions } from './sse';

export interface RecordedRequest {
  method: string;
  /** Path with query string, as sent. */
  path: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** The parsed body when the request said it is JSON and it parsed. */
  json?: unknown;
}

/**
 * One-shot behaviour for the next request whose method equals `method` (if given), whose path
 * contains `path` (if given) and that `when` accepts (if given). Fields combine: `delayMs` waits
 * first; then `destroy` drops the socket, or `status` answers with that status instead of the route;
 * `truncate` / `slowBodyMs` change how the route's own answer is sent. `times` (default 1) repeats
 * it for that many matching requests.
 */
export interface Quirk {
  method?: string;
  path?: string;
  /** Only for requests this accepts (e.g. a body with earlier turns in it). */
  when?: (request: RecordedRequest) => boolean;
  times?: number;
  /** Wait this long before answering (or before dropping the socket). */
  delayMs?: number;
  /** Answer with this status (and headers / body: objects are sent as JSON) instead of the route. */
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer | object;
  /** Drop the connection without any answer. */
  destroy?: boolean;
  /** Announce the full Content-Length, send about half the body, then close the socket. Streams stop half-way. */
  truncate?: boolean;
  /** Send headers at once, then the body in `pieces` (default 5) with this pause before each one. */
  slowBodyMs?: number;
  pieces?: number;
}

/** The part of a quirk that shapes how a route sends its own answer. */
export type BodyQuirk = Pick<Quirk, 'truncate' | 'slowBodyMs' | 'pieces'>;

export class QuirkQueue {
  private readonly queue: Quirk[] = [];

  push(...quirks: Quirk[]): this {
    for (const quirk of quirks) this.queue.push({ ...quirk });
    return this;
  }

  /** Removes (or counts down) and returns the first quirk matching this request. */
  take(method: string, path: string, request?: RecordedRequest): Quirk | undefined {
    const index = this.queue.findIndex(
      (q) =>
        (!q.method || q.method.toUpperCase() === method.toUpperCase()) &&
        (!q.path || path.includes(q.path)) &&
        (!q.when || (request !== undefined && q.when(request))),
    );
    if (index < 0) return undefined;
    const quirk = this.queue[index]!;
    const times = quirk.times ?? 1;
    if (times <= 1) this.queue.splice(index, 1);
    else quirk.times = times - 1;
    return quirk;
  }

  get pending(): number {
    return this.queue.length;
  }

  clear(): void {
    this.queue.length = 0;
  }
}

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  request: RecordedRequest;
  /** Values of `:name` segments of the route pattern. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The truncate / slow-body part of this request's quirk, if any. */
  quirk: BodyQuirk | undefined;
  /** Answers with a body (objects as JSON), honouring `truncate` and `slowBodyMs`. */
  send(status: number, body: string | Buffer | object, headers?: Record<string, string>): Promise<void>;
  /** Streams SSE events, honouring `truncate` (stops half-way, drops the socket) and `slowBodyMs` (pause per write). */
  sse(events: readonly SseEvent[], options?: SseOptions): Promise<Buffer[]>;
}

export interface Route {
  method: string;
  /** A path without query; `:name` segments match one path segment. */
  path: string;
  handle(ctx: RouteContext): void | Promise<void>;
}

export interface ReferenceServer {
  /** `http://127.0.0.1:PORT` (or `https://` with TLS), no trailing slash. */
  url: string;
  origin: string;
  port: number;
  requests: RecordedRequest[];
  quirks: QuirkQueue;
  close(): Promise<void>;
}

export interface ReferenceServerOptions {
  tls?: { key: string; cert: string };
  /** The body answered when no route matches (default `{ status: 404, message: 'Not found' }`). */
  notFound?: (request: RecordedRequest) => object;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function compile(pattern: string): (path: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  const regex = new RegExp(`^${source}$`);
  return (path) => {
    const match = regex.exec(path);
    if (!match) return undefined;
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
  };
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function bodyBytes(body: string | Buffer | object): { bytes: Buffer; json: boolean } {
  if (Buffer.isBuffer(body)) return { bytes: body, json: false };
  if (typeof body === 'string') return { bytes: Buffer.from(body), json: false };
  return { bytes: Buffer.from(JSON.stringify(body)), json: true };
}

async function sendBody(
  res: ServerResponse,
  status: number,
  body: string | Buffer | object,
  headers: Record<string, string>,
  quirk: BodyQuirk | undefined,
): Promise<void> {
  if (res.destroyed) return;
  const { bytes, json } = bodyBytes(body);
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  if (!lower['content-type']) lower['content-type'] = json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
  lower['content-length'] = String(quirk?.truncate ? bytes.length * 2 + 1024 : bytes.length);
  res.writeHead(status, lower);
  if (quirk?.truncate) {
    const part = bytes.subarray(0, Math.floor(bytes.length / 2));
    await new Promise<void>((resolve) => res.write(part, () => resolve()));
    await sleep(20);
    res.socket?.destroy();
    return;
  }
  if (quirk?.slowBodyMs !== undefined) {
    res.flushHeaders();
    const pieces = Math.max(1, quirk.pieces ?? 5);
    const size = Math.ceil(bytes.length / pieces);
    for (let at = 0; at < bytes.length; at += size) {
      await sleep(quirk.slowBodyMs);
      if (res.destroyed) return;
      res.write(bytes.subarray(at, at + size));
    }
    res.end();
    return;
  }
  res.end(bytes);
}

export async function startReferenceServer(routes: readonly Route[], options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const compiled = routes.map((route) => ({ route, match: compile(route.path) }));
  const requests: RecordedRequest[] = [];
  const quirks = new QuirkQueue();

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = headersOf(req);
    const path = req.url ?? '/';
    const request: RecordedRequest = { method: req.method ?? 'GET', path, headers, body };
    if (/json/i.test(headers['content-type'] ?? '') && body.length > 0) {
      try {
        request.json = JSON.parse(body.toString('utf8'));
      } catch {
        // left undefined: the route answers the malformed body as the provider would
      }
    }
    requests.push(request);

    const quirk = quirks.take(request.method, path, request);
    if (quirk?.delayMs) await sleep(quirk.delayMs);
    if (quirk?.destroy) {
      req.socket.destroy();
      return;
    }
    if (quirk?.status !== undefined) {
      await sendBody(res, quirk.status, quirk.body ?? '', quirk.headers ?? {}, quirk);
      return;
    }
    const bodyQuirk = quirk && (quirk.truncate || quirk.slowBodyMs !== undefined) ? quirk : undefined;

    const url = new URL(path, 'http://127.0.0.1');
    for (const { route, match } of compiled) {
      if (route.method !== request.method) continue;
      const params = match(url.pathname);
      if (!params) continue;
      const ctx: RouteContext = {
        req,
        res,
        request,
        params,
        query: url.searchParams,
        quirk: bodyQuirk,
        send: (status, answer, extra = {}) => sendBody(res, status, answer, extra, bodyQuirk),
        sse: (events, sseOptions = {}) =>
          sseWrite(res, events, {
            ...sseOptions,
            ...(bodyQuirk?.slowBodyMs !== undefined ? { delayMs: bodyQuirk.slowBodyMs } : {}),
            ...(bodyQuirk?.truncate ? { abortAfterFraction: 0.5 } : {}),
          }),
      };
      await route.handle(ctx);
      return;
    }
    const notFound = options.notFound?.(request) ?? { status: 404, message: 'Not found' };
    await sendBody(res, 404, notFound, {}, undefined);
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 500, message: `reference server bug: ${String(error)}` }));
      } else res.destroy();
    });
  };
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : http.createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    url: origin,
    origin,
    port,
    requests,
    quirks,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Bearer token of a request, or undefined. */
export function bearerOf(request: RecordedRequest): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1]?.trim();
}
