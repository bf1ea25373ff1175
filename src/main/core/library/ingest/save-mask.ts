import { say } from '../../../../shared/core-messages';
import { HolstError } from '../../../../shared/errors';
import type { MaskRecord } from '../../../../shared/library';
import { MASK_CHANGE_ALPHA } from '../../../../shared/mask';
import { sniffImageFormat } from './image-format';
import type { ImageLibrary } from '../image-library';
import { loadSharp } from './load-sharp';
import { MAX_PIXELS } from './thumbnails';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Keeps a mask painted over library image `sourceId` (the format is src/shared/mask.ts): a PNG of
 * the source's exact pixel size with at least one fully transparent pixel. Anything else is refused
 * here, so a mask of the wrong size can never reach a provider. It is kept beside the pictures,
 * never among them.
 */
export async function saveMask(library: ImageLibrary, sourceId: number, base64: string): Promise<{ mask: MaskRecord; duplicate: boolean }> {
  if (!BASE64.test(base64) || base64.length % 4 !== 0)
    throw HolstError.said('invalid_input', say('maskNotBase64', {}), { field: 'base64' });
  return keepMask(library, sourceId, Buffer.from(base64, 'base64'), 'base64');
}

/** Checks mask bytes against their source picture and keeps them; `field` names where they came from in errors. */
export async function keepMask(
  library: ImageLibrary,
  sourceId: number,
  bytes: Buffer,
  field = 'mask',
): Promise<{ mask: MaskRecord; duplicate: boolean }> {
  const source = library.require(sourceId);
  if (source.trashedAt !== null) throw HolstError.said('invalid_input', say('maskSourceTrashed', { id: sourceId }), { field: 'sourceId' });
  if (sniffImageFormat(bytes.subarray(0, 16))?.mime !== 'image/png')
    throw HolstError.said('invalid_input', say('maskNotPng', {}), { field });

  let alpha: { width: number; height: number; hasAlpha: boolean; minAlpha: number };
  const sharp = await loadSharp();
  try {
    const decoder = sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_PIXELS });
    const meta = await decoder.metadata();
    const stats = meta.hasAlpha ? await decoder.stats() : null;
    alpha = {
      width: meta.width ?? 0,
      height: meta.height ?? 0,
      hasAlpha: meta.hasAlpha === true,
      minAlpha: stats?.channels.at(-1)?.min ?? 255,
    };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0] ?? '';
    throw HolstError.said('invalid_input', say('maskPngUnreadable', { reason }), { field, cause: error });
  }
  if (alpha.width !== source.width || alpha.height !== source.height)
    throw HolstError.said(
      'invalid_input',
      say('maskSizeMismatch', { maskWidth: alpha.width, maskHeight: alpha.height, width: source.width, height: source.height }),
      { field },
    );
  if (!alpha.hasAlpha || alpha.minAlpha > MASK_CHANGE_ALPHA) throw HolstError.said('invalid_input', say('maskEmpty', {}), { field });

  return library.storeMask(bytes, alpha, sourceId);
}
