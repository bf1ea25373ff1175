// The mask format (src/shared/mask.ts) and the core's `library.saveMask` (masks kept beside the pictures), with real PNGs from sharp.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../src/main/core/app-core';
import type { Result } from '../../../src/shared/errors';
import type { ImageRecord } from '../../../src/shared/library';
import { coverageToMaskPixels, countChangePixels, MASK_KINDS, maskPixelsToCoverage, maskSupport } from '../../../src/shared/mask';
import { PROVIDER_KINDS } from '../../../src/shared/settings';
import { MaskCoverage } from '../../../src/renderer/features/mask/coverage';
import { fitView, toSourcePoint, zoomAt } from '../../../src/renderer/features/mask/view';
import { answerMediaRequest } from '../../../src/main/core/library/media-request';
import { call, openTestCore } from '../../support/core';
import { solidImage } from '../../support/images';
import { removeTempDirs } from '../../support/temp-dir';

const alphaAt = (pixels: ArrayLike<number>, width: number, x: number, y: number) => pixels[(y * width + x) * 4 + 3];

describe('which kinds take a mask', () => {
  it('is the Images API and Givon; the others give a reason code', () => {
    expect([...MASK_KINDS].sort()).toEqual(['givon', 'openai-images']);
    for (const kind of PROVIDER_KINDS) {
      const support = maskSupport(kind);
      expect(support.ok, kind).toBe(MASK_KINDS.includes(kind));
    }
    expect(maskSupport('gigachat')).toEqual({ ok: false, reason: 'gigachat' });
    expect(maskSupport('openai-chat')).toEqual({ ok: false, reason: 'chat-model' });
  });

  it('has a sentence for every reason in both languages, the English one saying why', () => {
    const read = (language: string) =>
      JSON.parse(fs.readFileSync(path.resolve('src/renderer/i18n/locales', language, 'mask.json'), 'utf8')) as {
        unsupported: Record<string, string>;
      };
    const [en, ru] = [read('en'), read('ru')];
    for (const kind of PROVIDER_KINDS) {
      const support = maskSupport(kind);
      if (support.ok) continue;
      expect(en.unsupported[support.reason], kind).toMatch(/takes? no mask/);
      expect(ru.unsupported[support.reason], kind).toMatch(/не принима(е|ю)т маску/);
    }
    expect(en.unsupported.gigachat).toBe('GigaChat takes no mask: it reads the picture and redraws it; describe the change in words.');
    expect(en.unsupported['chat-model']).toBe('Chat image models take no mask; describe the change, or use an Images API provider.');
  });
});

describe('coverage to mask pixels', () => {
  it('makes painted pixels fully transparent and the rest opaque black', () => {
    const coverage = new Uint8Array([0, 1, 0, 0, 1, 1]);
    const pixels = coverageToMaskPixels(coverage, 3, 2);
    expect(pixels).toHaveLength(3 * 2 * 4);
    expect([0, 1, 2, 3, 4, 5].map((i) => pixels[i * 4 + 3])).toEqual([255, 0, 255, 255, 0, 0]);
    // Colour channels stay black: only alpha carries meaning.
    expect(pixels.filter((_, i) => i % 4 !== 3).every((v) => v === 0)).toBe(true);
    expect(countChangePixels(pixels)).toBe(3);
  });

  it('reads 0–255 coverage with a threshold at half', () => {
    const pixels = coverageToMaskPixels(new Uint8Array([0, 100, 128, 255]), 2, 2);
    expect([0, 1, 2, 3].map((i) => pixels[i * 4 + 3])).toEqual([255, 255, 0, 0]);
  });

  it('inverts: what was painted is kept, everything else may change', () => {
    const pixels = coverageToMaskPixels(new Uint8Array([0, 1, 1, 0]), 2, 2, { invert: true });
    expect([0, 1, 2, 3].map((i) => pixels[i * 4 + 3])).toEqual([0, 255, 255, 0]);
  });

  it('round-trips through the mask pixels', () => {
    const coverage = new Uint8Array(12).map((_, i) => (i % 3 === 0 ? 1 : 0));
    expect(maskPixelsToCoverage(coverageToMaskPixels(coverage, 4, 3), 4, 3)).toEqual(coverage);
  });

  it('refuses a coverage that does not fit the size', () => {
    expect(() => coverageToMaskPixels(new Uint8Array(5), 2, 2)).toThrow(/5 values for 2×2/);
    expect(() => coverageToMaskPixels(new Uint8Array(0), 0, 0)).toThrow(RangeError);
  });
});

describe("the painter's coverage", () => {
  const marked = (c: MaskCoverage) => {
    const points: string[] = [];
    for (let i = 0; i < c.data.length; i++) if (c.data[i]) points.push(`${i % c.width},${Math.floor(i / c.width)}`);
    return points;
  };

  it('paints the pixels whose centres a stroke passes within the radius, and nothing else', () => {
    const c = new MaskCoverage(10, 6);
    c.begin(1);
    c.line(2.5, 2.5, 1, 6.5, 2.5, 1);
    c.end();
    // A capsule: the row of centres, one pixel above and below, and the round ends.
    expect(c.count()).toBe(5 + 5 + 5 + 2);
    expect(marked(c)).toContain('2,2');
    expect(marked(c)).toContain('6,2');
    expect(marked(c)).toContain('4,1');
    expect(marked(c)).toContain('4,3');
    expect(marked(c)).not.toContain('4,4');
    expect(marked(c)).not.toContain('8,2');
  });

  it('always marks the pixel under a point, however small the brush', () => {
    const c = new MaskCoverage(4, 4);
    c.begin(1);
    c.line(3.9, 0.1, 0.1, 3.9, 0.1, 0.1);
    c.end();
    expect(marked(c)).toEqual(['3,0']);
  });

  it('undoes and redoes strokes, invert and clear, one step each', () => {
    const c = new MaskCoverage(8, 8);
    c.begin(1);
    c.line(2, 2, 1.5, 2, 2, 1.5);
    c.end();
    const one = marked(c);
    c.begin(0);
    c.line(2, 2, 0.6, 2, 2, 0.6);
    c.end();
    const erased = marked(c);
    expect(erased.length).toBeLessThan(one.length);
    c.invert();
    expect(c.count()).toBe(64 - erased.length);
    c.clear();
    expect(c.count()).toBe(0);

    c.undo();
    expect(marked(c)).toHaveLength(64 - erased.length);
    c.undo();
    expect(marked(c)).toEqual(erased);
    c.undo();
    expect(marked(c)).toEqual(one);
    expect(c.undo()).not.toBeNull();
    expect(c.count()).toBe(0);
    expect(c.undo()).toBeNull();
    expect(c.canUndo).toBe(false);
    c.redo();
    expect(marked(c)).toEqual(one);
    expect(c.canRedo).toBe(true);
    // A new stroke drops what could have been redone.
    c.begin(1);
    c.line(6, 6, 1, 6, 6, 1);
    c.end();
    expect(c.canRedo).toBe(false);
  });

  it('a stroke that changes nothing is no undo step', () => {
    const c = new MaskCoverage(4, 4);
    c.begin(0);
    c.line(1, 1, 1, 3, 3, 1);
    c.end();
    expect(c.canUndo).toBe(false);
  });
});

describe("the painter's zoom and pan", () => {
  const picture = { width: 64, height: 48 };

  it('fits the picture centred in the stage', () => {
    const view = fitView({ width: 848, height: 448 }, picture);
    expect(view.scale).toBeCloseTo((448 - 48) / 48);
    expect(view.x + (picture.width * view.scale) / 2).toBeCloseTo(424);
    expect(view.y).toBeCloseTo(24);
  });

  it('zooms around a point, which stays over the same picture pixel', () => {
    const before = { scale: 4, x: 100, y: 50 };
    const after = zoomAt(before, 2.5, 300, 200, 0.1);
    const pixel = (v: typeof before) => [(300 - v.x) / v.scale, (200 - v.y) / v.scale];
    expect(after.scale).toBe(10);
    expect(pixel(after)[0]).toBeCloseTo(pixel(before)[0]!);
    expect(pixel(after)[1]).toBeCloseTo(pixel(before)[1]!);
    expect(zoomAt(before, 1000, 0, 0, 0.1).scale).toBe(32);
    expect(zoomAt(before, 0.0001, 0, 0, 0.5).scale).toBe(0.5);
  });

  it('maps a screen point to source pixels from the canvas box, whatever its size on screen', () => {
    const box = { left: 100, top: 40, width: 640, height: 480 };
    expect(toSourcePoint(100, 40, box, picture)).toEqual({ x: 0, y: 0 });
    expect(toSourcePoint(740, 520, box, picture)).toEqual({ x: 64, y: 48 });
    expect(toSourcePoint(425, 295, box, picture)).toEqual({ x: 32.5, y: 25.5 });
  });
});

/** A real mask PNG: transparent where `clear(x, y)`, opaque black elsewhere. */
async function maskPng(width: number, height: number, clear: (x: number, y: number) => boolean): Promise<string> {
  const coverage = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) coverage[y * width + x] = clear(x, y) ? 1 : 0;
  const pixels = coverageToMaskPixels(coverage, width, height);
  const png = await sharp(Buffer.from(pixels.buffer), { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
  return png.toString('base64');
}

describe('library.saveMask', () => {
  let core: AppCore;
  let source: ImageRecord;
  const errorOf = (result: Result<unknown>) => (result.ok ? null : result.error);

  beforeAll(async () => {
    core = await openTestCore();
    const imported = await call(core, 'library.importBytes', {
      name: 'fox.png',
      base64: (await solidImage(3, 'png', 64, 48)).toString('base64'),
    });
    if (!imported.ok) throw new Error(imported.error.message);
    source = imported.value;
  });
  afterAll(async () => {
    core.close();
    await removeTempDirs();
  });

  it('keeps a mask of the source size beside the pictures, never among them', async () => {
    const before = { list: core.library.list({}).items.map((i) => i.id), count: core.library.count({}), facets: core.library.facets() };
    const base64 = await maskPng(64, 48, (x, y) => x >= 10 && x < 20 && y >= 5 && y < 15);
    const changed: unknown[] = [];
    const unsubscribe = core.events.subscribe((name, payload) => name === 'library.changed' && changed.push(payload));
    const saved = await call(core, 'library.saveMask', { sourceId: source.id, base64 });
    unsubscribe();
    expect(saved.ok).toBe(true);
    const mask = saved.ok ? saved.value : null;
    expect(mask).toMatchObject({ width: 64, height: 48, sourceId: source.id });
    // Not a picture: the grid, its counts and filters do not change, and no picture has its id.
    expect(changed).toEqual([]);
    expect(core.library.list({}).items.map((i) => i.id)).toEqual(before.list);
    expect(core.library.count({})).toBe(before.count);
    expect(core.library.facets()).toEqual(before.facets);
    expect(core.library.get(mask!.id)?.sha256).not.toBe(mask!.sha256);

    // What is stored is exactly what was sent: 100 transparent pixels where the square was.
    const stored = core.library.maskPath(mask!);
    expect(fs.readFileSync(stored).toString('base64')).toBe(base64);
    const { data, info } = await sharp(stored).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: 64, height: 48, channels: 4 });
    expect(countChangePixels(data)).toBe(100);
    expect(alphaAt(data, 64, 15, 10)).toBe(0);
    expect(alphaAt(data, 64, 40, 30)).toBe(255);

    // The window shows it by mask id only; the same bytes again are the same mask.
    const media = await answerMediaRequest(core.library, 'mask', String(mask!.id));
    expect(media).toMatchObject({ status: 200, file: stored, headers: { 'Content-Type': 'image/png' } });
    expect(await call(core, 'library.saveMask', { sourceId: source.id, base64 })).toEqual({ ok: true, value: mask });
  });

  it('goes with its source when that is deleted for good and no edit uses it', async () => {
    const imported = await call(core, 'library.importBytes', {
      name: 'leaf.png',
      base64: (await solidImage(9, 'png', 64, 48)).toString('base64'),
    });
    const leaf = imported.ok ? imported.value : null;
    const saved = await call(core, 'library.saveMask', { sourceId: leaf!.id, base64: await maskPng(64, 48, (x) => x > 50) });
    const mask = saved.ok ? saved.value : null;
    await call(core, 'library.trash', { ids: [leaf!.id] });
    expect(core.library.mask(mask!.id)).toEqual(mask);
    await call(core, 'library.emptyTrash', undefined);
    expect(core.library.mask(mask!.id)).toBeNull();
    expect(fs.existsSync(core.library.maskPath(mask!))).toBe(false);
    expect(await answerMediaRequest(core.library, 'mask', String(mask!.id))).toMatchObject({ status: 404 });
  });

  it('refuses a mask of another size, naming both sizes (for the window too, as a catalogued sentence)', async () => {
    const result = await call(core, 'library.saveMask', { sourceId: source.id, base64: await maskPng(32, 32, () => true) });
    expect(errorOf(result)).toEqual({
      code: 'invalid_input',
      message: 'The mask is 32×32 but the source image is 64×48.',
      field: 'base64',
      key: 'maskSizeMismatch',
      params: { maskWidth: '32', maskHeight: '32', width: '64', height: '48' },
    });
  });

  it('refuses what is not a PNG', async () => {
    const jpeg = (await solidImage(4, 'jpeg', 64, 48)).toString('base64');
    expect(errorOf(await call(core, 'library.saveMask', { sourceId: source.id, base64: jpeg }))).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('must be a PNG'),
      key: 'maskNotPng',
    });
    const text = Buffer.from('not a picture at all').toString('base64');
    expect(errorOf(await call(core, 'library.saveMask', { sourceId: source.id, base64: text }))).toMatchObject({ code: 'invalid_input' });
    expect(errorOf(await call(core, 'library.saveMask', { sourceId: source.id, base64: '%%%not base64' }))).toMatchObject({
      code: 'invalid_input',
      field: 'base64',
    });
  });

  it('refuses a mask that marks nothing: no alpha channel, or no fully transparent pixel', async () => {
    const empty = 'The mask marks nothing to change: paint over the area first.';
    const opaque = (await solidImage(5, 'png', 64, 48)).toString('base64');
    expect(errorOf(await call(core, 'library.saveMask', { sourceId: source.id, base64: opaque }))).toMatchObject({
      code: 'invalid_input',
      message: empty,
      key: 'maskEmpty',
    });
    const nothingPainted = await maskPng(64, 48, () => false);
    expect(errorOf(await call(core, 'library.saveMask', { sourceId: source.id, base64: nothingPainted }))).toMatchObject({
      code: 'invalid_input',
      message: empty,
    });
    // Half-transparent is not "fully transparent": the Images API would keep those pixels.
    const half = await sharp({ create: { width: 64, height: 48, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
      .png()
      .toBuffer();
    expect(errorOf(await call(core, 'library.saveMask', { sourceId: source.id, base64: half.toString('base64') }))).toMatchObject({
      message: empty,
    });
  });

  it('refuses a source that is missing or in the trash', async () => {
    const base64 = await maskPng(64, 48, (x) => x < 8);
    expect(errorOf(await call(core, 'library.saveMask', { sourceId: 999_999, base64 }))).toMatchObject({ code: 'not_found' });

    const other = await call(core, 'library.importBytes', {
      name: 'snow.png',
      base64: (await solidImage(6, 'png', 64, 48)).toString('base64'),
    });
    const otherId = other.ok ? other.value.id : 0;
    await call(core, 'library.trash', { ids: [otherId] });
    expect(errorOf(await call(core, 'library.saveMask', { sourceId: otherId, base64 }))).toMatchObject({
      code: 'invalid_input',
      field: 'sourceId',
      message: expect.stringContaining('in the trash'),
    });
  });
});
