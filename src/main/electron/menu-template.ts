import type { MenuItemConstructorOptions } from 'electron';

export type MenuCommand = 'new-chat' | 'chat' | 'library' | 'settings';

export interface MenuActions {
  isMac: boolean;
  isPackaged: boolean;
  command(name: MenuCommand): () => void;
  openLogs(): void;
  copyDiagnostics(): void;
}

/**
 * The application menu: the platforms' standard roles (the Edit menu is what makes copy and paste
 * work in text fields on macOS), the app's own commands, and Help. Only types come from Electron,
 * so tests can check it in plain Node.
 */
export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    ...(actions.isMac
      ? [
          {
            role: 'appMenu' as const,
            submenu: [
              { role: 'about' as const },
              { type: 'separator' as const },
              { label: 'Settings…', accelerator: 'Cmd+,', click: actions.command('settings') },
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
        { label: 'New Chat', accelerator: 'CmdOrCtrl+N', click: actions.command('new-chat') },
        { label: 'Chat', accelerator: 'CmdOrCtrl+1', click: actions.command('chat') },
        { label: 'Library', accelerator: 'CmdOrCtrl+2', click: actions.command('library') },
        ...(actions.isMac ? [] : [{ label: 'Settings…', accelerator: 'Ctrl+,', click: actions.command('settings') }]),
        { type: 'separator' },
        actions.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
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
        { label: 'Open Logs Folder', click: actions.openLogs },
        { label: 'Copy Diagnostics', click: actions.copyDiagnostics },
        ...(actions.isMac ? [] : [{ type: 'separator' as const }, { role: 'about' as const, label: 'About Holst' }]),
      ],
    },
  ];
}
