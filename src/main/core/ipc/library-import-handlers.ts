import path from 'node:path';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { ImportProgress } from '../../../shared/library';
import { importFiles } from '../library/ingest/import-files';
import { saveMask } from '../library/ingest/save-mask';
import type { Handlers } from './dispatcher';
import { desktopOnly } from './desktop-only';
import type { HandlerCore } from './handler-core';

type ImportChannels = 'library.import' | 'library.importDropped' | 'library.importBytes' | 'library.saveMask' | 'library.cancelImport';

/** Pictures coming into the library: files and folders (a background job with progress events), dropped bytes, painted masks. */
export function createLibraryImportHandlers(
  core: Pick<HandlerCore, 'library' | 'events' | 'jobs' | 'desktop'>,
): Pick<Handlers, ImportChannels> {
  const { library, events, jobs } = core;
  const changed = (ids: number[]) => events.emit('library.changed', { ids });

  /** Imports files and folders as a background job (jobs/background-jobs.ts) reporting `library.importProgress`. */
  const startImport = (paths: string[]) => {
    let imported: number[] = [];
    return jobs.start<ImportProgress>({
      kind: 'import',
      report: (progress) => events.emit('library.importProgress', progress),
      run: async ({ jobId, signal, progress }) => {
        let final: Omit<ImportProgress, 'jobId'> = { done: 0, total: 0, current: null, finished: true };
        const results = await importFiles(library, paths, {
          jobId,
          signal,
          // The final report is the job's answer, sent once the job is over.
          onProgress: ({ jobId: _id, ...report }) => (report.finished ? (final = report) : progress(report)),
        });
        imported = results.flatMap((r) => (r.id !== undefined ? [r.id] : []));
        return { ...final, results };
      },
      failed: () => ({ done: 0, total: 0, current: null, finished: true, results: [] }),
      // After the final report, as before: the window has its summary when the grid reloads.
      settled: () => changed(imported),
    });
  };

  return {
    'library.import': async () => {
      const chosen = await desktopOnly(core.desktop, 'chooseImportPaths', 'desktopOnlyImport')();
      return chosen && chosen.length > 0 ? startImport(chosen) : { jobId: null };
    },
    // Only the preload calls this, with paths it read off files the user dropped (PRELOAD_CHANNELS).
    'library.importDropped': ({ paths }) => startImport(paths),
    'library.importBytes': async ({ name, base64 }) => {
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0)
        throw HolstError.said('invalid_input', say('importNotBase64', { name }), { field: 'base64' });
      const { image, duplicate } = await library
        .ingest({ bytes: Buffer.from(base64, 'base64') }, { source: 'imported', originalName: path.basename(name) })
        .catch((error: unknown) => {
          // What the user dropped is not a picture: their input, not a provider's answer.
          if (error instanceof HolstError && error.code === 'no_image') {
            // The kind of refusal goes along, for the window to say it in its language.
            const sentence = say('importNotPicture', { name, reason: error.message });
            throw HolstError.said('invalid_input', sentence, { field: 'base64', ...(error.why ? { why: error.why } : {}) });
          }
          throw error;
        });
      if (!duplicate) changed([image.id]);
      return { ...image, duplicate };
    },
    'library.saveMask': async ({ sourceId, base64 }) => {
      // Not a picture: the library's grid and counts do not change.
      return (await saveMask(library, sourceId, base64)).mask;
    },
    'library.cancelImport': ({ jobId }) => {
      jobs.cancel('import', jobId);
      return null;
    },
  };
}
