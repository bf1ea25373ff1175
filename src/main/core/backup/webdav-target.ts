import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { Agent, request, type Dispatcher } from 'undici';
import type { BackupTarget } from './backup-target';

/** A failed WebDAV request as the error codes targetFailed reads (a full disk, refused, gone). */
export class WebDavError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

function errorFor(status: number, what: string): WebDavError {
  const message = `${what}: HTTP ${status}`;
  if (status === 404) return new WebDavError(message, 'ENOENT', status);
  if (status === 401 || status === 403) return new WebDavError(message, 'EACCES', status);
  if (status === 413) return new WebDavError(message, 'EFBIG', status);
  if (status === 507) return new WebDavError(message, 'ENOSPC', status);
  if (status >= 500) return new WebDavError(message, 'ENOTCONN', status);
  return new WebDavError(message, 'EIO', status);
}

const responses = /<(?:[\w-]+:)?response\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?response>/g;
const hrefOf = /<(?:[\w-]+:)?href\b[^>]*>([^<]*)<\/(?:[\w-]+:)?href>/;
const isCollection = /<(?:[\w-]+:)?collection\b[^>]*\/?>/;
const lengthOf = /<(?:[\w-]+:)?getcontentlength\b[^>]*>\s*(\d+)\s*</;

/**
 * A backup target on a WebDAV server (Nextcloud, a NAS, any RFC 4918 server), over undici with TLS
 * verification always on. A file is PUT under a temporary name and MOVEd into place, so a reader
 * never sees half of it; folders are made with MKCOL as needed.
 */
export class WebDavTarget implements BackupTarget {
  readonly label: string;
  private readonly dispatcher: Dispatcher;
  private readonly made = new Set<string>();

  constructor(
    private readonly base: URL,
    private readonly credentials: { username: string; password: string } | null,
  ) {
    const shown = new URL(base.href);
    shown.password = '';
    this.label = shown.href;
    this.dispatcher = new Agent({ connect: { timeout: 15_000 }, headersTimeout: 120_000, bodyTimeout: 120_000 });
  }

  private url(name: string): string {
    if (name.split('/').some((part) => part === '.' || part === '..')) throw new Error(`bad backup file name: ${name}`);
    return new URL(name.split('/').map(encodeURIComponent).join('/'), this.base).href;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    if (!this.credentials) return extra;
    const token = Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64');
    return { authorization: `Basic ${token}`, ...extra };
  }

  private async call(
    method: string,
    name: string,
    init: { headers?: Record<string, string>; body?: Dispatcher.DispatchOptions['body'] } = {},
  ) {
    try {
      return await request(this.url(name), {
        dispatcher: this.dispatcher,
        method: method as Dispatcher.HttpMethod,
        headers: this.headers(init.headers),
        body: init.body ?? null,
      });
    } catch (error) {
      // Refused, reset, timed out or unresolvable: the server is not there (now).
      throw new WebDavError(`${method} ${name}: ${(error as Error).message}`, 'ENOTCONN');
    }
  }

  async list(dir: string): Promise<Map<string, number | null>> {
    return this.walk(dir, false);
  }

  private async walk(dir: string, withPartial: boolean): Promise<Map<string, number | null>> {
    const found = new Map<string, number | null>();
    const basePath = decodeURIComponent(this.base.pathname);
    const visit = async (folder: string): Promise<void> => {
      const response = await this.call('PROPFIND', folder === '' ? '' : `${folder}/`, {
        headers: { depth: '1', 'content-type': 'application/xml' },
      });
      if (response.statusCode === 404) {
        await response.body.dump();
        return;
      }
      if (response.statusCode !== 207) {
        await response.body.dump();
        throw errorFor(response.statusCode, `PROPFIND ${folder || '/'}`);
      }
      const xml = await response.body.text();
      for (const [, inner] of xml.matchAll(responses)) {
        const href = hrefOf.exec(inner!)?.[1];
        if (!href) continue;
        const full = decodeURIComponent(new URL(href.trim(), this.base).pathname);
        if (!full.startsWith(basePath)) continue;
        const name = full.slice(basePath.length).replace(/\/$/, '');
        if (name === folder || name === '') continue;
        if (isCollection.test(inner!)) await visit(name);
        else if (withPartial || !name.endsWith('.part')) found.set(name, Number(lengthOf.exec(inner!)?.[1] ?? 0));
      }
    };
    await visit(dir);
    return found;
  }

  /** Makes the folders above `name` that are not known to be there (MKCOL answers 405 where one is). */
  private async makeFolders(name: string): Promise<void> {
    const parts = name.split('/').slice(0, -1);
    // Depth 0 is the target's own folder: the first file written makes it.
    for (let depth = 0; depth <= parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      if (this.made.has(folder)) continue;
      const response = await this.call('MKCOL', folder === '' ? '' : `${folder}/`);
      await response.body.dump();
      if (response.statusCode !== 201 && response.statusCode !== 405 && response.statusCode !== 301)
        throw errorFor(response.statusCode, `MKCOL ${folder}`);
      this.made.add(folder);
    }
  }

  async put(name: string, file: string): Promise<void> {
    const { size } = await fs.stat(file);
    await this.upload(name, () => createReadStream(file), size);
  }

  async putBytes(name: string, bytes: Uint8Array): Promise<void> {
    await this.upload(name, () => Buffer.from(bytes), bytes.length);
  }

  private async upload(name: string, body: () => Dispatcher.DispatchOptions['body'], size: number): Promise<void> {
    await this.makeFolders(name);
    const temp = `${name}.${randomBytes(6).toString('hex')}.part`;
    const put = await this.call('PUT', temp, {
      headers: { 'content-length': String(size), 'content-type': 'application/octet-stream' },
      body: body(),
    });
    await put.body.dump();
    if (put.statusCode >= 300) throw errorFor(put.statusCode, `PUT ${name}`);
    const move = await this.call('MOVE', temp, { headers: { destination: this.url(name), overwrite: 'T' } });
    await move.body.dump();
    if (move.statusCode >= 300) {
      await this.remove(temp).catch(() => undefined);
      throw errorFor(move.statusCode, `MOVE ${name}`);
    }
  }

  async readBytes(name: string): Promise<Buffer | null> {
    const response = await this.call('GET', name);
    if (response.statusCode === 404) {
      await response.body.dump();
      return null;
    }
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw errorFor(response.statusCode, `GET ${name}`);
    }
    return Buffer.from(await response.body.arrayBuffer());
  }

  async open(name: string): Promise<NodeJS.ReadableStream> {
    const response = await this.call('GET', name);
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw errorFor(response.statusCode, `GET ${name}`);
    }
    return response.body;
  }

  async remove(name: string): Promise<void> {
    const response = await this.call('DELETE', name);
    await response.body.dump();
    if (response.statusCode >= 300 && response.statusCode !== 404) throw errorFor(response.statusCode, `DELETE ${name}`);
  }

  async removeHalfWritten(): Promise<void> {
    for (const name of (await this.walk('', true)).keys()) if (name.endsWith('.part')) await this.remove(name);
  }
}
