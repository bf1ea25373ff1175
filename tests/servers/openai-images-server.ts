// Reference OpenAI Images API (as OpenAI and many aggregators serve it): `POST /v1/images/generations`
// (JSON) and `POST /v1/images/edits` (multipart), plus downloads of `url` answers (`GET /files/<id>.png`).
// Faithful to /work/shared/docs/provider-apis.md §3:
// - GPT image models (`gpt-image-*`) always answer `b64_json` (in `output_format`, default png) with
//   `usage`; dall-e models honour `response_format: 'url' | 'b64_json'` (default url), URLs back here.
// - Checks: prompt required (and its length per model), n 1–10 (dall-e-3: 1), sizes per model
//   (gpt-image-2: any within its limits; other unknown gpt-image-* sizes accepted: not documented),
//   quality per model.
// - GPT image models only: `output_format` (png|jpeg|webp; decides the answer's format),
//   `output_compression` (0–100, jpeg/webp only; the encoder's quality), `background`
//   (transparent|opaque|auto; transparent needs png/webp and answers with an alpha channel),
//   `moderation` (low|auto; generations only), `input_fidelity` (low|high; edits only, not
//   gpt-image-1-mini). Anything else of these is a 400 naming its `param`.
// - Edits: `image` or `image[]` files (GPT image: up to 16, png/webp/jpeg; dall-e-2: one square PNG
//   < 4 MB), optional `mask` that must be a PNG with an alpha channel and the same dimensions as the
//   first image, else 400 `{error:{message,type,param,code}}`. Every part is recorded in `edits`.
// - Streaming (GPT image models): `stream: true` with `partial_images` 0–3 answers SSE (the images
//   streaming-events reference): per picture, `partial_images` events `image_generation.partial_image`
//   (`image_edit.partial_image` for edits) with `b64_json` and `partial_image_index` (each a different
//   sample picture), then `image_generation.completed` / `image_edit.completed` with the final
//   `b64_json` and `usage`. `streamGapMs` spaces the events (a model that takes its time). Every
//   streamed request is recorded in `streams`.
// Assumed: a `response_format` sent to a GPT image model is ignored (aggregators do; OpenAI may 400);
// `partial_images` without `stream` is ignored; the stream ends without `data: [DONE]`.
// Quirks: the quirk queue, and for `url` downloads `corruptFile` / `expireFile` / `setFileBytes` /
// `files.ttlMs` (links live about an hour on the real service).
// For the demo: `drawPrompt` (pictures of the prompt at the size asked, at most 1024 px; an edit draws
// over its first image, only inside the mask's transparent area) and `errorsOnRequest` ("error 429"
// in a prompt gets a 429 first, see requested-errors.ts).
import { FileStore, type Corruption } from './file-store';
import { parseMultipart, textFields, type MultipartPart } from './multipart';
import { fitSize, promptPainter } from './prompt-picture';
import { bearerOf, sseRaw, startReferenceServer, type ReferenceServer, type RouteContext } from './reference-server';
import { OPENAI_ERROR_KINDS, RequestedErrors } from './requested-errors';
import { imageSize, sampleImage } from './sample-images';

export const OPENAI_IMAGES_TEST_KEY = 'sk-holst-test-images-0001';

const GPT_SIZES = ['auto', '1024x1024', '1536x1024', '1024x1536'];
const SIZES: Record<string, string[]> = {
  'dall-e-2': ['256x256', '512x512', '1024x1024'],
  'dall-e-3': ['1024x1024', '1792x1024', '1024x1792'],
  'gpt-image-1': GPT_SIZES,
  'gpt-image-1-mini': GPT_SIZES,
  'gpt-image-1.5': GPT_SIZES,
};
/** gpt-image-2 takes `auto` or any size whose sides are multiples of 16, at most 3840 px and 3:1, 655,360–8,294,400 pixels. */
function gptImage2Size(size: string): boolean {
  if (size === 'auto') return true;
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (!match) return false;
  const [width, height] = [Number(match[1]), Number(match[2])];
  const [long, short] = [Math.max(width, height), Math.min(width, height)];
  return (
    width % 16 === 0 &&
    height % 16 === 0 &&
    long <= 3840 &&
    short > 0 &&
    long / short <= 3 &&
    width * height >= 655_360 &&
    width * height <= 8_294_400
  );
}
/** What GPT image models take besides size, quality and n, with the values each takes; per endpoint. */
const GPT_OPTIONS: Record<string, readonly string[] | 'compression'> = {
  output_format: ['png', 'jpeg', 'webp'],
  output_compression: 'compression',
  background: ['transparent', 'opaque', 'auto'],
  moderation: ['low', 'auto'],
  input_fidelity: ['low', 'high'],
};
const NOT_ON: Record<'generations' | 'edits', string> = { generations: 'input_fidelity', edits: 'moderation' };
const PROMPT_LIMIT: Record<string, number> = { 'dall-e-2': 1000, 'dall-e-3': 4000 };
const isGptImage = (model: string) => model.startsWith('gpt-image-');
const MB = 1024 * 1024;

export interface ImagesGenerationRecord {
  body: Record<string, unknown>;
  model: string;
  responseFormat: 'url' | 'b64_json';
}

export interface ImagesEditRecord {
  fields: Record<string, string>;
  /** The `image` / `image[]` parts in order, with what sharp read from them. */
  images: { part: MultipartPart; width: number; height: number; format: string }[];
  mask?: { part: MultipartPart; width: number; height: number; hasAlpha: boolean };
  responseFormat: 'url' | 'b64_json';
}

export interface OpenAIImagesServer extends ReferenceServer {
  baseUrl: string;
  apiKey: string;
  generations: ImagesGenerationRecord[];
  edits: ImagesEditRecord[];
  files: FileStore;
  corruptFile(id: string, kind: Corruption): void;
  setFileBytes(id: string, bytes: Buffer, contentType?: string): void;
  expireFile(id: string, status?: 403 | 404): void;
  fileIdOf(url: string): string | undefined;
  /** Streamed answers, in order: the endpoint, how many pictures on the way each picture had. */
  streams: Array<{ endpoint: 'generations' | 'edits'; partialImages: number }>;
  /** The pause between a streamed answer's events (default 10 ms). */
  streamGapMs: number;
}

/** `stream` and `partial_images` as a request sent them (JSON values, or multipart text), or a 400's message and param. */
function streamOf(model: string, fields: Record<string, unknown>): { partials: number } | null | [string, string] {
  const stream = fields.stream;
  if (stream === undefined || stream === null || stream === false || stream === 'false') return null;
  if (stream !== true && stream !== 'true')
    return [`Invalid type for 'stream': expected a boolean, but got ${JSON.stringify(stream)}.`, 'stream'];
  if (!isGptImage(model)) return [`Streaming is only supported for GPT image models, not ${model}.`, 'stream'];
  const raw = fields.partial_images;
  if (raw === undefined || raw === null) return { partials: 0 };
  const partials = Number(raw);
  if (!Number.isInteger(partials) || partials < 0 || partials > 3)
    return [`Invalid 'partial_images': integer between 0 and 3 expected, got ${String(raw)}.`, 'partial_images'];
  return { partials };
}

function badRequest(ctx: RouteContext, message: string, param: string | null = null, code: string | null = null) {
  return ctx.send(400, { error: { message, type: 'invalid_request_error', param, code } });
}

/** Output dimensions for a requested size; `auto` and unknown answers come out square. Kept small. */
function outputSize(size: string | undefined): { width: number; height: number } {
  const match = /^(\d+)x(\d+)$/.exec(size ?? '');
  if (!match) return { width: 64, height: 64 };
  // a sixteenth of the real size keeps tests fast and keeps the aspect ratio
  return { width: Math.max(16, Math.round(Number(match[1]) / 16)), height: Math.max(16, Math.round(Number(match[2]) / 16)) };
}

export interface OpenAIImagesServerOptions {
  apiKey?: string;
  /** Draw the pictures from the prompt (over the edit's image, inside its mask) instead of sample images. */
  drawPrompt?: boolean;
  /** Answer a prompt naming "error 429", "error 500" or "error 401" with that error (requested-errors.ts). */
  errorsOnRequest?: boolean;
}

/** What an answer's pictures are drawn over, for `drawPrompt`. */
interface EditInput {
  source: Buffer;
  mask?: Buffer;
}

/** A drawn picture's size: the one asked (or the edit's image's), at most 1024 px; `auto` is square. */
function drawnSize(size: string | undefined, small: { width: number; height: number }, edit: EditInput | undefined) {
  const asked = /^(\d+)x(\d+)$/.exec(size ?? '');
  if (asked) return fitSize(Number(asked[1]), Number(asked[2]));
  return edit ? fitSize(small.width, small.height) : fitSize(1024, 1024);
}

export async function startOpenAIImagesServer(options: OpenAIImagesServerOptions = {}): Promise<OpenAIImagesServer> {
  const apiKey = options.apiKey ?? OPENAI_IMAGES_TEST_KEY;
  const paint = promptPainter();
  const requestedErrors = options.errorsOnRequest ? new RequestedErrors() : undefined;
  const files = new FileStore();
  const generations: ImagesGenerationRecord[] = [];
  const edits: ImagesEditRecord[] = [];

  const authorized = async (ctx: RouteContext) => {
    const key = bearerOf(ctx.request);
    if (key === apiKey) return true;
    await ctx.send(401, {
      error: {
        message: `Incorrect API key provided: ${(key ?? '').slice(0, 6)}****.`,
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    });
    return false;
  };

  /** Common checks of model / prompt / n / size; returns an error message and its param, if any. */
  const check = (model: string, prompt: unknown, n: number, size: string | undefined): [string, string] | undefined => {
    if (typeof prompt !== 'string' || prompt.length === 0) return ["Missing required parameter: 'prompt'.", 'prompt'];
    const limit = isGptImage(model) ? 32000 : PROMPT_LIMIT[model];
    if (limit && prompt.length > limit)
      return [`Invalid 'prompt': string too long. Expected a string with maximum length ${limit}.`, 'prompt'];
    if (!Number.isInteger(n) || n < 1 || n > 10) return [`Invalid 'n': integer between 1 and 10 expected, got ${n}.`, 'n'];
    if (model === 'dall-e-3' && n !== 1) return ['You must provide n=1 for this model.', 'n'];
    const sizes = SIZES[model];
    if (size !== undefined && sizes && !sizes.includes(size)) {
      return [`Invalid value: '${size}'. Supported values are: ${sizes.map((s) => `'${s}'`).join(', ')}.`, 'size'];
    }
    if (size !== undefined && model.startsWith('gpt-image-2') && !gptImage2Size(size))
      return [
        `Invalid size '${size}'. Both sides must be multiples of 16, the longer at most 3840px and at most 3 times the shorter, and the total between 655360 and 8294400 pixels.`,
        'size',
      ];
    if (size !== undefined && !sizes && size !== 'auto' && !/^\d+x\d+$/.test(size)) return [`Invalid value: '${size}'.`, 'size'];
    return undefined;
  };

  /**
   * The GPT image options (the API reference): only GPT image models take them; generations take
   * moderation and edits input fidelity, not the other way round; gpt-image-1-mini takes no input
   * fidelity; compression is for JPEG and WebP, a transparent background for PNG and WebP.
   */
  const checkOptions = (
    model: string,
    fields: Record<string, unknown>,
    endpoint: 'generations' | 'edits',
  ): [string, string] | undefined => {
    for (const [name, allowed] of Object.entries(GPT_OPTIONS)) {
      const raw = fields[name];
      if (raw === undefined || raw === null) continue;
      if (name === NOT_ON[endpoint]) return [`Unknown parameter: '${name}'.`, name];
      if (!isGptImage(model)) return [`The '${name}' parameter is only supported for GPT image models, not ${model}.`, name];
      if (name === 'input_fidelity' && model.startsWith('gpt-image-1-mini'))
        return [`The 'input_fidelity' parameter is not supported for ${model}.`, name];
      const value = String(raw);
      const fits = allowed === 'compression' ? /^\d{1,3}$/.test(value) && Number(value) <= 100 : allowed.includes(value);
      if (!fits)
        return allowed === 'compression'
          ? [`Invalid 'output_compression': integer between 0 and 100 expected, got ${value}.`, name]
          : [`Invalid value: '${value}'. Supported values are: ${allowed.map((v) => `'${v}'`).join(', ')}.`, name];
    }
    const format = String(fields.output_format ?? 'png');
    if (fields.output_compression !== undefined && format === 'png')
      return ["The 'output_compression' parameter is only supported for the 'jpeg' and 'webp' output formats.", 'output_compression'];
    if (fields.background === 'transparent' && format === 'jpeg')
      return ["Transparent backgrounds are only supported for the 'png' and 'webp' output formats.", 'background'];
    return undefined;
  };

  const answer = async (
    ctx: RouteContext,
    request: {
      model: string;
      n: number;
      size: string | undefined;
      format: 'url' | 'b64_json';
      prompt: string;
      extra: Record<string, unknown>;
      /** A streamed answer, with this many pictures on the way per picture. */
      stream?: { partials: number; endpoint: 'generations' | 'edits' };
    },
    dimensions = outputSize(request.size),
    edit?: EditInput,
  ) => {
    const { model, n, size, format, prompt, extra } = request;
    const failure = requestedErrors?.take(prompt);
    if (failure)
      return ctx.send(
        failure.status,
        { error: { message: failure.message, ...OPENAI_ERROR_KINDS[failure.status], param: null } },
        failure.headers,
      );
    const { width, height } = dimensions;
    const outputFormat = isGptImage(model) ? (typeof extra.output_format === 'string' ? extra.output_format : 'png') : 'png';
    const sharpFormat = outputFormat === 'jpeg' || outputFormat === 'webp' ? outputFormat : 'png';
    // A GPT image model's answer is encoded as asked: compression as the encoder's quality, a transparent background as alpha.
    const encoding = {
      transparent: extra.background === 'transparent',
      ...(extra.output_compression !== undefined ? { quality: Number(extra.output_compression) } : {}),
    };
    const data: Record<string, string>[] = [];
    for (let i = 0; i < n; i++) {
      const bytes = options.drawPrompt
        ? await paint({ prompt, ...drawnSize(size, dimensions, edit), format: sharpFormat, ...edit })
        : await sampleImage(sharpFormat, width, height, encoding);
      const item: Record<string, string> =
        format === 'b64_json'
          ? { b64_json: bytes.toString('base64') }
          : { url: `${server.url}/files/${files.add(bytes, `image/${sharpFormat}`).id}.${sharpFormat === 'jpeg' ? 'jpg' : sharpFormat}` };
      if (model === 'dall-e-3') item.revised_prompt = `A detailed rendering of: ${prompt}`;
      data.push(item);
    }
    const body: Record<string, unknown> = { created: Math.floor(Date.now() / 1000), data };
    const described = {
      background: extra.background === 'transparent' ? 'transparent' : 'opaque',
      output_format: outputFormat,
      quality: extra.quality ?? 'medium',
      size: size ?? '1024x1024',
    };
    const usage = (pictures: number) => ({
      input_tokens: 50,
      input_tokens_details: { image_tokens: 40, text_tokens: 10 },
      output_tokens: 1056 * pictures,
      total_tokens: 50 + 1056 * pictures,
    });
    if (request.stream) {
      const { partials, endpoint } = request.stream;
      const prefix = endpoint === 'edits' ? 'image_edit' : 'image_generation';
      server.streams.push({ endpoint, partialImages: partials });
      const events: Array<ReturnType<typeof sseRaw>> = [];
      const event = (type: string, payload: object) =>
        sseRaw(
          `event: ${type}\ndata: ${JSON.stringify({ type, created_at: Math.floor(Date.now() / 1000), ...described, ...payload })}\n\n`,
        );
      for (const item of data) {
        for (let index = 0; index < partials; index++) {
          const partial = await sampleImage(sharpFormat, width, height, encoding);
          events.push(event(`${prefix}.partial_image`, { b64_json: partial.toString('base64'), partial_image_index: index }));
        }
        events.push(event(`${prefix}.completed`, { b64_json: item.b64_json, usage: usage(1) }));
      }
      return void (await ctx.sse(events, { done: false, eventsPerSecond: 1000 / Math.max(1, server.streamGapMs) }));
    }
    if (isGptImage(model)) Object.assign(body, { ...described, usage: usage(n) });
    return ctx.send(200, body);
  };

  const responseFormatOf = (model: string, asked: unknown): 'url' | 'b64_json' | undefined => {
    if (isGptImage(model)) return 'b64_json';
    if (asked === undefined || asked === null) return 'url';
    return asked === 'url' || asked === 'b64_json' ? asked : undefined;
  };

  const generate = async (ctx: RouteContext) => {
    if (!(await authorized(ctx))) return;
    const body = ctx.request.json as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') return badRequest(ctx, 'We could not parse the JSON body of your request.');
    const model = typeof body.model === 'string' ? body.model : 'dall-e-2';
    const n = body.n === undefined ? 1 : Number(body.n);
    const size = typeof body.size === 'string' ? body.size : undefined;
    const problem = check(model, body.prompt, n, size) ?? checkOptions(model, body, 'generations');
    if (problem) return badRequest(ctx, problem[0], problem[1]);
    const quality = body.quality;
    if (quality !== undefined) {
      const allowed = isGptImage(model) ? ['auto', 'low', 'medium', 'high'] : model === 'dall-e-3' ? ['standard', 'hd'] : ['standard'];
      if (!allowed.includes(String(quality)))
        return badRequest(ctx, `Invalid value: '${String(quality)}'. Supported values are: ${allowed.join(', ')}.`, 'quality');
    }
    const stream = streamOf(model, body);
    if (Array.isArray(stream)) return badRequest(ctx, stream[0], stream[1]);
    const format = responseFormatOf(model, body.response_format);
    if (!format)
      return badRequest(
        ctx,
        `Invalid value: '${String(body.response_format)}'. Supported values are: 'url' and 'b64_json'.`,
        'response_format',
      );
    generations.push({ body, model, responseFormat: format });
    const streamed = stream ? { stream: { ...stream, endpoint: 'generations' as const } } : {};
    return answer(ctx, { model, n, size, format, prompt: body.prompt as string, extra: body, ...streamed });
  };

  const edit = async (ctx: RouteContext) => {
    if (!(await authorized(ctx))) return;
    const parts = parseMultipart(ctx.request.body, ctx.request.headers['content-type']);
    if (!parts) return badRequest(ctx, 'Invalid Content-Type header (expected multipart/form-data with a boundary).');
    const fields = textFields(parts);
    const model = fields.model ?? 'dall-e-2';
    const n = fields.n === undefined ? 1 : Number(fields.n);
    const problem = check(model, fields.prompt, n, fields.size) ?? checkOptions(model, fields, 'edits');
    if (problem) return badRequest(ctx, problem[0], problem[1]);
    const imageParts = parts.filter((p) => (p.name === 'image' || p.name === 'image[]') && p.filename !== undefined);
    if (imageParts.length === 0) return badRequest(ctx, "Missing required parameter: 'image'.", 'image');
    const gpt = isGptImage(model);
    if (!gpt && imageParts.length > 1) return badRequest(ctx, `${model} accepts exactly one image.`, 'image');
    if (imageParts.length > 16) return badRequest(ctx, 'Too many images: at most 16.', 'image');

    const images: ImagesEditRecord['images'] = [];
    for (const part of imageParts) {
      const info = await imageSize(part.data);
      if (!info)
        return badRequest(ctx, 'Invalid image file or mode for image 1, please check your image file.', 'image', 'invalid_image_format');
      if (gpt && !['png', 'jpeg', 'webp'].includes(info.format))
        return badRequest(ctx, `Invalid image format ${info.format}: png, webp or jpg expected.`, 'image', 'invalid_image_format');
      if (gpt && part.data.length >= 25 * MB) return badRequest(ctx, 'Image file is too large: it must be less than 25 MB.', 'image');
      if (!gpt) {
        if (info.format !== 'png')
          return badRequest(ctx, 'Uploaded image must be a PNG and less than 4 MB.', 'image', 'invalid_image_format');
        if (part.data.length >= 4 * MB) return badRequest(ctx, 'Uploaded image must be a PNG and less than 4 MB.', 'image');
        if (info.width !== info.height) return badRequest(ctx, 'Uploaded image must be square.', 'image');
      }
      images.push({ part, width: info.width, height: info.height, format: info.format });
    }

    const maskPart = parts.find((p) => p.name === 'mask' && p.filename !== undefined);
    let mask: ImagesEditRecord['mask'];
    if (maskPart) {
      const info = await imageSize(maskPart.data);
      if (!info || info.format !== 'png')
        return badRequest(ctx, 'Invalid mask image format - mask must be a PNG.', 'mask', 'invalid_image_format');
      if (maskPart.data.length >= 4 * MB) return badRequest(ctx, 'Mask file is too large: it must be less than 4 MB.', 'mask');
      const first = images[0]!;
      if (info.width !== first.width || info.height !== first.height) {
        return badRequest(
          ctx,
          `Invalid mask image: mask size ${info.width}x${info.height} does not match image size ${first.width}x${first.height}.`,
          'mask',
        );
      }
      if (!info.hasAlpha)
        return badRequest(ctx, 'Invalid mask image: it needs an alpha channel (transparent areas mark where to edit).', 'mask');
      mask = { part: maskPart, width: info.width, height: info.height, hasAlpha: info.hasAlpha };
    }
    const stream = streamOf(model, fields);
    if (Array.isArray(stream)) return badRequest(ctx, stream[0], stream[1]);
    const format = responseFormatOf(model, fields.response_format);
    if (!format)
      return badRequest(ctx, `Invalid value: '${fields.response_format}'. Supported values are: 'url' and 'b64_json'.`, 'response_format');
    edits.push({ fields, images, ...(mask ? { mask } : {}), responseFormat: format });
    // without a size the edit keeps the first image's dimensions
    const request = {
      model,
      n,
      size: fields.size,
      format,
      prompt: fields.prompt!,
      extra: fields,
      ...(stream ? { stream: { ...stream, endpoint: 'edits' as const } } : {}),
    };
    const edit = { source: images[0]!.part.data, ...(mask ? { mask: mask.part.data } : {}) };
    return answer(ctx, request, fields.size ? outputSize(fields.size) : { width: images[0]!.width, height: images[0]!.height }, edit);
  };

  const base = await startReferenceServer([
    { method: 'POST', path: '/v1/images/generations', handle: generate },
    { method: 'POST', path: '/v1/images/edits', handle: edit },
    files.publicRoute('/files'),
  ]);
  const server: OpenAIImagesServer = {
    ...base,
    baseUrl: `${base.url}/v1`,
    apiKey,
    generations,
    edits,
    files,
    ...files.controls(),
    streams: [],
    streamGapMs: 10,
  };
  return server;
}
