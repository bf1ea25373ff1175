/** The Electron entry: window, IPC wiring and Electron-only capabilities. Everything else is core. */
import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { toErrorPayload } from '../../shared/errors';
import { APP_VERSION, openCore, type AppCore } from '../core/app-core';
import { installCrashGuard } from '../core/logging/crash-guard';
import { mainLanguage, mainText, type MainText } from '../core/i18n/main-text';
import { openAppLog } from '../core/logging/file-log';
import { resolveDataDir } from '../core/paths/data-dir';
import { registerAppSchemePrivileges, serveMedia, serveRenderer } from './app-protocol';
import { createDesktopCapabilities } from './desktop';
import { installMenu } from './menu';
import { registerIpc } from './ipc';
import { originOf } from './navigation-policy';
import { safeStorageEncryptor } from './safe-storage';
import { createUpdater } from './updater';
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
  /** Menus and dialogs follow the language setting, or the system's until the settings are read. */
  const text = (): MainText =>
    mainText(mainLanguage(core?.settings.get().appearance.language, app.isReady() ? app.getPreferredSystemLanguages() : []));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => core?.close());

  const updates = createUpdater({
    log,
    text,
    window: () => mainWindow,
    emit: (status) => core?.events.emit('app.updateChanged', status),
  });

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
        desktop: { ...createDesktopCapabilities(() => mainWindow, text), ...updates },
        // `npm start` builds better-sqlite3 for Electron's ABI beside node_modules and names it here.
        ...(process.env.HOLST_SQLITE_BINDING ? { sqliteBinding: process.env.HOLST_SQLITE_BINDING } : {}),
      });
      serveMedia(core);
      registerIpc(core, devUrl ? originOf(devUrl) : null);
      installMenu(core, () => mainWindow, text());
      // A new language in Settings: the menus are built again in it.
      let menuLanguage = core.settings.get().appearance.language;
      core.settings.onChange((next) => {
        if (next.appearance.language === menuLanguage) return;
        menuLanguage = next.appearance.language;
        installMenu(core!, () => mainWindow, text());
      });
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
              message: text()('dialog.windowGone'),
              detail: text()('dialog.windowGoneDetail'),
              buttons: [text()('dialog.reload'), text()('dialog.quit')],
              defaultId: 0,
            })
            .then(({ response }) => (response === 0 ? win.webContents.reload() : app.quit()));
        });
      };
      open();
      app.on('activate', () => {
        if (!mainWindow) open();
      });
      // With an update feed, look once at start; quietly: only a finished download asks anything.
      if (updates.updateStatus().state !== 'unavailable') void updates.checkForUpdates();
    })
    .catch((error: unknown) => {
      log.error(`Holst ${APP_VERSION} could not start`, error);
      const { message } = toErrorPayload(error);
      const detail = error instanceof Error ? error.message : message;
      dialog.showErrorBox(text()('dialog.startFailed'), `${detail}\n\n${text()('dialog.logIn', { folder: log.dir })}`);
      app.exit(1);
    });
}
