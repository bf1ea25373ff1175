import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import { loadSharp } from '../library/ingest/load-sharp';
import type { CoreServices } from '../services';
import type { InputImage } from '../providers/types';

export interface PixelSize {
  width: number;
  height: number;
}

/** A mask marks pixels of its source, so both must have the same pixel size; anything else is refused before sending. */
export function checkMaskSize(mask: PixelSize, source: PixelSize): void {
  if (mask.width === source.width && mask.height === source.height) return;
  const sizes = { maskWidth: mask.width, maskHeight: mask.height, width: source.width, height: source.height };
  throw HolstError.said('invalid_input', say('maskSizeDiffers', sizes), { field: 'mask' });
}

/** The pixel size of an input image: from its library record, else measured from its bytes. */
export async function pixelSizeOf(core: Pick<CoreServices, 'library'>, image: InputImage): Promise<PixelSize> {
  const record =
    image.libraryId !== undefined ? core.library.get(image.libraryId) : image.maskId !== undefined ? core.library.mask(image.maskId) : null;
  if (record) return { width: record.width, height: record.height };
  const sharp = await loadSharp();
  const meta = await sharp(image.bytes)
    .metadata()
    .catch(() => null);
  if (!meta?.width || !meta.height)
    throw HolstError.said('invalid_input', say('inputNotDecodable', { image: image.name }), { field: 'mask' });
  return { width: meta.width, height: meta.height };
}
