// Masked edits against the reference servers: the exact body (OpenAI Images multipart `image` +
// `mask`; Givon `sourceImage` + `maskImage`), the lineage, and a mask of another pixel size
// refused before anything is sent, from the chat and from files (the CLI's way).
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../../../../src/main/core/generation/generate';
import type { GivonServer } from '../../../../servers/givon-server';
import type { OpenAIImagesServer } from '../../../../servers/openai-images-server';
import { ChatDriver } from '../../../../support/chat-driver';
import { call } from '../../../../support/core';
import { failure } from '../../../../support/failure';
import { solidImage } from '../../../../support/images';
import { setUpProvider, type ProviderSetup } from '../../../../support/providers';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

/** A mask of the given size: opaque, with a fully transparent square (the area to change) at the top left. */
async function maskPng(width: number, height: number): Promise<Buffer> {
  const hole = Buffer.from(
    `<svg width="${width}" height="${height}"><rect width="${width / 2}" height="${height / 2}" fill="white"/></svg>`,
  );
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } })
    .composite([{ input: hole, blend: 'dest-out' }])
    .png()
    .toBuffer();
}

describe.each(['openai-images', 'givon'] as const)('masked edits with %s', (kind) => {
  let p: ProviderSetup;
  let chat: ChatDriver;
  let sourceId: number;
  beforeEach(async () => {
    p = await setUpProvider(kind);
    chat = new ChatDriver(p.core);
    sourceId = (await p.core.library.ingest({ bytes: await solidImage(5, 'png', 64, 48) }, { source: 'imported' })).image.id;
  });
  afterEach(() => p.close());

  /** A mask painted over a picture of its size (the source, or another picture for a mask of another size). */
  const paintMask = async (width: number, height: number) => {
    const over =
      width === 64 && height === 48
        ? sourceId
        : (await p.core.library.ingest({ bytes: await solidImage(7, 'png', width, height) }, { source: 'imported' })).image.id;
    const saved = await call(p.core, 'library.saveMask', { sourceId: over, base64: (await maskPng(width, height)).toString('base64') });
    if (!saved.ok) throw new Error(saved.error.message);
    return saved.value.id;
  };

  it('sends the source and the mask exactly, and records the source as parent and the mask beside it', async () => {
    const maskId = await paintMask(64, 48);
    const libraryBefore = { ids: p.core.library.list({}).items.map((i) => i.id), facets: p.core.library.facets() };
    const end = await chat.answer({ providerId: p.providerId, prompt: 'add a moon', imageIds: [sourceId], maskId });
    const maskBytes = await fs.readFile(p.core.library.maskPath(p.core.library.requireMask(maskId)));
    if (kind === 'openai-images') {
      const edit = (p.server as OpenAIImagesServer).edits.at(-1)!;
      expect(edit.fields).toEqual({ model: 'gpt-image-1', prompt: 'add a moon' });
      expect(edit.images.map((i) => [i.part.name, i.part.data])).toEqual([['image', await chat.bytesOf(sourceId)]]);
      expect(edit.mask).toMatchObject({ width: 64, height: 48, hasAlpha: true });
      expect(edit.mask!.part).toMatchObject({ name: 'mask', filename: 'mask.png', contentType: 'image/png', data: maskBytes });
    } else {
      const job = [...(p.server as GivonServer).jobs.values()].at(-1)!;
      expect(job.body).toEqual({
        type: 'image',
        model: 'gpt-image-2',
        input: {
          prompt: 'add a moon',
          sourceImage: await chat.dataUriOf(sourceId),
          maskImage: `data:image/png;base64,${maskBytes.toString('base64')}`,
        },
      });
    }
    const [made] = end.message.imageIds;
    const detail = p.core.library.detail(made!);
    expect(detail.parents.map((parent) => [parent.role, parent.image.id])).toEqual([['source', sourceId]]);
    expect(detail.mask).toMatchObject({ id: maskId, sourceId, width: 64, height: 48 });

    // The library gained the edit and nothing else: the mask is in no list, count or filter.
    expect(p.core.library.list({}).items.map((i) => i.id)).toEqual([made, ...libraryBefore.ids]);
    const bySource = (facets: typeof libraryBefore.facets) => Object.fromEntries(facets.sources.map((f) => [f.value, f.count]));
    expect(bySource(p.core.library.facets())).toEqual({ ...bySource(libraryBefore.facets), edited: 1 });
    expect(p.core.library.count({ source: 'imported' })).toBe(bySource(libraryBefore.facets).imported);
    // Answering again sends the same mask (the request keeps its id).
    const again = await chat.finished((await chat.retry(end.userMessageId)).generationId);
    expect(again.status).toBe('complete');
    expect(p.core.library.detail(again.message.imageIds[0]!).mask?.id).toBe(maskId);
  });

  it('refuses a mask of another pixel size before writing or sending anything, naming both sizes', async () => {
    const maskId = await paintMask(32, 32);
    const refused = await call(p.core, 'chat.send', { providerId: p.providerId, prompt: 'x', imageIds: [sourceId], maskId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'mask' } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toContain('The mask is 32×32 but the source image is 64×48');

    const dir = await tempDir();
    const [source, mask] = [path.join(dir, 'source.png'), path.join(dir, 'mask.png')];
    await fs.writeFile(source, await solidImage(6, 'png', 80, 60));
    await fs.writeFile(mask, await maskPng(40, 30));
    const fromFiles = await failure(generate(p.core, { providerId: p.providerId, prompt: 'x', imageFiles: [source], maskFile: mask }));
    expect(fromFiles).toMatchObject({ code: 'invalid_input', field: 'mask' });
    expect(fromFiles!.message).toContain('The mask is 40×30 but the source image is 80×60');

    expect(p.server.requests).toEqual([]);
    expect(p.core.conversations.list()).toEqual([]);
  });
});
