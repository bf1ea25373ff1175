import { app, clipboard, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppCore } from '../core/app-core';
import { APP_VERSION } from '../core/app-core';
import { diagnostics } from '../core/diagnostics';

/**
 * The native menus with the platforms' standard roles (so copy and paste work in every text field
 * on macOS), the app's own commands sent to the window, and Help → Open Logs Folder / Copy
 * Diagnostics / About.
 */
export function installMenu(core: AppCore, getWindow: () => BrowserWindow | null): void {
  const isMac = process.platform === 'darwin';
  app.setAboutPanelOptions({
    applicationName: 'Holst',
    applicationVersion: APP_VERSION,
    version: `Electron ${process.versions.electron}`,
    copyright: 'Images you make stay on your computer.',
  });
  const command = (name: 'new-chat' | 'chat' | 'library' | 'settings') => () => {
    const win = getWindow();
    if (!win) return;
    win.show();
    core.events.emit('app.command', { command: name });
  };
  const openLogs = async () => {
    if (!core.log || !core.desktop) return;
    const folder = core.log.file.replace(/[\\/][^\\/]+$/, '');
    await core.desktop.openFolder(folder).catch((error: Error) => dialog.showErrorBox('Could not open the logs folder', error.message));
  };
  const copyDiagnostics = async () => {
    clipboard.writeText(await diagnostics(core));
    const win = getWindow();
    const options = {
      type: 'info' as const,
      message: 'Diagnostics copied',
      detail: 'Versions, settings without secrets and the last log lines are on the clipboard, ready to paste into a report.',
    };
    if (win) await dialog.showMessageBox(win, options);
    else await dialog.showMessageBox(options);
  };

  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            role: 'appMenu' as const,
            submenu: [
              { role: 'about' as const },
              { type: 'separator' as const },
              { label: 'Settings…', accelerator: 'Cmd+,', click: command('settings') },
              { type: 'separator' as const },
              { role: 'services' as const },
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const },
            ],
          },
        ]
      : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Chat', accelerator: 'CmdOrCtrl+N', click: command('new-chat') },
        { label: 'Chat', accelerator: 'CmdOrCtrl+1', click: command('chat') },
        { label: 'Library', accelerator: 'CmdOrCtrl+2', click: command('library') },
        ...(isMac ? [] : [{ label: 'Settings…', accelerator: 'Ctrl+,', click: command('settings') }]),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Open Logs Folder', click: () => void openLogs() },
        { label: 'Copy Diagnostics', click: () => void copyDiagnostics() },
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'about' as const, label: 'About Holst' }]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
