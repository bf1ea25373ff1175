// OpenAI-compatible chat image models (aggregators) against the reference server: every answer
// shape, streamed and not, JSON answered to a streamed request, multimodal input, bad downloads.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../../../../src/main/core/app-core';
import { generate } from '../../../../../../src/main/core/generation/generate';
import { startOpenAIChatServer, type OpenAIChatServer } from '../../../../../servers/openai-chat-server';
import { openTestCore } from '../../../../../support/core';
import { solidImage } from '../../../../../support/images';
import { failure } from '../../../../../support/failure';
import { removeTempDirs, tempDir } from '../../../../../support/temp-dir';

let server: OpenAIChatServer;
let core: AppCore;

beforeEach(async () => {
  server = await startOpenAIChatServer();
  core = await openTestCore(undefined, { HOLST_API_KEY_AGG: server.apiKey });
  await core.settings.update((s) => ({
    ...s,
    providers: [{ id: 'agg', kind: 'openai-chat', baseUrl: server.baseUrl, models: ['gpt-4o-image'] }],
  }));
});
afterEach(async () => {
  await server.close();
  core.close();
});
afterAll(removeTempDirs);

const shapes = ['content-array', 'markdown', 'data-uri-markdown', 'message-images', 'images-api'] as const;

describe('OpenAI-compatible chat', () => {
  for (const shape of shapes) {
    for (const stream of [true, false]) {
      it(`finds ${shape} images (${stream ? 'streamed' : 'not streamed'}), n = 2, text without links`, async () => {
        server.answerShape = shape;
        const deltas: string[] = [];
        const result = await generate(
          core,
          { providerId: 'agg', prompt: 'a fox', stream, params: { n: 2 } },
          { onProgress: (e) => e.type === 'text' && deltas.push(e.delta) },
        );
        expect(result.images).toHaveLength(2);
        expect(result.text).not.toMatch(/!\[|\]\(|data:image/);
        for (const delta of deltas) expect(delta).not.toMatch(/!\[|\]\(|data:image/);
        expect(server.chats.at(-1)!.body).toMatchObject({ model: 'gpt-4o-image', n: 2, stream });
      });
    }
  }

  it('accepts JSON when the service ignores stream: true', async () => {
    server.ignoreStream = true;
    const result = await generate(core, { providerId: 'agg', prompt: 'a fox', stream: true });
    expect(result.images).toHaveLength(1);
  });

  it('reports the status lines streamed before the link as progress, keeping them and the link out of the text', async () => {
    server.answerShape = 'markdown';
    server.answers.push({ text: 'Here is your fox.\n\n> A quote that stays.', images: 1 });
    const progress: string[] = [];
    const result = await generate(
      core,
      { providerId: 'agg', prompt: 'a fox', stream: true },
      { onProgress: (e) => e.type === 'progress' && progress.push(e.message) },
    );
    expect(progress).toEqual([
      'agg: Генерация началась, ожидайте…',
      'agg: Прогресс: 27%',
      'agg: Прогресс: 84%',
      'agg: Генерация завершена',
    ]);
    expect(result.text).not.toMatch(/Генерация|Прогресс/);
    expect(result.text).toContain('Here is your fox.');
    expect(result.text).toContain('> A quote that stays.');
    expect(result.images).toHaveLength(1);
  });

  it('sends input images as image_url data URIs beside the text, and records them as parents', async () => {
    const file = path.join(await tempDir(), 'photo.png');
    await fs.writeFile(file, await solidImage(4, 'png', 120, 90));
    const result = await generate(core, { providerId: 'agg', prompt: 'make it night', imageFiles: [file] });
    const chat = server.chats.at(-1)!;
    expect(chat.texts).toEqual(['make it night']);
    expect(chat.imageUrls[0]).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.compare(chat.images[0]!, await fs.readFile(file))).toBe(0);
    expect(core.library.detail(result.images[0]!.id).parents.map((p) => p.role)).toEqual(['source']);
  });

  it('stores nothing when a link serves HTML as an image, or has expired', async () => {
    server.answerShape = 'markdown';
    server.quirks.push({
      path: '/files/',
      status: 200,
      headers: { 'Content-Type': 'image/png' },
      body: '<html><body>Link expired</body></html>',
    });
    const html = await failure(generate(core, { providerId: 'agg', prompt: 'x', stream: false }));
    expect(html).toMatchObject({ code: 'no_image' });
    expect(html!.message).toContain('web page');
    server.quirks.push({ path: '/files/', status: 404 });
    expect(await failure(generate(core, { providerId: 'agg', prompt: 'y', stream: false }))).toMatchObject({ code: 'not_found' });
    expect(core.library.list({}).items).toEqual([]);
  });

  it('reports a wrong key as auth and refuses a mask', async () => {
    core.close();
    core = await openTestCore(undefined, { HOLST_API_KEY_AGG: 'sk-wrong-aaaaaaaaaaaa' });
    await core.settings.update((s) => ({
      ...s,
      providers: [{ id: 'agg', kind: 'openai-chat', baseUrl: server.baseUrl, models: ['gpt-4o-image'] }],
    }));
    expect(await failure(generate(core, { providerId: 'agg', prompt: 'x' }))).toMatchObject({ code: 'auth' });
    const mask = path.join(await tempDir(), 'm.png');
    await fs.writeFile(mask, await solidImage(1));
    expect(await failure(generate(core, { providerId: 'agg', prompt: 'x', maskFile: mask }))).toMatchObject({
      code: 'invalid_input',
      field: 'mask',
    });
  });
});
