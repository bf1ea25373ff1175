import { HolstError } from '../../../shared/errors';
import type { AppCore } from '../app-core';
import { ExportJobs, selectionIds } from '../library/export-job';
import type { Handlers } from './dispatcher';
import { desktopOnly } from './desktop-only';
import { exportTarget } from './library-export-target';

type ExportChannels = 'library.exportMany' | 'library.cancelExport' | 'library.startDragMany';

/** Bulk export to a folder or a ZIP (a background job with progress events), and dragging several images out. */
export function createExportHandlers(core: AppCore): Pick<Handlers, ExportChannels> {
  const { library, events } = core;
  const jobs = new ExportJobs(library, (progress) => events.emit('library.exportProgress', progress), core.logger);

  return {
    'library.exportMany': async ({ selection, to, format, overwrite }) => {
      const ids = selectionIds(library, selection);
      if (ids.length === 0)
        throw new HolstError('invalid_input', 'No images match the selection: there is nothing to export.', { field: 'selection' });
      const target = await exportTarget(core, { to, format, overwrite });
      return target ? jobs.start(ids, target) : { jobId: null };
    },
    'library.cancelExport': ({ jobId }) => {
      jobs.cancel(jobId);
      return null;
    },
    'library.startDragMany': async ({ ids }) => {
      const images = ids.map((id) => library.require(id));
      const drag = desktopOnly(core.desktop, 'startDragFiles', 'Dragging images out');
      await drag(
        images.map((image) => library.originalPath(image)),
        library.layout.thumb(images[0]!.sha256),
      );
      return null;
    },
  };
}
