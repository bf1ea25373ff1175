import path from 'node:path';
import { say } from '../../../../shared/core-messages';
import { HolstError, toErrorPayload, type ErrorPayload } from '../../../../shared/errors';
import type { ExportProgress, Selection } from '../../../../shared/library';
import type { BackgroundJobs } from '../../jobs/background-jobs';
import { exportBytes, exportImageUnique, writeExport } from './export-image';
import { exportFileName } from './export-name';
import type { ImageLibrary } from '../image-library';
import { makeFolder } from './make-folder';
import { ZipWriter } from './zip-writer';

export interface ExportTarget {
  /** The folder, or the .zip file, to write. */
  to: string;
  format: 'folder' | 'zip';
  /** Replace existing files; otherwise a taken name gets a free `_2`… variant. */
  overwrite?: boolean;
  /** Byte-for-byte copies of the originals, without the prompt written into them. */
  plain?: boolean;
}

/** One image's end: the file written (in a ZIP, its name there), or why it was not. */
export type ExportedFile = { id: number; path: string } | ExportFailure;
/** An image not written: why in English (`reason`), and as an error code and catalogued sentence for the window. */
export type ExportFailure = { id: number; reason: string } & Omit<ErrorPayload, 'message' | 'field' | 'why' | 'maxBytes'>;

export interface ExportOutcome {
  /** The folder or the .zip written; null when nothing was kept (a cancelled ZIP). */
  path: string | null;
  done: number;
  total: number;
  cancelled: boolean;
  failures: ExportFailure[];
}

/**
 * The ids of a selection, newest first: the listed ids as they are, or every image of a view
 * (even those no window has loaded) less `except`.
 */
export function selectionIds(library: ImageLibrary, selection: Selection): number[] {
  if ('ids' in selection) return [...new Set(selection.ids)];
  // A view (minus some ids) is resolved as bulk actions resolve it: one query, newest first.
  return library.bulk.resolve(selection);
}

/**
 * Writes images `ids` with readable names and their prompt embedded into a folder or a ZIP. One
 * image that cannot be written is a failure with its reason, never the end of the job; a target
 * that cannot be written at all throws. Cancel (`signal`) stops between files; a cancelled ZIP
 * leaves nothing behind, a cancelled folder keeps the files already written.
 */
export async function exportMany(
  library: ImageLibrary,
  ids: number[],
  target: ExportTarget,
  options: {
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => void;
    /** Called for each image, in order, once it is written or has failed. */
    onFile?: (file: ExportedFile) => void;
  } = {},
): Promise<ExportOutcome> {
  const { signal } = options;
  const destination = path.resolve(target.to);
  const plain = target.plain ?? false;
  const failures: ExportOutcome['failures'] = [];
  let done = 0;
  const zip = target.format === 'zip' ? await ZipWriter.open(destination, target.overwrite ?? false) : null;
  if (!zip) await openFolder(destination);
  try {
    for (const id of ids) {
      if (signal?.aborted) break;
      const image = library.get(id);
      let data: Buffer | null = null;
      let written: string | null = null;
      try {
        if (!image) throw HolstError.said('not_found', say('exportNoImage', { id }));
        if (zip) data = await exportBytes(library, image, { plain });
        else if (target.overwrite)
          written = await writeExport(library, image, path.join(destination, exportFileName(image)), { overwrite: true, plain });
        else written = await exportImageUnique(library, image, destination, { plain });
      } catch (error) {
        const { message: reason, code, key, params, quote } = toErrorPayload(error);
        const failure: ExportFailure = { id, reason, code, ...(key ? { key, params } : {}), ...(quote ? { quote } : {}) };
        failures.push(failure);
        options.onFile?.(failure);
      }
      // Outside the per-image catch: a ZIP that cannot be written cannot take the next picture either.
      if (zip && image && data) written = await zip.add(exportFileName(image), data, new Date(image.createdAt));
      if (written !== null) options.onFile?.({ id, path: written });
      done++;
      options.onProgress?.(done, ids.length);
    }
    const cancelled = signal?.aborted ?? false;
    if (zip && cancelled) {
      await zip.abort();
      return { path: null, done, total: ids.length, cancelled, failures };
    }
    return { path: zip ? await zip.finish() : destination, done, total: ids.length, cancelled, failures };
  } catch (error) {
    await zip?.abort();
    throw error;
  }
}

/** Makes the folder if needed; a path that is a file is refused once, not once per picture. */
async function openFolder(destination: string): Promise<void> {
  try {
    await makeFolder(destination);
  } catch (error) {
    const reason = (error as Error).message;
    throw HolstError.said('storage', say('exportFolderFailed', { folder: destination, reason }), { cause: error });
  }
}

/** Starts exporting `ids` as a background job (jobs/background-jobs.ts) reporting `library.exportProgress`. */
export function startExportJob(
  jobs: BackgroundJobs,
  library: ImageLibrary,
  report: (progress: ExportProgress) => void,
  ids: number[],
  target: ExportTarget,
): { jobId: string } {
  let written = 0;
  return jobs.start<ExportProgress>({
    kind: 'export',
    report,
    run: async ({ signal, progress }) => {
      progress({ done: 0, total: ids.length, finished: false });
      const onProgress = (done: number, total: number) => {
        written = done;
        progress({ done, total, finished: false });
      };
      const outcome = await exportMany(library, ids, target, { signal, onProgress });
      const { done, total, cancelled, failures } = outcome;
      return { done, total, finished: true, path: outcome.path, failures, ...(cancelled ? { cancelled } : {}) };
    },
    failed: (error) => {
      const { code, message, key, params, quote } = toErrorPayload(error);
      const said = { ...(key ? { key, params } : {}), ...(quote ? { quote } : {}) };
      return { done: written, total: ids.length, finished: true, path: null, failures: [], error: { code, message, ...said } };
    },
  });
}
