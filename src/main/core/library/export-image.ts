import fs from 'node:fs/promises';
import path from 'node:path';
import { HolstError } from '../../../shared/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { embedMetadata, hasExportMetadata } from './export-metadata';
import { exportFileName } from './export-name';
import type { ImageRecord } from '../../../shared/library';
import type { ImageLibrary } from './image-library';

export interface ExportOptions {
  /** Replace an existing file (never done unless asked). */
  overwrite?: boolean;
  /** A byte-for-byte copy of the original, without the prompt written into it. */
  plain?: boolean;
}

export interface ExportFileResult {
  id: number;
  status: 'exported' | 'skipped' | 'failed';
  path?: string;
  reason?: string;
}

/** The bytes an export writes: the original with its metadata embedded, or as it is (`plain`, or nothing to embed). */
export async function exportBytes(library: ImageLibrary, image: ImageRecord, options: Pick<ExportOptions, 'plain'> = {}): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(library.originalPath(image));
  } catch (error) {
    throw new HolstError('storage', `Could not read image ${image.id} from the library: ${(error as Error).message}`, { cause: error });
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
    if (error instanceof HolstError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new HolstError('invalid_input', `${destination} already exists; choose another name or allow overwriting.`);
    throw new HolstError('storage', `Could not export image ${image.id} to ${destination}: ${(error as Error).message}`, { cause: error });
  }
  return destination;
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

/**
 * Exports `image` into `dir` under its readable name; when that name is taken (and `overwrite`
 * is off) under the first free `_2`, `_3`… variant, so nothing is ever replaced unasked.
 */
export async function exportImageUnique(
  library: ImageLibrary,
  image: ImageRecord,
  dir: string,
  options: ExportOptions = {},
): Promise<string> {
  const name = exportFileName(image);
  for (let n = 1; ; n++) {
    try {
      return await writeExport(library, image, path.join(dir, numberedName(name, n)), options);
    } catch (error) {
      const taken = error instanceof HolstError && error.code === 'invalid_input' && !options.overwrite;
      if (!taken || n >= 10_000) throw error;
    }
  }
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

/** Exports each image into `dir` under its readable name; one result per image, in order, never throwing for one. */
export async function exportToFolder(
  library: ImageLibrary,
  ids: number[],
  dir: string,
  options: ExportOptions & { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<ExportFileResult[]> {
  const folder = path.resolve(dir);
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (error) {
    throw new HolstError('storage', `Could not create the folder ${folder}: ${(error as Error).message}`, { cause: error });
  }
  const results: ExportFileResult[] = [];
  for (const id of ids) {
    if (options.signal?.aborted) break;
    const image = library.get(id);
    if (!image) {
      results.push({ id, status: 'failed', reason: `there is no image ${id} in the library` });
      continue;
    }
    const file = path.join(folder, exportFileName(image));
    try {
      results.push({ id, status: 'exported', path: await exportImage(library, id, file, options) });
    } catch (error) {
      const exists = error instanceof HolstError && error.code === 'invalid_input';
      results.push(
        exists
          ? { id, status: 'skipped', path: file, reason: 'a file with this name already exists (use --force to overwrite)' }
          : { id, status: 'failed', path: file, reason: (error as Error).message },
      );
    }
    options.onProgress?.(results.length, ids.length);
  }
  return results;
}
