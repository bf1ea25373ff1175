// The Givon kind against its reference server (answer shapes assumed, see answer.ts): finished
// answers and polled jobs, edits with data: URIs, checks before sending, HTTP failures, cancel,
// bad downloads, and `holst generate` end to end.
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../../../../src/main/core/app-core';
import { generate, type GenerationInput, type GenerationProgress } from '../../../../../../src/main/core/generation/generate';
import { GIVON_POLL } from '../../../../../../src/main/core/providers/givon';
import { providerKind } from '../../../../../../src/main/core/providers/registry';
import { GIVON_ASPECT_RATIOS, startGivonServer, type GivonJob, type GivonServer } from '../../../../../servers/givon-server';
import { runHolst } from '../../../../../support/cli';
import { openTestCore } from '../../../../../support/core';
import { failure } from '../../../../../support/failure';
import { solidImage } from '../../../../../support/images';
import { testKeychainService } from '../../../../../support/keychain';
import { removeTempDirs, tempDir } from '../../../../../support/temp-dir';

let server: GivonServer;
let core: AppCore;
const defaultPoll = { ...GIVON_POLL };

async function openCoreWithKey(key: string) {
  core = await openTestCore(undefined, { HOLST_API_KEY_GIVON: key });
  await core.settings.update((s) => ({
    ...s,
    providers: [{ id: 'givon', kind: 'givon', name: 'Givon', baseUrl: server.baseUrl, models: ['gpt-image-2'] }],
  }));
}

beforeEach(async () => {
  server = await startGivonServer();
  await openCoreWithKey(server.apiKey);
  Object.assign(GIVON_POLL, { firstMs: 10, factor: 1.5, maxMs: 40, maxWaitMs: 10_000 });
});
afterEach(async () => {
  Object.assign(GIVON_POLL, defaultPoll);
  await server.close();
  core.close();
});
afterAll(removeTempDirs);

const lastJob = (): GivonJob => [...server.jobs.values()].at(-1)!;
const posts = () => server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/generations'));
const polls = () => server.requests.filter((r) => r.method === 'GET' && r.path.includes('/generations/'));
const libraryFiles = async () => (await fs.readdir(core.library.layout.originals, { recursive: true }).catch(() => [])).length;
const run = (input: Omit<GenerationInput, 'providerId'>, options: Parameters<typeof generate>[2] = {}) =>
  generate(core, { providerId: 'givon', ...input }, options);

/** Writes distinct small images and returns their paths. */
async function imageFiles(count: number, first = 1): Promise<string[]> {
  const dir = await tempDir();
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const file = path.join(dir, `in-${i}.png`);
      await fs.writeFile(file, await solidImage(first + i, 'png', 32, 32));
      return file;
    }),
  );
}

const dataUriBytes = (uri: string) => Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64');

describe('Givon', () => {
  it('stores a finished image with its parameters, sending the seed’s request shape', async () => {
    const result = await run({
      prompt: 'a red fox',
      system: 'Flat colours.',
      params: { aspect: '16:9', quality: 'high', resolution: '2K' },
    });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.headers.authorization).toBe(`Bearer ${server.apiKey}`);
    expect(lastJob().body).toEqual({
      type: 'image',
      model: 'gpt-image-2',
      input: { prompt: 'Flat colours.\n\na red fox', aspectRatio: '16:9', quality: 'high', imageSize: '2K' },
    });
    expect(polls()).toEqual([]);
    expect(result).toMatchObject({ provider: 'givon', model: 'gpt-image-2', text: '', usage: null });
    expect(result.images).toHaveLength(1);
    expect(result.images[0]).toMatchObject({
      source: 'generated',
      provider: 'givon',
      model: 'gpt-image-2',
      prompt: 'a red fox',
      width: 128,
      height: 72,
      params: { aspect: '16:9', quality: 'high', resolution: '2K', system: 'Flat colours.' },
    });
  });

  it('sends only the prompt when no parameters are given', async () => {
    await run({ prompt: 'a fox' });
    expect(lastJob().body.input).toEqual({ prompt: 'a fox' });
  });

  it('accepts every aspect ratio of the seed', async () => {
    for (const aspect of GIVON_ASPECT_RATIOS) expect((await run({ prompt: 'x', params: { aspect } })).images).toHaveLength(1);
  });

  it('polls a queued job with progress until it succeeds', async () => {
    server.mode = 'job';
    server.pollsNeeded = 3;
    const progress: GenerationProgress[] = [];
    const result = await run({ prompt: 'a fox' }, { onProgress: (event) => progress.push(event) });
    expect(result.images).toHaveLength(1);
    expect(lastJob().polls).toBe(4);
    expect(polls().every((r) => r.path === `/api/v1/generations/${lastJob().id}`)).toBe(true);
    expect(polls().every((r) => r.headers.authorization === `Bearer ${server.apiKey}`)).toBe(true);
    const messages = progress.flatMap((e) => (e.type === 'progress' ? [e.message] : []));
    expect(messages).toEqual(['Givon: queued…', 'Givon: queued…', 'Givon: processing…', 'Givon: processing…']);
    // Each line also goes as a sentence of the core's catalogue, for the window's language.
    const keys = progress.flatMap((e) => (e.type === 'progress' ? [e.key] : []));
    expect(keys).toEqual(['givonQueued', 'givonQueued', 'givonProcessing', 'givonProcessing']);
    expect(progress.find((e) => e.type === 'progress')).toMatchObject({ params: { name: 'Givon' } });
    expect(progress.at(-1)).toMatchObject({ type: 'image-saved' });
  });

  it('reports a failed job as provider_error with the provider’s message, storing nothing', async () => {
    server.mode = 'fail';
    server.failMessage = 'Content policy violation: weapons';
    const error = await failure(run({ prompt: 'a fox' }));
    expect(error).toMatchObject({ code: 'provider_error' });
    expect(error!.message).toContain('Content policy violation: weapons');
    expect(error!.said).toMatchObject({ key: 'givonFailed', params: { reason: 'Content policy violation: weapons' } });
    expect(lastJob().polls).toBe(3);
    expect(core.library.list({}).items).toEqual([]);
  });

  it('says a failed job gave no reason in its own words, not as the provider’s', async () => {
    server.mode = 'fail';
    server.failMessage = ' ';
    const error = await failure(run({ prompt: 'a fox' }));
    expect(error).toMatchObject({ code: 'provider_error', message: 'Givon could not make the image: no reason given' });
    expect(error!.said).toEqual({ key: 'givonFailedNoReason', params: { name: 'Givon' } });
  });

  it('edits a source with a mask and two references sent as data: URIs, recording lineage', async () => {
    const [source, ref1, ref2] = await imageFiles(3);
    const mask = path.join(await tempDir(), 'mask.png');
    // Transparent (the area to change) in its top half.
    const clear = Buffer.from('<svg width="32" height="32"><rect width="32" height="16" fill="white"/></svg>');
    await fs.writeFile(
      mask,
      await sharp({ create: { width: 32, height: 32, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } })
        .composite([{ input: clear, blend: 'dest-out' }])
        .png()
        .toBuffer(),
    );
    const result = await run({ prompt: 'add a hat', imageFiles: [source!, ref1!, ref2!], maskFile: mask });
    const input = lastJob().body.input;
    expect(input.sourceImage).toMatch(/^data:image\/png;base64,/);
    expect(input.maskImage).toMatch(/^data:image\/png;base64,/);
    expect(input.referenceAssetUris).toHaveLength(2);
    expect(dataUriBytes(input.sourceImage!).equals(await fs.readFile(source!))).toBe(true);
    expect(dataUriBytes(input.maskImage!).equals(await fs.readFile(mask))).toBe(true);
    expect(dataUriBytes(input.referenceAssetUris![1]!).equals(await fs.readFile(ref2!))).toBe(true);
    const detail = core.library.detail(result.images[0]!.id);
    expect(detail.image.source).toBe('edited');
    expect(detail.parents.map((p) => [p.role, p.image.originalName])).toEqual([
      ['source', 'in-0.png'],
      ['reference', 'in-1.png'],
      ['reference', 'in-2.png'],
    ]);
    // The mask file is kept as the source's mask, beside the pictures.
    expect(detail.mask).toMatchObject({ sourceId: detail.parents[0]!.image.id, width: 32, height: 32 });
    expect((await fs.readFile(core.library.maskPath(detail.mask!))).equals(await fs.readFile(mask))).toBe(true);
    expect(core.library.list({}).items.map((i) => i.originalName)).not.toContain('mask.png');
  });

  it('takes a source and 16 references (the seed’s limit)', async () => {
    const files = await imageFiles(17);
    await run({ prompt: 'x', imageFiles: files });
    expect(lastJob().body.input.referenceAssetUris).toHaveLength(16);
  });

  it('checks parameters before sending anything', async () => {
    const mask = (await imageFiles(1, 50))[0]!;
    const cases: Array<[Omit<GenerationInput, 'providerId'>, string]> = [
      [{ prompt: 'x', params: { aspect: '7:3' } }, 'aspect'],
      [{ prompt: 'x', params: { resolution: '8K' as never } }, 'resolution'],
      [{ prompt: 'x', params: { quality: 'ultra' as never } }, 'quality'],
      [{ prompt: 'x', params: { n: 2 } }, 'n'],
      [{ prompt: 'x', params: { size: '1024x1024' } }, 'size'],
      [{ prompt: 'x', maskFile: mask }, 'mask'],
      [{ prompt: 'x', imageFiles: await imageFiles(18, 100) }, 'image'],
    ];
    for (const [input, field] of cases) {
      expect(await failure(run(input)), field).toMatchObject({ code: 'invalid_input', field });
    }
    expect(server.requests).toEqual([]);
  });

  it('reports a wrong key as auth, without the key in the message', async () => {
    core.close();
    await openCoreWithKey('gv-wrong-key-000000000');
    const error = await failure(run({ prompt: 'x' }));
    expect(error).toMatchObject({ code: 'auth' });
    expect(error!.message).toContain('Invalid or missing API key');
    expect(error!.message).not.toContain('gv-wrong-key-000000000');
  });

  it('waits out a 429 with Retry-After, then succeeds', async () => {
    server.quirks.push({
      method: 'POST',
      path: '/generations',
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { error: { code: 'rate_limited', message: 'Slow down' } },
    });
    const started = Date.now();
    expect((await run({ prompt: 'x' })).images).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(posts()).toHaveLength(2);
  });

  it('retries a 500 on the request and on a poll, then succeeds', async () => {
    server.mode = 'job';
    server.quirks.push({ method: 'POST', path: '/generations', status: 500 });
    server.quirks.push({ method: 'GET', path: '/generations/', status: 500 });
    expect((await run({ prompt: 'x' })).images).toHaveLength(1);
    expect(posts()).toHaveLength(2);
    expect(polls()).toHaveLength(lastJob().polls + 1);
  });

  it('cancels while waiting on a job, stops polling and stores nothing', async () => {
    server.mode = 'job';
    server.pollsNeeded = 1_000;
    const controller = new AbortController();
    const error = await failure(
      run(
        { prompt: 'x' },
        {
          signal: controller.signal,
          onProgress: () => {
            if (lastJob().polls >= 2) controller.abort();
          },
        },
      ),
    );
    expect(error).toMatchObject({ code: 'cancelled' });
    const pollsAtCancel = lastJob().polls;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(lastJob().polls).toBe(pollsAtCancel);
    expect(core.library.list({}).items).toEqual([]);
  });

  it('cancels during a long wait between polls at once', async () => {
    server.mode = 'job';
    Object.assign(GIVON_POLL, { firstMs: 60_000, maxMs: 60_000, maxWaitMs: 120_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    expect(await failure(run({ prompt: 'x' }, { signal: controller.signal }))).toMatchObject({ code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lastJob().polls).toBe(0);
  });

  it('gives up on a job that never finishes, as timeout', async () => {
    server.mode = 'job';
    server.pollsNeeded = 1_000;
    GIVON_POLL.maxWaitMs = 200;
    const error = await failure(run({ prompt: 'x' }));
    expect(error).toMatchObject({ code: 'timeout' });
    expect(error!.message).toContain(lastJob().id);
    expect(core.library.list({}).items).toEqual([]);
  });

  it('stores nothing when the download is an HTML page or not an image', async () => {
    server.mode = 'job';
    const corruptOnce = (corrupt: (fileId: string) => void) => {
      let done = false;
      return () => {
        if (done) return;
        done = true;
        corrupt(server.fileIdOf(lastJob().urls[0]!)!);
      };
    };
    const html = await failure(run({ prompt: 'x' }, { onProgress: corruptOnce((id) => server.corruptFile(id, 'html')) }));
    expect(html).toMatchObject({ code: 'no_image' });
    const text = await failure(
      run({ prompt: 'x' }, { onProgress: corruptOnce((id) => server.setFileBytes(id, Buffer.from('not a picture'), 'image/png')) }),
    );
    expect(text).toMatchObject({ code: 'no_image' });
    expect(core.library.list({}).items).toEqual([]);
    expect(await libraryFiles()).toBe(0);
  });

  it('reports an expired download link as not_found, storing nothing', async () => {
    server.mode = 'job';
    let expired = false;
    const error = await failure(
      run(
        { prompt: 'x' },
        {
          onProgress: () => {
            if (!expired) server.expireFile(server.fileIdOf(lastJob().urls[0]!)!, 404);
            expired = true;
          },
        },
      ),
    );
    expect(error).toMatchObject({ code: 'not_found' });
    expect(core.library.list({}).items).toEqual([]);
  });

  it('stores an image returned inline as a data: URI', async () => {
    const bytes = await solidImage(7, 'png', 40, 30);
    server.quirks.push({
      method: 'POST',
      path: '/generations',
      status: 200,
      body: { id: 'gen_inline', status: 'completed', output: [`data:image/png;base64,${bytes.toString('base64')}`] },
    });
    const result = await run({ prompt: 'x' });
    expect(result.images[0]).toMatchObject({ width: 40, height: 30 });
    expect((await fs.readFile(core.library.originalPath(result.images[0]!))).equals(bytes)).toBe(true);
  });

  it('yields no image for a finished job without images', async () => {
    server.quirks.push({
      method: 'POST',
      path: '/generations',
      status: 200,
      body: { id: 'gen_empty', status: 'succeeded', output: { images: [] } },
    });
    expect((await run({ prompt: 'x' })).images).toEqual([]);
  });

  it('refuses answers it cannot read: unknown JSON, non-JSON, a queued job without an id', async () => {
    server.quirks.push({ method: 'POST', path: '/generations', status: 200, body: { hello: 'world' } });
    expect(await failure(run({ prompt: 'x' }))).toMatchObject({ code: 'invalid_response', message: expect.stringContaining('hello') });
    server.quirks.push({
      method: 'POST',
      path: '/generations',
      status: 200,
      body: '<html>maintenance</html>',
      headers: { 'content-type': 'text/html' },
    });
    expect(await failure(run({ prompt: 'x' }))).toMatchObject({ code: 'invalid_response', message: expect.stringContaining('text/html') });
    server.quirks.push({ method: 'POST', path: '/generations', status: 200, body: { status: 'queued' } });
    expect(await failure(run({ prompt: 'x' }))).toMatchObject({ code: 'invalid_response', message: expect.stringContaining('job id') });
  });

  it('lists the models named in its settings, without asking the server', async () => {
    const config = core.settings.get().providers[0]!;
    const models = await providerKind('givon').listModels({ config, http: null as never, apiKey: null, providerName: 'Givon' });
    expect(models).toEqual(['gpt-image-2']);
    expect(server.requests).toEqual([]);
  });
});

describe('holst generate with Givon', () => {
  async function dataDir() {
    const dir = await tempDir();
    const providers = [{ id: 'givon', kind: 'givon', baseUrl: server.baseUrl, models: ['gpt-image-2'] }];
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ version: 1, providers }));
    return dir;
  }
  const env = () => ({ HOLST_KEYCHAIN_SERVICE: testKeychainService(), HOLST_API_KEY_GIVON: server.apiKey });

  it('prints the saved image as JSON and sends the aspect and resolution', async () => {
    const cli = await runHolst(
      [
        '--data-dir',
        await dataDir(),
        'generate',
        '--provider',
        'givon',
        '--prompt',
        'a lighthouse',
        '--aspect',
        '16:9',
        '--resolution',
        '2K',
        '--json',
      ],
      { env: env() },
    );
    expect(cli.code).toBe(0);
    const out = cli.json() as { images: Array<Record<string, unknown>>; text: string; provider: string; model: string; usage: unknown };
    expect(out).toMatchObject({ provider: 'givon', model: 'gpt-image-2', text: '', usage: null });
    expect(out.images).toHaveLength(1);
    expect(Object.keys(out.images[0]!).sort()).toEqual(['height', 'id', 'mime', 'path', 'sha256', 'width']);
    expect(out.images[0]).toMatchObject({ mime: 'image/png', width: 128, height: 72 });
    await fs.access(out.images[0]!.path as string);
    expect(lastJob().body.input).toMatchObject({ prompt: 'a lighthouse', aspectRatio: '16:9', imageSize: '2K' });
    expect(cli.stdout + cli.stderr).not.toContain(server.apiKey);
  });

  it('fails with invalid_input (exit 2) on an aspect Givon does not offer, sending nothing', async () => {
    const cli = await runHolst(
      ['--data-dir', await dataDir(), '--json', 'generate', '--provider', 'givon', '--prompt', 'x', '--aspect', '7:3'],
      {
        env: env(),
      },
    );
    expect(cli.code).toBe(2);
    expect(cli.json()).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('16:9') } });
    expect(server.requests).toEqual([]);
  });
});
