import { crc32 } from 'node:zlib';
import type { ImageRecord } from '../../../../shared/library';

/** What an exported copy carries about how it was made. */
export type ExportMetadata = Pick<ImageRecord, 'id' | 'prompt' | 'provider' | 'model' | 'params' | 'createdAt'>;

/** Holst's own XMP namespace (prefix `holst`). */
export const HOLST_XMP_NS = 'https://holst.app/ns/1.0/';
const XMP_HEADER = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
/** A JPEG segment holds at most 65535 bytes including its 2-byte length. */
const JPEG_SEGMENT_MAX = 65535 - 2 - XMP_HEADER.length;

/** True when there is something worth writing into the file (an imported photo has nothing). */
export function hasExportMetadata(meta: ExportMetadata): boolean {
  return Boolean(meta.prompt || meta.provider || meta.model || (meta.params && Object.keys(meta.params).length > 0));
}

/** The fields written, by name; empty ones are left out. */
export function metadataFields(meta: ExportMetadata): Array<[string, string]> {
  const fields: Array<[string, string | null]> = [
    ['prompt', meta.prompt],
    ['provider', meta.provider],
    ['model', meta.model],
    ['params', meta.params && Object.keys(meta.params).length > 0 ? JSON.stringify(meta.params) : null],
    ['id', String(meta.id)],
    ['created', new Date(meta.createdAt).toISOString()],
  ];
  return fields.filter((f): f is [string, string] => Boolean(f[1]));
}

/**
 * Returns the image with the metadata embedded, the compressed pixel data untouched: PNG `iTXt`
 * chunks, JPEG and WebP XMP. GIF (and anything else) comes back unchanged.
 */
export function embedMetadata(bytes: Buffer, mime: string, meta: ExportMetadata): Buffer {
  if (mime === 'image/png') return embedPng(bytes, meta);
  if (mime === 'image/jpeg') return embedJpeg(bytes, xmpPacket(meta, JPEG_SEGMENT_MAX));
  if (mime === 'image/webp') return embedWebp(bytes, xmpPacket(meta));
  return bytes;
}

// ---- PNG: one iTXt chunk per field (UTF-8, uncompressed), inserted before IEND.

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function itxt(keyword: string, text: string): Buffer {
  // keyword \0, compression flag 0, method 0, language "" \0, translated keyword "" \0, UTF-8 text.
  return pngChunk('iTXt', Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]));
}

function embedPng(bytes: Buffer, meta: ExportMetadata): Buffer {
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    if (bytes.toString('latin1', offset + 4, offset + 8) === 'IEND') {
      const chunks = metadataFields(meta).map(([name, value]) => itxt(`holst:${name}`, value));
      // "Description" is the standard keyword most viewers show; the prompt goes there too.
      if (meta.prompt) chunks.unshift(itxt('Description', meta.prompt));
      return Buffer.concat([bytes.subarray(0, offset), ...chunks, bytes.subarray(offset)]);
    }
    offset += 12 + length;
  }
  return bytes; // No IEND: not a PNG we can safely extend; exported as it is.
}

// ---- XMP (JPEG and WebP).

// Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/F): dropped.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#xD;');
}

/** An XMP packet: dc:description (the prompt) and the holst:* fields. Over `maxBytes`, params then the prompt's tail go. */
export function xmpPacket(meta: ExportMetadata, maxBytes = Infinity): Buffer {
  const build = (m: ExportMetadata) => {
    const fields = metadataFields(m).map(([name, value]) => `   <holst:${name}>${xmlText(value)}</holst:${name}>\n`);
    const description = m.prompt
      ? `   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(m.prompt)}</rdf:li></rdf:Alt></dc:description>\n`
      : '';
    return Buffer.from(
      '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
        `  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:holst="${HOLST_XMP_NS}">\n` +
        `   <xmp:CreatorTool>Holst</xmp:CreatorTool>\n${description}${fields.join('')}` +
        '  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="r"?>',
      'utf8',
    );
  };
  let packet = build(meta);
  if (packet.length > maxBytes) packet = build({ ...meta, params: null });
  let prompt = meta.prompt ?? '';
  while (packet.length > maxBytes && prompt) {
    prompt = prompt.slice(0, Math.floor(prompt.length * 0.8));
    packet = build({ ...meta, prompt, params: null });
  }
  return packet;
}

function embedJpeg(bytes: Buffer, packet: Buffer): Buffer {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return bytes;
  // After SOI, skip a leading JFIF APP0 and Exif APP1 so they stay first, as readers expect.
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!;
    const length = bytes.readUInt16BE(offset + 2);
    const isExif = marker === 0xe1 && bytes.toString('latin1', offset + 4, offset + 10) === 'Exif\0\0';
    if (marker !== 0xe0 && !isExif) break;
    offset += 2 + length;
  }
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(2 + XMP_HEADER.length + packet.length, 2);
  return Buffer.concat([bytes.subarray(0, offset), head, XMP_HEADER, packet, bytes.subarray(offset)]);
}

// ---- WebP: an `XMP ` chunk, with the file turned into the extended (VP8X) form if it was simple.

function riffChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** Canvas size and alpha of a simple WebP's bitstream chunk, or null when it cannot be read. */
function simpleWebpInfo(type: string, data: Buffer): { width: number; height: number; alpha: boolean } | null {
  if (type === 'VP8 ' && data.length >= 10 && data[3] === 0x9d && data[4] === 0x01 && data[5] === 0x2a) {
    return { width: data.readUInt16LE(6) & 0x3fff, height: data.readUInt16LE(8) & 0x3fff, alpha: false };
  }
  if (type === 'VP8L' && data.length >= 5 && data[0] === 0x2f) {
    const bits = data.readUInt32LE(1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, alpha: ((bits >>> 28) & 1) === 1 };
  }
  return null;
}

function embedWebp(bytes: Buffer, packet: Buffer): Buffer {
  if (bytes.length < 20 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') return bytes;
  // Anything after the RIFF's declared size is not part of the image and is not carried over.
  const chunks = bytes.subarray(12, Math.min(bytes.length, 8 + bytes.readUInt32LE(4)));
  const first = bytes.toString('latin1', 12, 16);
  const firstSize = bytes.readUInt32LE(16);
  let body: Buffer;
  if (first === 'VP8X') {
    body = Buffer.from(chunks);
    body[8] = body[8]! | 0x04; // The XMP flag.
  } else {
    const info = simpleWebpInfo(first, bytes.subarray(20, 20 + firstSize));
    if (!info) return bytes;
    const vp8x = Buffer.alloc(10);
    vp8x[0] = 0x04 | (info.alpha ? 0x10 : 0);
    vp8x.writeUIntLE(info.width - 1, 4, 3);
    vp8x.writeUIntLE(info.height - 1, 7, 3);
    body = Buffer.concat([riffChunk('VP8X', vp8x), chunks]);
  }
  const out = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBP', 'latin1'), body, riffChunk('XMP ', packet)]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}
