import fs from 'node:fs/promises';
import path from 'node:path';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { ImageRecord, MaskRecord } from '../../../shared/library';
import type { CoreServices } from '../services';
import { sniffImageFormat } from '../library/ingest/image-format';
import { keepMask } from '../library/ingest/save-mask';
import type { InputImage } from '../providers/types';

/** A library picture a request names: it must be there, out of the trash. */
function liveImage(core: Pick<CoreServices, 'library'>, id: number, field: string): ImageRecord {
  const image = core.library.get(id);
  if (!image || image.trashedAt !== null) throw HolstError.said('invalid_input', say('imageNotInLibrary', { id }), { field });
  return image;
}

/** A library picture a request names, as a check sees it before its file is read (no bytes yet). */
export function requestedImage(core: Pick<CoreServices, 'library'>, id: number, field = 'imageIds'): InputImage {
  const image = liveImage(core, id, field);
  return { bytes: new Uint8Array(), mime: image.mime, name: image.originalName ?? `${id}`, libraryId: id };
}

/** A library image to send; it must still be there (not in the trash) and its file readable. */
export async function loadLibraryInput(core: Pick<CoreServices, 'library'>, id: number, field = 'imageIds'): Promise<InputImage> {
  const image = liveImage(core, id, field);
  const file = core.library.originalPath(image);
  const bytes = await fs.readFile(file).catch((error: Error) => {
    throw HolstError.said('storage', say('imageUnreadable', { id, file, reason: error.message }));
  });
  return { bytes, mime: image.mime, name: image.originalName ?? path.basename(file), libraryId: id };
}

/** A kept mask (`library.saveMask`) a request names; one that is gone is the request's fault. */
export function requestedMask(core: Pick<CoreServices, 'library'>, id: number): MaskRecord {
  const mask = core.library.mask(id);
  if (!mask) throw HolstError.said('invalid_input', say('maskNotKept', { id }), { field: 'maskId' });
  return mask;
}

/** A kept mask to send; its file must still be readable. */
export async function loadMaskInput(core: Pick<CoreServices, 'library'>, id: number): Promise<InputImage> {
  const mask = requestedMask(core, id);
  const file = core.library.maskPath(mask);
  const bytes = await fs.readFile(file).catch((error: Error) => {
    throw HolstError.said('storage', say('maskUnreadable', { id, file, reason: error.message }));
  });
  return { bytes, mime: 'image/png', name: `mask-${id}.png`, maskId: id };
}

/**
 * Reads an input file and checks it really is an image. Sources and references are kept in the
 * library (for the lineage); a mask is only read here (see `keepMaskFile`).
 */
export async function loadInputFile(core: Pick<CoreServices, 'library'>, file: string, what: 'image' | 'mask'): Promise<InputImage> {
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    const sentence = say(what === 'mask' ? 'inputMaskUnreadable' : 'inputImageUnreadable', { file, reason: error.message });
    throw HolstError.said(error.code === 'ENOENT' ? 'invalid_input' : 'storage', sentence, { field: what });
  });
  const format = sniffImageFormat(bytes.subarray(0, 16));
  if (!format) throw HolstError.said('invalid_input', say('inputNotImage', { file }), { field: what });
  const input = { bytes, mime: format.mime, name: path.basename(file) };
  if (what === 'mask') return input;
  const { image } = await core.library.ingest({ bytes }, { source: 'imported', originalName: path.basename(file) });
  return { ...input, libraryId: image.id };
}

/** A mask read from a file, kept beside the pictures as the mask of library picture `sourceId` (checked like a painted one). */
export async function keepMaskInput(core: Pick<CoreServices, 'library'>, input: InputImage, sourceId: number): Promise<InputImage> {
  const { mask } = await keepMask(core.library, sourceId, Buffer.from(input.bytes), 'mask');
  return { ...input, maskId: mask.id };
}
