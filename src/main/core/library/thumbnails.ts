import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

export const THUMB_SIZE = 256;
export const PREVIEW_SIZE = 1600;
/** Larger images are refused before decoding (about 10,000 × 10,000 pixels). */
export const MAX_PIXELS = 100_000_000;

export interface DecodedImage {
  width: number;
  height: number;
  format: string;
  /** Where the thumbnail and (for large images) the preview were written, as temp files. */
  thumbTemp: string;
  previewTemp: string | null;
}

/**
 * Decodes an image once (refusing truncated or corrupt data) and makes from that one decode a
 * 256 px WebP thumbnail and, when the image is larger than 1600 px, a 1600 px WebP preview.
 */
export async function decodeAndMakeThumbnails(file: string, tempBase: string): Promise<DecodedImage> {
  const decoder = sharp(file, { failOn: 'truncated', limitInputPixels: MAX_PIXELS, animated: false });
  const meta = await decoder.metadata();
  const { data, info } = await decoder.rotate().raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
  const thumbTemp = `${tempBase}.thumb.webp`;
  const largest = Math.max(info.width, info.height);
  const previewTemp = largest > PREVIEW_SIZE ? `${tempBase}.preview.webp` : null;
  await Promise.all([
    sharp(data, raw)
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 78, effort: 2 })
      .toFile(thumbTemp),
    previewTemp
      ? sharp(data, raw).resize(PREVIEW_SIZE, PREVIEW_SIZE, { fit: 'inside' }).webp({ quality: 85, effort: 2 }).toFile(previewTemp)
      : Promise.resolve(),
  ]);
  return { width: info.width, height: info.height, format: meta.format ?? 'unknown', thumbTemp, previewTemp };
}

/** Remakes a missing thumbnail or preview from the original. */
export async function remakeDerivative(original: string, target: string, size: number): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  await sharp(original, { failOn: 'none', limitInputPixels: MAX_PIXELS, animated: false })
    .rotate()
    .resize(size, size, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: size === THUMB_SIZE ? 78 : 85, effort: 2 })
    .toFile(temp);
  await fs.rename(temp, target);
}
