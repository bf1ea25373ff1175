import type { Settings } from '../../../shared/settings';
import type { AppCore } from '../app-core';
import { prepareSaveFolder, saveFolderChanged } from '../library/save-folder';
import { desktopOnly } from './desktop-only';

/**
 * `settings.setSaveFolder`: a path sets the folder (created if missing, and checked writable),
 * null turns it off, absent asks with the desktop app's folder dialog (unchanged if cancelled).
 */
export async function setSaveFolder(core: AppCore, { path }: { path?: string | null | undefined }): Promise<Settings> {
  let folder = path;
  if (folder === undefined) {
    const choose = desktopOnly(core.desktop, 'chooseFolder', 'Choosing a folder', {
      instead: 'type the folder’s full path instead',
      field: 'path',
    });
    const chosen = await choose('saveFolder');
    if (!chosen) return core.settings.get();
    folder = chosen;
  }
  const saveFolder = folder === null ? null : await prepareSaveFolder(folder);
  const next = await core.settings.update((draft) => ({ ...draft, library: { ...draft.library, saveFolder } }));
  saveFolderChanged(core);
  return next;
}
