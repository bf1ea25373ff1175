/**
 * A local update feed as electron-builder publishes one to a `generic` server: latest.yml (and the
 * per-platform latest-linux.yml / latest-mac.yml) naming a file with its sha512, and the file, on 127.0.0.1.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedOptions {
  version: string;
  /** The update's bytes, as served. */
  file: Buffer;
  fileName?: string;
  /** The sha512 the feed announces; the file's own by default (give another to serve a corrupt update). */
  sha512?: string;
  /** Serve this instead of the generated feed (a malformed one). */
  rawFeed?: string;
}

export interface UpdateServer {
  url: string;
  /** Every path asked for, in order. */
  requests: string[];
  sha512: string;
  close(): Promise<void>;
}

export const sha512Of = (bytes: Buffer): string => createHash('sha512').update(bytes).digest('base64');

export async function startUpdateServer(options: FeedOptions): Promise<UpdateServer> {
  const fileName = options.fileName ?? `Holst-${options.version}.AppImage`;
  const sha512 = options.sha512 ?? sha512Of(options.file);
  const feed =
    options.rawFeed ??
    [
      `version: ${options.version}`,
      'files:',
      `  - url: ${fileName}`,
      `    sha512: ${sha512}`,
      `    size: ${options.file.length}`,
      `path: ${fileName}`,
      `sha512: ${sha512}`,
      `releaseDate: '2026-01-01T00:00:00.000Z'`,
      '',
    ].join('\n');
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(pathname);
    if (/^\/latest(-linux|-mac)?(-arm64)?\.yml$/.test(pathname)) {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(feed);
    } else if (pathname === `/${fileName}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': options.file.length }).end(options.file);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    sha512,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
