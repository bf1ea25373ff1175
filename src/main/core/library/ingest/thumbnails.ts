import fs from 'node:fs/promises';
import path from 'node:path';
import type { Sharp, SharpOptions } from 'sharp';
import { loadSharp } from './load-sharp';

export const THUMB_SIZE = 256;
export const PREVIEW_SIZE = 1600;
/** Larger images are refused before decoding (about 10,000 × 10,000 pixels). */
export const MAX_PIXELS = 100_000_000;

const THUMB_WEBP = { quality: 78, effort: 2 } as const;
const PREVIEW_WEBP = { quality: 85, effort: 2 } as const;

export interface DecodedImage {
  width: number;
  height: number;
  format: string;
  /** Where the thumbnail and (for large images) the preview were written, as temp files. */
  thumbTemp: string;
  previewTemp: string | null;
}

/** The size `fit: 'inside'` without enlargement gives `width × height` in a `box` square (as sharp rounds it). */
export function insideSize(width: number, height: number, box: number): { width: number; height: number } {
  const shrink = Math.max(width / box, height / box, 1);
  return { width: Math.max(1, Math.round(width / shrink)), height: Math.max(1, Math.round(height / shrink)) };
}

/**
 * Decodes an image once (refusing truncated or corrupt data) and makes from that one decode a
 * 256 px WebP thumbnail and, when the image is larger than 1600 px, a 1600 px WebP preview.
 * The header is read first (cheap) so the pixels are never copied out whole: an image that fits
 * the preview streams straight into its thumbnail; a larger one is reduced to the preview size
 * once, and both files are made from that. `file` may be the bytes themselves, when in memory.
 */
export async function decodeAndMakeThumbnails(file: string | Uint8Array, tempBase: string): Promise<DecodedImage> {
  const sharp = await loadSharp();
  const options: SharpOptions = { failOn: 'truncated', limitInputPixels: MAX_PIXELS, animated: false };
  const meta = await sharp(file, options).metadata();
  const { width, height } = meta.autoOrient;
  // Upright already (no EXIF orientation, as with every PNG): the rotation step is left out, it costs a tenth of the decode.
  const upright = (meta.orientation ?? 1) === 1;
  const orient = (image: Sharp) => (upright ? image : image.autoOrient());
  const thumbTemp = `${tempBase}.thumb.webp`;
  const thumb = insideSize(width, height, THUMB_SIZE);
  let previewTemp: string | null = null;
  if (Math.max(width, height) <= PREVIEW_SIZE) {
    await orient(sharp(file, options)).resize(thumb.width, thumb.height, { fit: 'fill' }).webp(THUMB_WEBP).toFile(thumbTemp);
  } else {
    previewTemp = `${tempBase}.preview.webp`;
    const { data, info } = await orient(sharp(file, options))
      .resize(PREVIEW_SIZE, PREVIEW_SIZE, { fit: 'inside' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
    await Promise.all([
      sharp(data, raw).resize(thumb.width, thumb.height, { fit: 'fill' }).webp(THUMB_WEBP).toFile(thumbTemp),
      sharp(data, raw).webp(PREVIEW_WEBP).toFile(previewTemp),
    ]);
  }
  return { width, height, format: meta.format, thumbTemp, previewTemp };
}

/** Remakes a missing thumbnail or preview from the original. */
export async function remakeDerivative(original: string, target: string, size: number): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  const sharp = await loadSharp();
  await sharp(original, { failOn: 'none', limitInputPixels: MAX_PIXELS, animated: false })
    .autoOrient()
    .resize(size, size, { fit: 'inside', withoutEnlargement: true })
    .webp(size === THUMB_SIZE ? THUMB_WEBP : PREVIEW_WEBP)
    .toFile(temp);
  await fs.rename(temp, target);
}
