/**
 * What only the desktop shell can do (Electron's dialogs, clipboard, shell, drag and drop),
 * handed to the core as small functions. Plain Node (the CLI, the browser harness) has none.
 */
export interface DesktopCapabilities {
  chooseImportPaths(): Promise<string[] | null>;
  chooseExportPath(defaultName: string): Promise<string | null>;
  copyImageToClipboard(file: string): Promise<void>;
  revealInFolder(file: string): void;
  startDrag(file: string, iconFile: string): void;
  openFolder(folder: string): Promise<void>;
  /** Opens a web or mail link, already checked by the core, in the system's browser or mail app. */
  openExternal(url: string): Promise<void>;
}
