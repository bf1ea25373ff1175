// Reference GigaChat: the OAuth endpoint (`POST /api/v2/oauth`) and the REST API (`/api/v1/...`) on
// one server, so tests set authUrl = `${url}/api/v2/oauth` and baseUrl = `${url}/api/v1`.
// Faithful to seeds 000/001 and /work/shared/docs/provider-apis.md §1:
// - OAuth: `Authorization: Basic <key>`, uuid4 `RqUID` (400 otherwise), form `scope=` (code 5 empty,
//   code 1 unknown, code 7 not the key's scope), `{access_token, expires_at}` in milliseconds, at most
//   10 token requests a second (429 past that); tokens expire (or `expireTokens()`), then the API
//   answers 401 and a client must refresh once.
// - `GET /models`, `GET /models/{id}`, `POST /tokens/count`, `POST /chat/completions` (JSON or SSE),
//   `GET /files/{id}/content` (JPEG), `POST /files` upload, `GET /files`, `GET /files/{id}`,
//   `POST /files/{id}/delete`.
// - Images: with `function_call: "auto"` (and no `functions`, or ones naming text2image) a request
//   to draw answers `<img src="uuid4" fuse="true"/>` inside chatter; streams split the tag across
//   deltas and cut bytes at odd places (see sse.ts). A message that does not ask to draw gets text.
// - Language: the model answers in the language the last user message is written in (Russian or
//   English, by its letters), the chatter around a picture included.
// - Concurrent streams: an individual (GIGACHAT_API_PERS) may hold one at a time, a company ten
//   (provider-apis.md, "GigaChat limits"): a chat request past that while others are being answered
//   gets 429 (`maxConcurrentStreams` overrides; `peakStreams` records the most seen at once).
// - X-Client-ID: a file made by a request carrying X-Client-ID downloads only with the same value.
//   Otherwise we answer 404 (assumed: files are private, so for another client the id does not
//   exist; the seed only says the header "must" be passed).
// Assumed where the docs are silent: API error bodies `{status, message}`; 401 bodies of the token
// endpoint (codes 4 and 6); the RqUID error body; 404 for unknown attachments.
// Quirks: everything in the quirk queue (429 + Retry-After, 402, 5xx, delays, dropped sockets,
// truncated / slow bodies and streams), scripted answers (`answers`, `nextAnswerWithImages`), SSE
// options (`sse`: CRLF, comments, no [DONE], wrong content type), `corruptFile`, `setFileBytes`,
// `expireFile`, `expireTokens`, TLS with a private CA (`tls: true`).
// For the demo: `drawPrompt` (pictures drawn from the prompt, over the attached image for an edit) and
// `errorsOnRequest` ("error 429" in a prompt gets a 429 first, see requested-errors.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import { FileStore, type Corruption } from './file-store';
import { parseMultipart, textFields } from './multipart';
import { promptPainter } from './prompt-picture';
import {
  bearerOf,
  startReferenceServer,
  type RecordedRequest,
  type ReferenceServer,
  type Route,
  type RouteContext,
} from './reference-server';
import { RequestedErrors } from './requested-errors';
import { sampleImage } from './sample-images';
import type { SseOptions } from './sse';
import { makeTestCa } from './tls';

/** base64 of `client_id:client_secret`, as the portal shows the authorization key. */
export const GIGACHAT_TEST_AUTH_KEY = Buffer.from('0b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d:holst-test-client-secret').toString('base64');
export const GIGACHAT_SCOPES = ['GIGACHAT_API_PERS', 'GIGACHAT_API_B2B', 'GIGACHAT_API_CORP'] as const;
export type GigaChatScope = (typeof GIGACHAT_SCOPES)[number];
export const GIGACHAT_MODELS = ['GigaChat', 'GigaChat-Pro', 'GigaChat-Max', 'GigaChat-2', 'GigaChat-2-Pro', 'GigaChat-2-Max'];
/** The versioned id answers report (seed 000): clients must not compare model names exactly. */
export const GIGACHAT_ANSWER_MODEL = 'GigaChat:3.1.25.3';

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const DRAW_REQUEST = /нарису|рисуй|сгенерир|изобра|картин|фото|draw|paint|picture|image|generate/i;
const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
const UPLOAD_IMAGE_TYPES = ['image/jpeg', 'image/jpg', 'image/png', 'image/tiff', 'image/bmp'];

/** The settings entry for a GigaChat provider on `server`: "giga", GigaChat-2-Max, the personal scope. */
export function gigaChatProvider(server: Pick<GigaChatServer, 'baseUrl' | 'authUrl'>) {
  return {
    id: 'giga',
    kind: 'gigachat' as const,
    name: 'GigaChat',
    baseUrl: server.baseUrl,
    authUrl: server.authUrl,
    scope: 'GIGACHAT_API_PERS',
    models: ['GigaChat-2-Max'],
  };
}

export interface GigaChatServerOptions {
  authorizationKey?: string;
  /** The scope the authorization key belongs to (default GIGACHAT_API_PERS). */
  scope?: GigaChatScope;
  /** Serve HTTPS with a private CA (see tls.ts); `caFile` / `caPem` are then set. */
  tls?: boolean;
  /** Token lifetime (default 30 minutes, as documented). */
  tokenTtlMs?: number;
  /** Enforce X-Client-ID on downloads of files made with one (default true). */
  xClientIdRequired?: boolean;
  /** Token requests allowed per second before 429 (default 10, as documented). */
  tokenRequestsPerSecond?: number;
  /** Draw the pictures from the prompt (1024×1024 JPEG, as the real ones) instead of sample images. */
  drawPrompt?: boolean;
  /** Answer a prompt naming "error 429", "error 500" or "error 401" with that error (requested-errors.ts). */
  errorsOnRequest?: boolean;
  /** Chat requests answered at once before 429 (default 1 for GIGACHAT_API_PERS, 10 for a company's scope). */
  maxConcurrentStreams?: number;
}

/**
 * The next chat answer. Every `src="UUID"` in `text` gets the id of a freshly generated JPEG; when
 * `images` exceeds the number of placeholders, the missing `<img …/>` tags are appended.
 */
export interface GigaChatAnswer {
  text: string;
  images?: number;
  finishReason?: 'stop' | 'length' | 'blacklist';
  /** Leave `usage` out of the answer / final chunk. */
  noUsage?: boolean;
  /** SSE options for this answer when streamed (merged over `server.sse`). */
  sse?: SseOptions;
}

export interface GigaChatChatRecord {
  body: Record<string, unknown>;
  stream: boolean;
  clientId: string | undefined;
  accept: string | undefined;
  /** The answer text sent (with real file ids). */
  content: string;
  fileIds: string[];
}

export interface GigaChatUpload {
  id: string;
  filename: string;
  purpose: string;
  contentType: string | undefined;
  bytes: Buffer;
  clientId: string | undefined;
}

export interface GigaChatServer extends ReferenceServer {
  authUrl: string;
  baseUrl: string;
  authorizationKey: string;
  scope: GigaChatScope;
  caFile: string | undefined;
  caPem: string | undefined;
  /** Scripted answers, consumed one per chat request. */
  answers: GigaChatAnswer[];
  /** Default SSE options for streamed answers. */
  sse: SseOptions;
  files: FileStore;
  chats: GigaChatChatRecord[];
  uploads: GigaChatUpload[];
  /** Tokens issued so far with their expiry (ms). */
  tokens: Map<string, number>;
  /** Chat requests being answered now, and the most there ever were at once. */
  readonly activeStreams: number;
  readonly peakStreams: number;
  /** Chat requests refused with 429 because too many were being answered at once. */
  readonly refusedStreams: number;
  /** Register `n` images for the next answer and return their ids. */
  nextAnswerWithImages(n: number, chatter?: string): string[];
  /** Make every token issued so far invalid: the API answers 401 until a new one is fetched. */
  expireTokens(): void;
  corruptFile(id: string, kind: Corruption): void;
  setFileBytes(id: string, bytes: Buffer, contentType?: string): void;
  expireFile(id: string): void;
}

const imgTag = (id: string) => `<img src="${id}" fuse="true"/>`;

function tokenError(ctx: RouteContext, status: number, code: number, message: string) {
  return ctx.send(status, { code, message });
}

function apiError(ctx: RouteContext, status: number, message: string, headers: Record<string, string> = {}) {
  return ctx.send(status, { status, message }, headers);
}

/** A JWE-looking opaque token like the real ones (five base64url parts). */
function newToken(): string {
  const part = (n: number) => randomBytes(n).toString('base64url');
  return ['eyJjdHkiOiJqd3QiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwiYWxnIjoiUlNBLU9BRVAtMjU2In0', part(256), part(16), part(600), part(32)].join(
    '.',
  );
}

/** Splits text into deltas of 3–11 characters (never inside a surrogate pair), so every img tag spans several. */
function deltas(text: string, seed: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  let state = seed;
  for (let i = 0; i < chars.length;) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const size = 3 + (state % 9);
    out.push(chars.slice(i, i + size).join(''));
    i += size;
  }
  return out;
}

/** The model answers in the language it is written to: Russian when the message has more Cyrillic letters than Latin. */
function writtenInRussian(text: string): boolean {
  return (text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0) > (text.match(/\p{Script=Latin}/gu)?.length ?? 0);
}

/** What a drawing request asks for, without its "Нарисуй:" / "Draw:" (the demo writes it on the picture). */
const DRAW_INSTRUCTION = /^\s*(нарисуй(те)?|draw)\s*:\s*/iu;

const roughTokens = (text: string) => Math.max(1, Math.ceil(Array.from(text).length / 4));

function messageText(content: unknown): string {
  return typeof content === 'string' ? content : JSON.stringify(content ?? '');
}

export async function startGigaChatServer(options: GigaChatServerOptions = {}): Promise<GigaChatServer> {
  const ca = options.tls ? await makeTestCa() : undefined;
  const authorizationKey = options.authorizationKey ?? GIGACHAT_TEST_AUTH_KEY;
  const keyScope = options.scope ?? 'GIGACHAT_API_PERS';
  const tokenTtlMs = options.tokenTtlMs ?? 30 * 60 * 1000;
  const perSecond = options.tokenRequestsPerSecond ?? 10;
  const tokens = new Map<string, number>();
  const tokenTimes: number[] = [];
  const files = new FileStore();
  const answers: GigaChatAnswer[] = [];
  const chats: GigaChatChatRecord[] = [];
  const uploads: GigaChatUpload[] = [];
  let streamSeed = 1;
  const maxStreams = options.maxConcurrentStreams ?? (keyScope === 'GIGACHAT_API_PERS' ? 1 : 10);
  const streams = { active: 0, peak: 0, refused: 0 };

  const authorized = (request: RecordedRequest) => {
    const token = bearerOf(request);
    const expiresAt = token ? tokens.get(token) : undefined;
    return expiresAt !== undefined && Date.now() < expiresAt;
  };
  const clientIdOf = (request: RecordedRequest) => request.headers['x-client-id'];
  const registerImage = (bytes: Promise<Buffer> = sampleImage('jpeg')) =>
    files.add(bytes, 'image/jpeg', { meta: { kind: 'generated' } }).id;
  const paint = promptPainter();
  const requestedErrors = options.errorsOnRequest ? new RequestedErrors() : undefined;

  /** Wraps an API route: Bearer token required, tracing headers echoed like the real service. */
  const api = (method: string, path: string, handle: (ctx: RouteContext) => Promise<void>): Route => ({
    method,
    path: `/api/v1${path}`,
    handle: async (ctx) => {
      ctx.res.setHeader('x-request-id', ctx.request.headers['x-request-id'] ?? randomUUID());
      const clientId = clientIdOf(ctx.request);
      if (clientId) ctx.res.setHeader('x-client-id', clientId);
      if (!authorized(ctx.request)) return apiError(ctx, 401, 'Unauthorized', { 'www-authenticate': 'Bearer' });
      return handle(ctx);
    },
  });

  const oauth: Route = {
    method: 'POST',
    path: '/api/v2/oauth',
    handle: async (ctx) => {
      const now = Date.now();
      while (tokenTimes.length && now - tokenTimes[0]! > 1000) tokenTimes.shift();
      tokenTimes.push(now);
      if (tokenTimes.length > perSecond) return tokenError(ctx, 429, 429, 'Too Many Requests');
      const rqUid = ctx.request.headers.rquid ?? '';
      if (!UUID4.test(rqUid)) return tokenError(ctx, 400, 400, 'RqUID header is missing or is not a uuid4');
      const basic = /^Basic\s+(\S+)$/i.exec(ctx.request.headers.authorization ?? '');
      if (!basic) return tokenError(ctx, 401, 4, "Can't decode 'Authorization' header");
      if (basic[1] !== authorizationKey) return tokenError(ctx, 401, 6, "credentials doesn't match db data");
      const scope = new URLSearchParams(ctx.request.body.toString('utf8')).get('scope') ?? '';
      if (!scope) return tokenError(ctx, 400, 5, 'scope is empty');
      if (!(GIGACHAT_SCOPES as readonly string[]).includes(scope)) return tokenError(ctx, 400, 1, 'scope data format invalid');
      if (scope !== keyScope) return tokenError(ctx, 400, 7, 'scope from db not fully includes consumed scope');
      const token = newToken();
      const expiresAt = now + tokenTtlMs;
      tokens.set(token, expiresAt);
      return ctx.send(200, { access_token: token, expires_at: expiresAt });
    },
  };

  const modelInfo = (id: string) => ({ id, object: 'model', owned_by: 'salutedevices', type: 'chat' });
  const knownModel = (name: string) => GIGACHAT_MODELS.includes(name) || /^GigaChat(-[\w-]+)?:[\w.]+$/.test(name);

  const lastUserOf = (body: Record<string, unknown>) =>
    [...(body.messages as { role?: string; content?: unknown; attachments?: unknown }[])].reverse().find((m) => m.role === 'user');

  const chooseAnswer = (body: Record<string, unknown>): GigaChatAnswer => {
    const scripted = answers.shift();
    if (scripted) return scripted;
    const lastUser = lastUserOf(body);
    const ask = messageText(lastUser?.content);
    const functions = Array.isArray(body.functions) ? (body.functions as { name?: string }[]) : undefined;
    const call = body.function_call;
    const wantsBuiltIn =
      call === 'auto' || (typeof call === 'object' && call !== null && (call as { name?: string }).name === 'text2image');
    const mayDraw = wantsBuiltIn && (!functions || functions.some((f) => f.name === 'text2image'));
    const russian = writtenInRussian(ask);
    // Only a message that asks to draw is drawn; an attached picture alone is something to look at (vision).
    if (mayDraw && DRAW_REQUEST.test(ask)) {
      return {
        text: russian
          ? 'Запускаю генерацию изображения. Ожидайте результат <img src="UUID" fuse="true"/> - вот что у меня получилось.'
          : 'Starting image generation. Please wait for the result <img src="UUID" fuse="true"/> - here is what I came up with.',
      };
    }
    return {
      text: russian
        ? `Это ответ эталонного сервера на сообщение «${ask.slice(0, 80)}».`
        : `This is the reference server's answer to the message "${ask.slice(0, 80)}".`,
    };
  };

  const chat = api('POST', '/chat/completions', async (ctx) => {
    const body = ctx.request.json as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') return apiError(ctx, 400, 'Bad request: body is not JSON');
    if (typeof body.model !== 'string' || !Array.isArray(body.messages) || body.messages.length === 0) {
      return apiError(ctx, 422, 'Invalid params: model and messages are required');
    }
    if (!knownModel(body.model)) return apiError(ctx, 404, 'No such model');
    const n = body.n ?? 1;
    if (typeof n !== 'number' || n < 1 || n > 4) return apiError(ctx, 422, 'Invalid params: n must be between 1 and 4');
    for (const message of body.messages as { attachments?: unknown }[]) {
      for (const id of Array.isArray(message.attachments) ? message.attachments : []) {
        if (typeof id !== 'string' || files.unavailable(id) || files.get(id)?.meta.kind !== 'uploaded')
          return apiError(ctx, 404, `File ${String(id)} not found`);
      }
    }

    // Counted from here until the answer has gone out (or the client went away).
    if (streams.active >= maxStreams) {
      streams.refused++;
      return apiError(ctx, 429, 'Too Many Requests: the number of concurrent streams for your scope is exceeded');
    }
    streams.active++;
    streams.peak = Math.max(streams.peak, streams.active);
    ctx.res.once('close', () => streams.active--);

    const lastUser = lastUserOf(body);
    const ask = messageText(lastUser?.content);
    const failure = requestedErrors?.take(ask);
    if (failure) return apiError(ctx, failure.status, failure.message, failure.headers);

    const answer = chooseAnswer(body);
    const sourceId = Array.isArray(lastUser?.attachments) ? (lastUser.attachments[0] as string | undefined) : undefined;
    const picture = async () => {
      if (!options.drawPrompt) return sampleImage('jpeg');
      const source = sourceId ? await files.get(sourceId)?.bytes : undefined;
      return paint({ prompt: ask.replace(DRAW_INSTRUCTION, ''), width: 1024, height: 1024, format: 'jpeg', ...(source ? { source } : {}) });
    };
    const fileIds: string[] = [];
    let content = answer.text.replace(/src="UUID"/g, () => {
      const id = registerImage(picture());
      fileIds.push(id);
      return `src="${id}"`;
    });
    const extra = Math.max(0, (answer.images ?? 0) - fileIds.length);
    for (let i = 0; i < extra; i++) {
      const id = registerImage(picture());
      fileIds.push(id);
      content += ` ${imgTag(id)}`;
    }
    const clientId = clientIdOf(ctx.request);
    for (const id of [...content.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!)) {
      const file = files.get(id);
      if (file && file.meta.kind === 'generated') file.meta.owner = clientId;
    }
    const stream = body.stream === true;
    chats.push({ body, stream, clientId, accept: ctx.request.headers.accept, content, fileIds });

    const promptText = (body.messages as { content?: unknown }[]).map((m) => messageText(m.content)).join('\n');
    const usage = {
      prompt_tokens: roughTokens(promptText),
      completion_tokens: roughTokens(content),
      total_tokens: roughTokens(promptText) + roughTokens(content),
      precached_prompt_tokens: 0,
    };
    const created = Math.floor(Date.now() / 1000);
    const finishReason = answer.finishReason ?? 'stop';
    if (!stream) {
      return ctx.send(200, {
        choices: [{ message: { content, role: 'assistant' }, index: 0, finish_reason: finishReason }],
        created,
        model: GIGACHAT_ANSWER_MODEL,
        object: 'chat.completion',
        ...(answer.noUsage ? {} : { usage }),
      });
    }
    const chunk = (delta: Record<string, unknown>, last = false) => ({
      choices: [{ delta, index: 0, ...(last ? { finish_reason: finishReason } : {}) }],
      created,
      model: GIGACHAT_ANSWER_MODEL,
      object: 'chat.completion',
      ...(last && !answer.noUsage ? { usage } : {}),
    });
    const pieces = deltas(content, streamSeed++);
    const events = pieces.map((piece, i) => chunk(i === 0 ? { content: piece, role: 'assistant' } : { content: piece }));
    events.push(chunk({ content: '' }, true));
    await ctx.sse(events, { seed: streamSeed, ...server.sse, ...answer.sse });
  });

  const xClientIdRequired = () => options.xClientIdRequired ?? true;
  const download = api('GET', '/files/:id/content', async (ctx) => {
    const id = ctx.params.id!;
    if (files.unavailable(id)) return apiError(ctx, 404, 'Not found');
    const file = files.get(id)!;
    if (xClientIdRequired() && file.meta.owner && clientIdOf(ctx.request) !== file.meta.owner) return apiError(ctx, 404, 'Not found');
    return files.serve(ctx, id);
  });
  const fileInfo = (id: string) => {
    const file = files.get(id)!;
    return {
      id,
      object: 'file',
      bytes: Number(file.meta.size ?? 0),
      access_policy: 'private',
      created_at: Math.floor(file.createdAt / 1000),
      filename: file.meta.filename ?? `${id}.jpg`,
      purpose: file.meta.purpose ?? 'general',
    };
  };

  const upload = api('POST', '/files', async (ctx) => {
    const parts = parseMultipart(ctx.request.body, ctx.request.headers['content-type']);
    if (!parts) return apiError(ctx, 400, 'Bad request: expected multipart/form-data');
    const filePart = parts.find((p) => p.name === 'file' && p.filename !== undefined);
    const purpose = textFields(parts).purpose;
    if (!filePart) return apiError(ctx, 400, 'Bad request: no file');
    if (!purpose) return apiError(ctx, 422, 'Invalid params: purpose is required');
    if (filePart.data.length > MAX_UPLOAD_BYTES) return apiError(ctx, 413, 'Payload too large');
    const type = filePart.contentType?.split(';')[0]?.trim().toLowerCase();
    if (type?.startsWith('image/') && !UPLOAD_IMAGE_TYPES.includes(type)) return apiError(ctx, 422, `Unsupported file type ${type}`);
    const clientId = clientIdOf(ctx.request);
    const file = files.add(Buffer.from(filePart.data), type ?? 'application/octet-stream', {
      meta: { kind: 'uploaded', filename: filePart.filename, purpose, size: String(filePart.data.length), owner: clientId },
    });
    uploads.push({ id: file.id, filename: filePart.filename!, purpose, contentType: type, bytes: Buffer.from(filePart.data), clientId });
    return ctx.send(200, fileInfo(file.id));
  });

  const routes: Route[] = [
    oauth,
    api('GET', '/models', (ctx) => ctx.send(200, { object: 'list', data: GIGACHAT_MODELS.map(modelInfo) })),
    api('GET', '/models/:model', (ctx) =>
      knownModel(ctx.params.model!) ? ctx.send(200, modelInfo(ctx.params.model!)) : apiError(ctx, 404, 'No such model'),
    ),
    api('POST', '/tokens/count', async (ctx) => {
      const body = ctx.request.json as { model?: unknown; input?: unknown } | undefined;
      if (typeof body?.model !== 'string' || !Array.isArray(body.input) || !body.input.every((s) => typeof s === 'string')) {
        return apiError(ctx, 422, 'Invalid params: model and input (array of strings) are required');
      }
      if (!knownModel(body.model)) return apiError(ctx, 404, 'No such model');
      return ctx.send(
        200,
        (body.input as string[]).map((s) => ({ object: 'tokens', tokens: roughTokens(s), characters: Array.from(s).length })),
      );
    }),
    chat,
    upload,
    api('GET', '/files', (ctx) =>
      ctx.send(200, {
        data: [...files.files.values()].filter((f) => f.meta.kind === 'uploaded' && !files.unavailable(f.id)).map((f) => fileInfo(f.id)),
      }),
    ),
    // A file deleted or expired (`expireFile`) is gone: 404, as for an id that never existed.
    api('GET', '/files/:id', (ctx) =>
      files.unavailable(ctx.params.id!) ? apiError(ctx, 404, 'Not found') : ctx.send(200, fileInfo(ctx.params.id!)),
    ),
    download,
    api('POST', '/files/:id/delete', async (ctx) => {
      const id = ctx.params.id!;
      if (!files.files.delete(id)) return apiError(ctx, 404, 'Not found');
      return ctx.send(200, { id, deleted: true });
    }),
  ];

  const base = await startReferenceServer(routes, ca ? { tls: { key: ca.key, cert: ca.cert } } : {});
  const server: GigaChatServer = {
    ...base,
    authUrl: `${base.url}/api/v2/oauth`,
    baseUrl: `${base.url}/api/v1`,
    authorizationKey,
    scope: keyScope,
    caFile: ca?.caFile,
    caPem: ca?.caPem,
    answers,
    sse: {},
    files,
    chats,
    uploads,
    tokens,
    get activeStreams() {
      return streams.active;
    },
    get peakStreams() {
      return streams.peak;
    },
    get refusedStreams() {
      return streams.refused;
    },
    nextAnswerWithImages(n, chatter = 'Запускаю генерацию изображения. Ожидайте результат') {
      const ids = Array.from({ length: n }, () => registerImage());
      answers.push({ text: `${chatter} ${ids.map(imgTag).join(' ')} - вот что у меня получилось.` });
      return ids;
    },
    expireTokens() {
      for (const token of tokens.keys()) tokens.set(token, 0);
    },
    corruptFile: (id, kind) => files.corrupt(id, kind),
    setFileBytes: (id, bytes, contentType) => files.setBytes(id, bytes, contentType),
    expireFile: (id) => files.expire(id),
  };
  return server;
}
