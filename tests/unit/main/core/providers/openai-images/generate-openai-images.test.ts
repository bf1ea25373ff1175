// The OpenAI Images API kind against its reference server, and `holst generate` end to end.
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../../../../src/main/core/app-core';
import { generate } from '../../../../../../src/main/core/generation/generate';
import { startOpenAIImagesServer, type OpenAIImagesServer } from '../../../../../servers/openai-images-server';
import { startGigaChatServer } from '../../../../../servers/gigachat-server';
import { runHolst } from '../../../../../support/cli';
import { openTestCore } from '../../../../../support/core';
import { solidImage } from '../../../../../support/images';
import { testKeychainService } from '../../../../../support/keychain';
import { failure } from '../../../../../support/failure';
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

async function maskFor(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .png()
    .toBuffer();
}

describe('OpenAI Images API', () => {
  it('generates several images (base64 from GPT image models) into the library', async () => {
    const result = await generate(core, {
      providerId: 'images',
      prompt: 'a red fox',
      params: { n: 2, size: '1024x1024', quality: 'high' },
    });
    expect(result.images).toHaveLength(2);
    expect(server.generations.at(-1)!.body).toMatchObject({ model: 'gpt-image-1', n: 2, size: '1024x1024', quality: 'high' });
    expect(result.images[0]).toMatchObject({
      source: 'generated',
      provider: 'images',
      model: 'gpt-image-1',
      params: { n: 2, size: '1024x1024', quality: 'high' },
    });
  });

  it('downloads URL results from older models', async () => {
    const result = await generate(core, { providerId: 'images', model: 'dall-e-2', prompt: 'a fox', params: { size: '256x256' } });
    expect(result.images).toHaveLength(1);
  });

  it('edits a source image with a mask and references, recording lineage', async () => {
    const dir = await tempDir();
    const source = path.join(dir, 'source.png');
    const reference = path.join(dir, 'reference.png');
    const mask = path.join(dir, 'mask.png');
    await fs.writeFile(source, await solidImage(1, 'png', 256, 256));
    await fs.writeFile(reference, await solidImage(2, 'png', 256, 256));
    await fs.writeFile(mask, await maskFor(256, 256));
    const result = await generate(core, { providerId: 'images', prompt: 'add a hat', imageFiles: [source, reference], maskFile: mask });
    const edit = server.edits.at(-1)!;
    expect(edit.images).toHaveLength(2);
    expect(edit.mask).toMatchObject({ width: 256, height: 256, hasAlpha: true });
    const detail = core.library.detail(result.images[0]!.id);
    expect(detail.image.source).toBe('edited');
    expect(detail.parents.map((p) => p.role)).toEqual(['source', 'reference']);
  });

  it('refuses a mask of the wrong size before sending it (the provider would answer 400)', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 's.png'), await solidImage(1, 'png', 256, 256));
    await fs.writeFile(path.join(dir, 'm.png'), await maskFor(128, 128));
    const error = await failure(
      generate(core, { providerId: 'images', prompt: 'x', imageFiles: [path.join(dir, 's.png')], maskFile: path.join(dir, 'm.png') }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', field: 'mask' });
    expect(server.edits).toEqual([]);
  });

  it('checks parameters first: n, size, mask without a source', async () => {
    expect(await failure(generate(core, { providerId: 'images', prompt: 'x', params: { n: 11 } }))).toMatchObject({ field: 'n' });
    expect(await failure(generate(core, { providerId: 'images', prompt: 'x', params: { size: 'huge' } }))).toMatchObject({ field: 'size' });
    const mask = path.join(await tempDir(), 'm.png');
    await fs.writeFile(mask, await maskFor(64, 64));
    expect(await failure(generate(core, { providerId: 'images', prompt: 'x', maskFile: mask }))).toMatchObject({ field: 'mask' });
    expect(server.requests).toEqual([]);
  });

  it('refuses a non-image URL result and stores nothing', async () => {
    server.quirks.push({
      path: '/images/generations',
      status: 200,
      body: JSON.stringify({ created: 1, data: [{ url: `${server.baseUrl}/nowhere.png` }] }),
    });
    const error = await failure(generate(core, { providerId: 'images', model: 'dall-e-2', prompt: 'x' }));
    expect(error?.code).toBe('not_found');
    expect(core.library.list({}).items).toEqual([]);
  });

  it('reports a wrong key as auth', async () => {
    core.close();
    core = await openTestCore(undefined, { HOLST_API_KEY_IMAGES: 'sk-wrong-0000000000000' });
    await core.settings.update((s) => ({
      ...s,
      providers: [{ id: 'images', kind: 'openai-images', baseUrl: server.baseUrl, models: ['gpt-image-1'] }],
    }));
    const error = await failure(generate(core, { providerId: 'images', prompt: 'x' }));
    expect(error?.code).toBe('auth');
    expect(error?.message).not.toContain('sk-wrong-0000000000000');
  });
});

describe('holst generate', () => {
  async function dataDirFor(providers: unknown[]) {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ version: 1, providers }));
    return dir;
  }
  const env = { HOLST_KEYCHAIN_SERVICE: testKeychainService() };

  it('prints the saved images as JSON with the key from HOLST_API_KEY_<ID>, and never prints the key', async () => {
    const dataDir = await dataDirFor([{ id: 'my-images', kind: 'openai-images', baseUrl: server.baseUrl, models: ['gpt-image-1'] }]);
    const run = await runHolst(
      ['--data-dir', dataDir, '--json', 'generate', '--provider', 'my-images', '--prompt', 'a lighthouse', '--n', '2'],
      {
        env: { ...env, HOLST_API_KEY_MY_IMAGES: server.apiKey },
      },
    );
    expect(run.code).toBe(0);
    const out = run.json() as { images: Array<Record<string, unknown>>; text: string; provider: string; model: string };
    expect(out).toMatchObject({ provider: 'my-images', model: 'gpt-image-1', text: '' });
    expect(out.images).toHaveLength(2);
    expect(Object.keys(out.images[0]!).sort()).toEqual(['height', 'id', 'mime', 'path', 'sha256', 'width']);
    await fs.access(out.images[0]!.path as string);
    expect(run.stdout + run.stderr).not.toContain(server.apiKey);
  });

  it('works with GigaChat and prints the text without image tags', async () => {
    const giga = await startGigaChatServer();
    try {
      giga.nextAnswerWithImages(1, 'Вот кот');
      const dataDir = await dataDirFor([
        { id: 'giga', kind: 'gigachat', baseUrl: giga.baseUrl, authUrl: giga.authUrl, models: ['GigaChat-2-Max'] },
      ]);
      const run = await runHolst(['--data-dir', dataDir, '--json', 'generate', '--provider', 'giga', '--prompt', 'Нарисуй кота'], {
        env: { ...env, HOLST_API_KEY_GIGA: giga.authorizationKey },
      });
      const out = run.json() as { images: unknown[]; text: string };
      expect(run.code).toBe(0);
      expect(out.images).toHaveLength(1);
      expect(out.text).toContain('Вот кот');
      expect(out.text).not.toContain('<img');
      expect(run.stdout).not.toContain(giga.authorizationKey);
    } finally {
      await giga.close();
    }
  });

  it('fails with typed errors: no key (config), bad input, unknown provider', async () => {
    const dataDir = await dataDirFor([{ id: 'my-images', kind: 'openai-images', baseUrl: server.baseUrl, models: ['gpt-image-1'] }]);
    const noKey = await runHolst(['--data-dir', dataDir, '--json', 'generate', '--provider', 'my-images', '--prompt', 'x'], { env });
    expect(noKey.code).toBe(3);
    expect(noKey.json()).toEqual({ error: { code: 'config', message: expect.stringContaining('HOLST_API_KEY_MY_IMAGES') } });
    const badQuality = await runHolst(
      ['--data-dir', dataDir, '--json', 'generate', '--provider', 'my-images', '--prompt', 'x', '--quality', 'ultra'],
      { env },
    );
    expect((badQuality.json() as { error: { code: string } }).error.code).toBe('invalid_input');
    const unknown = await runHolst(['--data-dir', dataDir, '--json', 'generate', '--provider', 'nope', '--prompt', 'x'], { env });
    expect((unknown.json() as { error: { code: string } }).error.code).toBe('not_found');
  });
});
