import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { ExportProgress } from '../../../shared/library';
import { exportImage } from '../library/export/export-image';
import { selectionIds, startExportJob } from '../library/export/export-job';
import { exportFileName } from '../library/export/export-name';
import type { Handlers } from './dispatcher';
import { desktopOnly } from './desktop-only';
import type { HandlerCore } from './handler-core';
import { exportTarget } from './library-export-target';

type ExportChannels =
  | 'library.export'
  | 'library.exportMany'
  | 'library.cancelExport'
  | 'library.copy'
  | 'library.reveal'
  | 'library.startDrag'
  | 'library.startDragMany';

/** Pictures going out of the library: saved as a copy, exported in bulk (a background job), copied, shown, dragged. */
export function createLibraryExportHandlers(
  core: Pick<HandlerCore, 'library' | 'events' | 'jobs' | 'desktop' | 'dataDir' | 'settings'>,
): Pick<Handlers, ExportChannels> {
  const { library, events, jobs } = core;
  const report = (progress: ExportProgress) => events.emit('library.exportProgress', progress);

  return {
    'library.export': async ({ id }) => {
      // The readable name and the prompt embedded, as in bulk and CLI exports (the dialog asked about overwriting).
      const target = await desktopOnly(core.desktop, 'chooseExportPath', 'desktopOnlySaveCopy')(exportFileName(library.require(id)));
      if (!target) return { path: null };
      return { path: await exportImage(library, id, target, { overwrite: true }) };
    },
    'library.copy': async ({ id }) => {
      await desktopOnly(core.desktop, 'copyImageToClipboard', 'desktopOnlyCopy')(library.originalPath(library.require(id)));
      return null;
    },
    'library.reveal': ({ id }) => {
      desktopOnly(core.desktop, 'revealInFolder', 'desktopOnlyReveal')(library.originalPath(library.require(id)));
      return null;
    },
    'library.startDrag': async ({ id }) => {
      const image = library.require(id);
      const drag = desktopOnly(core.desktop, 'startDrag', 'desktopOnlyDrag');
      await drag(library.originalPath(image), library.layout.thumb(image.sha256));
      return null;
    },
    'library.exportMany': async ({ selection, to, format, overwrite }) => {
      const ids = selectionIds(library, selection);
      if (ids.length === 0) throw HolstError.said('invalid_input', say('exportNothingSelected', {}), { field: 'selection' });
      const target = await exportTarget(core, { to, format, overwrite });
      return target ? startExportJob(jobs, library, report, ids, target) : { jobId: null };
    },
    'library.cancelExport': ({ jobId }) => {
      jobs.cancel('export', jobId);
      return null;
    },
    'library.startDragMany': async ({ ids }) => {
      const images = ids.map((id) => library.require(id));
      const drag = desktopOnly(core.desktop, 'startDragFiles', 'desktopOnlyDragMany');
      await drag(
        images.map((image) => library.originalPath(image)),
        library.layout.thumb(images[0]!.sha256),
      );
      return null;
    },
  };
}
