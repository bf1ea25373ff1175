import fs from 'node:fs/promises';
import path from 'node:path';
import { HolstError } from '../../../shared/errors';
import type { AppCore } from '../app-core';
import { sniffImageFormat } from '../library/image-format';
import type { InputImage } from '../providers/types';

/** A library image to send; it must still be there (not in the trash) and its file readable. */
export async function loadLibraryInput(core: AppCore, id: number, field = 'imageIds'): Promise<InputImage> {
  const image = core.library.get(id);
  if (!image || image.trashedAt !== null)
    throw new HolstError('invalid_input', `Image ${id} is not in the library (or is in the trash).`, { field });
  const file = core.library.originalPath(image);
  const bytes = await fs.readFile(file).catch((error: Error) => {
    throw new HolstError('storage', `Cannot read image ${id} from the library (${file}): ${error.message}`);
  });
  return { bytes, mime: image.mime, name: image.originalName ?? path.basename(file), libraryId: id };
}

/**
 * Reads an input file and checks it really is an image. Sources and references are kept in the
 * library (for the lineage); a mask is kept there only when `keepMask` (a follow-up refers to it by id).
 */
export async function loadInputFile(core: AppCore, file: string, what: 'image' | 'mask', keepMask = false): Promise<InputImage> {
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new HolstError(error.code === 'ENOENT' ? 'invalid_input' : 'storage', `Cannot read the ${what} ${file}: ${error.message}`, {
      field: what,
    });
  });
  const format = sniffImageFormat(bytes.subarray(0, 16));
  if (!format) throw new HolstError('invalid_input', `${file} is not a PNG, JPEG, WebP or GIF image.`, { field: what });
  const input = { bytes, mime: format.mime, name: path.basename(file) };
  if (what === 'mask' && !keepMask) return input;
  const { image } = await core.library.ingest({ bytes }, { source: 'imported', originalName: path.basename(file) });
  return { ...input, libraryId: image.id };
}
