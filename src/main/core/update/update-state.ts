/**
 * The self-update's state and its words, without Electron: the desktop glue (src/main/electron/
 * updater.ts) feeds it electron-updater's events, and the window and menus read it.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { UpdateFailure, UpdateStatus } from '../../../shared/update';

/** What the desktop shell hands the core (DesktopCapabilities) so `app.checkForUpdates` and `app.updateStatus` can answer. */
export interface UpdateControl {
  updateStatus(): UpdateStatus;
  /** `dialogs`: say the outcome in a dialog too (Help → Check for Updates…), not only in the status. */
  checkForUpdates(options?: { dialogs?: boolean }): Promise<UpdateStatus>;
}

export const UPDATES_UNAVAILABLE: UpdateStatus = { state: 'unavailable' };

/** electron-builder writes this beside the app's resources only when its `publish` option names a feed. */
export const UPDATE_CONFIG_FILE = 'app-update.yml';

/** Whether this build can update itself: packaged, and built with a publish feed. */
export function updatesConfigured(isPackaged: boolean, resourcesPath: string | undefined): boolean {
  if (!isPackaged || !resourcesPath) return false;
  const file = path.join(resourcesPath, UPDATE_CONFIG_FILE);
  return existsSync(file) && statSync(file).size > 0;
}

/** electron-updater's error codes (builder-util-runtime's `newError`) and Chromium's net errors, sorted for the window. */
export function updateFailure(error: unknown): { reason: UpdateFailure; detail: string } {
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 500);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_CHECKSUM_MISMATCH' || /sha(2|512) checksum mismatch/i.test(detail)) return { reason: 'checksum', detail };
  if (
    typeof code === 'string' &&
    [
      'ERR_UPDATER_INVALID_UPDATE_INFO',
      'ERR_UPDATER_INVALID_VERSION',
      'ERR_UPDATER_NO_FILES_PROVIDED',
      'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
    ].includes(code)
  ) {
    return { reason: 'malformed', detail };
  }
  if (/^net::ERR_|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|timed out/.test(detail)) return { reason: 'unreachable', detail };
  if (/status (5\d\d|4\d\d)|^\d{3} /.test(detail)) return { reason: 'unreachable', detail };
  return { reason: 'other', detail };
}

/** The current status, told to `emit` on each change (download progress once per whole percent). */
export class UpdateState {
  private current: UpdateStatus;

  constructor(
    private readonly emit: (status: UpdateStatus) => void,
    initial: UpdateStatus = { state: 'idle' },
  ) {
    this.current = initial;
  }

  get status(): UpdateStatus {
    return this.current;
  }

  set(next: UpdateStatus): UpdateStatus {
    const previous = this.current;
    this.current = next;
    // Progress arrives per chunk: tell the window only when the whole percent changes, and at the end.
    if (previous.state === 'downloading' && next.state === 'downloading' && next.transferred < next.total) {
      if (Math.floor(previous.percent) === Math.floor(next.percent)) return next;
    }
    this.emit(next);
    return next;
  }

  progress(version: string, info: { percent: number; transferred: number; total: number }): UpdateStatus {
    const percent = Math.min(100, Math.max(0, Number.isFinite(info.percent) ? info.percent : 0));
    return this.set({ state: 'downloading', version, percent, transferred: Math.round(info.transferred), total: Math.round(info.total) });
  }

  fail(error: unknown): UpdateStatus {
    return this.set({ state: 'error', ...updateFailure(error) });
  }
}
