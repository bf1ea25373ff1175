import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { AppCore } from '../core/app-core';
import { answerMediaRequest, splitMediaPath } from '../core/library/media-request';
import { SECURITY_HEADERS } from '../server/content-security';
import { readStaticFile } from '../server/static-files';

/** The renderer is served from `holst-app://app/`, not file://, so its origin and CSP are its own. */
export const APP_SCHEME = 'holst-app';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
/** Library images by id only: `holst-media://thumb/12`, `holst-media://original/12`. */
export const MEDIA_SCHEME = 'holst-media';

/** Must run before the app is ready. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'app' ? await readStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { 'Content-Type': file.contentType, ...SECURITY_HEADERS },
    });
  });
}

export function serveMedia(core: AppCore): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    // Raw text after the scheme: `thumb/12`. Nothing is URL-decoded on the way to a file.
    const rest = request.url.slice(`${MEDIA_SCHEME}://`.length).split(/[?#]/)[0]!;
    const parts = splitMediaPath(rest);
    const answer = parts
      ? await answerMediaRequest(core.library, parts.kind, parts.id, request.headers.get('if-none-match'))
      : { status: 404 as const, headers: {} };
    if (answer.status !== 200 || !answer.file) return new Response(null, { status: answer.status, headers: answer.headers });
    const body = Readable.toWeb(createReadStream(answer.file)) as ReadableStream<Uint8Array>;
    return new Response(body, { status: 200, headers: answer.headers });
  });
}
