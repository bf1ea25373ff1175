/**
 * A strict stand-in for the `electron` module, typed against electron.d.ts: each export is
 * Electron's own type narrowed to what it implements, so a wrong signature fails the typecheck,
 * and a member it lacks throws "the stand-in has no …" at run time. It records what the app does.
 * Use: `vi.mock('electron', () => standin.electron)` (see tests/support/electron-main.ts).
 */
import { createApp, type AppOptions, type StandinAppHandle } from './app';
import { createClipboard, createDialog, createNativeImage, createShell, createWebUtils, StandinClipboardItem } from './desktop';
import { createContextBridge, createIpcRenderer } from './renderer';
import { Recorder } from './strict';
import { createNet } from './net';
import { createAutoUpdater, createMenu, createSafeStorage, createScreen, display, type SafeStorageOptions } from './system';
import { createIpcMain, createProtocol, createSession } from './web';
import { createBrowserWindowClass, type StandinWindowHandle } from './window';

export { display } from './system';
export type { StandinWindowHandle } from './window';
export type { Permission } from './web';

export interface StandinOptions extends AppOptions {
  safeStorage?: SafeStorageOptions;
  /** The connected displays; one 1920×1080 display by default. */
  displays?: Electron.Display[];
}

export function createElectronStandin(options: StandinOptions = {}) {
  const recorder = new Recorder();
  const windows: StandinWindowHandle[] = [];
  const open = () => windows.filter((w) => !w.isDestroyed());
  const firstContents = () => (open()[0]?.webContents ?? null) as Electron.WebContents | null;
  let displays = options.displays ?? [display(1, { x: 0, y: 0, width: 1920, height: 1050 })];
  const filePaths = new WeakMap<File, string>();

  const app: StandinAppHandle = createApp(recorder, options, { closeAllWindows: () => open().forEach((w) => w.close()) });
  const protocol = createProtocol(recorder, () => app.isReady());
  const BrowserWindow = createBrowserWindowClass(
    recorder,
    {
      load: (url) => protocol.fetch(url),
      closed: () => {
        if (open().length === 0 && !app.quitting) app.emit('window-all-closed');
      },
    },
    windows,
  );

  /** What `import … from 'electron'` gives the app. */
  const ipcMain = createIpcMain(firstContents);
  const electron = {
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    session: createSession(firstContents),
    Menu: createMenu(recorder),
    dialog: createDialog(recorder),
    shell: createShell(recorder),
    clipboard: createClipboard(recorder),
    ClipboardItem: StandinClipboardItem,
    nativeImage: createNativeImage(recorder),
    screen: createScreen(() => displays),
    safeStorage: createSafeStorage(recorder, options.safeStorage ?? {}),
    webUtils: createWebUtils(filePaths),
    net: createNet(recorder),
    autoUpdater: createAutoUpdater(recorder),
    // The preload's side (src/preload/index.ts), run in the same process against main's handlers.
    contextBridge: createContextBridge(),
    ipcRenderer: createIpcRenderer(ipcMain),
  };

  return {
    electron,
    recorder,
    /** Every window the app made, closed ones included. */
    windows,
    setDisplays: (next: Electron.Display[]) => void (displays = next),
    /** Makes `webUtils.getPathForFile(file)` answer `path`, as for a file dropped from disk. */
    fileFromDisk: (file: File, path: string) => void filePaths.set(file, path),
  };
}

export type ElectronStandin = ReturnType<typeof createElectronStandin>;
