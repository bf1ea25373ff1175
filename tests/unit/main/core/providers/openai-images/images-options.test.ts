// The GPT image models' options (output_format, output_compression, background, moderation,
// input_fidelity) sent by the Images API kind and honoured by its reference server as the API
// documents them; and what the server refuses, as the API refuses it.
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../../../../src/main/core/app-core';
import { generate } from '../../../../../../src/main/core/generation/generate';
import type { ImageRecord } from '../../../../../../src/shared/library';
import { startOpenAIImagesServer, type OpenAIImagesServer } from '../../../../../servers/openai-images-server';
import { openTestCore } from '../../../../../support/core';
import { failure } from '../../../../../support/failure';
import { solidImage } from '../../../../../support/images';
import { removeTempDirs, tempDir } from '../../../../../support/temp-dir';

let server: OpenAIImagesServer;
let core: AppCore;

beforeEach(async () => {
  server = await startOpenAIImagesServer();
  core = await openTestCore(undefined, { HOLST_API_KEY_IMAGES: server.apiKey });
  await core.settings.update((s) => ({
    ...s,
    providers: [{ id: 'images', kind: 'openai-images', baseUrl: server.baseUrl, models: ['gpt-image-1'] }],
  }));
});
afterEach(async () => {
  await server.close();
  core.close();
});
afterAll(removeTempDirs);

const stored = async (image: ImageRecord) => fs.readFile(core.library.originalPath(image));
/** The alpha of a picture's top-right pixel, away from the sample's diagonal stripe: 0 where the background is transparent. */
async function backgroundAlpha(bytes: Buffer): Promise<number> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return data[(info.width - 1) * info.channels + 3]!;
}

describe('the GPT image options, sent and honoured', () => {
  it('a WebP with a transparent background at low moderation: sent as the API names them, answered so', async () => {
    const result = await generate(core, {
      providerId: 'images',
      prompt: 'a sticker of a fox',
      params: { outputFormat: 'webp', compression: 60, background: 'transparent', moderation: 'low' },
    });
    expect(server.generations.at(-1)!.body).toMatchObject({
      model: 'gpt-image-1',
      output_format: 'webp',
      output_compression: 60,
      background: 'transparent',
      moderation: 'low',
    });
    const [image] = result.images;
    expect(image).toMatchObject({ mime: 'image/webp', params: { outputFormat: 'webp', background: 'transparent' } });
    const bytes = await stored(image!);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', hasAlpha: true });
    expect(await backgroundAlpha(bytes)).toBe(0);
  });

  it('JPEG compression decides how small the answer is', async () => {
    const sizes: number[] = [];
    for (const compression of [100, 5]) {
      const result = await generate(core, {
        providerId: 'images',
        prompt: 'a fox',
        params: { size: '1024x1024', outputFormat: 'jpeg', compression },
      });
      expect(server.generations.at(-1)!.body).toMatchObject({ output_format: 'jpeg', output_compression: compression });
      expect(result.images[0]!.mime).toBe('image/jpeg');
      sizes.push((await stored(result.images[0]!)).length);
    }
    expect(sizes[1]!).toBeLessThan(sizes[0]!);
  });

  it('an opaque PNG when nothing is asked', async () => {
    const result = await generate(core, { providerId: 'images', prompt: 'a fox' });
    expect(server.generations.at(-1)!.body).not.toHaveProperty('output_format');
    const bytes = await stored(result.images[0]!);
    expect((await sharp(bytes).metadata()).format).toBe('png');
    expect(await backgroundAlpha(bytes)).toBe(255);
  });

  it('an edit with high input fidelity: the field goes in the multipart form', async () => {
    const source = path.join(await tempDir(), 'face.png');
    await fs.writeFile(source, await solidImage(3, 'png', 128, 128));
    const result = await generate(core, {
      providerId: 'images',
      prompt: 'add glasses',
      imageFiles: [source],
      params: { inputFidelity: 'high', outputFormat: 'jpeg', compression: 80 },
    });
    expect(server.edits.at(-1)!.fields).toMatchObject({ input_fidelity: 'high', output_format: 'jpeg', output_compression: '80' });
    expect(result.images[0]).toMatchObject({ source: 'edited', mime: 'image/jpeg' });
  });

  it('gpt-image-2 draws a size within its limits; the core refuses one outside before anything is sent', async () => {
    await generate(core, { providerId: 'images', model: 'gpt-image-2', prompt: 'a fox', params: { size: '2048x1152' } });
    expect(server.generations.at(-1)!.body).toMatchObject({ model: 'gpt-image-2', size: '2048x1152' });
    const sent = server.generations.length;
    const error = await failure(generate(core, { providerId: 'images', model: 'gpt-image-2', prompt: 'x', params: { size: '1000x1000' } }));
    expect(error).toMatchObject({ code: 'invalid_input', field: 'size' });
    expect(server.generations).toHaveLength(sent);
  });

  it("refuses what the model does not take before sending, the settings file's entries counted", async () => {
    const refused = async (model: string, params: object) =>
      (await failure(generate(core, { providerId: 'images', model, prompt: 'x', params })))?.field;
    expect(await refused('dall-e-3', { outputFormat: 'png' })).toBe('outputFormat');
    expect(await refused('dall-e-3', { quality: 'high' })).toBe('quality');
    expect(await refused('gpt-image-1', { compression: 50 })).toBe('compression');
    expect(await refused('gpt-image-1', { background: 'transparent', outputFormat: 'jpeg' })).toBe('background');
    expect(await refused('gpt-image-1', { inputFidelity: 'high' })).toBe('inputFidelity');
    expect(await refused('my-flux', { seed: 7 })).toBe('seed');
    expect(server.requests).toEqual([]);
    // The user says my-flux takes a seed: it goes.
    await core.settings.update((s) => ({ ...s, modelCatalogue: { 'openai-images': { 'my-flux': { sizes: ['1024x1024'], seed: true } } } }));
    await generate(core, { providerId: 'images', model: 'my-flux', prompt: 'x', params: { seed: 7 } });
    expect(server.generations.at(-1)!.body).toMatchObject({ model: 'my-flux', seed: 7 });
  });
});

describe('the reference server refuses what the API refuses', () => {
  const post = (body: object) =>
    fetch(`${server.baseUrl}/images/generations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt: 'x', ...body }),
    });
  const postEdit = async (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ prompt: 'x', ...fields })) form.append(name, value);
    form.append('image', new Blob([new Uint8Array(await solidImage(1, 'png', 64, 64))], { type: 'image/png' }), 'a.png');
    return fetch(`${server.baseUrl}/images/edits`, { method: 'POST', headers: { Authorization: `Bearer ${server.apiKey}` }, body: form });
  };
  const paramOf = async (response: Response) => {
    expect(response.status).toBe(400);
    return ((await response.json()) as { error: { param: string | null } }).error.param;
  };

  it('GPT image options on dall-e, and values out of their lists', async () => {
    expect(await paramOf(await post({ model: 'dall-e-3', output_format: 'png' }))).toBe('output_format');
    expect(await paramOf(await post({ model: 'dall-e-2', background: 'transparent' }))).toBe('background');
    expect(await paramOf(await post({ model: 'gpt-image-1', output_format: 'gif' }))).toBe('output_format');
    expect(await paramOf(await post({ model: 'gpt-image-1', moderation: 'none' }))).toBe('moderation');
    expect(await paramOf(await post({ model: 'gpt-image-1', output_format: 'jpeg', output_compression: 101 }))).toBe('output_compression');
  });

  it('options that do not go together, or not on that endpoint or model', async () => {
    expect(await paramOf(await post({ model: 'gpt-image-1', output_compression: 50 }))).toBe('output_compression');
    expect(await paramOf(await post({ model: 'gpt-image-1', background: 'transparent', output_format: 'jpeg' }))).toBe('background');
    expect(await paramOf(await post({ model: 'gpt-image-1', input_fidelity: 'high' }))).toBe('input_fidelity');
    expect(await paramOf(await postEdit({ model: 'gpt-image-1', moderation: 'low' }))).toBe('moderation');
    expect(await paramOf(await postEdit({ model: 'gpt-image-1-mini', input_fidelity: 'high' }))).toBe('input_fidelity');
    expect((await postEdit({ model: 'gpt-image-1', input_fidelity: 'high' })).status).toBe(200);
  });

  it("gpt-image-2's sizes: any within its limits", async () => {
    expect((await post({ model: 'gpt-image-2', size: '3840x2160' })).status).toBe(200);
    expect((await post({ model: 'gpt-image-2', size: '1600x1008' })).status).toBe(200);
    expect(await paramOf(await post({ model: 'gpt-image-2', size: '1000x1000' }))).toBe('size');
    expect(await paramOf(await post({ model: 'gpt-image-2', size: '3840x1024' }))).toBe('size');
  });
});
