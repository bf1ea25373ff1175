import { app, clipboard, dialog, Menu, type BrowserWindow } from 'electron';
import type { AppCore } from '../core/app-core';
import { APP_VERSION } from '../core/app-core';
import { diagnostics } from '../core/diagnostics';
import type { MainText } from '../core/i18n/main-text';
import { menuTemplate, type MenuCommand } from './menu-template';

/**
 * The native menus with the platforms' standard roles (so copy and paste work in every text field
 * on macOS), the app's own commands sent to the window, and Help → Open Logs Folder / Copy
 * Diagnostics / About.
 */
export function installMenu(core: AppCore, getWindow: () => BrowserWindow | null, text: MainText): void {
  const isMac = process.platform === 'darwin';
  app.setAboutPanelOptions({
    applicationName: 'Holst',
    applicationVersion: APP_VERSION,
    version: `Electron ${process.versions.electron}`,
    copyright: text('about.copyright'),
  });
  const command = (name: MenuCommand) => () => {
    const win = getWindow();
    if (!win) return;
    win.show();
    core.events.emit('app.command', { command: name });
  };
  // The same request the Settings screen makes, so there is one way to open the folder.
  const openLogs = async () => {
    const result = await core.dispatch('app.openLogsFolder', undefined);
    if (!result.ok) dialog.showErrorBox(text('dialog.logsFailed'), result.error.message);
  };
  const copyDiagnostics = async () => {
    clipboard.writeText(await diagnostics(core));
    const win = getWindow();
    const options = {
      type: 'info' as const,
      message: text('dialog.diagnosticsCopied'),
      detail: text('dialog.diagnosticsCopiedDetail'),
    };
    if (win) await dialog.showMessageBox(win, options);
    else await dialog.showMessageBox(options);
  };

  const template = menuTemplate({
    isMac,
    isPackaged: app.isPackaged,
    command,
    openLogs: () => void openLogs(),
    copyDiagnostics: () => void copyDiagnostics(),
    checkForUpdates: () => void core.desktop?.checkForUpdates?.({ dialogs: true }),
    text,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
