// GigaChat end to end against the reference server: token, chat (streamed and not), images found
// in <img> tags, downloads with X-Client-ID, errors, refresh, cancel; every image into the library.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../../../../src/main/core/app-core';
import { generate } from '../../../../../../src/main/core/generation/generate';
import { gigaChatProvider, startGigaChatServer, type GigaChatServer } from '../../../../../servers/gigachat-server';
import { openTestCore } from '../../../../../support/core';
import { solidImage } from '../../../../../support/images';
import { failure } from '../../../../../support/failure';
import { removeTempDirs, tempDir } from '../../../../../support/temp-dir';

let server: GigaChatServer;
let core: AppCore;

async function setUp(options: Parameters<typeof startGigaChatServer>[0] = {}, provider: Record<string, unknown> = {}) {
  server = await startGigaChatServer(options);
  core = await openTestCore(undefined, { HOLST_API_KEY_GIGA: server.authorizationKey });
  await core.settings.update((s) => ({
    ...s,
    providers: [{ ...gigaChatProvider(server), ...provider }],
  }));
}

const libraryFiles = async () => (await fs.readdir(core.library.layout.originals, { recursive: true }).catch(() => [])).length;

beforeEach(() => setUp());
afterEach(async () => {
  await server.close();
  core.close();
});
afterAll(removeTempDirs);

describe('GigaChat', () => {
  it('streams text, finds the image tag split across deltas, downloads it with the same X-Client-ID, and saves it', async () => {
    server.nextAnswerWithImages(1, 'Запускаю генерацию изображения. Ожидайте результат');
    const deltas: string[] = [];
    const result = await generate(
      core,
      { providerId: 'giga', prompt: 'Нарисуй розового кота', system: 'Ты — Василий Кандинский' },
      { onProgress: (e) => e.type === 'text' && deltas.push(e.delta) },
    );
    expect(result.images).toHaveLength(1);
    const [image] = result.images;
    expect(image).toMatchObject({
      mime: 'image/jpeg',
      source: 'generated',
      prompt: 'Нарисуй розового кота',
      provider: 'giga',
      model: 'GigaChat-2-Max',
    });
    expect(result.text).toContain('Запускаю генерацию');
    expect(result.text).not.toMatch(/<img|fuse|src=/);
    for (const delta of deltas) expect(delta).not.toMatch(/<i|fuse=/);
    const chat = server.chats.at(-1)!;
    expect(chat.body).toMatchObject({ function_call: 'auto', stream: true, model: 'GigaChat-2-Max' });
    expect((chat.body as { messages: unknown[] }).messages[0]).toEqual({ role: 'system', content: 'Ты — Василий Кандинский' });
    const download = server.requests.find((r) => r.path.includes('/content'))!;
    expect(download.headers['x-client-id']).toBe(chat.clientId);
    expect(result.usage).toMatchObject({ totalTokens: expect.any(Number) });
    expect(core.library.get(image!.id)?.params).toMatchObject({ system: 'Ты — Василий Кандинский' });
  });

  it('works without streaming, with several images', async () => {
    server.nextAnswerWithImages(2);
    const result = await generate(core, { providerId: 'giga', prompt: 'два кота', stream: false });
    expect(result.images).toHaveLength(2);
    expect(server.chats.at(-1)!.body.stream).toBe(false);
  });

  it('sends the RqUID and the authorization key, caches the token, and refreshes it once after a 401', async () => {
    server.nextAnswerWithImages(1);
    await generate(core, { providerId: 'giga', prompt: 'кот' });
    const tokenRequests = () => server.requests.filter((r) => r.path.startsWith('/api/v2/oauth'));
    expect(tokenRequests()).toHaveLength(1);
    expect(tokenRequests()[0]!.headers.rquid).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokenRequests()[0]!.body.toString()).toBe('scope=GIGACHAT_API_PERS');
    server.nextAnswerWithImages(1);
    await generate(core, { providerId: 'giga', prompt: 'ещё кот' });
    expect(tokenRequests()).toHaveLength(1);
    server.expireTokens();
    server.nextAnswerWithImages(1);
    const after = await generate(core, { providerId: 'giga', prompt: 'кот после' });
    expect(after.images).toHaveLength(1);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('says the authorization key was rejected, without the key in the message', async () => {
    await server.close();
    core.close();
    await setUp({ authorizationKey: Buffer.from('other:secret').toString('base64') });
    const wrong = Buffer.from('wrong:key-value-123').toString('base64');
    core.close();
    core = await openTestCore(undefined, { HOLST_API_KEY_GIGA: wrong });
    await core.settings.update((s) => ({
      ...s,
      providers: [{ id: 'giga', kind: 'gigachat', baseUrl: server.baseUrl, authUrl: server.authUrl, models: ['GigaChat'] }],
    }));
    const error = await failure(generate(core, { providerId: 'giga', prompt: 'кот' }));
    expect(error).toMatchObject({ code: 'auth' });
    expect(error!.message).toMatch(/rejected the authorization key.*Settings → Providers/);
    expect(error!.said).toMatchObject({ key: 'gigachatKeyRejected', params: { scope: 'GIGACHAT_API_PERS' } });
    expect(error!.message).not.toContain(wrong);
  });

  it('retries a 429 with Retry-After and a 500, then succeeds', async () => {
    server.quirks.push({ path: '/chat/completions', status: 429, headers: { 'Retry-After': '1' } });
    server.quirks.push({ path: '/chat/completions', status: 500 });
    server.nextAnswerWithImages(1);
    expect((await generate(core, { providerId: 'giga', prompt: 'кот' })).images).toHaveLength(1);
    expect(server.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(3);
  });

  it('maps 402 (no funds) to provider_error with advice', async () => {
    server.quirks.push({ path: '/chat/completions', status: 402, body: JSON.stringify({ status: 402, message: 'Payment Required' }) });
    const error = await failure(generate(core, { providerId: 'giga', prompt: 'кот' }));
    expect(error).toMatchObject({ code: 'provider_error' });
    expect(error!.message).toContain('no funds');
  });

  it('stores nothing when the image download is HTML or cut short', async () => {
    const [html] = server.nextAnswerWithImages(1);
    server.corruptFile(html!, 'html');
    expect(await failure(generate(core, { providerId: 'giga', prompt: 'кот' }))).toMatchObject({ code: 'no_image' });
    server.nextAnswerWithImages(1);
    server.quirks.push({ path: '/content', truncate: true });
    expect(await failure(generate(core, { providerId: 'giga', prompt: 'кот' }))).toMatchObject({ code: 'network' });
    expect(core.library.list({}).items).toEqual([]);
    expect(await libraryFiles()).toBe(0);
  });

  it('cancels mid-stream and mid-download, storing nothing', async () => {
    server.nextAnswerWithImages(1);
    server.quirks.push({ path: '/chat/completions', slowBodyMs: 200, pieces: 10 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    expect(await failure(generate(core, { providerId: 'giga', prompt: 'кот' }, { signal: controller.signal }))).toMatchObject({
      code: 'cancelled',
    });

    server.nextAnswerWithImages(1);
    server.quirks.push({ path: '/content', slowBodyMs: 200, pieces: 10 });
    const again = new AbortController();
    setTimeout(() => again.abort(), 600);
    expect(await failure(generate(core, { providerId: 'giga', prompt: 'кот' }, { signal: again.signal }))).toMatchObject({
      code: 'cancelled',
    });
    expect(core.library.list({}).items).toEqual([]);
    expect(await libraryFiles()).toBe(0);
  });

  it('uploads an input image, attaches it, and records it as the parent', async () => {
    const file = path.join(await tempDir(), 'cat.png');
    await fs.writeFile(file, await solidImage(3, 'png', 200, 200));
    server.nextAnswerWithImages(1);
    const result = await generate(core, { providerId: 'giga', prompt: 'сделай кота синим', imageFiles: [file] });
    expect(server.uploads).toHaveLength(1);
    const messages = (server.chats.at(-1)!.body as { messages: Array<{ attachments?: string[] }> }).messages;
    expect(messages.at(-1)!.attachments).toEqual([server.uploads[0]!.id]);
    const detail = core.library.detail(result.images[0]!.id);
    expect(detail.image.source).toBe('edited');
    expect(detail.parents.map((p) => [p.role, p.image.originalName])).toEqual([['source', 'cat.png']]);
  });

  it('checks parameters before sending anything', async () => {
    expect(await failure(generate(core, { providerId: 'giga', prompt: 'кот', params: { n: 5 } }))).toMatchObject({
      code: 'invalid_input',
      field: 'n',
    });
    const mask = path.join(await tempDir(), 'mask.png');
    await fs.writeFile(mask, await solidImage(1));
    expect(await failure(generate(core, { providerId: 'giga', prompt: 'кот', maskFile: mask }))).toMatchObject({
      code: 'invalid_input',
      field: 'mask',
    });
    expect(server.requests).toEqual([]);
  });

  it('answers text without an image as text only', async () => {
    server.answers.push({ text: 'Я не могу нарисовать это.' });
    const result = await generate(core, { providerId: 'giga', prompt: 'что-то' });
    expect(result).toMatchObject({ images: [], text: 'Я не могу нарисовать это.' });
  });
});

describe('GigaChat over TLS with a private CA', () => {
  beforeEach(async () => {
    await server.close();
    core.close();
  });

  it('trusts the CA file for this provider only, and without it fails with a TLS error', async () => {
    await setUp({ tls: true });
    const without = await failure(generate(core, { providerId: 'giga', prompt: 'кот' }));
    expect(without).toMatchObject({ code: 'network' });
    expect(without!.message).toMatch(/TLS check failed.*caFile/);

    await core.settings.update((s) => ({ ...s, providers: s.providers.map((p) => ({ ...p, caFile: server.caFile! })) }));
    server.nextAnswerWithImages(1);
    expect((await generate(core, { providerId: 'giga', prompt: 'кот' })).images).toHaveLength(1);
  });
});
