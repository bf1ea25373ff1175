import path from 'node:path';
import { BrowserWindow, screen, shell, type Rectangle } from 'electron';
import type { WindowState } from '../../shared/settings';
import type { AppCore } from '../core/app-core';
import { APP_ORIGIN } from './app-protocol';
import { forwardEvents } from './ipc';
import { decideNavigation, decideWillNavigate, originOf } from './navigation-policy';

const DEFAULT_SIZE = { width: 1280, height: 840 };

export interface MainWindowOptions {
  core: AppCore;
  preloadFile: string;
  /** Vite's dev server during `npm run dev`; the packaged renderer otherwise. */
  devUrl: string | null;
}

export function createMainWindow({ core, preloadFile, devUrl }: MainWindowOptions): BrowserWindow {
  const saved = core.settings.get().window;
  const bounds = visibleBounds(saved);
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Holst',
    backgroundColor: '#16171a',
    webPreferences: {
      preload: path.resolve(preloadFile),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const appOrigins = [APP_ORIGIN, ...(devUrl ? [originOf(devUrl) ?? devUrl] : [])];
  const openOutside = (url: string) => {
    if (decideNavigation(url, appOrigins) !== 'external') return;
    shell.openExternal(url).catch((error: unknown) => core.logger.error('could not open a link in the browser', error));
  };
  win.webContents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (decideWillNavigate(url, win.webContents.getURL(), appOrigins) === 'allow') return;
    event.preventDefault();
    openOutside(url);
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (decideNavigation(url, appOrigins) !== 'allow') event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());

  forwardEvents(core, win.webContents);
  rememberBounds(core, win);
  void win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}

/** The saved bounds if they still fall on a connected display; otherwise the default size. */
function visibleBounds(saved: WindowState | undefined): Partial<Rectangle> {
  if (!saved) return DEFAULT_SIZE;
  const { x, y, width, height } = saved;
  if (x === undefined || y === undefined) return { width, height };
  const onScreen = screen
    .getAllDisplays()
    .some(({ workArea: a }) => x < a.x + a.width && x + width > a.x && y < a.y + a.height && y + height > a.y);
  return onScreen ? { x, y, width, height } : { width, height };
}

function rememberBounds(core: AppCore, win: BrowserWindow): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const maximized = win.isMaximized();
    const { x, y, width, height } = maximized ? win.getNormalBounds() : win.getBounds();
    void core.settings
      .update((draft) => ({ ...draft, window: { x, y, width, height, maximized } }))
      .catch((error: unknown) => core.logger.error('could not save the window position', error));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
