import fs from 'node:fs/promises';
import path from 'node:path';
import { HolstError } from '../../../shared/errors';
import type { AppCore } from '../app-core';
import { ExportJobs, selectionIds } from '../library/export-job';
import type { Handlers } from './dispatcher';
import { desktopOnly } from './desktop-only';

type ExportChannels = 'library.exportMany' | 'library.cancelExport' | 'library.startDragMany';

/** Bulk export to a folder or a ZIP (a background job with progress events), and dragging several images out. */
export function createExportHandlers(core: AppCore): Pick<Handlers, ExportChannels> {
  const { library, events } = core;
  const jobs = new ExportJobs(library, (progress) => events.emit('library.exportProgress', progress), core.logger);

  /** Where to write when the renderer gave no path: the desktop app's dialog, or null if cancelled. */
  const ask = async (format: 'folder' | 'zip'): Promise<string | null> => {
    const refusal = { instead: 'give a full path to export to instead', field: 'to' };
    if (format === 'folder') return desktopOnly(core.desktop, 'chooseFolder', 'Choosing where to export', refusal)('export');
    const choose = desktopOnly(core.desktop, 'chooseZipPath', 'Choosing where to export', refusal);
    return choose(`holst-export_${new Date().toISOString().slice(0, 10)}.zip`);
  };

  return {
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
      return jobs.start(ids, { to: target, format, overwrite: replace });
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
