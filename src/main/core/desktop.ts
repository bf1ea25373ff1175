import type { UpdateStatus } from '../../shared/update';

/**
 * What only the desktop shell can do (Electron's dialogs, clipboard, shell, drag and drop),
 * handed to the core as small functions. Plain Node (the CLI, the browser harness) has none.
 */
export interface DesktopCapabilities {
  chooseImportPaths(): Promise<string[] | null>;
  chooseExportPath(defaultName: string): Promise<string | null>;
  copyImageToClipboard(file: string): Promise<void>;
  revealInFolder(file: string): void;
  startDrag(file: string, iconFile: string): Promise<void>;
  openFolder(folder: string): Promise<void>;
  /** Opens a web or mail link, already checked by the core, in the system's browser or mail app. */
  openExternal(url: string): Promise<void>;
  /** A folder to export into, or to make the save folder; null if cancelled. */
  chooseFolder?(purpose: 'export' | 'saveFolder'): Promise<string | null>;
  /** Asks before an export replaces files of the same names in `folder`; true: replace. */
  confirmReplace?(folder: string): Promise<boolean>;
  /** Where to write a ZIP (the dialog asks before replacing a file); null if cancelled. */
  chooseZipPath?(defaultName: string): Promise<string | null>;
  /** Drags several files out of the window at once. */
  startDragFiles?(files: string[], iconFile: string): Promise<void>;
  /** The app's self-update (electron-updater, src/main/electron/updater.ts); `dialogs`: Help's check says its outcome in a dialog too. */
  checkForUpdates?(options?: { dialogs?: boolean }): Promise<UpdateStatus>;
  updateStatus?(): UpdateStatus;
}
