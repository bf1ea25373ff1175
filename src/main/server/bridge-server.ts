import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { isEventName, isPreloadChannel } from '../../shared/contract';
import { say } from '../../shared/core-messages';
import { fail, HolstError } from '../../shared/errors';
import { BRIDGE_PATH, ClientFrameSchema, type ServerFrame } from '../../shared/web-bridge-protocol';
import type { AppCore } from '../core/app-core';
import { answerMediaRequest, splitMediaPath } from '../core/library/media-request';
import { SECURITY_HEADERS } from './content-security';
import { readStaticFile } from './static-files';

export interface BridgeServerOptions {
  core: AppCore;
  /** The built renderer (`out/renderer`); omitted when a Vite dev server serves the pages. */
  rendererDir?: string;
  port?: number;
  /** A fixed token (tests, dev); by default a random one for this run. */
  token?: string;
  /** Extra page origins allowed to open the bridge (the Vite dev server's). */
  extraOrigins?: string[];
}

export interface BridgeServer {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const MAX_FRAME_BYTES = 150 * 1024 * 1024; // a 100 MiB image in base64 (library.importBytes), and room to spare

/**
 * Serves the renderer and the contract over a WebSocket on 127.0.0.1 only, to one browser that
 * holds this run's token: the URL's `?token=` is swapped for an HttpOnly cookie, and every page,
 * asset and bridge connection must carry it. Host and Origin are checked against DNS rebinding.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const { core } = options;
  let port = 0;
  const cookieName = () => `holst_token_${port}`;
  const hosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const origins = () => [...hosts().map((h) => `http://${h}`), ...(options.extraOrigins ?? [])];

  const tokenMatches = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };
  const cookieToken = (req: http.IncomingMessage): string | undefined => {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === cookieName()) return rest.join('=');
    }
    return undefined;
  };
  const hostAllowed = (req: http.IncomingMessage) => hosts().includes(req.headers.host ?? '');

  const server = http.createServer((req, res) => {
    void handleHttp(req, res).catch((error: unknown) => {
      core.logger.error('harness request failed', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hostAllowed(req)) return void res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Wrong host.\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const fromQuery = url.searchParams.get('token');
    if (tokenMatches(fromQuery)) {
      url.searchParams.delete('token');
      res.writeHead(303, {
        'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `${url.pathname}${url.search}`,
        'Cache-Control': 'no-store',
      });
      return void res.end();
    }
    if (!tokenMatches(cookieToken(req))) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return void res.end("Holst: open the address printed in the terminal; it carries this session's access token.\n");
    }
    // Media by id, as holst-media:// in Electron: the raw path, never decoded into a file path.
    const rawPath = (req.url ?? '/').split('?')[0]!;
    if (rawPath.startsWith('/media/')) {
      const parts = splitMediaPath(rawPath.slice('/media/'.length));
      const answer = parts
        ? await answerMediaRequest(core.library, parts.kind, parts.id, req.headers['if-none-match'] ?? null)
        : { status: 404 as const, headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
      res.writeHead(answer.status, { ...SECURITY_HEADERS, ...answer.headers });
      if (answer.status !== 200 || !answer.file || req.method === 'HEAD')
        return void res.end(answer.status === 404 ? 'Not found.\n' : undefined);
      const stream = createReadStream(answer.file);
      stream.on('error', () => res.destroy());
      return void stream.pipe(res);
    }
    const file = options.rendererDir ? await readStaticFile(options.rendererDir, url.pathname) : null;
    if (!file) return void res.writeHead(404, { 'Content-Type': 'text/plain', ...SECURITY_HEADERS }).end('Not found.\n');
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Cache-Control': file.immutable ? 'private, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const allowed =
      url.pathname === BRIDGE_PATH &&
      hostAllowed(req) &&
      origins().includes(req.headers.origin ?? '') &&
      tokenMatches(cookieToken(req) ?? url.searchParams.get('token'));
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveBridge(ws));
  });

  function serveBridge(ws: WebSocket): void {
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const unsubscribe = core.events.subscribe((event, payload) => {
      if (isEventName(event)) send({ t: 'evt', event, payload });
    });
    ws.on('close', unsubscribe);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only');
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        return ws.close(1007, 'invalid JSON');
      }
      const parsed = ClientFrameSchema.safeParse(frame);
      if (!parsed.success) {
        const id = (frame as { id?: unknown } | null)?.id;
        if (typeof id === 'number') send({ t: 'res', id, result: fail(HolstError.said('invalid_input', say('requestMalformed', {}))) });
        return;
      }
      const { id, channel, input } = parsed.data;
      // The browser has no preload to vouch for dropped files: they come as bytes (library.importBytes).
      if (isPreloadChannel(channel))
        return send({ t: 'res', id, result: fail(HolstError.said('invalid_input', say('requestUnknown', { channel }))) });
      void core.dispatch(channel, input).then((result) => send({ t: 'res', id, result }));
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
