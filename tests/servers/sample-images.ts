// Real image bytes for the reference servers to hand out: small, made by sharp, and different for
// every call in a process (colour and size both vary), so content-addressed storage sees them as
// distinct pictures.
import sharp from 'sharp';

type Format = 'png' | 'jpeg' | 'webp';

let counter = 0;

/** How an answer is encoded: a transparent background (an alpha channel), and a JPEG's or WebP's quality (1–100). */
export interface SampleOptions {
  transparent?: boolean;
  quality?: number;
}

/** A fresh image; `width` / `height` default to a small picture whose size also varies per call. */
export async function sampleImage(format: Format = 'png', width?: number, height?: number, options: SampleOptions = {}): Promise<Buffer> {
  const n = ++counter;
  const background = { r: (n * 37) % 256, g: (n * 91 + 50) % 256, b: (n * 151 + 100) % 256 };
  const w = width ?? 48 + (n % 32);
  const h = height ?? 32 + (Math.floor(n / 32) % 32);
  // a diagonal stripe on top keeps the picture from being a flat colour
  const stripe = Buffer.from(
    `<svg width="${w}" height="${h}"><line x1="0" y1="0" x2="${w}" y2="${h}" stroke="white" stroke-width="${1 + (n % 5)}"/></svg>`,
  );
  const canvas = options.transparent
    ? { width: w, height: h, channels: 4 as const, background: { ...background, alpha: 0 } }
    : { width: w, height: h, channels: 3 as const, background };
  return sharp({ create: canvas })
    .composite([{ input: stripe }])
    .toFormat(format, options.quality !== undefined ? { quality: Math.max(1, options.quality) } : {})
    .toBuffer();
}

/** Width and height of image bytes, or undefined when they are not an image sharp can read. */
export async function imageSize(bytes: Buffer): Promise<{ width: number; height: number; format: string; hasAlpha: boolean } | undefined> {
  try {
    const meta = await sharp(bytes).metadata();
    if (!meta.width || !meta.height || !meta.format) return undefined;
    return { width: meta.width, height: meta.height, format: meta.format, hasAlpha: meta.hasAlpha ?? false };
  } catch {
    return undefined;
  }
}

/** Bytes that claim to be an image but are an HTML error page, as CDNs and proxies sometimes serve. */
export const HTML_NOT_AN_IMAGE = Buffer.from(
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>\n',
);
