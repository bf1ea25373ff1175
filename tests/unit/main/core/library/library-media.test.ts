// Media by id only: the harness's /media/<kind>/<id> (the same resolver serves holst-media:// in Electron).
import fs from 'node:fs/promises';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../../../../src/shared/library';
import type { AppCore } from '../../../../../src/main/core/app-core';
import { answerMediaRequest, splitMediaPath } from '../../../../../src/main/core/library/media-request';
import { startBridgeServer, type BridgeServer } from '../../../../../src/main/server/bridge-server';
import { solidImage } from '../../../../support/images';
import { openTestCore } from '../../../../support/core';
import { removeTempDirs } from '../../../../support/temp-dir';

let core: AppCore;
let server: BridgeServer;
let small: ImageRecord;
let large: ImageRecord;

beforeAll(async () => {
  core = await openTestCore();
  small = (await core.library.ingest({ bytes: await solidImage(1, 'png', 300, 200) }, { source: 'imported' })).image;
  large = (await core.library.ingest({ bytes: await solidImage(2, 'jpeg', 2000, 1000) }, { source: 'imported' })).image;
  server = await startBridgeServer({ core });
});
afterAll(async () => {
  await server.close();
  core.close();
  await removeTempDirs();
});

/** A raw GET: the path goes on the wire exactly as written, with no client-side normalisation. */
function rawGet(
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: rawPath,
        headers: { cookie: `holst_token_${server.port}=${server.token}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('media by id', () => {
  it('serves thumbnails, previews and originals with their type and long-lived caching', async () => {
    const thumb = await rawGet(`/media/thumb/${small.id}`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(thumb.body.subarray(8, 12).toString()).toBe('WEBP');

    const original = await rawGet(`/media/original/${large.id}`);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(original.body, await fs.readFile(core.library.originalPath(large)))).toBe(0);

    expect((await rawGet(`/media/preview/${large.id}`)).headers['content-type']).toBe('image/webp');
    // A small image has no preview: its original stands in.
    expect((await rawGet(`/media/preview/${small.id}`)).headers['content-type']).toBe('image/png');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await rawGet(`/media/thumb/${small.id}`);
    const again = await rawGet(`/media/thumb/${small.id}`, { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('remakes a missing thumbnail from the original', async () => {
    await fs.rm(core.library.layout.thumb(small.sha256));
    expect((await rawGet(`/media/thumb/${small.id}`)).status).toBe(200);
    await fs.access(core.library.layout.thumb(small.sha256));
  });

  it('refuses unknown ids and anything path-like', async () => {
    const attempts = [
      '/media/thumb/999999',
      '/media/thumb/0',
      '/media/thumb/01',
      '/media/thumb/-1',
      '/media/thumb/1.0',
      '/media/thumb/../../settings.json',
      '/media/original/..%2f..%2fsettings.json',
      '/media/original/%2e%2e%2fsettings.json',
      '/media/original/..%5csettings.json',
      '/media/original//etc/passwd',
      '/media/original/%2fetc%2fpasswd',
      `/media/original/${small.id}%00`,
      `/media/original/${small.id}%00.png`,
      `/media/original/${small.id}/extra`,
      '/media/secrets/1',
      '/media/thumb/',
      '/media/',
    ];
    for (const attempt of attempts) {
      const answer = await rawGet(attempt);
      expect(answer.status, attempt).toBe(404);
      expect(answer.body.toString(), attempt).not.toContain('providers');
    }
  });

  it('rejects the same inputs at the resolver level (as holst-media:// passes them)', async () => {
    for (const rest of ['thumb/../1', 'thumb/1/..', '../thumb/1', 'thumb/%31', 'thumb/1\0', '/etc/passwd', 'thumb']) {
      const parts = splitMediaPath(rest);
      if (parts) expect((await answerMediaRequest(core.library, parts.kind, parts.id)).status, rest).toBe(404);
    }
    expect((await answerMediaRequest(core.library, 'thumb', String(small.id))).status).toBe(200);
  });

  it('needs the session cookie like every other page', async () => {
    const res = await fetch(`${server.origin}/media/thumb/${small.id}`);
    expect(res.status).toBe(401);
  });
});
