/**
 * Self-update with electron-updater, only in a packaged app whose build named a publish feed (it
 * writes app-update.yml beside the resources). Checks at start and from Help or Settings, downloads
 * in the background (sha512-verified by electron-updater), and asks before restarting to install.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { UpdateStatus } from '../../shared/update';
import type { MainText } from '../core/i18n/main-text';
import type { Logger } from '../core/logging/log';
import { UPDATES_UNAVAILABLE, UpdateState, updatesConfigured, type UpdateControl } from '../core/update/update-state';

type UpdaterModule = typeof import('electron-updater');

export interface UpdaterOptions {
  log: Logger;
  text(): MainText;
  window(): BrowserWindow | null;
  /** Every change of status, for the window (`app.updateChanged`). */
  emit(status: UpdateStatus): void;
}

/** electron-updater's own choice per platform and package type, made fresh: its `autoUpdater` is one per process. */
function platformUpdater(lib: UpdaterModule): AppUpdater {
  if (process.platform === 'win32') return new lib.NsisUpdater();
  if (process.platform === 'darwin') return new lib.MacUpdater();
  let packageType = '';
  try {
    packageType = readFileSync(path.join(process.resourcesPath, 'package-type'), 'utf8').trim();
  } catch {
    // No package-type file: an AppImage.
  }
  if (packageType === 'deb') return new lib.DebUpdater();
  if (packageType === 'rpm') return new lib.RpmUpdater();
  if (packageType === 'pacman') return new lib.PacmanUpdater();
  return new lib.AppImageUpdater();
}

export function createUpdater(options: UpdaterOptions): UpdateControl {
  const configured = updatesConfigured(app.isPackaged, process.resourcesPath);
  const state = new UpdateState(options.emit, configured ? { state: 'idle' } : UPDATES_UNAVAILABLE);
  const { log } = options;
  let loading: Promise<AppUpdater> | null = null;
  let pendingVersion = '';

  const show = async (box: MessageBoxOptions) => {
    const win = options.window();
    return win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box);
  };

  const askToRestart = async (updater: AppUpdater, version: string) => {
    const text = options.text();
    const { response } = await show({
      type: 'info',
      message: text('update.ready', { version }),
      detail: text('update.readyDetail'),
      buttons: [text('update.restart'), text('update.later')],
      defaultId: 0,
      cancelId: 1,
    });
    if (response !== 0) return;
    log.info(`update: restarting to install ${version}`);
    updater.quitAndInstall();
  };

  const wire = (updater: AppUpdater): AppUpdater => {
    updater.logger = {
      info: (message: unknown) => log.info(`update: ${String(message)}`),
      warn: (message: unknown) => log.warn(`update: ${String(message)}`),
      error: (message: unknown) => log.error(`update: ${String(message)}`),
    };
    updater.autoDownload = true;
    updater.on('checking-for-update', () => state.set({ state: 'checking' }));
    updater.on('update-not-available', (info: UpdateInfo) => state.set({ state: 'up-to-date', version: info.version }));
    updater.on('update-available', (info: UpdateInfo) => {
      pendingVersion = info.version;
      state.set({ state: 'downloading', version: info.version, percent: 0, transferred: 0, total: 0 });
    });
    updater.on('download-progress', (progress: ProgressInfo) => state.progress(pendingVersion, progress));
    updater.on('update-downloaded', (info: UpdateInfo) => {
      state.set({ state: 'ready', version: info.version });
      void askToRestart(updater, info.version);
    });
    // Check and download failures alike; electron-updater has removed a file that failed its checksum.
    updater.on('error', (error: Error) => state.fail(error));
    return updater;
  };

  const load = () => (loading ??= import('electron-updater').then((lib) => wire(platformUpdater(lib))));

  const tell = async (status: UpdateStatus) => {
    const text = options.text();
    if (status.state === 'unavailable') {
      await show({ type: 'info', message: text('update.notConfigured'), detail: text('update.notConfiguredDetail') });
    } else if (status.state === 'up-to-date') {
      await show({ type: 'info', message: text('update.upToDate'), detail: text('update.upToDateDetail', { version: status.version }) });
    } else if (status.state === 'downloading') {
      await show({
        type: 'info',
        message: text('update.downloading', { version: status.version }),
        detail: text('update.downloadingDetail'),
      });
    } else if (status.state === 'error') {
      await show({ type: 'error', message: text('update.failed'), detail: `${text(`update.${status.reason}`)}\n\n${status.detail}` });
    }
  };

  return {
    updateStatus: () => state.status,
    async checkForUpdates({ dialogs = false } = {}) {
      if (!configured) {
        if (dialogs) await tell(state.status);
        return state.status;
      }
      const before = state.status;
      // Downloaded already (and "Later" was chosen): asking again is the way to restart now.
      if (before.state === 'ready') {
        void askToRestart(await load(), before.version);
        return before;
      }
      if (before.state !== 'checking' && before.state !== 'downloading') {
        try {
          const updater = await load();
          const result = await updater.checkForUpdates();
          // A failed download is told through 'error'; nothing else waits on it.
          result?.downloadPromise?.catch(() => undefined);
          if (!result) state.set(UPDATES_UNAVAILABLE);
        } catch (error) {
          log.error('update check failed', error);
          if (state.status.state !== 'error') state.fail(error);
        }
      }
      if (dialogs) await tell(state.status);
      return state.status;
    },
  };
}
