/**
 * Paths are capabilities held by the main process: the window never names a file for the core to
 * read or write. The desktop app asks with its own dialogs; the browser fallback (`npm start`
 * where Electron cannot run) has none, so there a typed folder or ZIP is taken only inside the
 * data folder's `exports` or a folder the user listed in the settings file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { Settings } from '../../../shared/settings';
import type { DesktopCapabilities } from '../desktop';

/** What the check reads: where the data lives, the user's list, and whether there are dialogs. */
export interface WindowPathsScope {
  readonly dataDir: string;
  readonly settings: { readonly file: string; get(): Settings };
  readonly desktop: DesktopCapabilities | null;
}

/** The folder of the data folder the browser fallback may always export into. */
export const exportsFolder = (dataDir: string): string => path.join(dataDir, 'exports');

/** The folders a typed path may be in: the data folder's `exports` and `library.allowedFolders` (full paths only). */
export function writableFolders(scope: WindowPathsScope): string[] {
  const listed = scope.settings.get().library.allowedFolders.filter((folder) => path.isAbsolute(folder));
  return [exportsFolder(scope.dataDir), ...listed].map((folder) => path.resolve(folder));
}

const within = (folder: string, target: string): boolean => {
  const relative = path.relative(folder, target);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
};

/** `target` with its deepest existing part's links resolved (a link inside an allowed folder may point out of it). */
async function realTarget(target: string): Promise<string> {
  const rest: string[] = [];
  for (let existing = target; ; existing = path.dirname(existing)) {
    const real = await fs.realpath(existing).catch(() => null);
    if (real !== null) return path.join(real, ...rest);
    if (path.dirname(existing) === existing) return target;
    rest.unshift(path.basename(existing));
  }
}

/**
 * A folder or ZIP the window typed, as a full path the core may write to; otherwise a typed error
 * that says what to do. Refused outright in the desktop app (its dialogs choose); outside the
 * writable folders, refused before anything there is looked at, so the answer tells nothing about it.
 */
export async function acceptTypedPath(scope: WindowPathsScope, typed: string, field: string): Promise<string> {
  if (scope.desktop) throw HolstError.said('invalid_input', say('pathFromDialogOnly', {}), { field });
  const exports = exportsFolder(scope.dataDir);
  if (!path.isAbsolute(typed))
    throw HolstError.said('invalid_input', say('pathNotFull', { example: path.join(exports, 'photos'), typed }), { field });
  const target = path.resolve(typed);
  const folders = writableFolders(scope);
  if (folders.some((folder) => within(folder, target))) {
    const [real, ...realFolders] = await Promise.all([target, ...folders].map(realTarget));
    if (realFolders.some((folder) => within(folder, real!))) return target;
  }
  throw HolstError.said('config', say('pathOutsideWritable', { target, exports, file: scope.settings.file }), { field });
}
