/**
 * Givon (api.givon.ai): `POST {base}/generations` with a Bearer key and
 * `{type:'image', model, input:{prompt, aspectRatio?, quality?, imageSize?, sourceImage?, maskImage?,
 * referenceAssetUris?}}` (seed 003). The first input image is the edit's source, the rest are
 * references, all sent as data: URIs so no asset upload is needed. The answer is either finished or
 * a job polled at `GET {base}/generations/{id}`; its shape is assumed (see answer.ts).
 * ASSUMED about the request (the seed names the fields, not their formats):
 * - `maskImage` is in the OpenAI Images API's format (the gpt-image models behind it): a PNG of the
 *   source's exact pixel size whose fully transparent pixels mark the area to change;
 * - Givon keeps no conversation: a follow-up sends its source image and the prompt alone.
 */
import { say } from '../../../../shared/core-messages';
import { HolstError } from '../../../../shared/errors';
import { parseJson, requireKey } from '../common';
import { refFromUrl, toDataUri } from '../image-refs';
import type { GenerateEvent, GenerateRequest, InputImage, ProviderContext, ProviderKindModule, RemoteJob } from '../types';
import { NO_REASON, readGivonAnswer, type GivonAnswer } from './answer';

/**
 * How a job is polled: the first wait, its growth per poll, the longest wait, and when to give up.
 * Mutable only so tests can make it fast; nothing else changes it.
 */
export const GIVON_POLL = { firstMs: 1000, factor: 1.5, maxMs: 8000, maxWaitMs: 10 * 60_000 };

export const givon: ProviderKindModule = {
  kind: 'givon',
  // Stateless: a follow-up sends its source image and the prompt alone.
  // No endpoint to check a key with: listModels answers the configured models (see below).
  checksKey: false,

  // Givon documents no model list: the models are the ones named in the provider's settings.
  listModels(ctx) {
    return Promise.resolve(ctx.config.models ?? []);
  },

  async *generate(ctx, request, signal): AsyncGenerator<GenerateEvent> {
    let answer: GivonAnswer;
    if (request.resume) {
      // A job created before Holst closed: followed again by its id, never created a second time.
      yield { type: 'progress', ...say('givonResumed', { name: ctx.providerName }) };
      answer = yield* follow(ctx, request.resume, null, signal);
    } else {
      const response = await ctx.http.request(`${ctx.config.baseUrl}/generations`, {
        method: 'POST',
        what: 'the image request',
        headers: { ...auth(ctx), 'Content-Type': 'application/json' },
        body: JSON.stringify(requestBody(request)),
        ...(signal ? { signal } : {}),
      });
      answer = readGivonAnswer(await parseJson(response, ctx, 'the image request'));
      if (answer.state === 'pending') {
        const id = answer.id;
        if (id === undefined) throw HolstError.said('invalid_response', say('givonNoJobId', { name: ctx.providerName }));
        const job: RemoteJob = { id, baseUrl: ctx.config.baseUrl };
        // Saved with the queue's job before the first poll: a restart from here on polls it again.
        yield { type: 'remote-job', job };
        answer = yield* follow(ctx, job, answer.status, signal);
      }
    }
    if (answer.state === 'failed')
      throw HolstError.said(
        'provider_error',
        answer.message === NO_REASON
          ? say('givonFailedNoReason', { name: ctx.providerName })
          : say('givonFailed', { name: ctx.providerName, reason: answer.message }),
      );
    // A finished job without images yields nothing; the caller reports "answered without an image".
    for (const url of answer.urls) yield { type: 'image', ref: refFromUrl(url) };
  },
};

function requestBody(request: GenerateRequest) {
  const { aspect, quality, resolution } = request.params;
  const [source, ...references] = request.images;
  return {
    type: 'image',
    model: request.model,
    input: {
      prompt: request.system ? `${request.system}\n\n${request.prompt}` : request.prompt,
      ...(aspect ? { aspectRatio: aspect } : {}),
      ...(quality ? { quality } : {}),
      ...(resolution ? { imageSize: resolution } : {}),
      ...(source ? { sourceImage: dataUri(source) } : {}),
      ...(request.mask ? { maskImage: dataUri(request.mask) } : {}),
      ...(references.length > 0 ? { referenceAssetUris: references.map(dataUri) } : {}),
    },
  };
}

/** The status words a waiting job is known to report (answer.ts), each a sentence of the core's catalogue. */
const STATUS_LINES = {
  queued: 'givonQueued',
  pending: 'givonPending',
  processing: 'givonProcessing',
  running: 'givonRunning',
  in_progress: 'givonInProgress',
  starting: 'givonStarting',
  created: 'givonCreated',
  submitted: 'givonSubmitted',
  waiting: 'givonWaiting',
} as const;

/** "Givon: queued…": the status in the window's language when Holst knows the word, else as Givon sent it. */
function statusLine(name: string, status: string): GenerateEvent {
  const known = Object.hasOwn(STATUS_LINES, status) ? STATUS_LINES[status as keyof typeof STATUS_LINES] : undefined;
  return { type: 'progress', ...(known ? say(known, { name }) : say('givonStatus', { name, status: status.replace(/_/g, ' ') })) };
}

/**
 * Polls the job with growing waits until it is no longer pending, reporting each state on the way.
 * `firstStatus` null (a job picked up after a restart): the first poll goes at once.
 */
async function* follow(
  ctx: ProviderContext,
  job: RemoteJob,
  firstStatus: string | null,
  signal?: AbortSignal,
): AsyncGenerator<GenerateEvent, Exclude<GivonAnswer, { state: 'pending' }>> {
  const started = Date.now();
  let delay = GIVON_POLL.firstMs;
  let status = firstStatus;
  for (;;) {
    if (status !== null) {
      yield statusLine(ctx.providerName, status);
      const remaining = GIVON_POLL.maxWaitMs - (Date.now() - started);
      if (remaining <= 0) {
        const said = { name: ctx.providerName, id: job.id, status };
        throw HolstError.said(
          'timeout',
          GIVON_POLL.maxWaitMs >= 60_000
            ? say('givonTimeoutMinutes', { ...said, minutes: Math.round(GIVON_POLL.maxWaitMs / 60_000) })
            : say('givonTimeoutMs', { ...said, ms: GIVON_POLL.maxWaitMs }),
        );
      }
      // The last wait is cut short so the job gets one more look right at the limit.
      await wait(Math.min(delay, remaining), ctx, signal);
      delay = Math.min(delay * GIVON_POLL.factor, GIVON_POLL.maxMs);
    }
    const answer = await poll(ctx, job, signal);
    if (answer.state !== 'pending') return answer;
    status = answer.status;
  }
}

/** One look at the job. An id the service no longer knows (404, 410: expired or never there) is said so. */
async function poll(ctx: ProviderContext, job: RemoteJob, signal?: AbortSignal): Promise<GivonAnswer> {
  const response = await ctx.http.request(`${job.baseUrl}/generations/${encodeURIComponent(job.id)}`, {
    what: 'the job status',
    headers: auth(ctx),
    accept: [404, 410],
    ...(signal ? { signal } : {}),
  });
  if (response.statusCode === 404 || response.statusCode === 410) {
    await response.body.dump().catch(() => undefined);
    throw HolstError.said('not_found', say('givonJobUnknown', { name: ctx.providerName, id: job.id, status: response.statusCode }));
  }
  return readGivonAnswer(await parseJson(response, ctx, 'the job status'));
}

/** A pause between polls that ends at once, as `cancelled`, when the signal fires. */
function wait(ms: number, ctx: ProviderContext, signal?: AbortSignal): Promise<void> {
  const cancelled = () => HolstError.said('cancelled', say('providerCancelled', { name: ctx.providerName }));
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const dataUri = (image: InputImage) => toDataUri(image.bytes, image.mime);
const auth = (ctx: ProviderContext) => ({ Authorization: `Bearer ${requireKey(ctx)}` });
