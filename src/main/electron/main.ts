/** The Electron entry: window, IPC wiring and Electron-only capabilities. Everything else is core. */
import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { toErrorPayload } from '../../shared/errors';
import { APP_VERSION, openCore, type AppCore } from '../core/app-core';
import { installCrashGuard } from '../core/logging/crash-guard';
import { openAppLog } from '../core/logging/file-log';
import { resolveDataDir } from '../core/paths/data-dir';
import { registerAppSchemePrivileges, serveMedia, serveRenderer } from './app-protocol';
import { createDesktopCapabilities } from './desktop';
import { installMenu } from './menu';
import { registerIpc } from './ipc';
import { originOf } from './navigation-policy';
import { safeStorageEncryptor } from './safe-storage';
import { createMainWindow } from './window';

const devUrl = process.env.HOLST_RENDERER_URL ?? null;
const outDir = path.join(__dirname, '..');

// One data folder, one app: the same folder the CLI and the harness use.
const dataDir = resolveDataDir({ argv: process.argv, env: process.env });
app.setPath('userData', dataDir);

// The log comes first, so that even a failed start leaves its reason on disk.
const log = openAppLog(dataDir);
app.setAppLogsPath(log.dir);
installCrashGuard({
  logger: log,
  report: (title, detail) => {
    if (app.isReady()) void dialog.showMessageBox({ type: 'error', message: title, detail });
    else dialog.showErrorBox(title, detail);
  },
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppSchemePrivileges();
  let mainWindow: BrowserWindow | null = null;
  let core: AppCore | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => core?.close());

  app
    .whenReady()
    .then(async () => {
      // The app asks for no camera, microphone, notifications or anything else: every request is denied,
      // except writing text to the clipboard (the Copy buttons of answers' code blocks and diagnostics).
      const clipboardWrite = (permission: string) => permission === 'clipboard-sanitized-write';
      session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(clipboardWrite(permission)));
      session.defaultSession.setPermissionCheckHandler((_wc, permission) => clipboardWrite(permission));
      serveRenderer(path.join(outDir, 'renderer'));
      core = await openCore({
        dataDir,
        shell: 'electron',
        settingsPolicy: 'recover',
        encryptor: safeStorageEncryptor,
        log,
        desktop: createDesktopCapabilities(() => mainWindow),
        // `npm start` builds better-sqlite3 for Electron's ABI beside node_modules and names it here.
        ...(process.env.HOLST_SQLITE_BINDING ? { sqliteBinding: process.env.HOLST_SQLITE_BINDING } : {}),
      });
      serveMedia(core);
      registerIpc(core, devUrl ? originOf(devUrl) : null);
      installMenu(core, () => mainWindow);
      const open = () => {
        const win = createMainWindow({ core: core!, preloadFile: path.join(outDir, 'preload', 'index.cjs'), devUrl });
        mainWindow = win;
        win.on('closed', () => (mainWindow = null));
        // A renderer that crashes is logged and offered a reload, never left as a blank window.
        win.webContents.on('render-process-gone', (_event, details) => {
          log.error(`the window's renderer stopped (${details.reason}, exit code ${details.exitCode})`);
          if (details.reason === 'clean-exit' || win.isDestroyed()) return;
          void dialog
            .showMessageBox(win, {
              type: 'error',
              message: 'The Holst window stopped working',
              detail: 'Your library and conversations are saved. Reload the window to carry on.',
              buttons: ['Reload', 'Quit'],
              defaultId: 0,
            })
            .then(({ response }) => (response === 0 ? win.webContents.reload() : app.quit()));
        });
      };
      open();
      app.on('activate', () => {
        if (!mainWindow) open();
      });
    })
    .catch((error: unknown) => {
      log.error(`Holst ${APP_VERSION} could not start`, error);
      const { message } = toErrorPayload(error);
      const detail = error instanceof Error ? error.message : message;
      dialog.showErrorBox('Holst could not start', `${detail}\n\nThe log is in ${log.dir}.`);
      app.exit(1);
    });
}
