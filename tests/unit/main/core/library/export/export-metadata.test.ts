// Exported copies carry the prompt: read back by parsing the files and by sharp (libvips), pixels untouched.
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { embedMetadata, HOLST_XMP_NS, type ExportMetadata } from '../../../../../../src/main/core/library/export/export-metadata';

const meta: ExportMetadata = {
  id: 1234,
  prompt: 'Маяк на рассвете — "lighthouse" <at> dawn & fog\nline two',
  provider: 'gigachat',
  model: 'GigaChat-2-Max',
  params: { size: '1024x1024', quality: 'high', note: 'ёж & <tag>' },
  createdAt: Date.UTC(2026, 2, 14, 8, 30),
};

async function original(format: 'png' | 'jpeg' | 'webp' | 'gif', options: Record<string, unknown> = {}, alpha = false): Promise<Buffer> {
  const width = 37;
  const height = 23;
  const channels = alpha ? 4 : 3;
  const raw = Buffer.alloc(width * height * channels);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7 + (i >> 5) * 13) % 256;
  return sharp(raw, { raw: { width, height, channels } }).toFormat(format, options).toBuffer();
}

async function samePixels(a: Buffer, b: Buffer): Promise<void> {
  const [x, y] = await Promise.all([sharp(a).raw().toBuffer(), sharp(b).raw().toBuffer()]);
  expect(x.length).toBeGreaterThan(0);
  expect(Buffer.compare(x, y)).toBe(0);
}

function pngChunks(bytes: Buffer): Array<{ type: string; data: Buffer }> {
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(crc32(bytes.subarray(offset + 4, offset + 8 + length)) >>> 0);
    chunks.push({ type, data });
    offset += 12 + length;
  }
  return chunks;
}

function readItxt(data: Buffer): { keyword: string; text: string } {
  const end = data.indexOf(0);
  expect(data[end + 1]).toBe(0); // not compressed
  let rest = end + 3;
  rest = data.indexOf(0, rest) + 1; // language tag
  rest = data.indexOf(0, rest) + 1; // translated keyword
  return { keyword: data.toString('latin1', 0, end), text: data.toString('utf8', rest) };
}

function riffChunks(bytes: Buffer): Array<{ type: string; data: Buffer }> {
  expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let offset = 12; offset < bytes.length;) {
    const size = bytes.readUInt32LE(offset + 4);
    chunks.push({ type: bytes.toString('latin1', offset, offset + 4), data: bytes.subarray(offset + 8, offset + 8 + size) });
    offset += 8 + size + (size % 2);
  }
  return chunks;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#xD;/g, '\r')
    .replace(/&amp;/g, '&');

function xmpField(xmp: string, name: string, attributes = ''): string | undefined {
  const match = new RegExp(`<${name}${attributes}>([\\s\\S]*?)</${name}>`).exec(xmp);
  return match ? unescapeXml(match[1]!) : undefined;
}

function expectXmp(xmp: string): void {
  expect(xmp.startsWith('<?xpacket begin="\ufeff"')).toBe(true);
  expect(xmp).toContain(`xmlns:holst="${HOLST_XMP_NS}"`);
  expect(xmpField(xmp, 'rdf:li', ' xml:lang="x-default"')).toBe(meta.prompt);
  expect(xmpField(xmp, 'holst:prompt')).toBe(meta.prompt);
  expect(xmpField(xmp, 'holst:provider')).toBe('gigachat');
  expect(xmpField(xmp, 'holst:model')).toBe('GigaChat-2-Max');
  expect(JSON.parse(xmpField(xmp, 'holst:params')!)).toEqual(meta.params);
  expect(xmpField(xmp, 'holst:id')).toBe('1234');
  // Nothing unescaped inside element text: every '<' opens a tag, every '&' starts an entity.
  expect(xmp.replace(/<[^<>]*>/g, '')).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|#xD);)/);
}

describe('embedMetadata', () => {
  it('writes PNG iTXt chunks with valid CRCs before IEND, pixels untouched', async () => {
    for (const alpha of [false, true]) {
      const input = await original('png', {}, alpha);
      const output = embedMetadata(input, 'image/png', meta);
      const chunks = pngChunks(output);
      expect(chunks.at(-1)!.type).toBe('IEND');
      const texts = Object.fromEntries(chunks.filter((c) => c.type === 'iTXt').map((c) => Object.values(readItxt(c.data))));
      expect(texts).toMatchObject({
        Description: meta.prompt,
        'holst:prompt': meta.prompt,
        'holst:provider': 'gigachat',
        'holst:model': 'GigaChat-2-Max',
        'holst:id': '1234',
        'holst:created': '2026-03-14T08:30:00.000Z',
      });
      expect(JSON.parse(texts['holst:params']!)).toEqual(meta.params);
      // The image data chunks are the original's, byte for byte.
      const idat = (b: Buffer) =>
        Buffer.concat(
          pngChunks(b)
            .filter((c) => c.type === 'IDAT')
            .map((c) => c.data),
        );
      expect(Buffer.compare(idat(output), idat(input))).toBe(0);
      await samePixels(input, output);
    }
  });

  it('writes an XMP APP1 segment into JPEG after JFIF, read back by sharp', async () => {
    const input = await original('jpeg', { quality: 90 });
    const output = embedMetadata(input, 'image/jpeg', meta);
    expect(output.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const xmpAt = output.indexOf('http://ns.adobe.com/xap/1.0/\0', 0, 'latin1');
    expect(output[xmpAt - 4]).toBe(0xff);
    expect(output[xmpAt - 3]).toBe(0xe1);
    expect(xmpAt - 4).toBeGreaterThanOrEqual(input[3] === 0xe0 ? 2 + 2 + input.readUInt16BE(4) : 2); // after SOI and APP0
    const length = output.readUInt16BE(xmpAt - 2);
    const packet = output.toString('utf8', xmpAt + 29, xmpAt - 2 + length);
    expectXmp(packet);
    expect((await sharp(output).metadata()).xmp?.toString('utf8')).toBe(packet);
    // Everything else is the original in the same order: removing the segment gives it back exactly.
    expect(Buffer.compare(Buffer.concat([output.subarray(0, xmpAt - 4), output.subarray(xmpAt - 2 + length)]), input)).toBe(0);
    await samePixels(input, output);
  });

  it('keeps a huge prompt within one JPEG segment', async () => {
    const input = await original('jpeg');
    const output = embedMetadata(input, 'image/jpeg', { ...meta, prompt: 'ж'.repeat(50_000) });
    const xmpAt = output.indexOf('http://ns.adobe.com/xap/1.0/\0', 0, 'latin1');
    expect(xmpField(output.toString('utf8', xmpAt + 29, xmpAt - 2 + output.readUInt16BE(xmpAt - 2)), 'holst:prompt')).toMatch(/^ж+$/);
    await samePixels(input, output);
  });

  it('turns simple lossy and lossless WebP into VP8X with an XMP chunk, and extends VP8X files', async () => {
    const inputs = [
      await original('webp', { quality: 80 }), // VP8
      await original('webp', { lossless: true }, true), // VP8L with alpha
      await original('webp', { quality: 80 }, true), // VP8X + ALPH
    ];
    const kinds = inputs.map((b) => riffChunks(b)[0]!.type);
    expect(kinds).toEqual(['VP8 ', 'VP8L', 'VP8X']);
    for (const input of inputs) {
      const output = embedMetadata(input, 'image/webp', meta);
      const chunks = riffChunks(output);
      expect(chunks[0]!.type).toBe('VP8X');
      const flags = chunks[0]!.data[0]!;
      expect(flags & 0x04).toBe(0x04);
      expect(chunks[0]!.data.readUIntLE(4, 3) + 1).toBe(37);
      expect(chunks[0]!.data.readUIntLE(7, 3) + 1).toBe(23);
      const xmp = chunks.find((c) => c.type === 'XMP ')!.data.toString('utf8');
      expectXmp(xmp);
      expect((await sharp(output).metadata()).xmp?.toString('utf8')).toBe(xmp);
      // The bitstream chunks are carried over unchanged.
      const image = (b: Buffer) => riffChunks(b).filter((c) => ['VP8 ', 'VP8L', 'ALPH'].includes(c.type));
      expect(image(output)).toEqual(image(input));
      await samePixels(input, output);
    }
  });

  it('leaves GIF and unknown bytes as they are', async () => {
    const gif = await original('gif');
    expect(embedMetadata(gif, 'image/gif', meta)).toBe(gif);
    const junk = Buffer.from('not an image at all');
    for (const mime of ['image/png', 'image/jpeg', 'image/webp']) expect(Buffer.compare(embedMetadata(junk, mime, meta), junk)).toBe(0);
  });
});
