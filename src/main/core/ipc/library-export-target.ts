import fs from 'node:fs/promises';
import path from 'node:path';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { ExportTarget } from '../library/export/export-job';
import { acceptTypedPath, type WindowPathsScope } from '../paths/window-paths';
import { desktopOnly } from './desktop-only';

const isFolder = (target: string) =>
  fs.stat(target).then(
    (stat) => stat.isDirectory(),
    () => false,
  );
const hasEntries = (folder: string) =>
  fs.readdir(folder).then(
    (names) => names.length > 0,
    () => false,
  );

/**
 * Where `library.exportMany` writes, or null if the user cancelled. The desktop app asks with its
 * dialogs: the ZIP's save dialog asks before replacing a file, and replacing files in a folder is
 * asked in a dialog of its own. A typed `to` is taken only in the browser fallback (window-paths.ts).
 */
export async function exportTarget(
  core: WindowPathsScope,
  input: { to?: string | undefined; format: 'folder' | 'zip'; overwrite?: boolean | undefined },
): Promise<ExportTarget | null> {
  const { format } = input;
  let target: ExportTarget;
  if (input.to !== undefined) {
    target = { to: await acceptTypedPath(core, input.to, 'to'), format, overwrite: input.overwrite ?? false };
  } else {
    const zipName = `holst-export_${new Date().toISOString().slice(0, 10)}.zip`;
    const chosen =
      format === 'folder'
        ? await desktopOnly(core.desktop, 'chooseFolder', 'desktopOnlyExportTarget', 'to')('export')
        : await desktopOnly(core.desktop, 'chooseZipPath', 'desktopOnlyExportTarget', 'to')(zipName);
    if (!chosen) return null;
    // The save dialog has already asked before replacing a ZIP.
    target = { to: chosen, format, overwrite: format === 'zip' || (input.overwrite ?? false) };
    if (format === 'folder' && target.overwrite && (await hasEntries(chosen))) {
      const confirm = desktopOnly(core.desktop, 'confirmReplace', 'desktopOnlyReplace');
      if (!(await confirm(chosen))) return null;
    }
  }
  if (format === 'zip' && (await isFolder(target.to))) {
    const example = path.join(target.to, 'export.zip');
    throw HolstError.said('invalid_input', say('exportZipIsFolder', { folder: target.to, example }), { field: 'to' });
  }
  return target;
}
