// Follow-ups in stored conversations against the reference servers: usage and time saved on each
// answer (surviving a restart), GigaChat uploads reused while GigaChat keeps them, the image
// budget of an OpenAI-compatible chat history (what is left out is logged), and a provider that
// refuses a multi-turn body.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type AppCore } from '../../../../../src/main/core/app-core';
import type { Logger } from '../../../../../src/main/core/logging/log';
import type { GigaChatServer } from '../../../../servers/gigachat-server';
import { startOpenAIChatServer, type OpenAIChatServer } from '../../../../servers/openai-chat-server';
import type { RecordedRequest } from '../../../../servers/reference-server';
import { ChatDriver } from '../../../../support/chat-driver';
import { call, openTestCore } from '../../../../support/core';
import { solidImage } from '../../../../support/images';
import { testKeychainService } from '../../../../support/keychain';
import { setUpProvider, type ProviderSetup } from '../../../../support/providers';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

describe('usage and time per answer', () => {
  let p: ProviderSetup;
  beforeEach(async () => (p = await setUpProvider('gigachat')));
  afterEach(() => p.close());

  it('saves the usage and the time from send to the last image, also on a failed answer, and keeps them after a restart', async () => {
    const chat = new ChatDriver(p.core);
    p.willAnswerWithImage();
    const sentAt = Date.now();
    const done = await chat.answer({ providerId: 'giga', prompt: 'Нарисуй кота' });
    const wall = Date.now() - sentAt;
    const usage = chat.events.find((e) => e.type === 'usage');
    expect(usage?.type === 'usage' && usage.usage.totalTokens).toBeGreaterThan(0);
    expect(done.message.usage).toEqual(usage?.type === 'usage' ? usage.usage : null);
    expect(Number.isInteger(done.message.elapsedMs)).toBe(true);
    expect(done.message.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(done.message.elapsedMs).toBeLessThanOrEqual(wall);

    p.server.quirks.push({ path: '/chat/completions', status: 400, body: { status: 400, message: 'Invalid params' } });
    const failed = await chat.send({ providerId: 'giga', conversationId: done.conversationId, prompt: 'ещё', singleTurn: true });
    const end = await chat.finished(failed.generationId);
    expect(end.message).toMatchObject({ status: 'error', usage: null, elapsedMs: expect.any(Number) });

    const dataDir = p.core.dataDir;
    p.core.close();
    const reopened = await openTestCore(dataDir);
    try {
      const messages = await call(reopened, 'conversations.messages', { id: done.conversationId });
      const stored = messages.ok ? messages.value.filter((m) => m.role === 'assistant') : [];
      expect(stored.map((m) => [m.status, m.usage, m.elapsedMs])).toEqual([
        ['complete', done.message.usage, done.message.elapsedMs],
        ['error', null, end.message.elapsedMs],
      ]);
      expect(messages.ok && messages.value.filter((m) => m.role === 'user').map((m) => [m.usage, m.elapsedMs])).toEqual([
        [null, null],
        [null, null],
      ]);
    } finally {
      reopened.close();
    }
  });
});

describe('GigaChat uploads', () => {
  let p: ProviderSetup;
  beforeEach(async () => (p = await setUpProvider('gigachat')));
  afterEach(() => p.close());

  it('reuses an uploaded image while GigaChat still has it, and uploads it again once it is gone', async () => {
    const giga = p.server as GigaChatServer;
    const chat = new ChatDriver(p.core);
    p.willAnswerWithImage();
    const first = await chat.answer({ providerId: 'giga', prompt: 'Нарисуй кота' });
    const [image] = first.message.imageIds;
    p.willAnswerWithImage();
    const follow = await chat.answer({
      providerId: 'giga',
      conversationId: first.conversationId,
      prompt: 'сделай ночь',
      imageIds: [image!],
    });
    expect(giga.uploads).toHaveLength(1);
    const uploaded = giga.uploads[0]!.id;
    const remembered = () =>
      p.core.library.db.prepare('SELECT file_id FROM provider_uploads WHERE provider_id = ? AND image_id = ?').pluck().get('giga', image);
    expect(remembered()).toBe(uploaded);

    const attachments = () => (giga.chats.at(-1)!.body.messages as Array<{ attachments?: string[] }>).at(-1)!.attachments;
    const checks = (id: string) => giga.requests.filter((r: RecordedRequest) => r.method === 'GET' && r.path === `/api/v1/files/${id}`);
    p.willAnswerWithImage();
    expect(await chat.finished((await chat.retry(follow.userMessageId)).generationId)).toMatchObject({ status: 'complete' });
    expect(giga.uploads).toHaveLength(1);
    expect(checks(uploaded)).toHaveLength(1);
    expect(attachments()).toEqual([uploaded]);

    giga.expireFile(uploaded);
    p.willAnswerWithImage();
    expect(await chat.finished((await chat.retry(follow.userMessageId)).generationId)).toMatchObject({ status: 'complete' });
    expect(giga.uploads).toHaveLength(2);
    const again = giga.uploads[1]!.id;
    expect(again).not.toBe(uploaded);
    expect(giga.uploads[1]!.bytes).toEqual(await chat.bytesOf(image!));
    expect(attachments()).toEqual([again]);
    expect(remembered()).toBe(again);
  });
});

describe('OpenAI-compatible chat history', () => {
  let server: OpenAIChatServer;
  let core: AppCore;
  let chat: ChatDriver;
  const log: string[] = [];

  beforeEach(async () => {
    server = await startOpenAIChatServer();
    const logger: Logger = { info: (m) => log.push(`info ${m}`), warn: (m) => log.push(`warn ${m}`), error: (m) => log.push(`error ${m}`) };
    core = await openCore({
      dataDir: await tempDir(),
      shell: 'browser',
      settingsPolicy: 'recover',
      env: { HOLST_KEYCHAIN_SERVICE: testKeychainService(), HOLST_API_KEY_AGG: server.apiKey },
      logger,
    });
    await core.settings.update((s) => ({
      ...s,
      providers: [{ id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: server.baseUrl, models: ['gpt-4o-image'] }],
    }));
    chat = new ChatDriver(core);
    log.length = 0;
  });
  afterEach(async () => {
    core.close();
    await server.close();
  });

  const ingest = async (bytes: Buffer) => (await core.library.ingest({ bytes }, { source: 'imported' })).image.id;

  /** A stored conversation of one prompt (with `userImages`) and its answer (with `answerImages`). */
  function storedTurn(userImages: number[], answerImages: number[]) {
    const { id } = core.conversations.create('earlier');
    const user = core.conversations.addMessage({
      conversationId: id,
      role: 'user',
      text: 'earlier prompt',
      provider: 'agg',
      imageIds: userImages,
    });
    core.conversations.addMessage({
      conversationId: id,
      role: 'assistant',
      text: 'earlier answer',
      replyTo: user.id,
      imageIds: answerImages,
    });
    return id;
  }

  /** The last body's messages with each data: URI replaced by the library id it came from. */
  async function sentMessages(ids: number[]) {
    const byUri = new Map<string, number>();
    for (const id of ids) byUri.set(await chat.dataUriOf(id), id);
    const messages = server.chats.at(-1)!.body.messages as Array<{ role: string; content: string | Array<Record<string, unknown>> }>;
    return messages.map((m) => ({
      role: m.role,
      content:
        typeof m.content === 'string'
          ? m.content
          : m.content.map((part) => (part.type === 'text' ? part.text : (byUri.get((part.image_url as { url: string }).url) ?? 'unknown'))),
    }));
  }

  it('sends at most 8 images in all, newest turn first, and logs the ones left out', async () => {
    const images: number[] = [];
    for (let i = 0; i < 11; i++) images.push(await ingest(await solidImage(60 + i, 'png', 24, 24)));
    const [fresh, ...earlier] = images;
    const userImages = earlier.slice(0, 5);
    const answerImages = earlier.slice(5);
    const conversationId = storedTurn(userImages, answerImages);
    const done = await chat.answer({ providerId: 'agg', conversationId, prompt: 'use them all', imageIds: [fresh!] });

    expect(await sentMessages(images)).toEqual([
      { role: 'user', content: ['earlier prompt', userImages[0], userImages[1]] },
      { role: 'assistant', content: ['earlier answer', ...answerImages] },
      { role: 'user', content: ['use them all', fresh] },
    ]);
    const left = userImages.slice(2);
    expect(log).toContainEqual(`warn follow-up to Aggregator: earlier images ${left.join(', ')} left out of the history (over 8 images)`);
    const notes = chat.events.filter((e) => e.generationId === done.generationId && e.type === 'progress');
    expect(notes.map((e) => e.type === 'progress' && e.message)).toContainEqual(expect.stringContaining('3 earlier images were left out'));
  });

  it('keeps the images within 20 MB, leaving out what would go over, and logs it', async () => {
    const noise = () =>
      sharp(randomBytes(1600 * 1600 * 3), { raw: { width: 1600, height: 1600, channels: 3 } })
        .png({ compressionLevel: 0 })
        .toBuffer();
    const big: number[] = [];
    for (let i = 0; i < 4; i++) big.push(await ingest(await noise()));
    expect(core.library.require(big[0]!).bytes).toBeGreaterThan(7 * 1024 * 1024);
    const fresh = await ingest(await solidImage(90, 'png', 24, 24));
    const conversationId = storedTurn(big.slice(0, 2), big.slice(2));
    await chat.answer({ providerId: 'agg', conversationId, prompt: 'smaller please', imageIds: [fresh] });

    expect(await sentMessages([...big, fresh])).toEqual([
      { role: 'user', content: 'earlier prompt' },
      { role: 'assistant', content: ['earlier answer', big[2], big[3]] },
      { role: 'user', content: ['smaller please', fresh] },
    ]);
    expect(log).toContainEqual(
      `warn follow-up to Aggregator: earlier images ${big[0]}, ${big[1]} left out of the history (over 20 MB of images)`,
    );
  });

  it('reports a refused multi-turn body as such, retries nothing by itself, and sends a single turn when asked', async () => {
    const multiTurn = (r: RecordedRequest) =>
      ((r.json as { messages?: Array<{ role: string }> } | undefined)?.messages ?? []).some((m) => m.role === 'assistant');
    server.quirks.push({
      path: '/chat/completions',
      when: multiTurn,
      status: 400,
      body: {
        error: {
          message: 'Assistant messages with images are not supported',
          type: 'invalid_request_error',
          param: 'messages',
          code: null,
        },
      },
    });
    const first = await chat.answer({ providerId: 'agg', prompt: 'a fox' });
    const follow = await chat.send({
      providerId: 'agg',
      conversationId: first.conversationId,
      prompt: 'make it night',
      imageIds: first.message.imageIds,
    });
    const refused = await chat.finished(follow.generationId);
    expect(refused).toMatchObject({ status: 'error', error: { code: 'bad_request', field: 'history' }, message: { status: 'error' } });
    expect(refused.error!.message).toContain("Aggregator refused the conversation's earlier turns");
    expect(refused.error!.message).toContain('Assistant messages with images are not supported');
    expect(refused.error!.message).toContain('without the history');
    expect(refused.error).toMatchObject({ key: 'historyRefused', params: { name: 'Aggregator' } });
    const posts = () => server.requests.filter((r) => r.method === 'POST');
    expect(posts()).toHaveLength(2);

    const retried = await chat.retry(follow.userMessage.id, true);
    expect(await chat.finished(retried.generationId)).toMatchObject({ status: 'complete' });
    expect(posts()).toHaveLength(3);
    expect((server.chats.at(-1)!.body.messages as Array<{ role: string }>).map((m) => m.role)).toEqual(['user']);
    expect(server.chats.at(-1)!.imageUrls).toEqual([await chat.dataUriOf(first.message.imageIds[0]!)]);
    expect(core.conversations.requireMessage(follow.userMessage.id).request).toMatchObject({ singleTurn: true });
  });
});
