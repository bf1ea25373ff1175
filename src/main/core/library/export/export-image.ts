import fs from 'node:fs/promises';
import path from 'node:path';
import { say } from '../../../../shared/core-messages';
import { HolstError } from '../../../../shared/errors';
import { writeFileAtomic } from '../../fs/atomic-write';
import { embedMetadata, hasExportMetadata } from './export-metadata';
import { exportFileName } from './export-name';
import type { ImageRecord } from '../../../../shared/library';
import type { ImageLibrary } from '../image-library';

export interface ExportOptions {
  /** Replace an existing file (never done unless asked). */
  overwrite?: boolean;
  /** A byte-for-byte copy of the original, without the prompt written into it. */
  plain?: boolean;
}

/** The bytes an export writes: the original with its metadata embedded, or as it is (`plain`, or nothing to embed). */
export async function exportBytes(library: ImageLibrary, image: ImageRecord, options: Pick<ExportOptions, 'plain'> = {}): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(library.originalPath(image));
  } catch (error) {
    const reason = (error as Error).message;
    throw HolstError.said('storage', say('exportUnreadable', { id: image.id, reason }), { cause: error });
  }
  return options.plain || !hasExportMetadata(image) ? bytes : embedMetadata(bytes, image.mime, image);
}

/**
 * Writes `image` to `target` with its prompt, provider, model and parameters embedded (see
 * export-metadata.ts). Pictures with nothing to embed, and `plain` exports, are exact copies.
 * Reads only the record and the original file, never the database.
 */
export async function writeExport(library: ImageLibrary, image: ImageRecord, target: string, options: ExportOptions = {}): Promise<string> {
  const destination = path.resolve(target);
  try {
    if (options.plain || !hasExportMetadata(image)) {
      await fs.copyFile(library.originalPath(image), destination, options.overwrite ? 0 : fs.constants.COPYFILE_EXCL);
    } else {
      const data = await exportBytes(library, image);
      if (options.overwrite) await writeFileAtomic(destination, data, 0o644);
      else await writeNew(destination, data);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw HolstError.said('invalid_input', say('exportExists', { file: destination }));
    throw writeError(image, destination, error);
  }
  return destination;
}

/** A failed write as a HolstError; one that already is passes through unchanged. */
function writeError(image: ImageRecord, destination: string, error: unknown): HolstError {
  if (error instanceof HolstError) return error;
  const reason = (error as Error).message;
  return HolstError.said('storage', say('exportWriteFailed', { id: image.id, file: destination, reason }), { cause: error });
}

/** `writeExport` for a library id. */
export async function exportImage(library: ImageLibrary, id: number, target: string, options: ExportOptions = {}): Promise<string> {
  return writeExport(library, library.require(id), target, options);
}

/** `name.png` → `name_2.png`, `name_3.png`…: the n-th choice of a name when the earlier ones are taken. */
export function numberedName(name: string, n: number): string {
  if (n <= 1) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}_${n}${ext}`;
}

/** How many names (`name`, `name_2`… `name_10000`) a unique export tries before giving up. */
export const MAX_NAMES = 10_000;

/**
 * Exports `image` into `dir` under its readable name; when that name is taken, under the first
 * free `_2`, `_3`… variant, so nothing is ever replaced. The bytes are built once: a taken name
 * costs another name, never another read of the original or another embed.
 */
export async function exportImageUnique(
  library: ImageLibrary,
  image: ImageRecord,
  dir: string,
  options: Pick<ExportOptions, 'plain'> = {},
): Promise<string> {
  const name = exportFileName(image);
  const copy = options.plain || !hasExportMetadata(image);
  const data = copy ? null : await exportBytes(library, image);
  for (let n = 1; n <= MAX_NAMES; n++) {
    const destination = path.resolve(dir, numberedName(name, n));
    try {
      // Both fail with EEXIST, before writing anything, when the name is taken (even by a race).
      if (data) await writeNew(destination, data);
      else await fs.copyFile(library.originalPath(image), destination, fs.constants.COPYFILE_EXCL);
      return destination;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError(image, destination, error);
    }
  }
  throw HolstError.said('storage', say('exportNoFreeNameIn', { name, folder: path.resolve(dir) }));
}

/** Creates `file` only if it does not exist yet; a failed write leaves no half file behind. */
async function writeNew(file: string, data: Buffer): Promise<void> {
  const handle = await fs.open(file, 'wx', 0o644);
  try {
    await handle.writeFile(data);
  } catch (error) {
    await handle.close();
    await fs.rm(file, { force: true });
    throw error;
  }
  await handle.close();
}
