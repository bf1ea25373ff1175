// A real WebDAV server on 127.0.0.1 (webdav-server, files kept in a temporary folder), with Basic
// authentication, a request log, and the faults a backup meets: a size cap per request (413, as
// Nextcloud and hosted WebDAV answer) and a server that goes down part-way.
import type { AddressInfo } from 'node:net';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { v2 as webdav } from 'webdav-server';

export interface WebDavServer {
  /** The root URL, e.g. http://127.0.0.1:4123 */
  url: string;
  username: string;
  password: string;
  /** The folder the server keeps its files in. */
  dir: string;
  /** Every request: method and path. */
  requests: Array<{ method: string; path: string }>;
  /** Requests with a larger body are refused with 413 (null: no cap). */
  maxBodyBytes: number | null;
  /** After this many more requests every request fails (503), as a server that went down; null: never. */
  failAfter: number | null;
  close(): Promise<void>;
}

export async function startWebDavServer(): Promise<WebDavServer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-webdav-'));
  const users = new webdav.SimpleUserManager();
  const user = users.addUser('holst', 'webdav-secret', false);
  const privileges = new webdav.SimplePathPrivilegeManager();
  privileges.setRights(user, '/', ['all']);
  const server = new webdav.WebDAVServer({
    httpAuthentication: new webdav.HTTPBasicAuthentication(users, 'Holst tests'),
    privilegeManager: privileges,
    port: 0,
  });
  await server.setFileSystemAsync('/', new webdav.PhysicalFileSystem(dir));
  const state: Omit<WebDavServer, 'url' | 'close'> = {
    username: 'holst',
    password: 'webdav-secret',
    dir,
    requests: [],
    maxBodyBytes: null,
    failAfter: null,
  };
  server.beforeRequest((ctx, next) => {
    state.requests.push({ method: ctx.request.method ?? '', path: decodeURIComponent(ctx.requested.uri) });
    if (state.failAfter !== null) {
      if (state.failAfter <= 0) {
        ctx.setCode(503);
        ctx.exit();
        return;
      }
      state.failAfter -= 1;
    }
    const length = Number(ctx.request.headers['content-length'] ?? 0);
    if (state.maxBodyBytes !== null && length > state.maxBodyBytes) {
      ctx.setCode(413);
      ctx.exit();
      return;
    }
    next();
  });
  const http = await server.startAsync(0);
  // A client that stops sending once it has its answer (a 413 or 503 mid-upload) closes the socket
  // under the server's last write: that is the client's right, not the server's crash.
  http.on('connection', (socket) => socket.on('error', () => undefined));
  const { port } = http.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.stopAsync();
      await fs.rm(dir, { recursive: true, force: true });
    },
  });
}
