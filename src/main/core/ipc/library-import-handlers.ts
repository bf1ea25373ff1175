import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { HolstError } from '../../../shared/errors';
import { importFiles } from '../library/import-files';
import { saveMask } from '../library/save-mask';
import type { Handlers } from './dispatcher';
import { desktopOnly } from './desktop-only';
import type { HandlerCore } from './handler-core';

type ImportChannels = 'library.import' | 'library.importBytes' | 'library.saveMask' | 'library.cancelImport';

/** Pictures coming into the library: files and folders (a background job with progress events), dropped bytes, painted masks. */
export function createLibraryImportHandlers(
  core: Pick<HandlerCore, 'library' | 'events' | 'logger' | 'desktop'>,
): Pick<Handlers, ImportChannels> {
  const { library, events } = core;
  const imports = new Map<string, AbortController>();
  const changed = (ids: number[]) => events.emit('library.changed', { ids });

  const startImport = (paths: string[]) => {
    const jobId = randomUUID();
    const controller = new AbortController();
    imports.set(jobId, controller);
    void importFiles(library, paths, {
      jobId,
      signal: controller.signal,
      onProgress: (progress) => events.emit('library.importProgress', progress),
    })
      .then((results) => changed(results.flatMap((r) => (r.id !== undefined ? [r.id] : []))))
      .catch((error: unknown) => core.logger.error('import failed', error))
      .finally(() => imports.delete(jobId));
    return { jobId };
  };

  return {
    'library.import': async ({ paths }) => {
      const chosen = paths ?? (await desktopOnly(core.desktop, 'chooseImportPaths', 'Choosing files to import')());
      return chosen && chosen.length > 0 ? startImport(chosen) : { jobId: null };
    },
    'library.importBytes': async ({ name, base64 }) => {
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0)
        throw new HolstError('invalid_input', `${name} did not arrive as valid base64.`, { field: 'base64' });
      const { image, duplicate } = await library
        .ingest({ bytes: Buffer.from(base64, 'base64') }, { source: 'imported', originalName: path.basename(name) })
        .catch((error: unknown) => {
          // What the user dropped is not a picture: their input, not a provider's answer.
          if (error instanceof HolstError && error.code === 'no_image') {
            const message = `${name} is not a picture Holst can keep. ${error.message}`;
            // The kind of refusal goes along, for the window to say it in its language.
            throw new HolstError('invalid_input', message, { field: 'base64', ...(error.why ? { why: error.why } : {}) });
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
      imports.get(jobId)?.abort();
      return null;
    },
  };
}
