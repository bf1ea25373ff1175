import fs from 'node:fs/promises';
import path from 'node:path';
import { HolstError } from '../../../shared/errors';
import type { ExportProgress } from '../../../shared/library';
import { exportImage } from '../library/export/export-image';
import { selectionIds, startExportJob } from '../library/export/export-job';
import { exportFileName } from '../library/export/export-name';
import type { Handlers } from './dispatcher';
import { desktopOnly } from './desktop-only';
import type { HandlerCore } from './handler-core';

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
  core: Pick<HandlerCore, 'library' | 'events' | 'jobs' | 'desktop'>,
): Pick<Handlers, ExportChannels> {
  const { library, events, jobs } = core;
  const report = (progress: ExportProgress) => events.emit('library.exportProgress', progress);

  /** Where to write when the renderer gave no path: the desktop app's dialog, or null if cancelled. */
  const ask = async (format: 'folder' | 'zip'): Promise<string | null> => {
    const refusal = { instead: 'give a full path to export to instead', field: 'to' };
    if (format === 'folder') return desktopOnly(core.desktop, 'chooseFolder', 'Choosing where to export', refusal)('export');
    const choose = desktopOnly(core.desktop, 'chooseZipPath', 'Choosing where to export', refusal);
    return choose(`holst-export_${new Date().toISOString().slice(0, 10)}.zip`);
  };

  return {
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
    'library.exportMany': async ({ selection, to, format, overwrite }) => {
      const ids = selectionIds(library, selection);
      if (ids.length === 0)
        throw new HolstError('invalid_input', 'No images match the selection: there is nothing to export.', { field: 'selection' });
      let target = to;
      let replace = overwrite ?? false;
      if (target === undefined) {
        const chosen = await ask(format);
        if (!chosen) return { jobId: null };
        target = chosen;
        // The save dialog has already asked before replacing a file.
        if (format === 'zip') replace = true;
      } else if (!path.isAbsolute(target)) {
        throw new HolstError(
          'invalid_input',
          `Give a full path to export to (like ${path.resolve('/', 'Pictures', 'export')}), not "${target}".`,
          {
            field: 'to',
          },
        );
      }
      if (
        format === 'zip' &&
        (await fs.stat(target).then(
          (s) => s.isDirectory(),
          () => false,
        ))
      )
        throw new HolstError('invalid_input', `${target} is a folder; give the ZIP file's name, like ${path.join(target, 'export.zip')}.`, {
          field: 'to',
        });
      return startExportJob(jobs, library, report, ids, { to: target, format, overwrite: replace });
    },
    'library.cancelExport': ({ jobId }) => {
      jobs.cancel('export', jobId);
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
