import type { MenuItemConstructorOptions } from 'electron';
import type { MainText } from '../core/i18n/main-text';

export type MenuCommand = 'new-chat' | 'chat' | 'library' | 'settings';

export interface MenuActions {
  isMac: boolean;
  isPackaged: boolean;
  command(name: MenuCommand): () => void;
  openLogs(): void;
  copyDiagnostics(): void;
  /** Help → Check for Updates… (says itself when this build has no update feed). */
  checkForUpdates?(): void;
  /** The menu's own labels in the app's language (the roles' labels come from the OS). */
  text: MainText;
}

/**
 * The application menu: the platforms' standard roles (the Edit menu is what makes copy and paste
 * work in text fields on macOS), the app's own commands, and Help. Only types come from Electron,
 * so tests can check it in plain Node.
 */
export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const { text } = actions;
  return [
    ...(actions.isMac
      ? [
          {
            role: 'appMenu' as const,
            submenu: [
              { role: 'about' as const },
              { type: 'separator' as const },
              { label: text('menu.settings'), accelerator: 'Cmd+,', click: actions.command('settings') },
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
      label: text('menu.file'),
      submenu: [
        { label: text('menu.newChat'), accelerator: 'CmdOrCtrl+N', click: actions.command('new-chat') },
        { label: text('menu.chat'), accelerator: 'CmdOrCtrl+1', click: actions.command('chat') },
        { label: text('menu.library'), accelerator: 'CmdOrCtrl+2', click: actions.command('library') },
        ...(actions.isMac ? [] : [{ label: text('menu.settings'), accelerator: 'Ctrl+,', click: actions.command('settings') }]),
        { type: 'separator' },
        actions.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: text('menu.view'),
      submenu: [
        { role: 'reload' },
        ...(actions.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
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
        { label: text('menu.openLogs'), click: actions.openLogs },
        { label: text('menu.copyDiagnostics'), click: actions.copyDiagnostics },
        ...(actions.checkForUpdates ? [{ label: text('menu.checkForUpdates'), click: actions.checkForUpdates }] : []),
        ...(actions.isMac ? [] : [{ type: 'separator' as const }, { role: 'about' as const, label: text('menu.about') }]),
      ],
    },
  ];
}
