import type { Selection } from '../../../shared/library';
import type { BulkResult } from '../library/bulk-actions';
import type { NamespaceHandlers } from './dispatcher';
import type { HandlerCore } from './handler-core';
import { createLibraryExportHandlers } from './library-export-handlers';
import { createLibraryImportHandlers } from './library-import-handlers';

/** Up to this many changed ids are named in `library.changed`; more mean "reload". */
const BULK_CHANGED_IDS = 1000;

/**
 * `library.*`: the grid's queries, favourites, tags, trash and bulk actions; what comes in and goes
 * out is answered in library-import-handlers.ts and library-export-handlers.ts.
 */
export function createLibraryHandlers(
  core: Pick<HandlerCore, 'library' | 'events' | 'jobs' | 'desktop' | 'dataDir' | 'settings'>,
): NamespaceHandlers<'library'> {
  const { library, events } = core;
  const changed = (ids: number[]) => events.emit('library.changed', { ids });
  // A view selection or a very large one is announced as "reload" (no ids) rather than a huge list.
  const bulkChanged = (selection: Selection, result: BulkResult) => {
    if (result.count > 0) changed('view' in selection || result.ids.length > BULK_CHANGED_IDS ? [] : result.ids);
    return { count: result.count };
  };

  return {
    ...createLibraryImportHandlers(core),
    ...createLibraryExportHandlers(core),
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
  };
}
