import type { Settings } from '../../../shared/settings';
import { prepareSaveFolder, saveFolderChanged } from '../library/export/save-folder';
import type { NamespaceHandlers } from './dispatcher';
import { acceptTypedPath } from '../paths/window-paths';
import { desktopOnly } from './desktop-only';
import type { HandlerCore } from './handler-core';

type Deps = Pick<HandlerCore, 'settings' | 'desktop' | 'library' | 'notices' | 'logger' | 'dataDir'>;

/** `settings.*`: the theme, the language and the save folder (providers and network have their own namespaces). */
export function createSettingsHandlers(core: Deps): NamespaceHandlers<'settings'> {
  const { settings } = core;
  return {
    'settings.get': () => settings.get(),
    'settings.setTheme': ({ theme }) => settings.update((draft) => ({ ...draft, appearance: { ...draft.appearance, theme } })),
    'settings.setLanguage': ({ language }) => settings.update((draft) => ({ ...draft, appearance: { ...draft.appearance, language } })),
    'settings.setSaveFolder': (input) => setSaveFolder(core, input),
  };
}

/**
 * `settings.setSaveFolder`: absent asks with the desktop app's folder dialog (unchanged if
 * cancelled), null turns it off; a typed path only in the browser fallback, inside the folders the
 * window may write to (window-paths.ts). The folder is created if missing, and checked writable.
 */
async function setSaveFolder(core: Deps, { path }: { path?: string | null | undefined }): Promise<Settings> {
  let folder = path === undefined || path === null ? path : await acceptTypedPath(core, path, 'path');
  if (folder === undefined) {
    const choose = desktopOnly(core.desktop, 'chooseFolder', 'desktopOnlySaveFolder', 'path');
    const chosen = await choose('saveFolder');
    if (!chosen) return core.settings.get();
    folder = chosen;
  }
  const saveFolder = folder === null ? null : await prepareSaveFolder(folder);
  const next = await core.settings.update((draft) => ({ ...draft, library: { ...draft.library, saveFolder } }));
  saveFolderChanged(core);
  return next;
}
