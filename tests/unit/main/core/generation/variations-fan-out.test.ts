// Variations ("×N") and fan-out in the core, as the window asks for them (chat.send's `count` and
// `compare`), against the reference servers: a count becomes `n` where the model takes it and
// further jobs where it does not (or where fewer pictures came); a fan-out makes one job per
// provider, its answers versions of one prompt kept in the order chosen; discarding candidates
// moves them to the library's trash in one action; "Continue with this" makes the next follow-up
// go on from that answer's picture and text.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../../../src/main/core/app-core';
import { apiKeyEnvName } from '../../../../../src/main/core/secrets/secret-store';
import { startGigaChatServer, type GigaChatServer } from '../../../../servers/gigachat-server';
import { startOpenAIImagesServer, type OpenAIImagesServer } from '../../../../servers/openai-images-server';
import { ChatDriver } from '../../../../support/chat-driver';
import { call, openTestCore } from '../../../../support/core';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

const closing: Array<() => unknown> = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map(async (close) => close()));
});

/** One core with an Images provider per server (`one`, `two`, …), and GigaChat as `giga` when given. */
async function coreWith(
  images: OpenAIImagesServer[],
  giga?: GigaChatServer,
  dataDir?: string,
): Promise<{ core: AppCore; dataDir: string }> {
  const ids = ['one', 'two', 'three', 'four'];
  const folder = dataDir ?? (await tempDir());
  const env: NodeJS.ProcessEnv = {};
  images.forEach((server, i) => (env[apiKeyEnvName(ids[i]!)] = server.apiKey));
  if (giga) env[apiKeyEnvName('giga')] = giga.authorizationKey;
  const core = await openTestCore(folder, env);
  await core.settings.update((s) => ({
    ...s,
    providers: [
      ...images.map((server, i) => ({
        id: ids[i]!,
        kind: 'openai-images' as const,
        name: `Images ${i + 1}`,
        baseUrl: server.baseUrl,
        models: ['gpt-image-1', 'dall-e-3'],
      })),
      ...(giga
        ? [
            {
              id: 'giga',
              kind: 'gigachat' as const,
              name: 'GigaChat',
              baseUrl: giga.baseUrl,
              authUrl: giga.authUrl,
              scope: 'GIGACHAT_API_PERS' as const,
              models: ['GigaChat-2-Max'],
            },
          ]
        : []),
    ],
  }));
  closing.push(() => core.close());
  return { core, dataDir: folder };
}

async function imagesServers(count: number): Promise<OpenAIImagesServer[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => startOpenAIImagesServer()));
  for (const server of servers) closing.push(() => server.close());
  return servers;
}

/** Waits for every answer a send started (the first and `more`). */
async function allFinished(chat: ChatDriver, started: Awaited<ReturnType<ChatDriver['send']>>) {
  return Promise.all([started.generationId, ...(started.more ?? []).map((m) => m.generationId)].map((id) => chat.finished(id)));
}

/** Waits until `check` holds (the core's further requests come after the first answers end). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(check()).toBe(true);
}

describe('variations (×N)', () => {
  it('sends the count as n in one request where the model takes it', async () => {
    const [server] = await imagesServers(1);
    const { core } = await coreWith([server!]);
    const chat = new ChatDriver(core);
    const started = await chat.send({ providerId: 'one', model: 'gpt-image-1', prompt: 'a lighthouse', count: 4 });
    expect(started.more).toBeUndefined();
    const [end] = await allFinished(chat, started);
    expect(end!.status).toBe('complete');
    expect(end!.message.imageIds).toHaveLength(4);
    expect(server!.generations.map((g) => g.body.n)).toEqual([4]);
    expect(core.conversations.requireMessage(started.userMessage.id).request).toMatchObject({ count: 4, params: { n: 4 } });
  });

  it('makes one job per picture where the model takes one a request, each answer a version of the prompt', async () => {
    const [server] = await imagesServers(1);
    const { core } = await coreWith([server!]);
    const chat = new ChatDriver(core);
    const started = await chat.send({ providerId: 'one', model: 'dall-e-3', prompt: 'a lighthouse', count: 3 });
    expect(started.more).toHaveLength(2);
    const ends = await allFinished(chat, started);
    expect(ends.map((e) => [e.status, e.message.imageIds.length, e.message.replyTo])).toEqual([
      ['complete', 1, started.userMessage.id],
      ['complete', 1, started.userMessage.id],
      ['complete', 1, started.userMessage.id],
    ]);
    expect(server!.generations.map((g) => [g.model, g.body.n])).toEqual([
      ['dall-e-3', 1],
      ['dall-e-3', 1],
      ['dall-e-3', 1],
    ]);
    // All three went through the queue as jobs of one prompt: none waited for another.
    expect(started.waiting).toBeUndefined();
    expect(started.more!.every((m) => m.waiting === undefined)).toBe(true);
  });

  it('asks again for the rest where a provider returned fewer pictures', async () => {
    const giga = await startGigaChatServer();
    closing.push(() => giga.close());
    const { core } = await coreWith([], giga);
    const chat = new ChatDriver(core);
    // The reference GigaChat, like the real one, draws one picture an answer whatever n says.
    const started = await chat.send({ providerId: 'giga', prompt: 'draw a lighthouse', params: { pictureMode: true }, count: 3 });
    const user = started.userMessage.id;
    await until(() => {
      const answers = core.conversations.messages(started.conversationId).filter((m) => m.replyTo === user);
      return answers.length === 3 && answers.every((a) => a.status === 'complete') && core.chat.batchGenerations(user).length === 0;
    });
    expect(giga.chats.map((c) => c.body.n)).toEqual([3, 2, 1]);
    // Each further request was announced with its answer, so a window shows it as it comes.
    const announced = chat.events.filter((e) => e.type === 'started' && e.assistantMessage !== undefined);
    expect(announced).toHaveLength(2);
  });
});

describe('candidates', () => {
  it('keeps two, and "discard the rest" moves the other two to the trash in one action that Undo restores', async () => {
    const [server] = await imagesServers(1);
    const { core } = await coreWith([server!]);
    const chat = new ChatDriver(core);
    const started = await chat.send({ providerId: 'one', model: 'gpt-image-1', prompt: 'four foxes', count: 4 });
    const [end] = await allFinished(chat, started);
    const [a, b, c, d] = end!.message.imageIds as [number, number, number, number];
    const messageId = started.userMessage.id;

    const kept = await call(core, 'chat.candidates', { messageId, keep: [a, c] });
    expect(kept.ok && [kept.value.kept, kept.value.trashed, kept.value.moved]).toEqual([[a, c], [], 0]);
    const discarded = await call(core, 'chat.candidates', { messageId, discard: 'rest' });
    if (!discarded.ok) throw new Error(discarded.error.message);
    expect(discarded.value.moved).toBe(2);
    expect(discarded.value.trashed.toSorted()).toEqual([b, d].toSorted());
    expect([a, b, c, d].map((id) => core.library.require(id).trashedAt !== null)).toEqual([false, true, false, true]);
    // The library's trash shows them, and the kept ones are remembered with the prompt.
    const trash = await call(core, 'library.count', { trashed: true });
    expect(trash.ok && trash.value.count).toBe(2);
    expect(core.conversations.requireMessage(messageId).request).toMatchObject({ kept: [a, c] });

    const undone = await call(core, 'library.untrash', { trashedAt: discarded.value.trashedAt! });
    expect(undone.ok && undone.value.count).toBe(2);
    const after = await call(core, 'chat.candidates', { messageId });
    expect(after.ok && after.value.trashed).toEqual([]);
  });

  it("refuses a picture that is not one of the prompt's candidates with a field error", async () => {
    const [server] = await imagesServers(1);
    const { core } = await coreWith([server!]);
    const chat = new ChatDriver(core);
    const first = await chat.answer({ providerId: 'one', prompt: 'one fox' });
    const second = await chat.answer({ providerId: 'one', prompt: 'another fox', conversationId: first.conversationId });
    const result = await call(core, 'chat.candidates', { messageId: second.userMessageId, discard: [first.message.imageIds[0]!] });
    expect(!result.ok && [result.error.code, result.error.field]).toEqual(['invalid_input', 'imageId']);
    expect(core.library.require(first.message.imageIds[0]!).trashedAt).toBeNull();
  });
});

describe('fan-out', () => {
  it('makes one job per provider, keeps the answers as versions in the order chosen, and survives a reopen', async () => {
    const servers = await imagesServers(3);
    const { core, dataDir } = await coreWith(servers);
    const chat = new ChatDriver(core);
    const started = await chat.send({
      providerId: 'one',
      prompt: 'a red kite',
      compare: [{ providerId: 'two' }, { providerId: 'three', model: 'dall-e-3', params: { quality: 'hd' } }],
    });
    expect(started.more).toHaveLength(2);
    const ends = await allFinished(chat, started);
    expect(ends.map((e) => [e.status, e.message.provider, e.message.model])).toEqual([
      ['complete', 'one', 'gpt-image-1'],
      ['complete', 'two', 'gpt-image-1'],
      ['complete', 'three', 'dall-e-3'],
    ]);
    // Each server was asked once, with its own settings.
    expect(servers.map((s) => s.generations.map((g) => [g.model, g.body.quality ?? null]))).toEqual([
      [['gpt-image-1', null]],
      [['gpt-image-1', null]],
      [['dall-e-3', 'hd']],
    ]);
    const saved = core.conversations.requireMessage(started.userMessage.id);
    expect(saved.request).toMatchObject({
      fanOut: [
        { provider: 'one', model: 'gpt-image-1' },
        { provider: 'two', model: 'gpt-image-1' },
        { provider: 'three', model: 'dall-e-3' },
      ],
    });

    // Reopened, the conversation has the same prompt with its three answers, each with its provider.
    core.close();
    closing.splice(0, closing.length, ...servers.map((s) => () => s.close()));
    const { core: again } = await coreWith(servers, undefined, dataDir);
    const messages = again.conversations.messages(started.conversationId);
    expect(messages.map((m) => [m.role, m.provider, m.replyTo])).toEqual([
      ['user', 'one', null],
      ['assistant', 'one', saved.id],
      ['assistant', 'two', saved.id],
      ['assistant', 'three', saved.id],
    ]);

    // "Continue with this" on the second: the next follow-up goes on from its picture, with its text in the history.
    const chosen = await call(again, 'chat.choose', { messageId: saved.id, answerId: messages[2]!.id });
    expect(chosen.ok && chosen.value.request).toMatchObject({ chosen: messages[2]!.id });
    const next = new ChatDriver(again);
    await next.answer({ providerId: 'one', conversationId: started.conversationId, prompt: 'now at dusk', autoSource: true });
    const edit = servers[0]!.edits.at(-1)!;
    expect(edit.images).toHaveLength(1);
    expect(edit.images[0]!.part.data.equals(await next.bytesOf(messages[2]!.imageIds[0]!))).toBe(true);
  });

  it("refuses the same provider and model twice, and an answer that is not the prompt's", async () => {
    const servers = await imagesServers(2);
    const { core } = await coreWith(servers);
    const twice = await call(core, 'chat.send', { providerId: 'one', prompt: 'x', compare: [{ providerId: 'one' }] });
    expect(!twice.ok && [twice.error.code, twice.error.field]).toEqual(['invalid_input', 'compare']);
    expect(servers[0]!.generations).toHaveLength(0);

    const chat = new ChatDriver(core);
    const first = await chat.answer({ providerId: 'one', prompt: 'a kite' });
    const second = await chat.answer({ providerId: 'two', prompt: 'a boat', conversationId: first.conversationId });
    const wrong = await call(core, 'chat.choose', { messageId: second.userMessageId, answerId: first.message.id });
    expect(!wrong.ok && [wrong.error.code, wrong.error.field]).toEqual(['invalid_input', 'answerId']);
  });

  it('a column asked again goes to its own provider with its own settings', async () => {
    const servers = await imagesServers(2);
    const { core } = await coreWith(servers);
    const chat = new ChatDriver(core);
    const started = await chat.send({
      providerId: 'one',
      prompt: 'a kite',
      compare: [{ providerId: 'two', model: 'dall-e-3', params: { quality: 'hd' } }],
    });
    const ends = await allFinished(chat, started);
    const again = await call(core, 'chat.retry', { messageId: started.userMessage.id, like: ends[1]!.message.id });
    if (!again.ok) throw new Error(again.error.message);
    const end = await chat.finished(again.value.generationId);
    expect([end.status, end.message.provider, end.message.model]).toEqual(['complete', 'two', 'dall-e-3']);
    expect(servers[1]!.generations.map((g) => [g.model, g.body.quality])).toEqual([
      ['dall-e-3', 'hd'],
      ['dall-e-3', 'hd'],
    ]);
    expect(servers[0]!.generations).toHaveLength(1);
  });
});
