// GigaChat's picture mode in the composer: on in a new chat, switched off with one call for plain
// talk, kept per chat (open or waiting), sent with every prompt, and read back from a chat's newest
// prompt when the chat is opened again (after a restart too).
import '../support/page-globals';
import { describe, expect, it } from 'vitest';
import { chatStores } from '../support/chat-stores';
import { message } from '../support/records';

const giga = { providerId: 'giga', kind: 'gigachat', model: '' } as const;

/** Chat 1 went to GigaChat with picture mode off; chat 2 to another provider; chat.send answers into chat 3, 4 …. */
function chats() {
  const stores = chatStores({
    'conversations.messages': ({ id }) =>
      id === 1
        ? [
            message(10, 1, { provider: 'giga', model: 'GigaChat', request: { params: { pictureMode: false } } }),
            message(11, 1, { role: 'assistant', replyTo: 10 }),
          ]
        : [message(20, id, { provider: 'images', model: 'gpt-image-1', request: { params: { size: 'auto' } } })],
  });
  let next = 100;
  stores.bridge.answer('chat.send', (input) => {
    next += 2;
    const conversationId = input.conversationId ?? next;
    return {
      generationId: `g${next}`,
      conversationId,
      userMessage: message(next, conversationId, { text: input.prompt, provider: input.providerId, request: { params: input.params } }),
      assistantMessage: message(next + 1, conversationId, { role: 'assistant', status: 'streaming', replyTo: next }),
    };
  });
  const sentModes = () => stores.bridge.inputs('chat.send').map((input) => input.params?.pictureMode);
  return { ...stores, sentModes };
}

describe('picture mode in the composer', () => {
  it('is on in a new GigaChat chat, and goes with the prompt', async () => {
    const { thread, composer, sentModes } = chats();
    thread.getState().newChat();
    composer.getState().setProvider('giga');
    expect(composer.getState().params.giga?.pictureMode ?? '').toBe('');
    composer.getState().setPrompt('a lighthouse at dawn');
    expect(await thread.getState().send(giga)).toBe(true);
    expect(sentModes()).toEqual([true]);
    // It stays on for the follow-ups of that chat.
    composer.getState().setPrompt('now at night');
    expect(await thread.getState().send(giga)).toBe(true);
    expect(sentModes()).toEqual([true, true]);
  });

  it('is switched off for one chat only, and each chat keeps its own', async () => {
    const { thread, composer, sentModes } = chats();
    await thread.getState().select(2);
    composer.getState().setProvider('giga');
    composer.getState().setParam('giga', 'pictureMode', 'off');
    // Another chat, and a new one, are not touched.
    await thread.getState().select(3);
    composer.getState().setProvider('giga');
    expect(composer.getState().params.giga?.pictureMode ?? '').toBe('');
    thread.getState().newChat();
    composer.getState().setProvider('giga');
    expect(composer.getState().params.giga?.pictureMode ?? '').toBe('');
    // Back in chat 2, it is still off, and the prompt goes plain.
    await thread.getState().select(2);
    expect(composer.getState().params.giga?.pictureMode).toBe('off');
    composer.getState().setPrompt('what is a lighthouse?');
    expect(await thread.getState().send(giga)).toBe(true);
    expect(sentModes()).toEqual([false]);
    // Kept after the send, and switched on again with one call.
    expect(composer.getState().params.giga?.pictureMode).toBe('off');
    composer.getState().setParam('giga', 'pictureMode', 'on');
    composer.getState().setPrompt('draw one');
    expect(await thread.getState().send(giga)).toBe(true);
    expect(sentModes()).toEqual([false, true]);
  });

  it('is read back from a chat’s newest prompt when the chat is opened with no draft (as after a restart)', async () => {
    for (let run = 0; run < 2; run++) {
      // Fresh stores each time: nothing of the last run is in memory.
      const { thread, composer, sentModes } = chats();
      await thread.getState().select(1);
      expect(composer.getState().providerId).toBe('giga');
      expect(composer.getState().params.giga?.pictureMode).toBe('off');
      composer.getState().setPrompt('tell me more');
      expect(await thread.getState().send(giga)).toBe(true);
      expect(sentModes()).toEqual([false]);
    }
  });
});
