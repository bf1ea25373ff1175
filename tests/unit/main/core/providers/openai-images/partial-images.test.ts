// The Images API's streamed partial images (issue 23, point 6): `partialImages` (0–3) asks for a
// streamed answer (`stream: true`, `partial_images`); each picture on the way reaches the answer as
// a `partial-image` event, in order, before the final picture, which alone lands in the library.
// Against the reference server, through the chat as a window drives it.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../../../../src/main/core/app-core';
import { generate } from '../../../../../../src/main/core/generation/generate';
import type { GenerationEvent } from '../../../../../../src/shared/generation';
import { startOpenAIImagesServer, type OpenAIImagesServer } from '../../../../../servers/openai-images-server';
import { ChatDriver } from '../../../../../support/chat-driver';
import { call, openTestCore } from '../../../../../support/core';
import { failure } from '../../../../../support/failure';
import { solidImage } from '../../../../../support/images';
import { removeTempDirs } from '../../../../../support/temp-dir';

let server: OpenAIImagesServer;
let core: AppCore;
let chat: ChatDriver;

beforeEach(async () => {
  server = await startOpenAIImagesServer();
  core = await openTestCore(undefined, { HOLST_API_KEY_IMAGES: server.apiKey });
  await core.settings.update((s) => ({
    ...s,
    providers: [{ id: 'images', kind: 'openai-images', name: 'Images API', baseUrl: server.baseUrl, models: ['gpt-image-1'] }],
  }));
  chat = new ChatDriver(core);
});
afterEach(async () => {
  await server.close();
  core.close();
});
afterAll(removeTempDirs);

const of = (generationId: string) => chat.events.filter((e) => e.generationId === generationId);
const kinds = (events: GenerationEvent[]) => events.map((e) => e.type).filter((type) => type === 'partial-image' || type === 'image');

describe('streamed partial images', () => {
  it('shows each picture on the way, in order, then the final one, which alone is kept', async () => {
    const before = core.library.list({}).items.length;
    const end = await chat.answer({
      providerId: 'images',
      prompt: 'A lighthouse at dawn',
      params: { partialImages: 2, size: '1024x1024' },
    });
    const events = of(end.generationId);
    expect(kinds(events)).toEqual(['partial-image', 'partial-image', 'image']);
    const partials = events.filter((e): e is Extract<GenerationEvent, { type: 'partial-image' }> => e.type === 'partial-image');
    expect(partials.map((p) => p.index)).toEqual([0, 1]);
    for (const partial of partials) expect(partial.dataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    // Each is a different picture from the final one.
    const final = (await chat.bytesOf(end.message.imageIds[0]!)).toString('base64');
    expect(partials.map((p) => p.dataUrl.split(',')[1])).not.toContain(final);

    expect(server.generations.at(-1)!.body).toMatchObject({ model: 'gpt-image-1', stream: true, partial_images: 2 });
    expect(server.streams).toEqual([{ endpoint: 'generations', partialImages: 2 }]);
    expect(core.library.list({}).items).toHaveLength(before + 1);
    expect(end.message.imageIds).toHaveLength(1);
    // The usage of the completed event is the answer's.
    expect(end.message.usage).toMatchObject({ promptTokens: 50, completionTokens: 1056, totalTokens: 1106 });
  });

  it('streams an edit as `image_edit` events, in the answer’s format', async () => {
    const source = await core.library.ingest({ bytes: await solidImage(3, 'png', 64, 64) }, { source: 'imported' });
    const imageIds = [source.image.id];
    const end = await chat.answer({
      providerId: 'images',
      prompt: 'Make it night',
      imageIds,
      params: { partialImages: 1, outputFormat: 'webp' },
    });
    const events = of(end.generationId);
    expect(kinds(events)).toEqual(['partial-image', 'image']);
    const partial = events.find((e) => e.type === 'partial-image') as Extract<GenerationEvent, { type: 'partial-image' }>;
    expect(partial.dataUrl.startsWith('data:image/webp;base64,')).toBe(true);
    expect(server.edits.at(-1)!.fields).toMatchObject({ stream: 'true', partial_images: '1' });
    expect(server.streams).toEqual([{ endpoint: 'edits', partialImages: 1 }]);
  });

  it('0 pictures on the way still streams: the final picture alone arrives', async () => {
    const end = await chat.answer({ providerId: 'images', prompt: 'A harbour', params: { partialImages: 0 } });
    expect(kinds(of(end.generationId))).toEqual(['image']);
    expect(server.streams).toEqual([{ endpoint: 'generations', partialImages: 0 }]);
  });

  it('without partialImages nothing is streamed', async () => {
    const end = await chat.answer({ providerId: 'images', prompt: 'A windmill' });
    expect(kinds(of(end.generationId))).toEqual(['image']);
    expect(server.generations.at(-1)!.body.stream).toBeUndefined();
    expect(server.streams).toEqual([]);
  });

  it('a model that takes no partial images is refused before anything is sent, naming the field', async () => {
    const error = await failure(
      generate(core, { providerId: 'images', model: 'dall-e-3', prompt: 'A tower', params: { partialImages: 2 } }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', field: 'partialImages' });
    expect(server.requests).toHaveLength(0);
  });

  it('more than 3 is refused by the contract', async () => {
    const sent = await call(core, 'chat.send', { providerId: 'images', prompt: 'A bridge', params: { partialImages: 4 } });
    expect(sent).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(server.requests).toHaveLength(0);
  });

  it('the reference server refuses a streamed request to a model that cannot stream, and bad partial_images', async () => {
    const ask = (body: object) =>
      fetch(`${server.baseUrl}/images/generations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'x', ...body }),
      });
    const dalle = await ask({ model: 'dall-e-3', stream: true });
    expect(dalle.status).toBe(400);
    expect(await dalle.json()).toMatchObject({ error: { param: 'stream' } });
    const many = await ask({ model: 'gpt-image-1', stream: true, partial_images: 4 });
    expect(many.status).toBe(400);
    expect(await many.json()).toMatchObject({ error: { param: 'partial_images' } });
    const streamed = await ask({ model: 'gpt-image-1', stream: true, partial_images: 1 });
    expect(streamed.headers.get('content-type')).toContain('text/event-stream');
    const text = await streamed.text();
    expect(text).toContain('event: image_generation.partial_image');
    expect(text).toContain('"partial_image_index":0');
    expect(text).toContain('event: image_generation.completed');
  });
});
