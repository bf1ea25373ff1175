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
  throw new HolstError(
    'invalid_input',
    `The mask is ${mask.width}×${mask.height} but the source image is ${source.width}×${source.height}. ` +
      'Paint the mask on the source image (it must have the same pixel size) and send again.',
    { field: 'mask' },
  );
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
  if (!meta?.width || !meta.height) throw new HolstError('invalid_input', `${image.name} cannot be read as an image.`, { field: 'mask' });
  return { width: meta.width, height: meta.height };
}
