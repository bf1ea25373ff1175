// A conversation of three prompts per provider kind, over the contract against each reference
// server: the exact body every follow-up sends (history, image parts, attachments, source image),
// and the lineage chain image 3 ← image 2 ← image 1 (role source).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GigaChatServer } from '../../../../servers/gigachat-server';
import type { GivonServer } from '../../../../servers/givon-server';
import type { OpenAIChatServer } from '../../../../servers/openai-chat-server';
import type { OpenAIImagesServer } from '../../../../servers/openai-images-server';
import { ChatDriver } from '../../../../support/chat-driver';
import { PROVIDER_KINDS, setUpProvider, type ProviderSetup } from '../../../../support/providers';
import { removeTempDirs } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

describe.each(PROVIDER_KINDS)('follow-ups with %s', (kind) => {
  let p: ProviderSetup;
  let chat: ChatDriver;
  beforeEach(async () => {
    p = await setUpProvider(kind);
    chat = new ChatDriver(p.core);
  });
  afterEach(() => p.close());

  /** Prompt 1 makes image 1; prompt 2 edits it into image 2; prompt 3 edits that into image 3. */
  async function threePrompts() {
    p.willAnswerWithImage();
    const first = await chat.answer({ providerId: p.providerId, prompt: 'Draw a cat' });
    const conversationId = first.conversationId;
    const [img1] = first.message.imageIds;
    p.willAnswerWithImage();
    const second = await chat.answer({ providerId: p.providerId, conversationId, prompt: 'make it night', imageIds: [img1!] });
    const body2 = lastBody();
    const [img2] = second.message.imageIds;
    p.willAnswerWithImage();
    const third = await chat.answer({ providerId: p.providerId, conversationId, prompt: 'now add snow', imageIds: [img2!] });
    const body3 = lastBody();
    const [img3] = third.message.imageIds;
    return { first, second, third, img1: img1!, img2: img2!, img3: img3!, body2, body3 };
  }

  /** The last main call as the server received it (JSON body, or the multipart edit record). */
  function lastBody(): unknown {
    if (kind === 'openai-images') return (p.server as OpenAIImagesServer).edits.at(-1);
    if (kind === 'givon') return [...(p.server as GivonServer).jobs.values()].at(-1)!.body;
    if (kind === 'gigachat') return (p.server as GigaChatServer).chats.at(-1)!.body;
    return (p.server as OpenAIChatServer).chats.at(-1)!.body;
  }

  it('sends what the kind takes of the conversation, and records each source in the lineage', async () => {
    const { first, second, img1, img2, img3, body2, body3 } = await threePrompts();
    const a1 = first.message.text;
    const a2 = second.message.text;

    if (kind === 'gigachat') {
      const giga = p.server as GigaChatServer;
      expect(giga.uploads.map((u) => u.bytes)).toEqual([await chat.bytesOf(img1), await chat.bytesOf(img2)]);
      const [u1, u2] = giga.uploads.map((u) => u.id);
      expect((body2 as { messages: unknown }).messages).toEqual([
        { role: 'user', content: 'Draw a cat' },
        { role: 'assistant', content: a1 },
        { role: 'user', content: 'make it night', attachments: [u1] },
      ]);
      expect((body3 as { messages: unknown }).messages).toEqual([
        { role: 'user', content: 'Draw a cat' },
        { role: 'assistant', content: a1 },
        { role: 'user', content: 'make it night' },
        { role: 'assistant', content: a2 },
        { role: 'user', content: 'now add snow', attachments: [u2] },
      ]);
      expect(body3).toMatchObject({ model: 'GigaChat-2-Max', function_call: 'auto', stream: true });
    }

    if (kind === 'openai-chat') {
      const image = async (id: number) => ({ type: 'image_url', image_url: { url: await chat.dataUriOf(id) } });
      expect((body2 as { messages: unknown }).messages).toEqual([
        { role: 'user', content: 'Draw a cat' },
        // image 1 travels in the new message, so it is not repeated here
        { role: 'assistant', content: a1 },
        { role: 'user', content: [{ type: 'text', text: 'make it night' }, await image(img1)] },
      ]);
      expect((body3 as { messages: unknown }).messages).toEqual([
        { role: 'user', content: 'Draw a cat' },
        { role: 'assistant', content: a1 },
        { role: 'user', content: [{ type: 'text', text: 'make it night' }, await image(img1)] },
        { role: 'assistant', content: a2 },
        { role: 'user', content: [{ type: 'text', text: 'now add snow' }, await image(img2)] },
      ]);
      // A streamed request asks for the usage chunk, so the answer's cost is known.
      expect(body3).toMatchObject({ model: 'gpt-4o-image', stream: true, stream_options: { include_usage: true } });
    }

    if (kind === 'openai-images') {
      // Stateless: the source image and the prompt alone, nothing of the earlier turns.
      for (const [body, source, prompt] of [
        [body2, img1, 'make it night'],
        [body3, img2, 'now add snow'],
      ] as const) {
        const edit = body as OpenAIImagesServer['edits'][number];
        expect(edit.fields).toEqual({ model: 'gpt-image-1', prompt });
        expect(edit.images.map((i) => [i.part.name, i.part.data])).toEqual([['image', await chat.bytesOf(source)]]);
        expect(edit.mask).toBeUndefined();
      }
    }

    if (kind === 'givon') {
      expect(body2).toEqual({
        type: 'image',
        model: 'gpt-image-2',
        input: { prompt: 'make it night', sourceImage: await chat.dataUriOf(img1) },
      });
      expect(body3).toEqual({
        type: 'image',
        model: 'gpt-image-2',
        input: { prompt: 'now add snow', sourceImage: await chat.dataUriOf(img2) },
      });
    }

    const parents = (id: number) => p.core.library.detail(id).parents.map((parent) => [parent.role, parent.image.id]);
    expect(parents(img3)).toEqual([['source', img2]]);
    expect(parents(img2)).toEqual([['source', img1]]);
    expect(parents(img1)).toEqual([]);
  });

  it('sends the prompt alone when asked for a single turn, and Retry repeats that', async () => {
    p.willAnswerWithImage();
    const first = await chat.answer({ providerId: p.providerId, prompt: 'Draw a cat' });
    const [img1] = first.message.imageIds;
    p.willAnswerWithImage();
    const follow = await chat.answer({
      providerId: p.providerId,
      conversationId: first.conversationId,
      prompt: 'make it night',
      imageIds: [img1!],
      singleTurn: true,
    });
    const user = p.core.conversations.requireMessage(follow.userMessageId);
    expect(user.request).toMatchObject({ singleTurn: true });
    p.willAnswerWithImage();
    const again = await chat.retry(user.id);
    expect(await chat.finished(again.generationId)).toMatchObject({ status: 'complete' });
    const body = lastBody() as { messages?: Array<{ role: string }> };
    if (kind === 'gigachat' || kind === 'openai-chat') expect(body.messages!.map((m) => m.role)).toEqual(['user']);
    else expect(JSON.stringify(body)).not.toContain('Draw a cat');
  });
});
