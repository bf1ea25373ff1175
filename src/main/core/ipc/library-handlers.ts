import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { HolstError } from '../../../shared/errors';
import type { Selection } from '../../../shared/library';
import type { AppCore } from '../app-core';
import { exportImage } from '../library/export-image';
import { exportFileName } from '../library/export-name';
import { importFiles } from '../library/import-files';
import { saveMask } from '../library/save-mask';
import type { BulkResult } from '../library/bulk-actions';
import type { Handlers } from './dispatcher';
import { desktopOnly } from './desktop-only';
import { createExportHandlers } from './export-handlers';

/** Up to this many changed ids are named in `library.changed`; more mean "reload". */
const BULK_CHANGED_IDS = 1000;

type LibraryChannels = Extract<keyof Handlers, `library.${string}` | `conversations.${string}`>;

/** Library and conversation channels. Import jobs run in the background and report by events. */
export function createLibraryHandlers(core: AppCore): Pick<Handlers, LibraryChannels> {
  const { library, conversations, events } = core;
  const imports = new Map<string, AbortController>();
  const changed = (ids: number[]) => events.emit('library.changed', { ids });
  // A view selection or a very large one is announced as "reload" (no ids) rather than a huge list.
  const bulkChanged = (selection: Selection, result: BulkResult) => {
    if (result.count > 0) changed('view' in selection || result.ids.length > BULK_CHANGED_IDS ? [] : result.ids);
    return { count: result.count };
  };

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
    ...createExportHandlers(core),
    'library.list': (query) => library.list(query),
    'library.count': (query) => ({ count: library.count(query) }),
    'library.get': ({ id }) => library.detail(id),
    'library.setFavorite': ({ id, favorite }) => {
      const image = library.setFavorite(id, favorite);
      changed([id]);
      return image;
    },
    'library.setTags': ({ id, tags }) => {
      const result = library.setTags(id, tags);
      changed([id]);
      return result;
    },
    'library.facets': () => library.facets(),
    'library.timeline': (view) => library.timeline(view),
    'library.trash': (selection) => {
      const result = library.bulk.trash(selection);
      return { ...bulkChanged(selection, result), trashedAt: result.trashedAt };
    },
    'library.untrash': ({ trashedAt }) => bulkChanged({ ids: [] }, library.bulk.untrash(trashedAt)),
    'library.restore': (selection) => bulkChanged(selection, library.bulk.restore(selection)),
    'library.setFavoriteMany': ({ selection, favorite }) => bulkChanged(selection, library.bulk.setFavorite(selection, favorite)),
    'library.tagMany': ({ selection, add, remove }) => bulkChanged(selection, library.bulk.tagMany(selection, add, remove)),
    'library.deleteForGood': async (selection) => bulkChanged(selection, await library.bulk.deleteForGood(selection)),
    'library.renameTag': ({ from, to }) => {
      const tags = library.renameTag(from, to);
      changed([]);
      return tags;
    },
    'library.deleteTag': ({ name }) => {
      const result = { count: library.deleteTag(name) };
      changed([]);
      return result;
    },
    'library.emptyTrash': async () => {
      const result = { count: await library.emptyTrash() };
      changed([]);
      return result;
    },
    'library.import': async () => {
      const chosen = await desktopOnly(core.desktop, 'chooseImportPaths', 'Choosing files to import')();
      return chosen && chosen.length > 0 ? startImport(chosen) : { jobId: null };
    },
    // Only the preload calls this, with paths it read off files the user dropped (PRELOAD_CHANNELS).
    'library.importDropped': ({ paths }) => startImport(paths),
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
    'library.export': async ({ id }) => {
      // The readable name and the prompt embedded, as in bulk and CLI exports (the dialog asked about overwriting).
      const target = await desktopOnly(core.desktop, 'chooseExportPath', 'Saving a copy')(exportFileName(library.require(id)));
      if (!target) return { path: null };
      return { path: await exportImage(library, id, target, { overwrite: true }) };
    },
    'library.copy': async ({ id }) => {
      await desktopOnly(core.desktop, 'copyImageToClipboard', 'Copying an image')(library.originalPath(library.require(id)));
      return null;
    },
    'library.reveal': ({ id }) => {
      desktopOnly(core.desktop, 'revealInFolder', 'Showing the file')(library.originalPath(library.require(id)));
      return null;
    },
    'library.startDrag': async ({ id }) => {
      const image = library.require(id);
      const drag = desktopOnly(core.desktop, 'startDrag', 'Dragging an image out');
      await drag(library.originalPath(image), library.layout.thumb(image.sha256));
      return null;
    },
    'conversations.list': ({ query, limit, after }) =>
      conversations.list({
        ...(query !== undefined ? { query } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(after ? { after } : {}),
      }),
    'conversations.create': ({ title }) => conversations.create(title ?? ''),
    'conversations.rename': ({ id, title }) => conversations.rename(id, title),
    'conversations.delete': ({ id, trashImages }) => {
      const result = conversations.delete(id, { trashImages: trashImages ?? false });
      if (result.trashedImages > 0) changed([]);
      return result;
    },
    'conversations.messages': ({ id, last }) => {
      conversations.require(id);
      return conversations.messages(id, last === undefined ? {} : { last });
    },
  };
}
