// Reference aggregator: an OpenAI-compatible `POST /v1/chat/completions` that returns images, plus
// `GET /v1/models` and the picture downloads (`GET /files/<id>.png`, real PNGs).
// Faithful to seeds 002/004 and /work/shared/docs/provider-apis.md §2: Bearer key (401
// `{error:{message,type,code}}` otherwise), multimodal input as `text` + `image_url` parts (https or
// data: URIs, several allowed), and the five answer shapes a client must accept — set per test with
// `answerShape` or per request with `answers`:
//   'content-array'     message.content = [{type:'image_url', image_url:{url}}, …, {type:'text'}] (seed 002)
//   'markdown'          string content with `![image](https://…)` links
//   'data-uri-markdown' the same with `data:image/png;base64,…` targets (Gemini bridges)
//   'message-images'    OpenRouter: string content + message.images / delta.images (data: URLs);
//                       only when the request asks `modalities` with "image", else text only
//   'images-api'        `{created, data:[{url}], usage}` on the chat route, always JSON
// Streams (OpenAI SSE, `data: [DONE]`) send progress lines before the links, split each link across
// deltas, add a usage chunk when `stream_options.include_usage`, and cut bytes at odd places.
// Quirks: the quirk queue (statuses, delays, drops, truncated / slow bodies and streams),
// `ignoreStream` (JSON although `stream: true`), `sse` options, downloads that expire (404/403),
// serve HTML as image/png (`corruptFile`) or other bytes (`setFileBytes`), link lifetime `files.ttlMs`.
// For the demo: `drawPrompt` (pictures drawn from the prompt, over the first input image for an edit)
// and `errorsOnRequest` ("error 429" in a prompt gets a 429 first, see requested-errors.ts).
import { randomBytes } from 'node:crypto';
import { FileStore, type Corruption } from './file-store';
import { tokenize } from './long-answer';
import { fitSize, promptPainter } from './prompt-picture';
import { bearerOf, startReferenceServer, type ReferenceServer, type RouteContext } from './reference-server';
import { OPENAI_ERROR_KINDS, RequestedErrors } from './requested-errors';
import { imageSize, sampleImage } from './sample-images';
import type { SseOptions } from './sse';

export const OPENAI_CHAT_TEST_KEY = 'sk-holst-test-aggregator-0001';
/** Image-capable models aggregators list (seed 004), plus the seed 002 ones. */
export const AGGREGATOR_MODELS = [
  'gpt-image-1',
  'gpt-4o-image',
  'sora_image',
  'flux-kontext-pro',
  'nano-banana',
  'nano-banana-hd',
  'doubao-seedream-4-0-250828',
  'doubao-seededit-3-0-i2i-250628',
  'qwen-image-edit',
  'gpt-4o',
  'dall-e-3',
];

export type ImageAnswerShape = 'content-array' | 'markdown' | 'data-uri-markdown' | 'message-images' | 'images-api';

/** Overrides for one request (consumed in order); unset fields fall back to the server's settings. */
export interface OpenAIChatAnswer {
  shape?: ImageAnswerShape;
  /** Number of images (default: the request's `n`, else 1); 0 answers text only. */
  images?: number;
  text?: string;
  progress?: string[];
  ignoreStream?: boolean;
  sse?: SseOptions;
  /**
   * Stream like a model writing: one token per SSE event (tokenize), this many a second, with the
   * pictures' links after the text (shape 'markdown') rather than before it.
   */
  tokensPerSecond?: number;
}

export interface OpenAIChatRecord {
  body: Record<string, unknown>;
  model: string;
  stream: boolean;
  /** Text parts of the last user message (a string content counts as one). */
  texts: string[];
  /** `image_url` URLs of the last user message, as sent. */
  imageUrls: string[];
  /** Decoded bytes of its `data:` image URLs. */
  images: Buffer[];
  /** The image URLs this answer handed out (https links or data URIs). */
  answeredUrls: string[];
}

export interface OpenAIChatServerOptions {
  apiKey?: string;
  models?: string[];
  /** Draw the pictures from the prompt (PNG, the `size` asked or the input image's, at most 1024 px) instead of sample images. */
  drawPrompt?: boolean;
  /** Answer a prompt naming "error 429", "error 500" or "error 401" with that error (requested-errors.ts). */
  errorsOnRequest?: boolean;
}

export interface OpenAIChatServer extends ReferenceServer {
  /** `${url}/v1`, what a client is configured with. */
  baseUrl: string;
  apiKey: string;
  answerShape: ImageAnswerShape;
  ignoreStream: boolean;
  /** Text that accompanies the images. */
  text: string;
  /** Progress lines streamed before the links. */
  progress: string[];
  answers: OpenAIChatAnswer[];
  sse: SseOptions;
  files: FileStore;
  chats: OpenAIChatRecord[];
  corruptFile(id: string, kind: Corruption): void;
  setFileBytes(id: string, bytes: Buffer, contentType?: string): void;
  expireFile(id: string, status?: 403 | 404): void;
  /** The file id inside a download URL this server handed out. */
  fileIdOf(url: string): string | undefined;
}

const DEFAULT_PROGRESS = [
  '> 🕐 Генерация началась, ожидайте…\n\n',
  '> 🏃 Прогресс: 27%\n\n',
  '> 🏃 Прогресс: 84%\n\n',
  '> ✅ Генерация завершена\n\n',
];
const DATA_URI = /^data:image\/(png|jpeg|jpg|webp|gif);base64,([A-Za-z0-9+/=\s]+)$/;

function openaiError(ctx: RouteContext, status: number, message: string, type: string, code: string | null, param: string | null = null) {
  return ctx.send(status, { error: { message, type, param, code } });
}

/** Splits a string into `count` pieces at random places. */
function splitInto(text: string, count: number): string[] {
  const cuts = new Set<number>();
  while (cuts.size < Math.min(count - 1, text.length - 1)) cuts.add(1 + Math.floor(Math.random() * (text.length - 1)));
  const sorted = [...cuts].sort((a, b) => a - b);
  return [0, ...sorted].map((from, i) => text.slice(from, sorted[i] ?? text.length));
}

/** Small deltas for prose, 2–4 pieces for each link: links never arrive whole. */
function contentDeltas(content: string): string[] {
  const out: string[] = [];
  const linkPattern = /!\[[^\]]*\]\([^)]*\)/g;
  let last = 0;
  for (const match of content.matchAll(linkPattern)) {
    out.push(...splitInto(content.slice(last, match.index), Math.ceil((match.index - last) / 7)));
    out.push(...splitInto(match[0], 2 + Math.floor(Math.random() * 3)));
    last = match.index + match[0].length;
  }
  out.push(...splitInto(content.slice(last), Math.ceil((content.length - last) / 7)));
  return out.filter((piece) => piece.length > 0);
}

function inputOf(body: Record<string, unknown>): { texts: string[]; imageUrls: string[] } {
  const messages = body.messages as { role?: string; content?: unknown }[];
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const texts: string[] = [];
  const imageUrls: string[] = [];
  if (typeof lastUser?.content === 'string') texts.push(lastUser.content);
  else if (Array.isArray(lastUser?.content)) {
    for (const part of lastUser.content as { type?: string; text?: string; image_url?: { url?: string } | string }[]) {
      if (part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
      if (part.type === 'image_url') imageUrls.push(typeof part.image_url === 'string' ? part.image_url : (part.image_url?.url ?? ''));
    }
  }
  return { texts, imageUrls };
}

export async function startOpenAIChatServer(options: OpenAIChatServerOptions = {}): Promise<OpenAIChatServer> {
  const apiKey = options.apiKey ?? OPENAI_CHAT_TEST_KEY;
  const models = options.models ?? AGGREGATOR_MODELS;
  const files = new FileStore();
  const chats: OpenAIChatRecord[] = [];
  const paint = promptPainter();
  const requestedErrors = options.errorsOnRequest ? new RequestedErrors() : undefined;

  const authorized = async (ctx: RouteContext) => {
    const key = bearerOf(ctx.request);
    if (key === apiKey) return true;
    if (!key) {
      await openaiError(
        ctx,
        401,
        "You didn't provide an API key. Provide it in the Authorization header (Bearer).",
        'invalid_request_error',
        null,
      );
    } else {
      await openaiError(ctx, 401, `Incorrect API key provided: ${key.slice(0, 6)}****.`, 'invalid_request_error', 'invalid_api_key');
    }
    return false;
  };

  /** A picture of the prompt (demo) at the size asked, else the source's, else 1024×1024; or a sample image. */
  const picture = async (prompt: string, size: unknown, source: Buffer | undefined): Promise<Buffer> => {
    if (!options.drawPrompt) return sampleImage('png');
    const asked = typeof size === 'string' ? /^(\d+)x(\d+)$/.exec(size) : null;
    const own = source ? await imageSize(source) : undefined;
    const { width, height } = asked
      ? fitSize(Number(asked[1]), Number(asked[2]))
      : own
        ? fitSize(own.width, own.height)
        : fitSize(1024, 1024);
    return paint({ prompt, width, height, ...(own ? { source } : {}) });
  };

  /** Makes the answer's pictures: a download URL back to this server, or a data: URI. */
  const makeImages = async (count: number, asDataUri: boolean, draw: () => Promise<Buffer>): Promise<string[]> => {
    const urls: string[] = [];
    for (let i = 0; i < count; i++) {
      const bytes = await draw();
      if (asDataUri) urls.push(`data:image/png;base64,${bytes.toString('base64')}`);
      else urls.push(`${server.url}/files/${files.add(bytes, 'image/png').id}.png`);
    }
    return urls;
  };

  const completions = async (ctx: RouteContext) => {
    if (!(await authorized(ctx))) return;
    const body = ctx.request.json as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object')
      return openaiError(ctx, 400, 'We could not parse the JSON body of your request.', 'invalid_request_error', null);
    if (typeof body.model !== 'string')
      return openaiError(ctx, 400, "Missing required parameter: 'model'.", 'invalid_request_error', null, 'model');
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return openaiError(ctx, 400, "Missing required parameter: 'messages'.", 'invalid_request_error', null, 'messages');
    }
    if (!models.includes(body.model)) {
      return openaiError(
        ctx,
        404,
        `The model \`${body.model}\` does not exist or you do not have access to it.`,
        'invalid_request_error',
        'model_not_found',
      );
    }
    const { texts, imageUrls } = inputOf(body);
    const images: Buffer[] = [];
    for (const url of imageUrls) {
      const data = DATA_URI.exec(url);
      if (data) images.push(Buffer.from(data[2]!, 'base64'));
      else if (!/^https?:\/\//.test(url)) {
        return openaiError(ctx, 400, `Invalid image URL: ${url.slice(0, 40)}`, 'invalid_request_error', 'invalid_image_url', 'messages');
      }
    }

    const failure = requestedErrors?.take(texts.join('\n'));
    if (failure)
      return ctx.send(
        failure.status,
        { error: { message: failure.message, ...OPENAI_ERROR_KINDS[failure.status], param: null } },
        failure.headers,
      );

    const answer = server.answers.shift() ?? {};
    const shape = answer.shape ?? server.answerShape;
    const n = typeof body.n === 'number' ? body.n : 1;
    const modalities = Array.isArray(body.modalities) ? body.modalities : [];
    let count = answer.images ?? n;
    if (shape === 'message-images' && !modalities.includes('image')) count = 0; // OpenRouter draws only when asked
    const stream = body.stream === true && !(answer.ignoreStream ?? server.ignoreStream) && shape !== 'images-api';
    const urls = await makeImages(count, shape === 'data-uri-markdown' || shape === 'message-images', () =>
      picture(texts.join('\n'), body.size, images[0]),
    );
    const text = answer.text ?? server.text;
    chats.push({ body, model: body.model, stream: body.stream === true, texts, imageUrls, images, answeredUrls: urls });

    const id = `chatcmpl-${randomBytes(12).toString('hex')}`;
    const created = Math.floor(Date.now() / 1000);
    const usage = { prompt_tokens: 25 + texts.join(' ').length, completion_tokens: 150, total_tokens: 175 + texts.join(' ').length };
    if (shape === 'images-api')
      return ctx.send(200, { created, data: urls.map((url) => ({ url, revised_prompt: texts.join(' ') })), usage });

    const markdown = urls.map((url, i) => `![image ${i + 1}](${url})`).join('\n\n');
    const paced = answer.tokensPerSecond;
    const withLinks = paced ? `${text}${markdown ? '\n\n' : ''}${markdown}` : `${markdown}${markdown ? '\n\n' : ''}${text}`;
    const stringContent = shape === 'markdown' || shape === 'data-uri-markdown' ? withLinks : text;
    const imageParts = urls.map((url) => ({ type: 'image_url', image_url: { url } }));
    if (!stream) {
      const message: Record<string, unknown> = { role: 'assistant', content: stringContent };
      if (shape === 'content-array') message.content = [...imageParts, { type: 'text', text }];
      if (shape === 'message-images' && imageParts.length) message.images = imageParts;
      return ctx.send(200, {
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: [{ index: 0, message, finish_reason: 'stop' }],
        usage,
      });
    }

    const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
      id,
      object: 'chat.completion.chunk',
      created,
      model: body.model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
    const events: object[] = [chunk({ role: 'assistant', content: '' })];
    const progress = shape === 'message-images' || count === 0 ? [] : (answer.progress ?? server.progress);
    for (const line of progress) events.push(chunk({ content: line }));
    if (shape === 'content-array') {
      if (imageParts.length) events.push(chunk({ content: imageParts }));
      for (const piece of contentDeltas(text)) events.push(chunk({ content: piece }));
    } else {
      for (const piece of paced ? tokenize(stringContent) : contentDeltas(stringContent)) events.push(chunk({ content: piece }));
      if (shape === 'message-images') for (const part of imageParts) events.push(chunk({ content: '', images: [part] }));
    }
    events.push(chunk({}, 'stop'));
    const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
    if (streamOptions?.include_usage) events.push({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [], usage });
    await ctx.sse(events, { ...server.sse, ...answer.sse, ...(paced ? { eventsPerSecond: paced } : {}) });
  };

  const base = await startReferenceServer([
    { method: 'POST', path: '/v1/chat/completions', handle: completions },
    {
      method: 'GET',
      path: '/v1/models',
      handle: async (ctx) => {
        if (!(await authorized(ctx))) return;
        await ctx.send(200, {
          object: 'list',
          data: models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'custom' })),
        });
      },
    },
    files.publicRoute('/files'),
  ]);
  const server: OpenAIChatServer = {
    ...base,
    baseUrl: `${base.url}/v1`,
    apiKey,
    answerShape: 'markdown',
    ignoreStream: false,
    text: 'Here is the generated image.',
    progress: [...DEFAULT_PROGRESS],
    answers: [],
    sse: {},
    files,
    chats,
    ...files.controls(),
  };
  return server;
}
