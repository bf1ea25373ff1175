// Prompts of one conversation are answered in the order they were sent (issue 20, point 2), against
// the OpenAI-compatible reference server: a follow-up sent while the answer above is still being
// written waits for it and then goes with it as history and source, exactly as if sent after it;
// a waiting prompt can be stopped without reaching the provider; other conversations do not wait.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenAIChatServer } from '../../../../servers/openai-chat-server';
import { ChatDriver } from '../../../../support/chat-driver';
import { setUpProvider, type ProviderSetup } from '../../../../support/providers';
import { removeTempDirs } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

describe('order within a conversation', () => {
  let p: ProviderSetup;
  let server: OpenAIChatServer;
  beforeEach(async () => {
    p = await setUpProvider('openai-chat');
    server = p.server as OpenAIChatServer;
  });
  afterEach(() => p.close());

  it('a follow-up sent at once waits for the answer above, then carries it as history and its picture as the source', async () => {
    const chat = new ChatDriver(p.core);
    const first = await chat.answer({ providerId: 'agg', prompt: 'A red fox' });
    // A slow second answer, and the third prompt sent the moment the second starts.
    server.answers.push({ sse: { delayMs: 20 } });
    const second = await chat.send({
      providerId: 'agg',
      conversationId: first.conversationId,
      prompt: 'at night',
      imageIds: first.message.imageIds,
      autoSource: true,
    });
    expect(second.waiting).toBeUndefined();
    const third = await chat.send({
      providerId: 'agg',
      conversationId: first.conversationId,
      prompt: 'now in winter',
      // The window's pick is still the first picture: the second has not arrived.
      imageIds: first.message.imageIds,
      autoSource: true,
    });
    expect(third.waiting).toBe(true);

    const secondEnd = await chat.finished(second.generationId);
    expect(secondEnd.status).toBe('complete');
    const thirdEnd = await chat.finished(third.generationId);
    expect(thirdEnd.status).toBe('complete');
    const secondPicture = secondEnd.message.imageIds[0]!;
    expect(secondPicture).toBeDefined();

    // It went out after the second answer had finished, with both earlier turns and the second picture.
    const started = chat.events.find((e) => e.generationId === third.generationId && e.type === 'started');
    expect(started?.type === 'started' && started.userMessage.imageIds).toEqual([secondPicture]);
    const startedAt = chat.events.indexOf(started!);
    expect(chat.events.findIndex((e) => e.generationId === second.generationId && e.type === 'finished')).toBeLessThan(startedAt);
    const sent = server.chats[2]!;
    expect(sent.texts).toEqual(['now in winter']);
    expect(sent.images).toHaveLength(1);
    expect(sent.images[0]!.equals(await chat.bytesOf(secondPicture))).toBe(true);
    const messages = sent.body.messages as Array<{ role: string; content: unknown }>;
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
    expect(JSON.stringify(messages[2]!.content)).toContain('at night');

    // The prompt is saved as it was sent (Retry asks the same), and the new picture's lineage says so.
    const saved = p.core.conversations.requireMessage(third.userMessage.id);
    expect(saved.imageIds).toEqual([secondPicture]);
    const parents = p.core.library.detail(thirdEnd.message.imageIds[0]!).parents;
    expect(parents.map((parent) => [parent.role, parent.image.id])).toEqual([['source', secondPicture]]);
  });

  it('a prompt sent before the window had picked the last picture gets it from the core', async () => {
    const chat = new ChatDriver(p.core);
    const first = await chat.answer({ providerId: 'agg', prompt: 'A paper boat' });
    await chat.answer({ providerId: 'agg', conversationId: first.conversationId, prompt: 'make it sail', autoSource: true });
    const sent = server.chats[1]!;
    expect(sent.images).toHaveLength(1);
    expect(sent.images[0]!.equals(await chat.bytesOf(first.message.imageIds[0]!))).toBe(true);
    // Without `autoSource` (the user took the picture off), nothing is added.
    await chat.answer({ providerId: 'agg', conversationId: first.conversationId, prompt: 'a lighthouse instead' });
    expect(server.chats[2]!.images).toHaveLength(0);
  });

  it('a waiting prompt stopped before its turn never reaches the provider; the answer above goes on', async () => {
    const chat = new ChatDriver(p.core);
    server.answers.push({ sse: { delayMs: 20 } });
    const first = await chat.send({ providerId: 'agg', prompt: 'A slow lighthouse' });
    const second = await chat.send({ providerId: 'agg', conversationId: first.conversationId, prompt: 'with a ship', autoSource: true });
    expect(second.waiting).toBe(true);
    await chat.send({ providerId: 'agg', conversationId: first.conversationId, prompt: 'and gulls', autoSource: true }).then((third) => {
      expect(third.waiting).toBe(true);
      return chat.cancel(third.generationId);
    });
    await chat.cancel(second.generationId);
    const secondEnd = await chat.finished(second.generationId);
    expect(secondEnd.status).toBe('cancelled');
    expect((await chat.finished(first.generationId)).status).toBe('complete');
    expect(server.chats.map((c) => c.texts)).toEqual([['A slow lighthouse']]);
  });

  it('prompts of other conversations do not wait', async () => {
    const chat = new ChatDriver(p.core);
    server.answers.push({ sse: { delayMs: 20 } });
    const first = await chat.send({ providerId: 'agg', prompt: 'A slow tram' });
    const other = await chat.send({ providerId: 'agg', prompt: 'A quick bus' });
    expect(other.waiting).toBeUndefined();
    expect((await chat.finished(other.generationId)).status).toBe('complete');
    expect(chat.events.some((e) => e.generationId === first.generationId && e.type === 'finished')).toBe(false);
    expect((await chat.finished(first.generationId)).status).toBe('complete');
  });
});
