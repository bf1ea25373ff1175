// Reference Givon (api.givon.ai): `POST /api/v1/generations` and `GET /api/v1/generations/{id}`, plus
// picture downloads (`GET /files/<id>.png`).
// The request side is faithful to seed 003: Bearer key; `{type:'image', model, input:{prompt*,
// aspectRatio (1:1 … 21:9, default 9:16), quality (low|medium|high), imageSize (1K|2K|4K),
// sourceImage?, maskImage? (needs sourceImage), referenceAssetUris? (≤ 16)}}`; images as asset://,
// https:// or data: URIs. Violations answer 400.
// ASSUMED, because nothing public describes them (provider-apis.md §4): the answer and job shapes,
// status names and the error bodies below. Modes, set per test with `mode`:
//   'immediate'  POST answers {id, status:'succeeded', output:{images:[{url}]}}
//   'job'        POST answers {id, status:'queued'}; the first `pollsNeeded` GETs answer queued, then
//                processing, …; the next one {id, status:'succeeded', output:{images:[{url}]}}
//   'fail'       like 'job' but ends {id, status:'failed', error:{message: failMessage}}
// Error bodies (assumed): {error:{code, message}}.
// Quirks: the quirk queue, and for downloads `corruptFile` / `expireFile` / `setFileBytes`.
// For the demo: `drawPrompt` (pictures of the prompt, the long side at most 1024 px; over a data: URI
// sourceImage, inside its maskImage's transparent area) and `errorsOnRequest` ("error 429" in a
// prompt gets a 429 first, see requested-errors.ts).
import { randomUUID } from 'node:crypto';
import { FileStore, type Corruption } from './file-store';
import { dataUriBytes, fitSize, promptPainter } from './prompt-picture';
import { bearerOf, startReferenceServer, type ReferenceServer, type RouteContext } from './reference-server';
import { RequestedErrors } from './requested-errors';
import { sampleImage } from './sample-images';

export const GIVON_TEST_KEY = 'gv-holst-test-0001';
export const GIVON_ASPECT_RATIOS = ['1:1', '2:3', '3:2', '4:3', '3:4', '4:5', '5:4', '16:9', '9:16', '21:9'];
const QUALITIES = ['low', 'medium', 'high'];
const IMAGE_SIZES: Record<string, number> = { '1K': 64, '2K': 128, '4K': 256 }; // a sixteenth of the real long side
const IMAGE_URI = /^(asset:\/\/\S+|https:\/\/\S+|data:image\/[a-z+.-]+;base64,[A-Za-z0-9+/=]+)$/;

export type GivonMode = 'immediate' | 'job' | 'fail';

export interface GivonInput {
  prompt: string;
  aspectRatio?: string;
  quality?: string;
  imageSize?: string;
  sourceImage?: string;
  maskImage?: string;
  referenceAssetUris?: string[];
}

export interface GivonJob {
  id: string;
  mode: GivonMode;
  body: { type: string; model: string; input: GivonInput };
  polls: number;
  pollsNeeded: number;
  urls: string[];
}

export interface GivonServer extends ReferenceServer {
  baseUrl: string;
  apiKey: string;
  mode: GivonMode;
  /** Polls answered before the final state (default 2: queued, processing, then final). */
  pollsNeeded: number;
  failMessage: string;
  jobs: Map<string, GivonJob>;
  files: FileStore;
  corruptFile(id: string, kind: Corruption): void;
  setFileBytes(id: string, bytes: Buffer, contentType?: string): void;
  expireFile(id: string, status?: 403 | 404): void;
  fileIdOf(url: string): string | undefined;
}

/** Error codes (assumed, like the other error bodies) for the statuses a prompt may ask for. */
const ERROR_CODES = { 401: 'unauthorized', 429: 'rate_limited', 500: 'internal_error' } as const;

function error(ctx: RouteContext, status: number, code: string, message: string) {
  return ctx.send(status, { error: { code, message } });
}

/** What is wrong with the request body, or undefined. */
function problemOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return 'Body must be a JSON object';
  const { type, model, input } = body as { type?: unknown; model?: unknown; input?: unknown };
  if (type !== 'image') return "type must be 'image'";
  if (typeof model !== 'string' || !model) return 'model is required';
  if (!input || typeof input !== 'object') return 'input is required';
  const i = input as Record<string, unknown>;
  if (typeof i.prompt !== 'string' || !i.prompt.trim()) return 'input.prompt is required';
  if (i.aspectRatio !== undefined && !GIVON_ASPECT_RATIOS.includes(String(i.aspectRatio))) {
    return `input.aspectRatio must be one of ${GIVON_ASPECT_RATIOS.join(', ')}`;
  }
  if (i.quality !== undefined && !QUALITIES.includes(String(i.quality))) return `input.quality must be one of ${QUALITIES.join(', ')}`;
  if (i.imageSize !== undefined && !(String(i.imageSize) in IMAGE_SIZES)) return 'input.imageSize must be one of 1K, 2K, 4K';
  for (const field of ['sourceImage', 'maskImage'] as const) {
    if (i[field] !== undefined && !(typeof i[field] === 'string' && IMAGE_URI.test(i[field])))
      return `input.${field} must be an asset://, https:// or data: URI`;
  }
  if (i.maskImage !== undefined && i.sourceImage === undefined) return 'input.maskImage requires input.sourceImage';
  if (i.referenceAssetUris !== undefined) {
    if (!Array.isArray(i.referenceAssetUris)) return 'input.referenceAssetUris must be an array';
    if (i.referenceAssetUris.length > 16) return 'input.referenceAssetUris accepts at most 16 images';
    if (!i.referenceAssetUris.every((u) => typeof u === 'string' && IMAGE_URI.test(u))) {
      return 'input.referenceAssetUris must hold asset://, https:// or data: URIs';
    }
  }
  return undefined;
}

function dimensions(input: GivonInput): { width: number; height: number } {
  const [w, h] = (input.aspectRatio ?? '9:16').split(':').map(Number) as [number, number];
  const long = IMAGE_SIZES[input.imageSize ?? '1K']!;
  return w >= h ? { width: long, height: Math.round((long * h) / w) } : { width: Math.round((long * w) / h), height: long };
}

export interface GivonServerOptions {
  apiKey?: string;
  /** Draw the pictures from the prompt instead of sample images. */
  drawPrompt?: boolean;
  /** Answer a prompt naming "error 429", "error 500" or "error 401" with that error (requested-errors.ts). */
  errorsOnRequest?: boolean;
}

export async function startGivonServer(options: GivonServerOptions = {}): Promise<GivonServer> {
  const apiKey = options.apiKey ?? GIVON_TEST_KEY;
  const paint = promptPainter();
  const requestedErrors = options.errorsOnRequest ? new RequestedErrors() : undefined;
  /** The picture for a request: drawn from its prompt at the real size scaled to 1024 px (demo), else a small sample. */
  const picture = (input: GivonInput) => {
    const { width, height } = dimensions(input);
    if (!options.drawPrompt) return sampleImage('png', width, height);
    const source = dataUriBytes(input.sourceImage);
    const mask = source ? dataUriBytes(input.maskImage) : undefined;
    const real = fitSize(width * 16, height * 16);
    return paint({ prompt: input.prompt, ...real, ...(source ? { source } : {}), ...(mask ? { mask } : {}) });
  };
  const files = new FileStore();
  const jobs = new Map<string, GivonJob>();

  const authorized = async (ctx: RouteContext) => {
    if (bearerOf(ctx.request) === apiKey) return true;
    await error(ctx, 401, 'unauthorized', 'Invalid or missing API key');
    return false;
  };

  const finished = (job: GivonJob) =>
    job.mode === 'fail'
      ? { id: job.id, status: 'failed', error: { message: server.failMessage } }
      : { id: job.id, status: 'succeeded', output: { images: job.urls.map((url) => ({ url })) } };

  const create = async (ctx: RouteContext) => {
    if (!(await authorized(ctx))) return;
    const problem = problemOf(ctx.request.json);
    if (problem) return error(ctx, 400, 'invalid_input', problem);
    const body = ctx.request.json as GivonJob['body'];
    const failure = requestedErrors?.take(body.input.prompt);
    if (failure)
      return ctx.send(failure.status, { error: { code: ERROR_CODES[failure.status], message: failure.message } }, failure.headers);
    const urls = server.mode === 'fail' ? [] : [`${server.url}/files/${files.add(picture(body.input), 'image/png').id}.png`];
    const job: GivonJob = {
      id: `gen_${randomUUID().replace(/-/g, '')}`,
      mode: server.mode,
      body,
      polls: 0,
      pollsNeeded: server.pollsNeeded,
      urls,
    };
    jobs.set(job.id, job);
    if (job.mode === 'immediate') return ctx.send(200, finished(job));
    return ctx.send(200, { id: job.id, status: 'queued' });
  };

  const poll = async (ctx: RouteContext) => {
    if (!(await authorized(ctx))) return;
    const job = jobs.get(ctx.params.id!);
    if (!job) return error(ctx, 404, 'not_found', 'Generation not found');
    job.polls++;
    if (job.mode === 'immediate' || job.polls > job.pollsNeeded) return ctx.send(200, finished(job));
    return ctx.send(200, { id: job.id, status: job.polls === 1 ? 'queued' : 'processing' });
  };

  const base = await startReferenceServer(
    [
      { method: 'POST', path: '/api/v1/generations', handle: create },
      { method: 'GET', path: '/api/v1/generations/:id', handle: poll },
      files.publicRoute('/files'),
    ],
    { notFound: () => ({ error: { code: 'not_found', message: 'Not found' } }) },
  );
  const server: GivonServer = {
    ...base,
    baseUrl: `${base.url}/api/v1`,
    apiKey,
    mode: 'immediate',
    pollsNeeded: 2,
    failMessage: 'Content policy violation',
    jobs,
    files,
    ...files.controls(),
  };
  return server;
}
