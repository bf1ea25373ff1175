// The provider HTTP client against real local servers: retries, Retry-After, typed errors, timeouts, cancel.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ProviderHttp, retryAfterMs } from '../../../../../src/main/core/net/provider-http';
import { failure } from '../../../../support/failure';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void;
const servers: http.Server[] = [];
const clients: ProviderHttp[] = [];

async function serve(handler: Handler): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = http.createServer((req, res) => handler(req, res, ++hits));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

function client(options: Partial<ConstructorParameters<typeof ProviderHttp>[0]> = {}): ProviderHttp {
  const created = new ProviderHttp({ providerName: 'TestAI', ...options });
  clients.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe('ProviderHttp', () => {
  it('retries a 429, waiting as long as Retry-After says', async () => {
    const { url, hits } = await serve((_req, res, hit) => {
      if (hit === 1) res.writeHead(429, { 'Retry-After': '1' }).end('{"error":{"message":"slow down"}}');
      else res.writeHead(200).end('ok');
    });
    const started = Date.now();
    const response = await client().request(url, { what: 'the model list' });
    expect(await response.body.text()).toBe('ok');
    expect(hits()).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries 5xx with back-off, then succeeds, telling each wait before it starts', async () => {
    const { url, hits } = await serve((_req, res, hit) =>
      hit < 3 ? res.writeHead(hit === 1 ? 500 : 503, hit === 2 ? { 'Retry-After': '1' } : {}).end() : res.writeHead(200).end('fine'),
    );
    const notices: unknown[] = [];
    const started = Date.now();
    const waits: number[] = [];
    const http = client({ onRetry: (notice) => (notices.push(notice), waits.push(Date.now() - started)) });
    expect(await (await http.request(url, { what: 'the model list' })).body.text()).toBe('fine');
    expect(hits()).toBe(3);
    expect(notices).toEqual([
      { status: 500, delayMs: expect.any(Number), retry: 1, of: 3 },
      { status: 503, delayMs: 1000, retry: 2, of: 3 },
    ]);
    // Told before waiting, not after: the second notice comes about a second before the answer.
    expect(Date.now() - started - waits[1]!).toBeGreaterThanOrEqual(950);
  });

  it('explains the status in a catalogued sentence and quotes the provider’s own words after it', async () => {
    const { url } = await serve((_req, res) => res.writeHead(401).end('{"error":{"message":"Unauthorized: wrong key."}}'));
    const error = await failure(client().request(url, { what: 'the chat request' }));
    expect(error!.message).toBe(
      'TestAI answered 401 to the chat request. Check the API key in Settings → Providers. It said: “Unauthorized: wrong key.”',
    );
    // The window says the sentence in its language from the key; the provider's words stay as they came.
    expect(error!.toPayload()).toMatchObject({
      code: 'auth',
      key: 'providerAnswered401',
      params: { name: 'TestAI', status: '401', what: 'chatRequest' },
      quote: 'Unauthorized: wrong key.',
    });
  });

  it('gives up after the last retry with provider_error', async () => {
    const { url, hits } = await serve((_req, res) => res.writeHead(502).end('<html><body>Bad gateway</body></html>'));
    const error = await failure(client({ maxRetries: 2 }).request(url, { what: 'the image request' }));
    expect(error).toMatchObject({ code: 'provider_error' });
    expect(error!.message).toBe(
      'TestAI answered 502 to the image request: the provider had an internal problem; try again later. It said: “Bad gateway”',
    );
    expect(hits()).toBe(3);
  });

  it('never retries other 4xx, and maps each to its code with the provider’s own message', async () => {
    for (const [status, code] of [
      [400, 'bad_request'],
      [401, 'auth'],
      [402, 'provider_error'],
      [403, 'auth'],
      [404, 'not_found'],
      [413, 'bad_request'],
      [422, 'bad_request'],
    ] as const) {
      const { url, hits } = await serve((_req, res) =>
        res.writeHead(status).end(JSON.stringify({ error: { message: `problem ${status}` } })),
      );
      const error = await failure(client().request(url, { what: 'the model list' }));
      expect(error?.code, String(status)).toBe(code);
      expect(error?.message).toContain(`problem ${status}`);
      expect(hits()).toBe(1);
    }
  });

  it('refuses to wait longer than allowed for a Retry-After', async () => {
    const { url } = await serve((_req, res) => res.writeHead(429, { 'Retry-After': '3600' }).end());
    expect(await failure(client({ maxRetryDelayMs: 5000 }).request(url, { what: 'the model list' }))).toMatchObject({
      code: 'rate_limited',
    });
  });

  it('reports a 429 at once with the wait it asked for, for the queue to wait out (rateLimits: report)', async () => {
    const { url, hits } = await serve((_req, res) => res.writeHead(429, { 'Retry-After': '7' }).end('{"error":{"message":"slow down"}}'));
    const notices: unknown[] = [];
    const error = await failure(client({ rateLimits: 'report', onRetry: (n) => notices.push(n) }).request(url, { what: 'the model list' }));
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: 7000 });
    expect(error?.toPayload()).toMatchObject({ code: 'rate_limited', retryAfterMs: 7000 });
    expect(hits()).toBe(1);
    expect(notices).toEqual([]);
  });

  it('reads Retry-After as seconds or as an HTTP date, and a 429 without one carries no wait', async () => {
    const now = Date.parse('2026-12-07T23:00:00Z');
    expect(retryAfterMs({ 'retry-after': '3' }, now)).toBe(3000);
    expect(retryAfterMs({ 'retry-after': 'Mon, 07 Dec 2026 23:00:05 GMT' }, now)).toBe(5000);
    expect(retryAfterMs({ 'retry-after': 'Mon, 07 Dec 2026 22:59:00 GMT' }, now)).toBe(0);
    expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(retryAfterMs({}, now)).toBeUndefined();
    const { url } = await serve((_req, res) => res.writeHead(429).end());
    const error = await failure(client({ rateLimits: 'report' }).request(url, { what: 'the model list' }));
    expect(error).toMatchObject({ code: 'rate_limited' });
    expect(error?.retryAfterMs).toBeUndefined();
  });

  it('answers a status the caller reads itself as it came (accept)', async () => {
    const { url } = await serve((_req, res) => res.writeHead(404).end('gone'));
    const response = await client().request(url, { what: 'the job status', accept: [404] });
    expect(response.statusCode).toBe(404);
    expect(await response.body.text()).toBe('gone');
  });

  it('keeps keys and tokens out of error messages', async () => {
    const key = 'sk-secret-0123456789abcdef';
    const { url } = await serve((_req, res) =>
      res.writeHead(401).end(JSON.stringify({ message: `invalid key ${key}, header Bearer abcdefghijklmnop` })),
    );
    const error = await failure(client({ secrets: () => [key] }).request(url, { what: 'the model list' }));
    expect(error!.message).not.toContain(key);
    expect(error!.message).not.toContain('abcdefghijklmnop');
    expect(error!.message).toContain('Check the API key');
  });

  it('reports a server that stops answering as a timeout', async () => {
    const { url } = await serve(() => undefined);
    const error = await failure(client({ timeouts: { headersMs: 300 } }).request(url, { what: 'the chat request' }));
    expect(error).toMatchObject({ code: 'timeout' });
    expect(error!.message).toContain('stopped answering during the chat request');
  });

  it('reports a refused connection as a network error', async () => {
    const error = await failure(client().request('http://127.0.0.1:9/', { what: 'the model list' }));
    expect(error).toMatchObject({ code: 'network' });
  });

  it('cancels a request in flight and a wait between retries', async () => {
    const { url } = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(await failure(client().request(url, { what: 'the model list', signal: controller.signal }))).toMatchObject({
      code: 'cancelled',
    });

    const slow = await serve((_req, res) => res.writeHead(429, { 'Retry-After': '30' }).end());
    const waiting = new AbortController();
    setTimeout(() => waiting.abort(), 100);
    const started = Date.now();
    expect(await failure(client().request(slow.url, { what: 'the model list', signal: waiting.signal }))).toMatchObject({
      code: 'cancelled',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a CA file it cannot read with a config error', () => {
    expect(() => new ProviderHttp({ providerName: 'GigaChat', caFile: '/no/such/ca.pem' })).toThrow(/Cannot read the CA certificate file/);
  });
});
