// Generation through the contract, as a window does it: chat.send / retry / cancel answered by the
// real core against the GigaChat reference server, every pushed generation.event checked, and the
// conversation read back from SQLite.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../../../src/main/core/app-core';
import type { GenerationEvent } from '../../../../../src/shared/generation';
import { startGigaChatServer, type GigaChatServer } from '../../../../servers/gigachat-server';
import { call, openTestCore } from '../../../../support/core';
import { solidImage } from '../../../../support/images';
import { removeTempDirs } from '../../../../support/temp-dir';

let server: GigaChatServer;
let core: AppCore;
let events: GenerationEvent[];

beforeEach(async () => {
  server = await startGigaChatServer();
  core = await openTestCore(undefined, { HOLST_API_KEY_GIGA: server.authorizationKey });
  await core.settings.update((s) => ({
    ...s,
    providers: [
      {
        id: 'giga',
        kind: 'gigachat',
        baseUrl: server.baseUrl,
        authUrl: server.authUrl,
        scope: 'GIGACHAT_API_PERS',
        models: ['GigaChat-2-Max'],
      },
    ],
  }));
  events = [];
  core.events.subscribe((name, payload) => {
    if (name === 'generation.event') events.push(payload as GenerationEvent);
  });
});
afterEach(async () => {
  core.close();
  await server.close();
});
afterAll(removeTempDirs);

/** Resolves with the `finished` event of a generation. */
async function finished(generationId: string): Promise<Extract<GenerationEvent, { type: 'finished' }>> {
  for (let i = 0; i < 400; i++) {
    const done = events.find((e) => e.generationId === generationId && e.type === 'finished');
    if (done) return done as Extract<GenerationEvent, { type: 'finished' }>;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`generation ${generationId} did not finish`);
}

async function send(input: Parameters<typeof call<'chat.send'>>[2]) {
  const result = await call(core, 'chat.send', input);
  if (!result.ok) throw new Error(`chat.send failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('chat over the contract', () => {
  it('streams text, pushes the saved image, and keeps the conversation with its images', async () => {
    server.nextAnswerWithImages(1, 'Рисую кота. Вот он:');
    const source = await call(core, 'library.importBytes', {
      name: 'cat.png',
      base64: (await solidImage(3, 'png', 64, 64)).toString('base64'),
    });
    if (!source.ok) throw new Error(source.error.message);

    const started = await send({ providerId: 'giga', prompt: 'Нарисуй кота', imageIds: [source.value.id] });
    expect(started.userMessage).toMatchObject({ role: 'user', text: 'Нарисуй кота', imageIds: [source.value.id], provider: 'giga' });
    expect(started.assistantMessage).toMatchObject({ role: 'assistant', status: 'streaming', replyTo: started.userMessage.id });
    const end = await finished(started.generationId);

    expect(end).toMatchObject({ status: 'complete', error: null, conversationId: started.conversationId });
    const mine = events.filter((e) => e.generationId === started.generationId);
    const text = mine.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
    expect(mine.filter((e) => e.type === 'text').length).toBeGreaterThan(1);
    expect(text).toContain('Рисую кота');
    expect(text).not.toContain('<img');
    const images = mine.flatMap((e) => (e.type === 'image' ? [e.image] : []));
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ source: 'edited', provider: 'giga', conversationId: started.conversationId });
    expect(mine.at(-1)!.type).toBe('finished');
    expect(mine.some((e) => e.type === 'usage')).toBe(true);

    const messages = await call(core, 'conversations.messages', { id: started.conversationId });
    if (!messages.ok) throw new Error(messages.error.message);
    expect(messages.value).toHaveLength(2);
    expect(messages.value[1]).toMatchObject({ status: 'complete', imageIds: [images[0]!.id], replyTo: messages.value[0]!.id });
    expect(messages.value[1]!.text).toContain('Рисую кота');
    const conversations = await call(core, 'conversations.list', {});
    expect(conversations.ok && conversations.value[0]!.title).toBe('Нарисуй кота');
    expect(core.library.detail(images[0]!.id).parents).toMatchObject([{ role: 'source', image: { id: source.value.id } }]);
  });

  it('stops a streaming answer: cancelled, the text so far kept, nothing stored', async () => {
    server.nextAnswerWithImages(1, 'Это будет долгий ответ, очень долгий, с картинкой в самом конце.');
    server.quirks.push({ path: '/chat/completions', slowBodyMs: 300, pieces: 20 });
    const before = core.library.list({}).items.length;
    const started = await send({ providerId: 'giga', prompt: 'долго' });
    for (let i = 0; i < 200 && !events.some((e) => e.type === 'text'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await call(core, 'chat.running', undefined)).toMatchObject({ ok: true, value: [{ generationId: started.generationId }] });
    await call(core, 'chat.cancel', { generationId: started.generationId });
    const end = await finished(started.generationId);
    expect(end).toMatchObject({ status: 'cancelled', error: null, message: { status: 'cancelled', imageIds: [] } });
    expect(core.library.list({}).items.length).toBe(before);
    expect(await call(core, 'chat.running', undefined)).toEqual({ ok: true, value: [] });
  });

  it('Answer again after a Stop before anything arrived leaves no empty version beside the new answer', async () => {
    server.quirks.push({ path: '/chat/completions', delayMs: 1500 });
    const first = await send({ providerId: 'giga', prompt: 'кот' });
    await call(core, 'chat.cancel', { generationId: first.generationId });
    expect(await finished(first.generationId)).toMatchObject({ status: 'cancelled', message: { text: '', imageIds: [] } });

    server.nextAnswerWithImages(1, 'Готово');
    const again = await call(core, 'chat.retry', { messageId: first.userMessage.id });
    if (!again.ok) throw new Error(again.error.message);
    expect(await finished(again.value.generationId)).toMatchObject({ status: 'complete' });
    const messages = await call(core, 'conversations.messages', { id: first.conversationId });
    expect(messages.ok && messages.value.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
  });

  it('reports a failure as the final state, and Retry answers the same prompt again, keeping both versions', async () => {
    server.quirks.push({ path: '/chat/completions', status: 400, body: { status: 400, message: 'Invalid params: model' } });
    const first = await send({ providerId: 'giga', prompt: 'кот', params: { n: 1 } });
    const failed = await finished(first.generationId);
    expect(failed).toMatchObject({
      status: 'error',
      error: { code: 'bad_request' },
      message: { status: 'error', error: { code: 'bad_request' } },
    });
    expect(failed.error!.message).toContain('Invalid params');

    server.nextAnswerWithImages(1, 'Готово');
    const retried = await call(core, 'chat.retry', { messageId: first.userMessage.id });
    if (!retried.ok) throw new Error(retried.error.message);
    expect(retried.value.conversationId).toBe(first.conversationId);
    expect(await finished(retried.value.generationId)).toMatchObject({ status: 'complete' });
    expect(server.chats.at(-1)!.body).toMatchObject({ model: 'GigaChat-2-Max' });

    const messages = await call(core, 'conversations.messages', { id: first.conversationId });
    const list = messages.ok ? messages.value : [];
    expect(list.map((m) => [m.role, m.status, m.replyTo])).toEqual([
      ['user', 'complete', null],
      ['assistant', 'error', first.userMessage.id],
      ['assistant', 'complete', first.userMessage.id],
    ]);
    expect(list[0]!.request).toMatchObject({ params: { n: 1 } });
  });

  it('refuses bad requests before writing anything', async () => {
    const cases: Array<[Parameters<typeof call<'chat.send'>>[2], string, string | undefined]> = [
      [{ providerId: 'nope', prompt: 'x' }, 'not_found', undefined],
      [{ providerId: 'giga', prompt: '   ' }, 'invalid_input', 'prompt'],
      [{ providerId: 'giga', prompt: 'x', params: { n: 5 } }, 'invalid_input', 'n'],
      [{ providerId: 'giga', prompt: 'x', imageIds: [999] }, 'invalid_input', 'imageIds'],
      [{ providerId: 'giga', prompt: 'x', params: { quality: 'ultra' as never } }, 'invalid_input', 'params.quality'],
      [{ providerId: 'giga', prompt: 'x', conversationId: 12345 }, 'not_found', undefined],
    ];
    for (const [input, code, field] of cases) {
      const result = await call(core, 'chat.send', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code, ...(field ? { field } : {}) } });
    }
    expect(await call(core, 'conversations.list', {})).toEqual({ ok: true, value: [] });
    expect(server.chats).toHaveLength(0);
    expect(await call(core, 'chat.retry', { messageId: 777 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('counts the composer’s tokens with providers that can', async () => {
    const counted = await call(core, 'providers.countTokens', { id: 'giga', text: 'Нарисуй розового кота' });
    expect(counted.ok && counted.value.tokens).toBeGreaterThan(0);
    expect(await call(core, 'providers.countTokens', { id: 'giga', text: '' })).toEqual({ ok: true, value: { tokens: null } });
    const models = await call(core, 'providers.models', { id: 'giga' });
    expect(models.ok && models.value).toContain('GigaChat-2-Max');
  });
});

describe('library.importBytes', () => {
  it('takes image bytes, refuses anything else with a typed error, and changes nothing then', async () => {
    const png = await solidImage(9, 'png', 32, 32);
    const imported = await call(core, 'library.importBytes', { name: 'dropped.png', base64: png.toString('base64') });
    expect(imported).toMatchObject({ ok: true, value: { source: 'imported', originalName: 'dropped.png', width: 32 } });
    const again = await call(core, 'library.importBytes', { name: 'again.png', base64: png.toString('base64') });
    expect(again.ok && again.value.id).toBe(imported.ok && imported.value.id);

    const html = await call(core, 'library.importBytes', { name: 'x.png', base64: Buffer.from('<html>nope</html>').toString('base64') });
    expect(html).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const garbage = await call(core, 'library.importBytes', { name: 'x.png', base64: 'not base64 at all!' });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'base64' } });
    expect(core.library.list({}).items).toHaveLength(1);
  });
});
