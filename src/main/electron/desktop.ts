import { clipboard, ClipboardItem, dialog, nativeImage, shell, type BrowserWindow } from 'electron';
import sharp from 'sharp';
import type { DesktopCapabilities } from '../core/desktop';
import type { MainText } from '../core/i18n/main-text';

/** Electron's dialogs, clipboard, shell and drag and drop, as the core's small capability interface. */
export function createDesktopCapabilities(getWindow: () => BrowserWindow | null, text: () => MainText): DesktopCapabilities {
  return {
    async chooseImportPaths() {
      const win = getWindow();
      const options: Electron.OpenDialogOptions = {
        title: text()('dialog.importTitle'),
        properties: ['openFile', 'openDirectory', 'multiSelections'],
        filters: [{ name: text()('dialog.imagesFilter'), extensions: ['png', 'jpg', 'jpeg', 'webp', 'gif'] }],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    async chooseExportPath(defaultName) {
      const win = getWindow();
      const options: Electron.SaveDialogOptions = { title: text()('dialog.saveCopyTitle'), defaultPath: defaultName };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async copyImageToClipboard(file) {
      // Every platform's clipboard takes PNG; the other formats are converted first.
      const png = await sharp(file, { animated: false }).png().toBuffer();
      await clipboard.write([new ClipboardItem({ 'image/png': new Blob([new Uint8Array(png)], { type: 'image/png' }) })]);
    },
    revealInFolder(file) {
      shell.showItemInFolder(file);
    },
    async startDrag(file, iconFile) {
      getWindow()?.webContents.startDrag({ file, icon: await dragIcon(iconFile) });
    },
    async openFolder(folder) {
      // shell.openPath answers an error message instead of throwing.
      const problem = await shell.openPath(folder);
      if (problem) throw new Error(problem);
    },
    async openExternal(url) {
      await shell.openExternal(url);
    },
    async chooseFolder(purpose) {
      const win = getWindow();
      const options: Electron.OpenDialogOptions = {
        title: text()(purpose === 'export' ? 'dialog.exportFolderTitle' : 'dialog.saveFolderTitle'),
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async confirmReplace(folder) {
      const win = getWindow();
      const options: Electron.MessageBoxOptions = {
        type: 'warning',
        message: text()('dialog.replaceTitle', { folder }),
        detail: text()('dialog.replaceDetail'),
        buttons: [text()('dialog.replace'), text()('dialog.cancel')],
        defaultId: 1,
        cancelId: 1,
      };
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return response === 0;
    },
    async chooseZipPath(defaultName) {
      const win = getWindow();
      const options: Electron.SaveDialogOptions = {
        title: text()('dialog.exportZipTitle'),
        defaultPath: defaultName,
        filters: [{ name: text()('dialog.zipFilter'), extensions: ['zip'] }],
      };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async startDragFiles(files, iconFile) {
      getWindow()?.webContents.startDrag({ file: files[0]!, files, icon: await dragIcon(iconFile) });
    },
  };
}

/** nativeImage reads only PNG and JPEG on every platform (thumbnails are WebP), and macOS refuses an empty icon. */
async function dragIcon(thumbFile: string): Promise<Electron.NativeImage> {
  return nativeImage.createFromBuffer(await sharp(thumbFile).resize(64, 64, { fit: 'inside' }).png().toBuffer());
}
