// Every provider kind against its reference server, one table for all: each error code a kind can
// produce through generate() (the library left untouched every time), retries after 429 and 500,
// cancelling mid-stream and mid-download, and streamed and plain answers. Per-kind details (answer
// shapes, edits, lineage, polling) live in generate-<kind>.test.ts.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate, type GenerationInput, type GenerationProgress } from '../../../../../src/main/core/generation/generate';
import type { ErrorCode, HolstError } from '../../../../../src/shared/errors';
import type { RecordedRequest } from '../../../../servers/reference-server';
import { failure } from '../../../../support/failure';
import { PROVIDER_KINDS, STREAMING_KINDS, setUpProvider, type ProviderSetup, type TestProviderKind } from '../../../../support/providers';
import { removeTempDirs } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the server has received a request matching `match` (polls its record). */
async function requested(p: ProviderSetup, match: (r: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!p.server.requests.some(match)) {
    if (Date.now() - started > timeoutMs) throw new Error('the server never got the expected request');
    await sleep(5);
  }
}

const apiCalls = (p: ProviderSetup) => p.server.requests.filter((r) => r.method === 'POST' && r.path.includes(p.apiPath));
const downloads = (p: ProviderSetup) => p.server.requests.filter((r) => r.method === 'GET' && r.path.includes(p.filePath));
const tokenCalls = (p: ProviderSetup) => p.server.requests.filter((r) => r.path.startsWith('/api/v2/oauth'));

/** A parameter each kind refuses before sending anything, and the field it names. */
const INVALID_PARAM: Record<TestProviderKind, [GenerationInput['params'], string]> = {
  gigachat: [{ n: 5 }, 'n'],
  'openai-chat': [{ size: 'huge' }, 'size'],
  'openai-images': [{ quality: 'ultra' as never }, 'quality'],
  givon: [{ aspect: '7:3' }, 'aspect'],
};

interface ErrorCase {
  name: string;
  code: ErrorCode;
  /** Kinds this case does not run for, and why. */
  skip?: Partial<Record<TestProviderKind, string>>;
  /** Open the core without the provider's key. */
  noKey?: boolean;
  arrange?(p: ProviderSetup): void | Promise<void>;
  input?(p: ProviderSetup): Partial<GenerationInput>;
  /** Aborts the signal passed to generate() when this resolves. */
  abort?(p: ProviderSetup): Promise<void>;
  check?(p: ProviderSetup, error: HolstError, elapsedMs: number): void;
}

const NOT_STREAMING = 'answers one JSON body, never a stream';
const ONLY_GIGACHAT = 'no token endpoint: the key is sent with every call';
const BACKOFF_ONCE =
  'the back-off (0.5 + 1 + 2 s) is ProviderHttp’s, shared by every kind; run once to keep the suite fast (the others use Retry-After: 0)';
const TIMEOUT_ONCE =
  'the response timeout is at least 5 s and is ProviderHttp’s, shared by every kind; run once (openai-images) to keep the suite fast';

const ERROR_CASES: ErrorCase[] = [
  {
    name: '400 on the API call',
    code: 'bad_request',
    arrange: (p) => void p.server.quirks.push({ path: p.apiPath, status: 400, body: { error: { message: 'Bad things in the request' } } }),
    check: (p, error) => {
      expect(error.message).toContain('Bad things in the request');
      expect(apiCalls(p)).toHaveLength(1);
    },
  },
  {
    // GigaChat takes a 401 from the API as an expired token: it fetches a new one and tries once
    // more, so the quirk answers 401 twice there.
    name: '401 on the API call',
    code: 'auth',
    arrange: (p) =>
      void p.server.quirks.push({
        path: p.apiPath,
        status: 401,
        times: p.kind === 'gigachat' ? 2 : 1,
        body: { error: { message: 'Invalid API key' } },
      }),
    check: (p, error) => {
      expect(error.message).toContain('Settings → Providers');
      if (p.apiKey) expect(error.message).not.toContain(p.apiKey);
      expect(apiCalls(p)).toHaveLength(p.kind === 'gigachat' ? 2 : 1);
      if (p.kind === 'gigachat') expect(tokenCalls(p)).toHaveLength(2);
    },
  },
  {
    name: '403 on the API call',
    code: 'auth',
    arrange: (p) => void p.server.quirks.push({ path: p.apiPath, status: 403 }),
    check: (p) => expect(apiCalls(p)).toHaveLength(1),
  },
  {
    name: '402 (no funds) on the API call',
    code: 'provider_error',
    arrange: (p) => void p.server.quirks.push({ path: p.apiPath, status: 402, body: { message: 'Payment Required' } }),
    check: (_, error) => expect(error.message).toContain('no funds'),
  },
  {
    name: '404 on the API call',
    code: 'not_found',
    arrange: (p) => void p.server.quirks.push({ path: p.apiPath, status: 404 }),
  },
  {
    name: '429 with a Retry-After longer than the client waits (gives up at once)',
    code: 'rate_limited',
    arrange: (p) => void p.server.quirks.push({ path: p.apiPath, status: 429, headers: { 'Retry-After': '3600' } }),
    check: (p, _, elapsed) => {
      expect(elapsed).toBeLessThan(2_000);
      expect(apiCalls(p)).toHaveLength(1);
    },
  },
  {
    name: '500 four times (Retry-After: 0, so no back-off wait)',
    code: 'provider_error',
    arrange: (p) => void p.server.quirks.push({ path: p.apiPath, status: 500, times: 4, headers: { 'Retry-After': '0' } }),
    check: (p) => expect(apiCalls(p)).toHaveLength(4),
  },
  {
    name: '500 four times with the real back-off',
    code: 'provider_error',
    skip: { gigachat: BACKOFF_ONCE, 'openai-images': BACKOFF_ONCE, givon: BACKOFF_ONCE },
    arrange: (p) => void p.server.quirks.push({ path: p.apiPath, status: 500, times: 4 }),
    check: (p, _, elapsed) => {
      expect(apiCalls(p)).toHaveLength(4);
      expect(elapsed).toBeGreaterThanOrEqual(3_400);
    },
  },
  {
    name: '200 with a body that is not JSON',
    code: 'invalid_response',
    arrange: (p) =>
      void p.server.quirks.push({ path: p.apiPath, status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"choices": [' }),
  },
  {
    name: '200 with a stream event that is not JSON',
    code: 'invalid_response',
    skip: { 'openai-images': NOT_STREAMING, givon: NOT_STREAMING },
    arrange: (p) =>
      void p.server.quirks.push({
        path: p.apiPath,
        status: 200,
        headers: { 'Content-Type': 'text/event-stream' },
        body: 'data: {"choices": [\n\n',
      }),
  },
  {
    name: 'stream cut off half-way',
    code: 'network',
    skip: { 'openai-images': NOT_STREAMING, givon: NOT_STREAMING },
    arrange: (p) => {
      p.willAnswerWithImage();
      p.server.quirks.push({ path: p.apiPath, truncate: true });
    },
  },
  {
    name: 'JSON answer cut off half-way',
    code: 'network',
    input: () => ({ stream: false }),
    arrange: (p) => {
      p.willAnswerWithImage();
      p.server.quirks.push({ path: p.apiPath, truncate: true });
    },
  },
  {
    name: 'socket dropped without an answer',
    code: 'network',
    arrange: (p) => void p.server.quirks.push({ path: p.apiPath, destroy: true }),
  },
  {
    name: 'answer slower than the response timeout',
    code: 'timeout',
    skip: { gigachat: TIMEOUT_ONCE, 'openai-chat': TIMEOUT_ONCE, givon: TIMEOUT_ONCE },
    arrange: async (p) => {
      await p.core.settings.update((s) => ({ ...s, network: { ...s.network, responseTimeoutSec: 5 } }));
      p.server.quirks.push({ path: p.apiPath, delayMs: 6_000 });
    },
    check: (_, __, elapsed) => expect(elapsed).toBeLessThan(5_900),
  },
  {
    name: 'cancelled while waiting for the answer',
    code: 'cancelled',
    arrange: (p) => void p.server.quirks.push({ path: p.apiPath, delayMs: 3_000 }),
    abort: (p) => requested(p, (r) => r.path.includes(p.apiPath)),
    check: (_, __, elapsed) => expect(elapsed).toBeLessThan(2_000),
  },
  {
    name: 'no API key',
    code: 'config',
    noKey: true,
    check: (p, error) => {
      expect(error.message).toContain(`HOLST_API_KEY_${p.providerId.toUpperCase()}`);
      expect(p.server.requests).toEqual([]);
    },
  },
  {
    name: 'a parameter the kind does not take',
    code: 'invalid_input',
    input: (p) => ({ params: INVALID_PARAM[p.kind][0] }),
    check: (p, error) => {
      expect(error.field).toBe(INVALID_PARAM[p.kind][1]);
      expect(p.server.requests).toEqual([]);
    },
  },
  {
    name: 'download served as an HTML page labelled image/png',
    code: 'no_image',
    arrange: async (p) => {
      await p.willAnswerWithDownload();
      p.server.quirks.push({
        method: 'GET',
        path: p.filePath,
        status: 200,
        headers: { 'Content-Type': 'image/png' },
        body: '<!DOCTYPE html><html><body>Link expired</body></html>',
      });
    },
    check: (p, error) => {
      expect(error.message).toContain('web page');
      expect(downloads(p)).toHaveLength(1);
    },
  },
  {
    name: 'download cut off half-way',
    code: 'network',
    arrange: async (p) => {
      await p.willAnswerWithDownload();
      p.server.quirks.push({ method: 'GET', path: p.filePath, truncate: true });
    },
    check: (p, error) => {
      expect(error.message).toContain('cut off');
      expect(downloads(p)).toHaveLength(1);
    },
  },
  {
    name: 'download link expired (404)',
    code: 'not_found',
    arrange: async (p) => {
      await p.willAnswerWithDownload();
      p.server.quirks.push({ method: 'GET', path: p.filePath, status: 404, body: '404 page not found' });
    },
  },
  {
    name: 'download socket dropped',
    code: 'network',
    arrange: async (p) => {
      await p.willAnswerWithDownload();
      p.server.quirks.push({ method: 'GET', path: p.filePath, destroy: true });
    },
  },
  {
    // A refused key at the token endpoint is final: no refresh loop, one token request.
    name: '401 from the token endpoint',
    code: 'auth',
    skip: { 'openai-chat': ONLY_GIGACHAT, 'openai-images': ONLY_GIGACHAT, givon: ONLY_GIGACHAT },
    arrange: (p) =>
      void p.server.quirks.push({ path: '/api/v2/oauth', status: 401, body: { code: 6, message: 'credentials doesn’t match' } }),
    check: (p, error) => {
      expect(error.message).toContain('rejected the authorization key');
      expect(tokenCalls(p)).toHaveLength(1);
      expect(apiCalls(p)).toHaveLength(0);
    },
  },
  {
    name: 'token answer without an access_token',
    code: 'invalid_response',
    skip: { 'openai-chat': ONLY_GIGACHAT, 'openai-images': ONLY_GIGACHAT, givon: ONLY_GIGACHAT },
    arrange: (p) => void p.server.quirks.push({ path: '/api/v2/oauth', status: 200, body: { hello: 'world' } }),
    check: (p) => expect(apiCalls(p)).toHaveLength(0),
  },
];

describe.each(PROVIDER_KINDS)('%s', (kind) => {
  let p: ProviderSetup;
  let libraryBefore: number;

  const run = (input: Partial<GenerationInput> = {}, options: Parameters<typeof generate>[2] = {}) =>
    generate(p.core, { providerId: p.providerId, prompt: 'Нарисуй розового кота', ...input }, options);

  const expectNothingStored = async () => {
    expect(p.core.library.list({}).items).toHaveLength(libraryBefore);
    expect(await p.libraryFiles()).toBe(0);
  };

  async function open(options: { withKey?: boolean } = {}) {
    p = await setUpProvider(kind, options);
    libraryBefore = p.core.library.list({}).items.length;
  }

  beforeEach(() => open());
  afterEach(async () => {
    const pending = p.server.quirks.pending;
    await p.close();
    expect(pending, 'every quirk was used').toBe(0);
  });

  describe('errors', () => {
    for (const c of ERROR_CASES) {
      const title = `${c.name} → ${c.code}`;
      const reason = c.skip?.[kind];
      // Not applicable to this kind; the reason is kept beside the case for readers.
      if (reason) continue;
      it(title, async () => {
        if (c.noKey) {
          await p.close();
          await open({ withKey: false });
        }
        await c.arrange?.(p);
        const controller = new AbortController();
        if (c.abort) void c.abort(p).then(() => controller.abort());
        const started = Date.now();
        const error = await failure(run(c.input?.(p) ?? {}, { signal: controller.signal }));
        const elapsed = Date.now() - started;
        expect(error, 'generate() failed').not.toBeNull();
        expect(error!.name, error!.message).toBe('HolstError');
        expect(error).toMatchObject({ code: c.code });
        c.check?.(p, error!, elapsed);
        await expectNothingStored();
      });
    }
  });

  describe('retries', () => {
    it('waits out a 429 with Retry-After: 1, then succeeds', async () => {
      p.server.quirks.push({ path: p.apiPath, status: 429, headers: { 'Retry-After': '1' } });
      p.willAnswerWithImage();
      const started = Date.now();
      expect((await run()).images).toHaveLength(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(apiCalls(p)).toHaveLength(2);
      expect(p.core.library.list({}).items).toHaveLength(libraryBefore + 1);
    });

    it('retries a single 500, then succeeds', async () => {
      p.server.quirks.push({ path: p.apiPath, status: 500 });
      p.willAnswerWithImage();
      expect((await run()).images).toHaveLength(1);
      expect(apiCalls(p)).toHaveLength(2);
      expect(p.core.library.list({}).items).toHaveLength(libraryBefore + 1);
    });
  });

  describe('cancel', () => {
    const streaming = STREAMING_KINDS.includes(kind);
    // Kinds that never stream have no mid-stream to cancel in (NOT_STREAMING).
    if (streaming)
      it('mid-stream, after the first text or status line, stores nothing', async () => {
        p.willAnswerWithImage();
        // every piece of the (finely cut) stream 50 ms apart: the whole answer takes seconds
        p.server.quirks.push({ path: p.apiPath, slowBodyMs: 50 });
        const controller = new AbortController();
        const texts: string[] = [];
        let abortedAt = 0;
        // The first thing said: text, or a status line the aggregator streams before its picture.
        const onProgress = (event: GenerationProgress) => {
          if (event.type !== 'text' && event.type !== 'progress') return;
          texts.push(event.type === 'text' ? event.delta : event.message);
          abortedAt = Date.now();
          controller.abort();
        };
        const error = await failure(run({ stream: true }, { signal: controller.signal, onProgress }));
        expect(error).toMatchObject({ code: 'cancelled' });
        expect(Date.now() - abortedAt).toBeLessThan(500);
        expect(texts).toHaveLength(1);
        expect(downloads(p)).toEqual([]);
        await expectNothingStored();
      });

    it('mid-download stores nothing', async () => {
      await p.willAnswerWithDownload();
      // ten pieces 150 ms apart: 1.5 s for the whole picture; we cancel after the second piece
      p.server.quirks.push({ method: 'GET', path: p.filePath, slowBodyMs: 150, pieces: 10 });
      const controller = new AbortController();
      let abortedAt = 0;
      void requested(p, (r) => r.method === 'GET' && r.path.includes(p.filePath))
        .then(() => sleep(350))
        .then(() => {
          abortedAt = Date.now();
          controller.abort();
        });
      const error = await failure(run({}, { signal: controller.signal }));
      expect(error).toMatchObject({ code: 'cancelled' });
      expect(abortedAt).toBeGreaterThan(0);
      expect(Date.now() - abortedAt).toBeLessThan(500);
      expect(downloads(p)).toHaveLength(1);
      await expectNothingStored();
    });
  });

  // Kinds that never stream answer one JSON body either way (NOT_STREAMING).
  if (STREAMING_KINDS.includes(kind))
    describe('streamed and plain answers', () => {
      for (const stream of [true, false]) {
        it(`stream: ${stream} → ${stream ? 'SSE' : 'one JSON body'}, one image saved`, async () => {
          p.willAnswerWithImage();
          const texts: string[] = [];
          const result = await run({ stream }, { onProgress: (e) => e.type === 'text' && texts.push(e.delta) });
          expect(result.images).toHaveLength(1);
          expect(result.text.length).toBeGreaterThan(0);
          expect((apiCalls(p)[0]!.json as { stream?: unknown }).stream).toBe(stream);
          expect(apiCalls(p)[0]!.headers.accept).toBe(stream ? 'text/event-stream' : 'application/json');
          // a stream arrives in many small deltas; a plain answer in a few pieces around the image
          if (stream) expect(texts.length).toBeGreaterThan(3);
          else expect(texts.length).toBeLessThanOrEqual(3);
          expect(texts.join('')).not.toMatch(/<img|!\[|\]\(/);
          expect(downloads(p)).toHaveLength(1);
          expect(p.core.library.list({}).items).toHaveLength(libraryBefore + 1);
          expect(await p.libraryFiles()).toBe(1);
        });
      }
    });
});
