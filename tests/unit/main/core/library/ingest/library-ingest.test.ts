// Ingest over a real SQLite file and real files: formats, dedup, refusals, size cap, cancel.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HolstError } from '../../../../../../src/shared/errors';
import { ImageLibrary } from '../../../../../../src/main/core/library/image-library';
import { importFiles } from '../../../../../../src/main/core/library/ingest/import-files';
import { silentLogger } from '../../../../../../src/main/core/logging/log';
import { photoLikePng, solidImage } from '../../../../../support/images';
import { removeTempDirs, tempDir } from '../../../../../support/temp-dir';

const opened: ImageLibrary[] = [];
afterEach(() => opened.splice(0).forEach((library) => library.close()));
afterAll(removeTempDirs);

async function openLibrary(maxImageBytes = 100 * 1024 * 1024): Promise<ImageLibrary> {
  const library = await ImageLibrary.open(await tempDir(), { maxImageBytes: () => maxImageBytes, logger: silentLogger });
  opened.push(library);
  return library;
}

/** Every file under the library's folders, relative to the data folder. */
async function filesOf(library: ImageLibrary): Promise<string[]> {
  const found: string[] = [];
  for (const dir of [library.layout.originals, library.layout.thumbs, library.layout.previews, library.layout.tmp]) {
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries)
      if (entry.isFile()) found.push(path.relative(library.layout.dataDir, path.join(entry.parentPath, entry.name)));
  }
  return found.sort();
}

async function expectRefused(library: ImageLibrary, bytes: Uint8Array, code: string, reason: RegExp) {
  const before = await filesOf(library);
  const error = (await library.ingest({ bytes }, { source: 'imported' }).catch((e: unknown) => e)) as HolstError;
  expect(error).toBeInstanceOf(HolstError);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(reason);
  expect(library.list({}).items).toHaveLength(0);
  expect(await filesOf(library)).toEqual(before);
}

describe('ingest', () => {
  it.each(['png', 'jpeg', 'webp', 'gif'] as const)(
    'stores a %s under its SHA-256 with its metadata and a WebP thumbnail',
    async (format) => {
      const library = await openLibrary();
      const bytes = await solidImage(7, format, 320, 200);
      const { image, duplicate } = await library.ingest(
        { bytes },
        { source: 'generated', prompt: 'a red square', provider: 'gigachat', model: 'GigaChat-2-Max', params: { n: 1 } },
      );
      expect(duplicate).toBe(false);
      expect(image).toMatchObject({
        width: 320,
        height: 200,
        bytes: bytes.length,
        source: 'generated',
        prompt: 'a red square',
        provider: 'gigachat',
        params: { n: 1 },
      });
      expect(image.mime).toBe(`image/${format}`);
      const original = library.originalPath(image);
      expect(path.relative(library.layout.dataDir, original)).toBe(
        path.join('library', image.sha256.slice(0, 2), `${image.sha256}.${format === 'jpeg' ? 'jpg' : format}`),
      );
      expect(Buffer.compare(await fs.readFile(original), bytes)).toBe(0);
      const thumb = await fs.readFile(library.layout.thumb(image.sha256));
      expect(thumb.subarray(8, 12).toString()).toBe('WEBP');
      expect(image.hasPreview).toBe(false);
    },
  );

  it('makes a 1600 px preview only for images larger than that', async () => {
    const library = await openLibrary();
    const { image } = await library.ingest({ bytes: await solidImage(1, 'jpeg', 2400, 1200) }, { source: 'imported' });
    expect(image.hasPreview).toBe(true);
    expect(await sharp(library.layout.preview(image.sha256)).metadata()).toMatchObject({ width: 1600, height: 800 });
    expect(await sharp(library.layout.thumb(image.sha256)).metadata()).toMatchObject({ width: 256, height: 128 });
  });

  it('stores the same bytes once and says so', async () => {
    const library = await openLibrary();
    const bytes = await solidImage(3);
    const first = await library.ingest({ bytes }, { source: 'imported', originalName: 'a.png' });
    const second = await library.ingest({ bytes: new Uint8Array(bytes) }, { source: 'generated', prompt: 'other' });
    expect(second).toEqual({ image: first.image, duplicate: true });
    expect(library.list({}).items).toHaveLength(1);
    expect((await filesOf(library)).filter((f) => f.startsWith('library'))).toHaveLength(1);
  });

  it('ingests the same new bytes concurrently into one row', async () => {
    const library = await openLibrary();
    const bytes = await solidImage(11, 'png', 500, 500);
    const results = await Promise.all([1, 2, 3].map(() => library.ingest({ bytes }, { source: 'imported' })));
    expect(new Set(results.map((r) => r.image.id)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await filesOf(library)).toHaveLength(2);
  });

  it('refuses an HTML page saved as .png, with the reason', async () => {
    await expectRefused(await openLibrary(), Buffer.from('<!DOCTYPE html><html><body>404 Not Found</body></html>'), 'no_image', /web page/);
  });

  it('refuses zero bytes', async () => {
    await expectRefused(await openLibrary(), new Uint8Array(0), 'no_image', /empty/);
  });

  it('refuses bytes of no image format', async () => {
    await expectRefused(await openLibrary(), Buffer.from('%PDF-1.7 not an image at all'), 'no_image', /not a PNG, JPEG, WebP or GIF/);
    await expectRefused(await openLibrary(), Buffer.from('{"error":"quota"}'), 'no_image', /JSON/);
  });

  it('refuses a truncated PNG and a truncated JPEG', async () => {
    const png = await photoLikePng(200, 200);
    await expectRefused(await openLibrary(), png.subarray(0, Math.floor(png.length / 2)), 'no_image', /damaged or incomplete/);
    const jpeg = await solidImage(5, 'jpeg', 400, 400);
    await expectRefused(await openLibrary(), jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'no_image', /damaged or incomplete/);
  });

  it('refuses a file over the size cap while streaming, keeping nothing', async () => {
    const library = await openLibrary(1024 * 1024);
    const big = await photoLikePng(1024, 1024, 120);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    async function* chunks() {
      for (let i = 0; i < big.length; i += 64 * 1024) yield big.subarray(i, i + 64 * 1024);
    }
    await expectRefused(library, big, 'invalid_input', /larger than the 1 MB limit/);
    const error = (await library.ingest({ stream: chunks() }, { source: 'imported' }).catch((e: unknown) => e)) as HolstError;
    expect(error.code).toBe('invalid_input');
    // The window says the limit in its own language and units.
    expect(error.said).toEqual({ key: 'imageTooLargeMb', params: { megabytes: '1' } });
    expect(await filesOf(library)).toEqual([]);
  });

  it('stores nothing when cancelled mid-stream', async () => {
    const library = await openLibrary();
    const bytes = await photoLikePng(300, 300);
    const controller = new AbortController();
    async function* slow() {
      yield bytes.subarray(0, 1000);
      controller.abort();
      yield bytes.subarray(1000);
    }
    const error = (await library
      .ingest({ stream: slow() }, { source: 'generated' }, controller.signal)
      .catch((e: unknown) => e)) as HolstError;
    expect(error.code).toBe('cancelled');
    expect(library.list({}).items).toEqual([]);
    expect(await filesOf(library)).toEqual([]);
  });

  it('reads files from disk, and says which file is missing', async () => {
    const library = await openLibrary();
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'x.webp'), await solidImage(9, 'webp'));
    const { image } = await library.ingest({ path: path.join(dir, 'x.webp') }, { source: 'imported', originalName: 'x.webp' });
    expect(image).toMatchObject({ mime: 'image/webp', originalName: 'x.webp' });
    const error = (await library
      .ingest({ path: path.join(dir, 'gone.png') }, { source: 'imported' })
      .catch((e: unknown) => e)) as HolstError;
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('gone.png');
  });

  it('records lineage: the source and references an edit was made from', async () => {
    const library = await openLibrary();
    const source = (await library.ingest({ bytes: await solidImage(1) }, { source: 'imported' })).image;
    const reference = (await library.ingest({ bytes: await solidImage(2) }, { source: 'imported' })).image;
    const edit = (
      await library.ingest(
        { bytes: await solidImage(3) },
        {
          source: 'edited',
          prompt: 'make it blue',
          parents: [
            { id: source.id, role: 'source' },
            { id: reference.id, role: 'reference' },
          ],
        },
      )
    ).image;
    const detail = library.detail(edit.id);
    expect(detail.parents.map((p) => [p.role, p.image.id])).toEqual([
      ['source', source.id],
      ['reference', reference.id],
    ]);
    expect(library.detail(source.id).children.map((c) => c.id)).toEqual([edit.id]);
    expect(library.parentsOf([edit.id]).get(edit.id)).toEqual([
      { id: source.id, role: 'source' },
      { id: reference.id, role: 'reference' },
    ]);
    const error = (await library
      .ingest({ bytes: await solidImage(4) }, { source: 'edited', parents: [{ id: 999, role: 'source' }] })
      .catch((e: unknown) => e)) as HolstError;
    expect(error.code).toBe('not_found');
    expect(library.list({}).items).toHaveLength(3);
    expect((await filesOf(library)).filter((f) => f.startsWith('library'))).toHaveLength(3);
  });

  it('names the image by the SHA-256 of its bytes, computed while they stream in, from bytes, a stream and a file', async () => {
    const library = await openLibrary();
    const dir = await tempDir();
    const inputs = await Promise.all([1, 2, 3].map((seed) => photoLikePng(300, 200, 30 + seed)));
    await fs.writeFile(path.join(dir, 'c.png'), inputs[2]!);
    async function* chunks(bytes: Buffer) {
      for (let i = 0; i < bytes.length; i += 1000) yield bytes.subarray(i, i + 1000);
    }
    const images = [
      (await library.ingest({ bytes: inputs[0]! }, { source: 'imported' })).image,
      (await library.ingest({ stream: chunks(inputs[1]!) }, { source: 'imported' })).image,
      (await library.ingest({ path: path.join(dir, 'c.png') }, { source: 'imported' })).image,
    ];
    images.forEach((image, i) => {
      expect(image.sha256).toBe(createHash('sha256').update(inputs[i]!).digest('hex'));
    });
    for (const image of images) {
      const stored = await fs.readFile(library.originalPath(image));
      expect(createHash('sha256').update(stored).digest('hex')).toBe(image.sha256);
    }
  });

  it('reads files into reused buffers without mixing them up: large after small, a refused file between, three at a time', async () => {
    const library = await openLibrary();
    const dir = await tempDir();
    // Sizes alternate so a small file lands in a buffer that last held a larger one, and the reverse.
    const sources = [
      { name: 'a.png', bytes: await solidImage(1, 'png', 40, 30) },
      { name: 'b.png', bytes: await photoLikePng(1024, 1024, 41) },
      { name: 'c.png', bytes: await solidImage(2, 'png', 30, 40) },
      { name: 'd.png', bytes: (await photoLikePng(900, 700, 42)).subarray(0, 200_000) },
      { name: 'e.png', bytes: await photoLikePng(800, 900, 43) },
      { name: 'f.png', bytes: await solidImage(3, 'png', 50, 20) },
    ];
    for (const { name, bytes } of sources) await fs.writeFile(path.join(dir, name), bytes);
    const results = await importFiles(library, [dir]);
    expect(results.map((r) => [path.basename(r.path), r.status]).sort()).toEqual(
      sources.map(({ name }) => [name, name === 'd.png' ? 'skipped' : 'imported']),
    );
    for (const { name, bytes } of sources.filter((s) => s.name !== 'd.png')) {
      const image = library.require(results.find((r) => path.basename(r.path) === name)!.id!);
      const stored = await fs.readFile(library.originalPath(image));
      expect(stored.equals(bytes), name).toBe(true);
      const meta = await sharp(bytes).metadata();
      expect([image.width, image.height], name).toEqual([meta.width, meta.height]);
      // The thumbnail was made from this file's bytes: its mean colour is the picture's.
      const [thumb, picture] = await Promise.all([sharp(library.layout.thumb(image.sha256)).stats(), sharp(bytes).stats()]);
      thumb.channels.slice(0, 3).forEach((channel, i) => expect(Math.abs(channel.mean - picture.channels[i]!.mean), name).toBeLessThan(3));
    }
  });

  it('refuses a truncated PNG larger than the preview size, keeping nothing', async () => {
    const png = await photoLikePng(1800, 1700);
    await expectRefused(await openLibrary(), png.subarray(0, Math.floor(png.length * 0.7)), 'no_image', /damaged or incomplete/);
  });

  it('applies the EXIF orientation to the recorded size, the thumbnail and the preview', async () => {
    const library = await openLibrary();
    // Left half red, right half blue, stored sideways: turned upright, red is on top.
    const sideways = async (width: number, height: number) => {
      const pixels = Buffer.alloc(width * height * 3);
      for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[(y * width + x) * 3 + (x < width / 2 ? 0 : 2)] = 255;
      return sharp(pixels, { raw: { width, height, channels: 3 } })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .toBuffer();
    };
    const small = (await library.ingest({ bytes: await sideways(600, 400) }, { source: 'imported' })).image;
    expect(small).toMatchObject({ width: 400, height: 600, hasPreview: false });
    const large = (await library.ingest({ bytes: await sideways(2400, 1200) }, { source: 'imported' })).image;
    expect(large).toMatchObject({ width: 1200, height: 2400, hasPreview: true });
    expect(await sharp(library.layout.preview(large.sha256)).metadata()).toMatchObject({ width: 800, height: 1600 });
    for (const [image, size] of [
      [small, { width: 171, height: 256 }],
      [large, { width: 128, height: 256 }],
    ] as const) {
      const { data, info } = await sharp(library.layout.thumb(image.sha256)).raw().toBuffer({ resolveWithObject: true });
      expect({ width: info.width, height: info.height }).toEqual(size);
      const pixel = (x: number, y: number) => [
        ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
      ];
      expect(pixel(Math.floor(info.width / 2), 10)).toEqual([
        expect.toSatisfy((r: number) => r > 200),
        expect.any(Number),
        expect.toSatisfy((b: number) => b < 60),
      ]);
      expect(pixel(Math.floor(info.width / 2), info.height - 10)).toEqual([
        expect.toSatisfy((r: number) => r < 60),
        expect.any(Number),
        expect.toSatisfy((b: number) => b > 200),
      ]);
    }
  });

  it('makes thumbnails and previews exactly the size sharp gives a 256 and 1600 px box, whatever the proportions', async () => {
    const library = await openLibrary();
    const sizes = [
      [100, 60],
      [257, 256],
      [999, 1001],
      [1601, 37],
      [37, 1601],
      [2400, 1199],
      [5000, 301],
      [1703, 1601],
    ] as const;
    for (const [width, height] of sizes) {
      const bytes = await solidImage(width + height, 'png', width, height);
      const { image } = await library.ingest({ bytes }, { source: 'imported' });
      const expected = async (box: number) => {
        const { info } = await sharp(bytes)
          .resize(box, box, { fit: 'inside', withoutEnlargement: true })
          .toBuffer({ resolveWithObject: true });
        return { width: info.width, height: info.height };
      };
      expect(await sharp(library.layout.thumb(image.sha256)).metadata(), `${width}×${height}`).toMatchObject(await expected(256));
      if (Math.max(width, height) > 1600) {
        expect(await sharp(library.layout.preview(image.sha256)).metadata(), `${width}×${height}`).toMatchObject(await expected(1600));
      } else {
        expect(image.hasPreview).toBe(false);
      }
    }
  });
});
