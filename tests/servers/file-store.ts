// Generated pictures a reference server hands out by id or URL, with the ways real downloads go
// wrong: the link expires (404, or 403 like a signed storage URL), the body is an HTML page served
// as image/*, or the bytes are whatever a test sets (empty, huge, not an image). Truncated and slow
// bodies come from the server's quirk queue.
import { randomUUID } from 'node:crypto';
import type { Route, RouteContext } from './reference-server';
import { HTML_NOT_AN_IMAGE } from './sample-images';

export type Corruption = 'html' | 'empty' | 'text';

export interface StoredFile {
  id: string;
  /** Resolves to the bytes served (made lazily by sharp, so registering an id is synchronous). */
  bytes: Promise<Buffer>;
  contentType: string;
  createdAt: number;
  /** Status answered instead of the file once it has expired (404 or 403). */
  expiredStatus?: number;
  /** Anything a provider server wants to keep with the file (owner, purpose, file name…). */
  meta: Record<string, string | undefined>;
}

export class FileStore {
  readonly files = new Map<string, StoredFile>();
  /** Files older than this answer as expired (like hour-long aggregator links); undefined = never. */
  ttlMs: number | undefined;

  add(
    bytes: Buffer | Promise<Buffer>,
    contentType: string,
    options: { id?: string; meta?: Record<string, string | undefined> } = {},
  ): StoredFile {
    const file: StoredFile = {
      id: options.id ?? randomUUID(),
      bytes: Promise.resolve(bytes),
      contentType,
      createdAt: Date.now(),
      meta: { ...options.meta },
    };
    file.bytes.catch(() => undefined); // a failed render surfaces when the file is served
    this.files.set(file.id, file);
    return file;
  }

  get(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  /** The bytes a download would get (after any corruption), or undefined for an unknown id. */
  async bytesOf(id: string): Promise<Buffer | undefined> {
    return this.files.get(id)?.bytes;
  }

  /** Serve something that is not the picture, still labelled with the image's content type. */
  corrupt(id: string, kind: Corruption): void {
    const file = this.must(id);
    file.bytes = Promise.resolve(
      kind === 'html'
        ? HTML_NOT_AN_IMAGE
        : kind === 'text'
          ? Buffer.from('{"status":"ok","detail":"image is being prepared"}')
          : Buffer.alloc(0),
    );
  }

  /** Replace the bytes (e.g. oversized or damaged ones) and optionally the content type. */
  setBytes(id: string, bytes: Buffer, contentType?: string): void {
    const file = this.must(id);
    file.bytes = Promise.resolve(bytes);
    if (contentType) file.contentType = contentType;
  }

  expire(id: string, status: 403 | 404 = 404): void {
    this.must(id).expiredStatus = status;
  }

  expireAll(status: 403 | 404 = 404): void {
    for (const file of this.files.values()) file.expiredStatus = status;
  }

  /** The status an expired or unknown file answers with, or undefined when it can be served. */
  unavailable(id: string): { status: number; file?: StoredFile } | undefined {
    const file = this.files.get(id);
    if (!file) return { status: 404 };
    if (file.expiredStatus) return { status: file.expiredStatus, file };
    if (this.ttlMs !== undefined && Date.now() - file.createdAt > this.ttlMs) return { status: 404, file };
    return undefined;
  }

  /** Sends the file, honouring the request's truncate / slow-body quirk. */
  async serve(ctx: RouteContext, id: string, headers: Record<string, string> = {}): Promise<void> {
    const file = this.must(id);
    await ctx.send(200, await file.bytes, { 'content-type': file.contentType, ...headers });
  }

  /**
   * A public download route like a CDN's (`GET /files/:name`, name = `<id>.<ext>`): no auth; unknown
   * or expired → 404 text, or 403 with the XML a signed storage URL answers once it has expired.
   */
  /** The file controls every server that hands out download URLs offers its tests. */
  controls() {
    return {
      corruptFile: (id: string, kind: Corruption) => this.corrupt(id, kind),
      setFileBytes: (id: string, bytes: Buffer, contentType?: string) => this.setBytes(id, bytes, contentType),
      expireFile: (id: string, status?: 403 | 404) => this.expire(id, status),
      fileIdOf: (url: string) => /\/files\/([^/.?]+)\.\w+/.exec(url)?.[1],
    };
  }

  publicRoute(prefix = '/files'): Route {
    return {
      method: 'GET',
      path: `${prefix}/:name`,
      handle: async (ctx) => {
        const id = ctx.params.name!.replace(/\.[a-z0-9]+$/i, '');
        const missing = this.unavailable(id);
        if (missing?.status === 403) {
          const xml =
            '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
          return ctx.send(403, xml, { 'content-type': 'application/xml' });
        }
        if (missing) return ctx.send(missing.status, '404 page not found\n', { 'content-type': 'text/plain; charset=utf-8' });
        return this.serve(ctx, id, { 'cache-control': 'private, max-age=3600' });
      },
    };
  }

  private must(id: string): StoredFile {
    const file = this.files.get(id);
    if (!file) throw new Error(`reference server: no file ${id}`);
    return file;
  }
}
