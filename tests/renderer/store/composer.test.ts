// The composer keeps a draft per chat: what is typed, set or attached in one chat stays there and is
// never sent from another, and a follow-up starts from the conversation's last picture.
import '../support/page-globals';
import { describe, expect, it } from 'vitest';
import { HolstError } from '../../../src/shared/errors';
import { PROVIDER_KINDS } from '../../../src/shared/settings';
import { sendBlocked } from '../../../src/renderer/store/composer/selectors';
import { chatStores } from '../support/chat-stores';
import { deferred, settle } from '../support/bridge-double';
import { detail, image, message } from '../support/records';

/** Two conversations: 1 with a prompt sent to "alpha" and its answer's picture 9, 2 with no picture. */
function twoChats() {
  const pictures = new Map([5, 6, 7, 9].map((id) => [id, image(id)]));
  const stores = chatStores({
    'conversations.messages': ({ id }) =>
      id === 1
        ? [
            message(10, 1, { provider: 'alpha', model: 'a-1', request: { params: { size: '512x512' } } }),
            message(11, 1, { role: 'assistant', replyTo: 10, imageIds: [9] }),
          ]
        : [message(20, 2, { text: 'hello' })],
    'library.get': ({ id }) => {
      const found = pictures.get(id);
      if (!found) throw new HolstError('not_found', `No image ${id}`);
      return detail(found);
    },
  });
  return { ...stores, pictures };
}

describe('the composer', () => {
  it('keeps each chat its own prompt, and gives it back when the chat is opened again', async () => {
    const { thread, composer } = twoChats();
    await thread.getState().select(1);
    composer.getState().setPrompt('a cat in chat 1');
    await thread.getState().select(2);
    expect(composer.getState().prompt).toBe('');
    composer.getState().setPrompt('a dog in chat 2');
    await thread.getState().select(1);
    expect(composer.getState().prompt).toBe('a cat in chat 1');
    await thread.getState().select(2);
    expect(composer.getState().prompt).toBe('a dog in chat 2');
  });

  it('opens a conversation with no draft on the provider, model and settings its newest prompt used', async () => {
    const { thread, composer } = twoChats();
    await thread.getState().select(1);
    const { providerId, models, params } = composer.getState();
    expect(providerId).toBe('alpha');
    expect(models).toEqual({ alpha: 'a-1' });
    expect(params.alpha?.size).toBe('512x512');
  });

  it('starts a follow-up from the last picture of the conversation, chosen by Holst', async () => {
    const { thread, composer } = twoChats();
    await thread.getState().select(1);
    expect(composer.getState().attachments.map((a) => a.id)).toEqual([9]);
    expect(composer.getState().sourceAuto).toBe(true);
    // Taking it off means no automatic source until the next answer.
    composer.getState().removeAttachment(9);
    expect(composer.getState().attachments).toEqual([]);
    expect(composer.getState().autoOff).toBe(true);
  });

  it('does not carry pictures attached in one chat into another', async () => {
    const { thread, composer } = twoChats();
    await thread.getState().select(2);
    expect(await composer.getState().editImage(5)).toBe(true);
    expect(await composer.getState().addReference(6)).toBe(true);
    expect(composer.getState().attachments.map((a) => a.id)).toEqual([5, 6]);
    await thread.getState().select(1);
    // Chat 1 has only its own automatic source.
    expect(composer.getState().attachments.map((a) => a.id)).toEqual([9]);
    thread.getState().newChat();
    expect(composer.getState().attachments).toEqual([]);
    await thread.getState().select(2);
    expect(composer.getState().attachments.map((a) => a.id)).toEqual([5, 6]);
  });

  it('puts a picture fetched for one chat into that chat, even when another was opened meanwhile', async () => {
    const { thread, composer, bridge, pictures } = twoChats();
    await thread.getState().select(2);
    const slow = deferred<ReturnType<typeof detail>>();
    bridge.answer('library.get', () => slow.promise);
    const adding = composer.getState().addReference(7);
    bridge.answer('library.get', ({ id }) => detail(pictures.get(id)!));
    await thread.getState().select(1);
    slow.resolve(detail(pictures.get(7)!));
    expect(await adding).toBe(true);
    expect(composer.getState().attachments.map((a) => a.id)).toEqual([9]);
    await thread.getState().select(2);
    expect(composer.getState().attachments.map((a) => a.id)).toEqual([7]);
  });

  it('says why a picture in the trash cannot be attached', async () => {
    const { thread, composer, pictures } = twoChats();
    pictures.set(5, image(5, { trashedAt: 123 }));
    await thread.getState().select(2);
    expect(await composer.getState().editImage(5)).toBe(false);
    expect(composer.getState().attachments).toEqual([]);
    expect(composer.getState().attachError).toMatch(/trash/i);
  });

  it('marks an attached picture moved to the trash meanwhile, in a chat not open, when the library changes', async () => {
    const { thread, composer, bridge, pictures } = twoChats();
    await thread.getState().init();
    await thread.getState().select(2);
    await composer.getState().editImage(5);
    await thread.getState().select(1);
    pictures.set(5, image(5, { trashedAt: 456 }));
    bridge.emit('library.changed', { ids: [5] });
    await settle();
    await thread.getState().select(2);
    await settle();
    expect(composer.getState().missing).toEqual({ 5: 'trashed' });
  });

  it('keeps the provider, model and settings after a send, and clears the prompt and pictures', async () => {
    const { thread, composer, bridge, storage } = twoChats();
    bridge.answer('chat.send', (input) => ({
      generationId: 'g1',
      conversationId: 2,
      userMessage: message(30, 2, { text: input.prompt }),
      assistantMessage: message(31, 2, { role: 'assistant', status: 'streaming', replyTo: 30 }),
    }));
    await thread.getState().select(2);
    await composer.getState().editImage(5);
    composer.getState().setProvider('beta');
    composer.getState().setParam('beta', 'quality', 'high');
    composer.getState().setParam('beta', 'n', '2');
    composer.getState().setPrompt('make it blue');
    expect(await thread.getState().send({ providerId: 'beta', kind: 'openai-images', model: ' b-2 ' })).toBe(true);
    expect(bridge.inputs('chat.send')).toEqual([
      {
        providerId: 'beta',
        prompt: 'make it blue',
        imageIds: [5],
        // "Images" 2 goes as the count (×N): the core sends n where the model takes it.
        params: { quality: 'high' },
        count: 2,
        conversationId: 2,
        model: 'b-2',
      },
    ]);
    const after = composer.getState();
    expect(after.prompt).toBe('');
    expect(after.attachments).toEqual([]);
    expect(after.providerId).toBe('beta');
    expect(after.params.beta?.quality).toBe('high');
    expect(JSON.parse(storage.items.get('holst.chat.lastUsed.v1')!)).toEqual({ providerId: 'beta', model: 'b-2' });
    // The thread shows the prompt and the answer on its way.
    expect(thread.getState().messages.map((m) => m.id)).toEqual([20, 30, 31]);
    expect(Object.keys(thread.getState().live)).toEqual(['g1']);
  });

  it('sends every kind its count of pictures (×N), and no kind a setting it does not take', async () => {
    const { thread, composer, bridge } = twoChats();
    let next = 50;
    bridge.answer('chat.send', (input) => {
      next += 2;
      return {
        generationId: `g${next}`,
        conversationId: 2,
        userMessage: message(next, 2, { text: input.prompt }),
        assistantMessage: message(next + 1, 2, { role: 'assistant', status: 'streaming', replyTo: next }),
      };
    });
    await thread.getState().select(2);
    composer.getState().setProvider('beta');
    const every = { n: '3', size: '1024x1024', aspect: '16:9', quality: 'high', resolution: '2K' } as const;
    for (const kind of PROVIDER_KINDS) {
      for (const [key, value] of Object.entries(every)) composer.getState().setParam('beta', key as keyof typeof every, value);
      composer.getState().setPrompt(`a cat for ${kind}`);
      expect(await thread.getState().send({ providerId: 'beta', kind, model: '' })).toBe(true);
    }
    const sent = bridge.inputs('chat.send').map((input) => [input.params, input.count]);
    expect(sent).toEqual([
      [{ pictureMode: true }, 3],
      [{ size: '1024x1024' }, 3],
      [{ size: '1024x1024', quality: 'high' }, 3],
      [{ aspect: '16:9', quality: 'high', resolution: '2K' }, 3],
    ]);
    expect(PROVIDER_KINDS).toEqual(['gigachat', 'openai-chat', 'openai-images', 'givon']);
  });

  it('moves the new chat draft with the conversation it became, even when the user left it while it was sent', async () => {
    const { thread, composer, bridge } = twoChats();
    const answer = deferred<void>();
    bridge.answer('chat.send', async (input) => {
      await answer.promise;
      return {
        generationId: 'g2',
        conversationId: 3,
        userMessage: message(40, 3, { text: input.prompt }),
        assistantMessage: message(41, 3, { role: 'assistant', status: 'streaming', replyTo: 40 }),
      };
    });
    thread.getState().newChat();
    composer.getState().setProvider('beta');
    composer.getState().setPrompt('a first prompt');
    const sending = thread.getState().send({ providerId: 'beta', kind: 'gigachat', model: '' });
    await thread.getState().select(2);
    answer.resolve();
    expect(await sending).toBe(true);
    expect(thread.getState().currentId).toBe(2);
    expect(composer.getState().drafts.new).toBeUndefined();
    expect(composer.getState().drafts.c3).toMatchObject({ providerId: 'beta', prompt: '' });
  });

  it('refuses to send a picture gone to the trash, saying which', async () => {
    const { thread, composer, bridge, pictures } = twoChats();
    await thread.getState().init();
    await thread.getState().select(2);
    await composer.getState().editImage(5);
    pictures.set(5, image(5, { trashedAt: 789 }));
    bridge.emit('library.changed', { ids: [5] });
    await settle();
    composer.getState().setPrompt('go');
    expect(sendBlocked(composer.getState())).toBe(true);
    expect(await thread.getState().send({ providerId: 'beta', kind: 'gigachat', model: '' })).toBe(false);
    expect(bridge.inputs('chat.send')).toEqual([]);
    expect(composer.getState().error).toContain('5');
  });
});
