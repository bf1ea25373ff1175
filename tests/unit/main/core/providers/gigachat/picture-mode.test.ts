// GigaChat's picture mode against the reference server: the prompt goes as a drawing request the
// documented way (a system message that steers drawing, "Нарисуй: …" / "Draw: …" in the prompt's
// language) and gets a picture; off, the prompt goes as written and gets text. The chat keeps the
// prompt as sent with the answer, and a follow-up rewords only its own turn.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../../../../../src/main/core/generation/generate';
import { DRAWING_SYSTEM, gigachatPrompt, promptLanguage } from '../../../../../../src/main/core/providers/gigachat/picture-mode';
import { isHolstError } from '../../../../../../src/shared/errors';
import type { GigaChatServer } from '../../../../../servers/gigachat-server';
import { ChatDriver } from '../../../../../support/chat-driver';
import { setUpProvider, type ProviderSetup } from '../../../../../support/providers';
import { removeTempDirs } from '../../../../../support/temp-dir';

let p: ProviderSetup;
let server: GigaChatServer;
let chat: ChatDriver;

beforeEach(async () => {
  p = await setUpProvider('gigachat');
  server = p.server as GigaChatServer;
  chat = new ChatDriver(p.core);
});
afterEach(() => p.close());
afterAll(removeTempDirs);

const messagesSent = () => (server.chats.at(-1)!.body as { messages: unknown[] }).messages;

describe('the prompt picture mode sends', () => {
  it('reads the language from the letters', () => {
    expect(promptLanguage('a lighthouse at dawn')).toBe('en');
    expect(promptLanguage('маяк на рассвете')).toBe('ru');
    expect(promptLanguage('маяк at dawn на рассвете')).toBe('ru');
    expect(promptLanguage('Kandinsky-style маяк')).toBe('en');
    expect(promptLanguage('🌅 1234')).toBe('en');
  });

  it('asks to draw in the prompt’s language, steers with a system message, and keeps a prompt that already asks', () => {
    const on = { pictureMode: true };
    expect(gigachatPrompt({ prompt: ' a lighthouse at dawn ', params: on })).toEqual({
      system: DRAWING_SYSTEM.en,
      prompt: 'Draw: a lighthouse at dawn',
    });
    expect(gigachatPrompt({ prompt: 'маяк на рассвете', params: on })).toEqual({
      system: DRAWING_SYSTEM.ru,
      prompt: 'Нарисуй: маяк на рассвете',
    });
    expect(gigachatPrompt({ prompt: 'Нарисуй розового кота', params: on })).toEqual({
      system: DRAWING_SYSTEM.ru,
      prompt: 'Нарисуй розового кота',
    });
    expect(gigachatPrompt({ prompt: 'Draw a cat', system: 'You are Kandinsky', params: on })).toEqual({
      system: 'You are Kandinsky',
      prompt: 'Draw a cat',
    });
    // "Drawer" is not a request to draw.
    expect(gigachatPrompt({ prompt: 'drawers of oak', params: on }).prompt).toBe('Draw: drawers of oak');
    expect(gigachatPrompt({ prompt: 'a lighthouse', params: { pictureMode: false } })).toEqual({ prompt: 'a lighthouse' });
    expect(gigachatPrompt({ prompt: 'a lighthouse', system: 'Be brief', params: {} })).toEqual({
      prompt: 'a lighthouse',
      system: 'Be brief',
    });
  });
});

describe('GigaChat in picture mode', () => {
  it('turns an English description into an English drawing request and gets a picture', async () => {
    const progress: unknown[] = [];
    const result = await generate(
      p.core,
      { providerId: 'giga', prompt: 'a lighthouse at dawn', params: { pictureMode: true } },
      { onProgress: (event) => event.type === 'sent' && progress.push(event.sent) },
    );
    expect(messagesSent()).toEqual([
      { role: 'system', content: 'You are an illustrator. Answer every request to draw with a picture.' },
      { role: 'user', content: 'Draw: a lighthouse at dawn' },
    ]);
    expect(server.chats.at(-1)!.body).toMatchObject({ function_call: 'auto' });
    expect(result.images).toHaveLength(1);
    expect(result.images[0]).toMatchObject({ prompt: 'a lighthouse at dawn', params: { pictureMode: true } });
    expect(result.text).toMatch(/^Starting image generation/);
    expect(result.sent).toEqual({ system: DRAWING_SYSTEM.en, prompt: 'Draw: a lighthouse at dawn' });
    expect(progress).toEqual([result.sent]);
  });

  it('turns a Russian description into a Russian drawing request and gets a picture', async () => {
    const result = await generate(p.core, { providerId: 'giga', prompt: 'маяк на рассвете', params: { pictureMode: true } });
    expect(messagesSent()).toEqual([
      { role: 'system', content: 'Ты — художник-иллюстратор. На каждую просьбу нарисовать отвечай картинкой.' },
      { role: 'user', content: 'Нарисуй: маяк на рассвете' },
    ]);
    expect(result.images).toHaveLength(1);
    expect(result.text).toMatch(/^Запускаю генерацию изображения/);
  });

  it('sends the plain prompt when off (or not asked for), and the answer is text in the prompt’s language', async () => {
    for (const params of [{ pictureMode: false }, {}]) {
      const result = await generate(p.core, { providerId: 'giga', prompt: 'a lighthouse at dawn', params });
      expect(messagesSent()).toEqual([{ role: 'user', content: 'a lighthouse at dawn' }]);
      expect(result.images).toEqual([]);
      expect(result.text).toBe('This is the reference server\'s answer to the message "a lighthouse at dawn".');
      expect(result.sent).toEqual({ prompt: 'a lighthouse at dawn' });
    }
  });

  it('is refused unless on or off, and by the other kinds', async () => {
    const refusal = async (providerId: string, params: object) => {
      try {
        await generate(p.core, { providerId, prompt: 'a lighthouse', params: params as never });
        return null;
      } catch (error) {
        return isHolstError(error) ? `${error.code} ${error.field}: ${error.message}` : String(error);
      }
    };
    expect(await refusal('giga', { pictureMode: 'yes' })).toBe('invalid_input pictureMode: pictureMode is on (true) or off (false).');
    await p.core.settings.update((s) => ({
      ...s,
      providers: [...s.providers, { id: 'images', kind: 'openai-images', baseUrl: 'http://127.0.0.1:9/v1', models: ['gpt-image-1'] }],
    }));
    // A model the catalogue knows is named in the refusal (model-catalogue.ts).
    expect(await refusal('images', { pictureMode: true })).toMatch(/^invalid_input pictureMode: gpt-image-1 takes no pictureMode/);
    expect(server.chats).toHaveLength(0);
  });
});

describe('a GigaChat chat in picture mode', () => {
  it('keeps the prompt as sent with the answer, and a follow-up rewords only its own turn', async () => {
    const first = await chat.answer({ providerId: 'giga', prompt: 'a lighthouse at dawn', params: { pictureMode: true } });
    expect(first.message.imageIds).toHaveLength(1);
    expect(first.message.request).toEqual({ sent: { system: DRAWING_SYSTEM.en, prompt: 'Draw: a lighthouse at dawn' } });
    // Kept in the conversation store: a reload reads the same.
    expect(p.core.conversations.requireMessage(first.message.id).request).toEqual(first.message.request);
    const user = p.core.conversations.requireMessage(first.userMessageId);
    expect(user).toMatchObject({ text: 'a lighthouse at dawn', request: { params: { pictureMode: true } } });

    const conversationId = first.conversationId;
    const second = await chat.answer({ providerId: 'giga', conversationId, prompt: 'now at night', params: { pictureMode: true } });
    expect(messagesSent()).toEqual([
      { role: 'system', content: DRAWING_SYSTEM.en },
      { role: 'user', content: 'a lighthouse at dawn' },
      { role: 'assistant', content: first.message.text },
      { role: 'user', content: 'Draw: now at night' },
    ]);
    expect(second.message.imageIds).toHaveLength(1);

    const talk = await chat.answer({
      providerId: 'giga',
      conversationId,
      prompt: 'what colours did you use?',
      params: { pictureMode: false },
    });
    expect(messagesSent().at(-1)).toEqual({ role: 'user', content: 'what colours did you use?' });
    expect(messagesSent()[0]).toEqual({ role: 'user', content: 'a lighthouse at dawn' });
    expect(talk.message.imageIds).toEqual([]);
    expect(talk.message.text).toMatch(/^This is the reference server's answer/);
    expect(talk.message.request).toEqual({ sent: { prompt: 'what colours did you use?' } });

    // Retry asks again the way the prompt was sent: in picture mode.
    const again = await chat.finished((await chat.retry(second.userMessageId)).generationId);
    expect(messagesSent().at(-1)).toEqual({ role: 'user', content: 'Draw: now at night' });
    expect(again.message.imageIds).toHaveLength(1);
  });
});
