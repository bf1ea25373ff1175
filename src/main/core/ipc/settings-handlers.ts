import type { Settings } from '../../../shared/settings';
import { prepareSaveFolder, saveFolderChanged } from '../library/export/save-folder';
import type { NamespaceHandlers } from './dispatcher';
import { desktopOnly } from './desktop-only';
import type { HandlerCore } from './handler-core';

type Deps = Pick<HandlerCore, 'settings' | 'desktop' | 'library' | 'notices' | 'logger'>;

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
 * `settings.setSaveFolder`: a path sets the folder (created if missing, and checked writable),
 * null turns it off, absent asks with the desktop app's folder dialog (unchanged if cancelled).
 */
async function setSaveFolder(core: Deps, { path }: { path?: string | null | undefined }): Promise<Settings> {
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
