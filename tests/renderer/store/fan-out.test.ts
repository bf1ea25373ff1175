// Variations and fan-out as the window's stores send and show them: "Images" goes as the count,
// each compared provider with its own settings; every answer a send started is shown and followed;
// "Continue with this" is kept with the prompt and makes its picture the next follow-up's source.
import '../support/page-globals';
import { describe, expect, it } from 'vitest';
import { settle } from '../support/bridge-double';
import { chatStores } from '../support/chat-stores';
import { detail, image, message } from '../support/records';

describe('fan-out and variations in the window', () => {
  it('sends one prompt to the compared providers with their own settings, and follows every answer', async () => {
    const { thread, composer, bridge } = chatStores({ 'conversations.messages': () => [message(20, 2, { text: 'hello' })] });
    bridge.answer('chat.send', (input) => ({
      generationId: 'g1',
      conversationId: 2,
      userMessage: message(30, 2, { text: input.prompt }),
      assistantMessage: message(31, 2, { role: 'assistant', status: 'streaming', replyTo: 30 }),
      more: [
        { generationId: 'g2', assistantMessage: message(32, 2, { role: 'assistant', status: 'streaming', replyTo: 30 }) },
        { generationId: 'g3', assistantMessage: message(33, 2, { role: 'assistant', status: 'streaming', replyTo: 30 }), waiting: true },
      ],
    }));
    await thread.getState().select(2);
    const state = composer.getState();
    state.setProvider('alpha');
    state.setParam('alpha', 'n', '2');
    state.setParam('beta', 'quality', 'hd');
    state.setParam('beta', 'n', '5');
    // The provider picked first is never sent twice, even if it was compared with before.
    state.setCompare([
      { providerId: 'beta', kind: 'openai-images', model: 'dall-e-3' },
      { providerId: 'alpha', kind: 'openai-images', model: 'gpt-image-1' },
      { providerId: 'gamma', kind: 'givon', model: '' },
    ]);
    state.setPrompt('a kite');
    expect(await thread.getState().send({ providerId: 'alpha', kind: 'openai-images', model: 'gpt-image-1' })).toBe(true);
    expect(bridge.inputs('chat.send')).toEqual([
      {
        providerId: 'alpha',
        prompt: 'a kite',
        imageIds: [],
        params: {},
        count: 2,
        compare: [
          { providerId: 'beta', model: 'dall-e-3', params: { quality: 'hd' } },
          { providerId: 'gamma', params: {} },
        ],
        conversationId: 2,
        model: 'gpt-image-1',
        autoSource: true,
      },
    ]);
    expect(thread.getState().messages.map((m) => m.id)).toEqual([20, 30, 31, 32, 33]);
    expect(Object.keys(thread.getState().live).sort()).toEqual(['g1', 'g2', 'g3']);
    expect(thread.getState().live.g3?.waiting).toBe(true);
    // The compared providers stay chosen for the next prompt of this chat.
    expect(composer.getState().compare).toHaveLength(3);
  });

  it('"Continue with this" is kept with the prompt, and its picture becomes the follow-up source', async () => {
    const prompt = message(10, 1, { provider: 'alpha', request: { params: {}, fanOut: [] } });
    const answers = [
      message(11, 1, { role: 'assistant', replyTo: 10, provider: 'alpha', imageIds: [5] }),
      message(12, 1, { role: 'assistant', replyTo: 10, provider: 'beta', imageIds: [6] }),
      message(13, 1, { role: 'assistant', replyTo: 10, provider: 'gamma', imageIds: [7] }),
    ];
    const { thread, composer, bridge } = chatStores({
      'conversations.messages': () => [prompt, ...answers],
      'library.get': ({ id }) => detail(image(id)),
      'chat.choose': ({ messageId, answerId }) => ({ ...prompt, id: messageId, request: { params: {}, fanOut: [], chosen: answerId } }),
    });
    await thread.getState().select(1);
    // Until one is chosen, the newest answer's picture.
    expect(composer.getState().attachments.map((a) => a.id)).toEqual([7]);
    await thread.getState().choose(10, 12);
    expect(bridge.inputs('chat.choose')).toEqual([{ messageId: 10, answerId: 12 }]);
    expect(thread.getState().messages.find((m) => m.id === 10)?.request).toMatchObject({ chosen: 12 });
    await settle();
    expect(composer.getState().attachments.map((a) => a.id)).toEqual([6]);
  });
});
