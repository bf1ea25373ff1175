// The reference provider servers checked with plain fetch: each speaks its documented protocol and
// fails in the documented ways, so provider tests built on them test something real.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGigaChatServer, GIGACHAT_ANSWER_MODEL, type GigaChatServer } from '../../servers/gigachat-server';
import { startGivonServer, type GivonServer } from '../../servers/givon-server';
import { startOpenAIChatServer, type ImageAnswerShape, type OpenAIChatServer } from '../../servers/openai-chat-server';
import { startOpenAIImagesServer, type OpenAIImagesServer } from '../../servers/openai-images-server';
import { startReferenceServer, type ReferenceServer } from '../../servers/reference-server';
import { sampleImage } from '../../servers/sample-images';

const started: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});
async function track<T extends { close(): Promise<void> }>(server: Promise<T>): Promise<T> {
  const s = await server;
  started.push(s);
  return s;
}

/** Reads a body as the client sees it: the separate chunks and their text. */
async function readChunks(res: Response): Promise<{ chunks: Uint8Array[]; text: string }> {
  const chunks: Uint8Array[] = [];
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return { chunks, text: Buffer.concat(chunks).toString('utf8') };
}

/** The `data:` payloads of an SSE text, in order. */
function sseData(text: string): string[] {
  return text
    .split(/\r\n|\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim());
}

const decodesAlone = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const formatOf = async (bytes: Buffer | ArrayBuffer) => (await sharp(Buffer.from(bytes as ArrayBuffer)).metadata()).format;

describe('reference server base', () => {
  let server: ReferenceServer;
  let lastPieces: Buffer[] = [];
  beforeAll(async () => {
    server = await track(
      startReferenceServer([
        { method: 'GET', path: '/hello/:name', handle: (ctx) => ctx.send(200, { hello: ctx.params.name, q: ctx.query.get('q') }) },
        {
          method: 'GET',
          path: '/blob',
          handle: (ctx) => ctx.send(200, Buffer.alloc(4000, 7), { 'content-type': 'application/octet-stream' }),
        },
        {
          method: 'POST',
          path: '/stream',
          handle: async (ctx) => {
            const options = ctx.request.json as Record<string, never>;
            lastPieces = await ctx.sse([{ text: 'Привет, мир — ёжик 🦔' }, { text: 'второе событие' }, 'plain text'], options);
          },
        },
      ]),
    );
  });

  it('routes by method and pattern, records requests, answers 404 elsewhere', async () => {
    const res = await fetch(`${server.url}/hello/world?q=1`, { headers: { 'X-Test': 'yes' } });
    expect(await res.json()).toEqual({ hello: 'world', q: '1' });
    expect(server.requests.at(-1)).toMatchObject({ method: 'GET', path: '/hello/world?q=1', headers: { 'x-test': 'yes' } });
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
    const posted = await fetch(`${server.url}/hello/x`, {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(posted.status).toBe(404);
    expect(server.requests.at(-1)?.json).toEqual({ a: 1 });
  });

  it('plays a status quirk once (429 with Retry-After), matched by method and path, then answers normally', async () => {
    server.quirks.push(
      { path: '/other', status: 500 },
      { method: 'GET', path: '/hello', status: 429, headers: { 'Retry-After': '2' }, body: { message: 'slow down' } },
    );
    const limited = await fetch(`${server.url}/hello/a`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toEqual({ message: 'slow down' });
    expect((await fetch(`${server.url}/hello/a`)).status).toBe(200);
    expect(server.quirks.pending).toBe(1);
    server.quirks.clear();
  });

  it('repeats a quirk `times` times (5xx, 5xx, then success)', async () => {
    server.quirks.push({ path: '/hello', status: 502, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${server.url}/hello/b`)).status);
    expect(statuses).toEqual([502, 502, 200]);
  });

  it('delays, drops the socket, truncates and trickles bodies', async () => {
    server.quirks.push({ path: '/hello', delayMs: 150 });
    const t0 = Date.now();
    expect((await fetch(`${server.url}/hello/c`)).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);

    server.quirks.push({ path: '/hello', destroy: true });
    await expect(fetch(`${server.url}/hello/d`)).rejects.toThrow();

    server.quirks.push({ path: '/blob', truncate: true });
    const truncated = await fetch(`${server.url}/blob`);
    expect(Number(truncated.headers.get('content-length'))).toBeGreaterThan(4000);
    await expect(truncated.arrayBuffer()).rejects.toThrow();

    server.quirks.push({ path: '/blob', slowBodyMs: 60, pieces: 4 });
    const t1 = Date.now();
    const slow = await fetch(`${server.url}/blob`);
    const headersAfter = Date.now() - t1;
    expect((await slow.arrayBuffer()).byteLength).toBe(4000);
    expect(headersAfter).toBeLessThan(200);
    expect(Date.now() - t1).toBeGreaterThanOrEqual(230);
  });

  it('writes SSE cut at odd places — inside a UTF-8 character and between \\r and \\n — that reassemble', async () => {
    const res = await fetch(`${server.url}/stream`, {
      method: 'POST',
      body: JSON.stringify({ lineEnding: '\r\n', comments: true }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { chunks, text } = await readChunks(res);
    expect(lastPieces.length).toBeGreaterThan(3);
    expect(lastPieces.some((piece) => !decodesAlone(piece))).toBe(true);
    expect(lastPieces.some((piece) => piece.at(-1) === 0x0d)).toBe(true);
    expect(chunks.length).toBeGreaterThan(1);
    expect(text).toContain(': keep-alive\r\n');
    expect(sseData(text)).toEqual([
      JSON.stringify({ text: 'Привет, мир — ёжик 🦔' }),
      JSON.stringify({ text: 'второе событие' }),
      'plain text',
      '[DONE]',
    ]);
  });

  it('can end a stream without [DONE], at fixed offsets, or cut it off half-way', async () => {
    const post = (options: object) =>
      fetch(`${server.url}/stream`, { method: 'POST', body: JSON.stringify(options), headers: { 'content-type': 'application/json' } });
    const noDone = await readChunks(await post({ done: false, splitAt: [5, 17] }));
    expect(sseData(noDone.text).at(-1)).toBe('plain text');
    expect(lastPieces.map((p) => p.length).slice(0, 2)).toEqual([5, 12]);

    server.quirks.push({ path: '/stream', truncate: true });
    const cut = await post({});
    await expect(readChunks(cut)).rejects.toThrow();
  });
});

describe('GigaChat reference server', () => {
  const tokenRequest = (s: GigaChatServer, overrides: { key?: string; rqUid?: string | null; body?: string } = {}) => {
    const headers: Record<string, string> = {
      Authorization: `Basic ${overrides.key ?? s.authorizationKey}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
    };
    if (overrides.rqUid !== null) headers.RqUID = overrides.rqUid ?? randomUUID();
    return fetch(s.authUrl, { method: 'POST', headers, body: overrides.body ?? 'scope=GIGACHAT_API_PERS' });
  };
  const newToken = async (s: GigaChatServer) => ((await (await tokenRequest(s)).json()) as { access_token: string }).access_token;

  describe('token endpoint', () => {
    it('issues a token whose expires_at is in milliseconds, 30 minutes ahead', async () => {
      const s = await track(startGigaChatServer());
      const res = await tokenRequest(s);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { access_token: string; expires_at: number };
      expect(body.access_token.length).toBeGreaterThan(100);
      expect(String(body.expires_at)).toHaveLength(13);
      expect(body.expires_at - Date.now()).toBeGreaterThan(29 * 60_000);
      expect(body.expires_at - Date.now()).toBeLessThanOrEqual(30 * 60_000);
      expect(await newToken(s)).not.toBe(body.access_token);
    });

    it('refuses a missing or non-uuid4 RqUID, a wrong key, an empty, unknown or foreign scope', async () => {
      const s = await track(startGigaChatServer());
      const expectError = async (res: Response, status: number, code?: number) => {
        expect(res.status).toBe(status);
        const body = (await res.json()) as { code: number; message: string };
        expect(typeof body.message).toBe('string');
        if (code !== undefined) expect(body.code).toBe(code);
      };
      await expectError(await tokenRequest(s, { rqUid: null }), 400);
      await expectError(await tokenRequest(s, { rqUid: 'not-a-uuid' }), 400);
      await expectError(await tokenRequest(s, { rqUid: '6f0b1291-c7f3-13c6-bb2e-9f3efb2dc98e' }), 400); // uuid1-shaped
      await expectError(await tokenRequest(s, { key: Buffer.from('who:knows').toString('base64') }), 401, 6);
      await expectError(await tokenRequest(s, { body: '' }), 400, 5);
      await expectError(await tokenRequest(s, { body: 'scope=GIGACHAT_API_FOO' }), 400, 1);
      await expectError(await tokenRequest(s, { body: 'scope=GIGACHAT_API_B2B' }), 400, 7);
      expect(s.tokens.size).toBe(0);
    });

    it('answers 429 past 10 token requests a second', async () => {
      const s = await track(startGigaChatServer());
      const statuses = await Promise.all(Array.from({ length: 11 }, () => tokenRequest(s).then((r) => r.status)));
      expect(statuses.filter((x) => x === 200)).toHaveLength(10);
      expect(statuses.filter((x) => x === 429)).toHaveLength(1);
    });

    it('makes the API answer 401 once tokens expire (by time or expireTokens), and a fresh token works', async () => {
      const s = await track(startGigaChatServer({ tokenTtlMs: 300 }));
      const models = (token: string) => fetch(`${s.baseUrl}/models`, { headers: { Authorization: `Bearer ${token}` } });
      const first = await newToken(s);
      expect((await models(first)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 350));
      const expired = await models(first);
      expect(expired.status).toBe(401);
      expect(await expired.json()).toEqual({ status: 401, message: 'Unauthorized' });
      const second = await newToken(s);
      expect((await models(second)).status).toBe(200);

      const longLived = await track(startGigaChatServer());
      const token = await newToken(longLived);
      const call = () => fetch(`${longLived.baseUrl}/models`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await call()).status).toBe(200);
      longLived.expireTokens();
      expect((await call()).status).toBe(401);
      const fresh = await newToken(longLived);
      expect((await fetch(`${longLived.baseUrl}/models`, { headers: { Authorization: `Bearer ${fresh}` } })).status).toBe(200);
    });
  });

  describe('API', () => {
    let s: GigaChatServer;
    let token: string;
    const api = (path: string, init: RequestInit & { clientId?: string } = {}) => {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${token}`);
      if (init.clientId) headers.set('X-Client-ID', init.clientId);
      return fetch(`${s.baseUrl}${path}`, { ...init, headers });
    };
    const chat = (body: object, clientId?: string, stream = false) =>
      api('/chat/completions', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', Accept: stream ? 'text/event-stream' : 'application/json' },
        ...(clientId ? { clientId } : {}),
      });
    const draw = (text = 'Нарисуй розового кота') => ({
      model: 'GigaChat-2-Max',
      messages: [
        { role: 'system', content: 'Ты — Василий Кандинский' },
        { role: 'user', content: text },
      ],
      function_call: 'auto',
    });
    const imgIds = (content: string) => [...content.matchAll(/<img src="([^"]+)" fuse="true"\/>/g)].map((m) => m[1]!);

    beforeAll(async () => {
      s = await track(startGigaChatServer());
      token = await newToken(s);
    });

    it('lists models and counts tokens as documented', async () => {
      const models = (await (await api('/models')).json()) as { object: string; data: { id: string; object: string; owned_by: string }[] };
      expect(models.object).toBe('list');
      expect(models.data.map((m) => m.id)).toEqual(expect.arrayContaining(['GigaChat', 'GigaChat-2-Max']));
      expect(models.data[0]).toMatchObject({ object: 'model', owned_by: 'salutedevices' });
      const count = await api('/tokens/count', {
        method: 'POST',
        body: JSON.stringify({ model: 'GigaChat', input: ['привет', 'hello world'] }),
        headers: { 'Content-Type': 'application/json' },
      });
      const counted = (await count.json()) as { object: string; tokens: number; characters: number }[];
      expect(counted).toHaveLength(2);
      expect(counted[0]).toMatchObject({ object: 'tokens', characters: 6 });
      expect(counted[0]!.tokens).toBeGreaterThan(0);
      expect((await fetch(`${s.baseUrl}/models`)).status).toBe(401);
    });

    it('draws with function_call "auto": an img tag inside chatter, the seed 000 shape, a JPEG to download', async () => {
      const res = await chat(draw());
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        choices: { message: { content: string; role: string }; finish_reason: string }[];
        model: string;
        object: string;
        usage: object;
      };
      expect(body).toMatchObject({ model: GIGACHAT_ANSWER_MODEL, object: 'chat.completion', usage: { total_tokens: expect.any(Number) } });
      expect(body.choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant' } });
      const [id] = imgIds(body.choices[0]!.message.content);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.choices[0]!.message.content).toMatch(/^Запускаю генерацию.*<img .*\/> - вот/);
      const file = await api(`/files/${id}/content`, { headers: { Accept: 'application/jpg' } });
      expect(file.headers.get('content-type')).toBe('image/jpeg');
      expect(await formatOf(await file.arrayBuffer())).toBe('jpeg');
    });

    it('answers text only without function_call, or when functions does not name text2image', async () => {
      const plain = (await (await chat({ ...draw(), function_call: undefined })).json()) as { choices: { message: { content: string } }[] };
      expect(plain.choices[0]!.message.content).not.toContain('<img');
      const other = (await (await chat({ ...draw(), functions: [{ name: 'weather', parameters: {} }] })).json()) as {
        choices: { message: { content: string } }[];
      };
      expect(other.choices[0]!.message.content).not.toContain('<img');
    });

    it('draws only when the message asks to, and answers in the language it is written in', async () => {
      const content = async (text: string) =>
        ((await (await chat(draw(text))).json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content;
      const described = await content('a lighthouse at dawn');
      expect(described).not.toContain('<img');
      expect(described).toBe('This is the reference server\'s answer to the message "a lighthouse at dawn".');
      const asked = await content('Draw: a lighthouse at dawn');
      expect(imgIds(asked)).toHaveLength(1);
      expect(asked).toMatch(/^Starting image generation\..*<img .*\/> - here is what I came up with\.$/);
      expect(await content('маяк на рассвете')).toBe('Это ответ эталонного сервера на сообщение «маяк на рассвете».');
      const russian = await content('Нарисуй: маяк на рассвете');
      expect(imgIds(russian)).toHaveLength(1);
      expect(russian).toMatch(/^Запускаю генерацию изображения\./);
    });

    it('plays scripted answers: UUID placeholders, extra images, nextAnswerWithImages', async () => {
      s.answers.push({ text: 'Вот: <img src="UUID" fuse="true"/> и ещё', images: 2 });
      const first = (await (await chat(draw('что угодно'))).json()) as { choices: { message: { content: string } }[] };
      expect(imgIds(first.choices[0]!.message.content)).toHaveLength(2);
      expect(first.choices[0]!.message.content).toMatch(/^Вот: <img src="[0-9a-f-]{36}" fuse="true"\/> и ещё <img/);

      const ids = s.nextAnswerWithImages(3, 'Рисую!');
      const second = (await (await chat(draw())).json()) as { choices: { message: { content: string } }[] };
      expect(imgIds(second.choices[0]!.message.content)).toEqual(ids);
      const bytes = await Promise.all(
        ids.map(async (id) => Buffer.from(await (await api(`/files/${id}/content`)).arrayBuffer()).toString('hex')),
      );
      expect(new Set(bytes).size).toBe(3);
    });

    it('streams SSE: role first, img tag split across deltas, finish_reason and usage last, [DONE], bytes cut oddly', async () => {
      const [id] = s.nextAnswerWithImages(1, 'Запускаю генерацию изображения — ждите');
      const res = await chat({ ...draw(), stream: true }, undefined, true);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const { chunks, text } = await readChunks(res);
      expect(chunks.length).toBeGreaterThan(3);
      const data = sseData(text);
      expect(data.at(-1)).toBe('[DONE]');
      const events = data.slice(0, -1).map(
        (d) =>
          JSON.parse(d) as {
            choices: { delta: { content?: string; role?: string }; finish_reason?: string }[];
            usage?: object;
            object: string;
          },
      );
      expect(events[0]!.choices[0]!.delta.role).toBe('assistant');
      expect(events.slice(1).every((e) => e.choices[0]!.delta.role === undefined)).toBe(true);
      expect(events.at(-1)!.choices[0]!.finish_reason).toBe('stop');
      expect(events.at(-1)!.usage).toBeDefined();
      const deltas = events.map((e) => e.choices[0]!.delta.content ?? '');
      expect(deltas.some((d) => /<img src="[^"]+" fuse="true"\/>/.test(d))).toBe(false);
      expect(imgIds(deltas.join(''))).toEqual([id]);
      expect(s.chats.at(-1)).toMatchObject({ stream: true, accept: 'text/event-stream' });
    });

    it('applies per-server SSE options: CRLF, comments, no [DONE], wrong content type', async () => {
      s.sse = { lineEnding: '\r\n', comments: true, done: false };
      const { text } = await readChunks(await chat({ ...draw('Привет'), stream: true }, undefined, true));
      expect(text).toContain('\r\n\r\n');
      expect(text).toContain(': keep-alive');
      expect(sseData(text)).not.toContain('[DONE]');
      s.sse = {};
      s.answers.push({ text: 'oops', sse: { contentType: 'application/json' } });
      const wrong = await chat({ ...draw(), stream: true }, undefined, true);
      expect(wrong.status).toBe(200);
      expect(wrong.headers.get('content-type')).toBe('application/json');
      await wrong.text();
    });

    it('enforces X-Client-ID on downloads of files made with one (404 otherwise)', async () => {
      const [id] = s.nextAnswerWithImages(1);
      const res = await chat(draw(), 'client-a');
      expect(res.headers.get('x-client-id')).toBe('client-a');
      await res.json();
      expect(s.chats.at(-1)!.clientId).toBe('client-a');
      expect((await api(`/files/${id}/content`)).status).toBe(404);
      expect((await api(`/files/${id}/content`, { clientId: 'client-b' })).status).toBe(404);
      expect((await api(`/files/${id}/content`, { clientId: 'client-a' })).status).toBe(200);
      expect((await api(`/files/${randomUUID()}/content`)).status).toBe(404);

      const lax = await track(startGigaChatServer({ xClientIdRequired: false }));
      const laxToken = await newToken(lax);
      const [laxId] = lax.nextAnswerWithImages(1);
      const headers = { Authorization: `Bearer ${laxToken}`, 'Content-Type': 'application/json', 'X-Client-ID': 'client-a' };
      await (await fetch(`${lax.baseUrl}/chat/completions`, { method: 'POST', headers, body: JSON.stringify(draw()) })).json();
      expect((await fetch(`${lax.baseUrl}/files/${laxId}/content`, { headers: { Authorization: `Bearer ${laxToken}` } })).status).toBe(200);
    });

    it('uploads an input image (multipart file + purpose) and accepts it as an attachment; unknown ids are 404', async () => {
      const png = await sampleImage('png');
      const form = new FormData();
      form.append('file', new Blob([png], { type: 'image/png' }), 'cat.png');
      form.append('purpose', 'general');
      const res = await api('/files', { method: 'POST', body: form });
      expect(res.status).toBe(200);
      const file = (await res.json()) as {
        id: string;
        object: string;
        bytes: number;
        created_at: number;
        filename: string;
        purpose: string;
      };
      expect(file).toMatchObject({ object: 'file', bytes: png.length, filename: 'cat.png', purpose: 'general' });
      expect(s.uploads.at(-1)).toMatchObject({ id: file.id, contentType: 'image/png' });
      expect(s.uploads.at(-1)!.bytes.equals(png)).toBe(true);

      const withAttachment = { model: 'GigaChat-2-Max', messages: [{ role: 'user', content: 'Что на картинке?', attachments: [file.id] }] };
      expect((await chat(withAttachment)).status).toBe(200);
      const unknown = await chat({ ...withAttachment, messages: [{ role: 'user', content: '?', attachments: [randomUUID()] }] });
      expect(unknown.status).toBe(404);

      const gif = new FormData();
      gif.append(
        'file',
        new Blob(
          [
            await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
              .gif()
              .toBuffer(),
          ],
          { type: 'image/gif' },
        ),
        'a.gif',
      );
      gif.append('purpose', 'general');
      expect((await api('/files', { method: 'POST', body: gif })).status).toBe(422);
    });

    it('serves broken downloads on request: HTML as image/jpeg, truncated, slow', async () => {
      const [html, cut, slow] = s.nextAnswerWithImages(3);
      await (await chat(draw())).json();
      s.corruptFile(html!, 'html');
      const page = await api(`/files/${html}/content`);
      expect(page.headers.get('content-type')).toBe('image/jpeg');
      expect(await page.text()).toMatch(/^<!DOCTYPE html>/);

      s.quirks.push({ path: `/files/${cut}/content`, truncate: true });
      const truncated = await api(`/files/${cut}/content`);
      await expect(truncated.arrayBuffer()).rejects.toThrow();

      s.quirks.push({ path: `/files/${slow}/content`, slowBodyMs: 50, pieces: 3 });
      const t0 = Date.now();
      expect(await formatOf(await (await api(`/files/${slow}/content`)).arrayBuffer())).toBe('jpeg');
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    });

    it('answers 429 with Retry-After and 402 from the quirk queue, then succeeds', async () => {
      s.quirks.push(
        { path: '/chat/completions', status: 429, headers: { 'Retry-After': '1' }, body: { status: 429, message: 'Too many requests' } },
        { path: '/chat/completions', status: 402, body: { status: 402, message: 'Payment Required' } },
      );
      const limited = await chat(draw());
      expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1']);
      await limited.json();
      expect((await chat(draw())).status).toBe(402);
      expect((await chat(draw())).status).toBe(200);
    });

    it('validates the chat body (422) and the model (404)', async () => {
      expect((await chat({ model: 'GigaChat' })).status).toBe(422);
      expect((await chat({ ...draw(), model: 'gpt-4o' })).status).toBe(404);
      expect((await chat({ ...draw(), model: 'GigaChat:latest' })).status).toBe(200);
    });
  });

  it('over TLS with a private CA: unreachable without the CA, reachable with it', async () => {
    const s = await track(startGigaChatServer({ tls: true }));
    expect(s.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const error = (await fetch(s.authUrl, { method: 'POST' }).catch((e: unknown) => e)) as Error & { cause?: { code?: string } };
    expect(error).toBeInstanceOf(Error);
    expect(error.cause?.code).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    const agent = new Agent({ connect: { ca: s.caPem } });
    try {
      const res = await fetch(s.authUrl, {
        method: 'POST',
        headers: { Authorization: `Basic ${s.authorizationKey}`, RqUID: randomUUID(), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'scope=GIGACHAT_API_PERS',
        // Node 20's global fetch accepts undici 7's Agent at run time; only the bundled typings differ
        dispatcher: agent as unknown as RequestInit['dispatcher'],
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toHaveProperty('access_token');
    } finally {
      await agent.close();
    }
  });
});

describe('OpenAI-compatible chat reference server (aggregator)', () => {
  let s: OpenAIChatServer;
  beforeAll(async () => {
    s = await track(startOpenAIChatServer());
  });
  const complete = (body: object, key = s.apiKey) =>
    fetch(`${s.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const ask = (extra: object = {}) => ({ model: 'gpt-4o-image', messages: [{ role: 'user', content: 'A lighthouse at dusk' }], ...extra });
  const markdownUrls = (text: string) => [...text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);

  /** Every image URL in a non-streamed answer, whatever its shape. */
  function urlsOf(shape: ImageAnswerShape, body: Record<string, unknown>): string[] {
    if (shape === 'images-api') return (body.data as { url: string }[]).map((d) => d.url);
    const message = (body.choices as { message: { content: unknown; images?: { image_url: { url: string } }[] } }[])[0]!.message;
    if (shape === 'content-array') {
      return (message.content as { type: string; image_url?: { url: string } }[])
        .filter((p) => p.type === 'image_url')
        .map((p) => p.image_url!.url);
    }
    if (shape === 'message-images') return (message.images ?? []).map((i) => i.image_url.url);
    return markdownUrls(message.content as string);
  }

  async function bytesOf(url: string): Promise<Buffer> {
    if (url.startsWith('data:')) return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
    const res = await fetch(url);
    expect(res.headers.get('content-type')).toBe('image/png');
    return Buffer.from(await res.arrayBuffer());
  }

  it('needs the Bearer key (401 {error:{message,type,code}}) and lists models', async () => {
    const res = await complete(ask(), 'sk-wrong');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      error: { message: expect.any(String), type: 'invalid_request_error', code: 'invalid_api_key' },
    });
    const models = (await (await fetch(`${s.baseUrl}/models`, { headers: { Authorization: `Bearer ${s.apiKey}` } })).json()) as {
      data: { id: string }[];
    };
    expect(models.data.map((m) => m.id)).toContain('nano-banana');
  });

  it.each(['content-array', 'markdown', 'data-uri-markdown', 'message-images', 'images-api'] as const)(
    'answers n images in the %s shape, each a real PNG',
    async (shape) => {
      s.answerShape = shape;
      const res = await complete(ask({ n: 2, modalities: ['image', 'text'] }));
      expect(res.status).toBe(200);
      const urls = urlsOf(shape, (await res.json()) as Record<string, unknown>);
      expect(urls).toHaveLength(2);
      expect(
        urls.every((u) =>
          shape === 'data-uri-markdown' || shape === 'message-images'
            ? u.startsWith('data:image/png;base64,')
            : u.startsWith(`${s.url}/files/`),
        ),
      ).toBe(true);
      for (const url of urls) expect(await formatOf(await bytesOf(url))).toBe('png');
      expect(s.chats.at(-1)!.answeredUrls).toEqual(urls);
    },
  );

  it('draws nothing in the message-images shape unless modalities asks for images (OpenRouter)', async () => {
    s.answerShape = 'message-images';
    const body = (await (await complete(ask())).json()) as { choices: { message: { images?: unknown[]; content: string } }[] };
    expect(body.choices[0]!.message.images).toBeUndefined();
    expect(body.choices[0]!.message.content).toBe(s.text);
  });

  it.each(['markdown', 'data-uri-markdown'] as const)('streams %s: progress first, each link split across deltas', async (shape) => {
    s.answerShape = shape;
    const res = await complete(ask({ stream: true, n: 2 }));
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const data = sseData((await readChunks(res)).text);
    expect(data.at(-1)).toBe('[DONE]');
    const deltas = data
      .slice(0, -1)
      .map((d) => (JSON.parse(d) as { choices: { delta: { content?: string } }[] }).choices[0]!.delta.content ?? '');
    const content = deltas.join('');
    const urls = markdownUrls(content);
    expect(urls).toHaveLength(2);
    expect(content.indexOf('Генерация началась')).toBeLessThan(content.indexOf('!['));
    expect(deltas.some((d) => /!\[[^\]]*\]\([^)]+\)/.test(d))).toBe(false);
    for (const url of urls) expect(await formatOf(await bytesOf(url))).toBe('png');
  });

  it('streams content-array parts and OpenRouter delta.images, with a usage chunk when asked', async () => {
    s.answerShape = 'content-array';
    const arrays = sseData((await readChunks(await complete(ask({ stream: true, stream_options: { include_usage: true } })))).text);
    const chunks = arrays.slice(0, -1).map((d) => JSON.parse(d) as { choices: { delta: { content?: unknown } }[]; usage?: object });
    const parts = chunks
      .flatMap((c) => c.choices.map((ch) => ch.delta.content))
      .filter(Array.isArray)
      .flat() as { type: string; image_url: { url: string } }[];
    expect(parts).toHaveLength(1);
    expect(parts[0]!.type).toBe('image_url');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: expect.any(Number) } });

    s.answerShape = 'message-images';
    const images = sseData((await readChunks(await complete(ask({ stream: true, modalities: ['image', 'text'] })))).text);
    const deltaImages = images
      .slice(0, -1)
      .flatMap(
        (d) => (JSON.parse(d) as { choices: { delta: { images?: { image_url: { url: string } }[] } }[] }).choices[0]!.delta.images ?? [],
      );
    expect(deltaImages).toHaveLength(1);
    expect(deltaImages[0]!.image_url.url).toMatch(/^data:image\/png;base64,/);
  });

  it('answers JSON although stream: true was asked when ignoreStream is set (and always for images-api)', async () => {
    s.answerShape = 'markdown';
    s.ignoreStream = true;
    const res = await complete(ask({ stream: true }));
    s.ignoreStream = false;
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(markdownUrls(((await res.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content)).toHaveLength(
      1,
    );
    s.answers.push({ shape: 'images-api' });
    const api = await complete(ask({ stream: true }));
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await api.json()) as { data: unknown[] }).data).toHaveLength(1);
  });

  it('records multimodal input: text parts, https and data: image URLs with their bytes', async () => {
    s.answerShape = 'markdown';
    const png = await sampleImage('png');
    const dataUri = `data:image/png;base64,${png.toString('base64')}`;
    const res = await complete({
      model: 'nano-banana',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Make the cat blue' },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
            { type: 'image_url', image_url: { url: dataUri } },
          ],
        },
      ],
    });
    expect(res.status).toBe(200);
    const record = s.chats.at(-1)!;
    expect(record.texts).toEqual(['Make the cat blue']);
    expect(record.imageUrls).toEqual(['https://example.com/cat.png', dataUri]);
    expect(record.images[0]!.equals(png)).toBe(true);
    const bad = await complete({
      model: 'nano-banana',
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'file:///etc/passwd' } }] }],
    });
    expect(bad.status).toBe(400);
  });

  it('breaks downloads on request: HTML as image/png, expired (404 / 403), truncated', async () => {
    s.answerShape = 'markdown';
    const body = (await (await complete(ask({ n: 4 }))).json()) as { choices: { message: { content: string } }[] };
    const [html, gone, denied, cut] = markdownUrls(body.choices[0]!.message.content);
    s.corruptFile(s.fileIdOf(html!)!, 'html');
    const page = await fetch(html!);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(await page.text()).toContain('<html>');
    s.expireFile(s.fileIdOf(gone!)!);
    expect((await fetch(gone!)).status).toBe(404);
    s.expireFile(s.fileIdOf(denied!)!, 403);
    const forbidden = await fetch(denied!);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toContain('AccessDenied');
    s.quirks.push({ path: '/files/', truncate: true });
    await expect((await fetch(cut!)).arrayBuffer()).rejects.toThrow();
  });
});

describe('OpenAI Images reference server', () => {
  let s: OpenAIImagesServer;
  beforeAll(async () => {
    s = await track(startOpenAIImagesServer());
  });
  const generate = (body: object) =>
    fetch(`${s.baseUrl}/images/generations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const edit = (form: FormData) =>
    fetch(`${s.baseUrl}/images/edits`, { method: 'POST', headers: { Authorization: `Bearer ${s.apiKey}` }, body: form });
  type ImagesAnswer = { created: number; data: { url?: string; b64_json?: string; revised_prompt?: string }[]; usage?: object };

  it('answers GPT image models with b64_json only (even when url is asked), with usage', async () => {
    const res = await generate({ model: 'gpt-image-1', prompt: 'a fox', n: 2, size: '1536x1024', quality: 'high', response_format: 'url' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ImagesAnswer;
    expect(body.data).toHaveLength(2);
    expect(body.data.every((d) => d.b64_json && !d.url)).toBe(true);
    expect(body.usage).toBeDefined();
    const meta = await sharp(Buffer.from(body.data[0]!.b64_json!, 'base64')).metadata();
    expect([meta.format, meta.width! / meta.height!]).toEqual(['png', 1.5]);
    const jpeg = (await (await generate({ model: 'gpt-image-1', prompt: 'a fox', output_format: 'jpeg' })).json()) as ImagesAnswer;
    expect(await formatOf(Buffer.from(jpeg.data[0]!.b64_json!, 'base64'))).toBe('jpeg');
  });

  it('answers dall-e with URLs back to itself by default and b64_json when asked', async () => {
    const url = (await (await generate({ model: 'dall-e-3', prompt: 'a fox', size: '1792x1024' })).json()) as ImagesAnswer;
    expect(url.data[0]!.url).toMatch(new RegExp(`^${s.url}/files/`));
    expect(url.data[0]!.revised_prompt).toContain('a fox');
    expect(await formatOf(await (await fetch(url.data[0]!.url!)).arrayBuffer())).toBe('png');
    const b64 = (await (
      await generate({ model: 'dall-e-2', prompt: 'a fox', response_format: 'b64_json', size: '256x256' })
    ).json()) as ImagesAnswer;
    expect(b64.data[0]!.b64_json).toBeTruthy();
  });

  it('refuses what the API refuses: no prompt, n>1 on dall-e-3, unknown size, wrong key', async () => {
    const errorOf = async (res: Response) => {
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { message: string; type: string; param: string | null } }).error;
    };
    expect((await errorOf(await generate({ model: 'dall-e-3' }))).param).toBe('prompt');
    expect((await errorOf(await generate({ model: 'dall-e-3', prompt: 'x', n: 2 }))).param).toBe('n');
    expect((await errorOf(await generate({ model: 'gpt-image-1', prompt: 'x', size: '1792x1024' }))).param).toBe('size');
    const unauthorized = await fetch(`${s.baseUrl}/images/generations`, {
      method: 'POST',
      body: '{}',
      headers: { Authorization: 'Bearer nope' },
    });
    expect(unauthorized.status).toBe(401);
  });

  it('edits several image[] files with a matching RGBA mask and records every part', async () => {
    const first = await sampleImage('png', 40, 30);
    const second = await sampleImage('jpeg', 20, 20);
    const mask = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('model', 'gpt-image-1');
    form.append('prompt', 'make it night');
    form.append('image[]', new Blob([first], { type: 'image/png' }), 'first.png');
    form.append('image[]', new Blob([second], { type: 'image/jpeg' }), 'second.jpg');
    form.append('mask', new Blob([mask], { type: 'image/png' }), 'mask.png');
    const res = await edit(form);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ImagesAnswer;
    expect(body.data[0]!.b64_json).toBeTruthy();
    const record = s.edits.at(-1)!;
    expect(record.fields).toMatchObject({ model: 'gpt-image-1', prompt: 'make it night' });
    expect(record.images.map((i) => [i.part.name, i.part.filename, i.width, i.height])).toEqual([
      ['image[]', 'first.png', 40, 30],
      ['image[]', 'second.jpg', 20, 20],
    ]);
    expect(record.mask?.part.data.equals(mask)).toBe(true);
  });

  it('refuses a mask whose size differs from the first image (400) and a non-square dall-e-2 image', async () => {
    const form = new FormData();
    form.append('model', 'gpt-image-1');
    form.append('prompt', 'x');
    form.append('image', new Blob([await sampleImage('png', 40, 30)], { type: 'image/png' }), 'a.png');
    form.append(
      'mask',
      new Blob(
        [
          await sharp({ create: { width: 30, height: 30, channels: 4, background: '#0000' } })
            .png()
            .toBuffer(),
        ],
        { type: 'image/png' },
      ),
      'm.png',
    );
    const res = await edit(form);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string; param: string } }).error).toMatchObject({
      param: 'mask',
      message: expect.stringMatching(/mask size/),
    });

    const dalle = new FormData();
    dalle.append('prompt', 'x');
    dalle.append('image', new Blob([await sampleImage('png', 40, 30)], { type: 'image/png' }), 'a.png');
    expect((await edit(dalle)).status).toBe(400);
  });
});

describe('Givon reference server (answer shapes assumed)', () => {
  let s: GivonServer;
  beforeAll(async () => {
    s = await track(startGivonServer());
  });
  const create = (input: object, key = s.apiKey) =>
    fetch(`${s.baseUrl}/generations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'image', model: 'gpt-image-2', input }),
    });
  const poll = async (id: string) =>
    (await (await fetch(`${s.baseUrl}/generations/${id}`, { headers: { Authorization: `Bearer ${s.apiKey}` } })).json()) as {
      id: string;
      status: string;
      output?: { images: { url: string }[] };
      error?: { message: string };
    };

  it('answers a finished generation at once in immediate mode, with a PNG of the asked aspect ratio', async () => {
    s.mode = 'immediate';
    const res = await create({ prompt: 'рыжий корги', aspectRatio: '16:9', quality: 'high', imageSize: '2K' });
    const body = (await res.json()) as { id: string; status: string; output: { images: { url: string }[] } };
    expect(body.status).toBe('succeeded');
    const meta = await sharp(Buffer.from(await (await fetch(body.output.images[0]!.url)).arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 128, 72]);
    expect(s.jobs.get(body.id)?.body.input).toMatchObject({ prompt: 'рыжий корги', aspectRatio: '16:9' });
  });

  it('runs a job: queued, then processing for pollsNeeded polls, then succeeded', async () => {
    s.mode = 'job';
    s.pollsNeeded = 3;
    const { id, status } = (await (await create({ prompt: 'a corgi' })).json()) as { id: string; status: string };
    expect(status).toBe('queued');
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push((await poll(id)).status);
    expect(seen).toEqual(['queued', 'processing', 'processing', 'succeeded']);
    const done = await poll(id);
    expect(done.output!.images).toHaveLength(1);
    expect((await fetch(done.output!.images[0]!.url)).status).toBe(200);
  });

  it('ends a failed job with an error message', async () => {
    s.mode = 'fail';
    s.pollsNeeded = 1;
    const { id } = (await (await create({ prompt: 'something forbidden' })).json()) as { id: string };
    expect((await poll(id)).status).toBe('queued');
    expect(await poll(id)).toEqual({ id, status: 'failed', error: { message: 'Content policy violation' } });
  });

  it('refuses what seed 003 forbids: mask without source, over 16 references, unknown aspect ratio, bad key', async () => {
    s.mode = 'immediate';
    const png = `data:image/png;base64,${(await sampleImage('png')).toString('base64')}`;
    expect((await create({ prompt: 'x', maskImage: png })).status).toBe(400);
    expect((await create({ prompt: 'x', sourceImage: png, maskImage: png })).status).toBe(200);
    expect((await create({ prompt: 'x', referenceAssetUris: Array.from({ length: 17 }, () => 'asset://asset_1') })).status).toBe(400);
    expect((await create({ prompt: 'x', referenceAssetUris: Array.from({ length: 16 }, () => 'asset://asset_1') })).status).toBe(200);
    const ratio = await create({ prompt: 'x', aspectRatio: '7:3' });
    expect(ratio.status).toBe(400);
    expect(((await ratio.json()) as { error: { message: string } }).error.message).toMatch(/aspectRatio/);
    expect((await create({ prompt: 'x' }, 'wrong')).status).toBe(401);
    expect((await poll('gen_unknown')) as unknown).toMatchObject({ error: { code: 'not_found' } });
  });
});
