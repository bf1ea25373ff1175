import fs from 'node:fs/promises';
import path from 'node:path';
import { HolstError } from '../../../shared/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { embedMetadata, hasExportMetadata } from './export-metadata';
import { exportFileName } from './export-name';
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

/**
 * Writes image `id` to `target` with its prompt, provider, model and parameters embedded (see
 * export-metadata.ts). Pictures with nothing to embed, and `plain` exports, are exact copies.
 */
export async function exportImage(library: ImageLibrary, id: number, target: string, options: ExportOptions = {}): Promise<string> {
  const image = library.require(id);
  if (options.plain || !hasExportMetadata(image)) return library.exportOriginal(id, target, options.overwrite ?? false);
  const destination = path.resolve(target);
  let data: Buffer;
  try {
    data = embedMetadata(await fs.readFile(library.originalPath(image)), image.mime, image);
  } catch (error) {
    throw new HolstError('storage', `Could not read image ${id} from the library: ${(error as Error).message}`, { cause: error });
  }
  try {
    if (options.overwrite) await writeFileAtomic(destination, data, 0o644);
    else await writeNew(destination, data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new HolstError('invalid_input', `${destination} already exists; choose another name or allow overwriting.`);
    throw new HolstError('storage', `Could not export image ${id} to ${destination}: ${(error as Error).message}`, { cause: error });
  }
  return destination;
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
