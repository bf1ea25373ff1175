import { existsSync, readFileSync } from 'node:fs';
import { strict, type Recorder } from './strict';

/** `(...Electron's parameters) => our narrowed answer`: for factories whose Electron answer is a full object. */
export type Returning<F extends (...args: never[]) => unknown, R> = (...args: Parameters<F>) => R;

export const DIALOG_MEMBERS = [
  'showMessageBox',
  'showErrorBox',
  'showOpenDialog',
  'showSaveDialog',
] as const satisfies readonly (keyof Electron.Dialog)[];
const DIALOG_HELPERS = ['script'] as const;

/** A dialog call as recorded: the parent window (or null) and the options. */
export interface DialogCall<O> {
  window: Electron.BaseWindow | null;
  options: O;
}

/** The answers the person will give, in order; without one a message box takes its default button and file dialogs are cancelled. */
export interface DialogScript {
  messageBox: Electron.MessageBoxReturnValue[];
  open: Electron.OpenDialogReturnValue[];
  save: Electron.SaveDialogReturnValue[];
}

function split<O>(args: [Electron.BaseWindow, O] | [O]): DialogCall<O> {
  return args.length === 2 ? { window: args[0], options: args[1] } : { window: null, options: args[0] };
}

class StandinDialog implements Pick<Electron.Dialog, (typeof DIALOG_MEMBERS)[number]> {
  readonly script: DialogScript = { messageBox: [], open: [], save: [] };

  constructor(private readonly recorder: Recorder) {}

  showMessageBox(
    ...args: [Electron.BaseWindow, Electron.MessageBoxOptions] | [Electron.MessageBoxOptions]
  ): Promise<Electron.MessageBoxReturnValue> {
    const call = split(args);
    this.recorder.record('dialog.showMessageBox', call);
    return Promise.resolve(this.script.messageBox.shift() ?? { response: call.options.defaultId ?? 0, checkboxChecked: false });
  }

  showErrorBox(title: string, content: string): void {
    this.recorder.record('dialog.showErrorBox', title, content);
  }

  showOpenDialog(
    ...args: [Electron.BaseWindow, Electron.OpenDialogOptions] | [Electron.OpenDialogOptions]
  ): Promise<Electron.OpenDialogReturnValue> {
    this.recorder.record('dialog.showOpenDialog', split(args));
    return Promise.resolve(this.script.open.shift() ?? { canceled: true, filePaths: [] });
  }

  showSaveDialog(
    ...args: [Electron.BaseWindow, Electron.SaveDialogOptions] | [Electron.SaveDialogOptions]
  ): Promise<Electron.SaveDialogReturnValue> {
    this.recorder.record('dialog.showSaveDialog', split(args));
    return Promise.resolve(this.script.save.shift() ?? { canceled: true, filePath: '' });
  }
}

export type StandinDialogHandle = Pick<Electron.Dialog, (typeof DIALOG_MEMBERS)[number]> &
  Pick<StandinDialog, (typeof DIALOG_HELPERS)[number]>;

export function createDialog(recorder: Recorder): StandinDialogHandle {
  return strict('dialog', new StandinDialog(recorder), DIALOG_MEMBERS, DIALOG_HELPERS);
}

export const SHELL_MEMBERS = ['openExternal', 'showItemInFolder', 'openPath'] as const satisfies readonly (keyof Electron.Shell)[];

export function createShell(recorder: Recorder): Pick<Electron.Shell, (typeof SHELL_MEMBERS)[number]> {
  const shell: Pick<Electron.Shell, (typeof SHELL_MEMBERS)[number]> = {
    openExternal: (url, options) => {
      recorder.record('shell.openExternal', url, options);
      return Promise.resolve();
    },
    showItemInFolder: (fullPath) => recorder.record('shell.showItemInFolder', fullPath),
    // Electron answers an error message, or '' when the folder opened.
    openPath: (path) => {
      recorder.record('shell.openPath', path);
      return Promise.resolve(existsSync(path) ? '' : `Failed to open path`);
    },
  };
  return strict('shell', shell, SHELL_MEMBERS);
}

export const CLIPBOARD_MEMBERS = ['write', 'writeText', 'readText'] as const satisfies readonly (keyof Electron.Clipboard)[];
const CLIPBOARD_HELPERS = ['items'] as const;

type ClipboardHandle = Pick<Electron.Clipboard, (typeof CLIPBOARD_MEMBERS)[number]> & {
  /** What the clipboard holds now. */
  items: Electron.ClipboardItem[];
};

export function createClipboard(recorder: Recorder): ClipboardHandle {
  const clipboard: ClipboardHandle = {
    items: [],
    write(data) {
      recorder.record('clipboard.write', data);
      clipboard.items = [...data];
      return Promise.resolve();
    },
    writeText(text) {
      recorder.record('clipboard.writeText', text);
      clipboard.items = [new StandinClipboardItem({ 'text/plain': text })];
      return Promise.resolve();
    },
    async readText() {
      const item = clipboard.items.find((i) => i.types.includes('text/plain'));
      return item ? (await item.getType('text/plain')).text() : '';
    },
  };
  return strict('clipboard', clipboard, CLIPBOARD_MEMBERS, CLIPBOARD_HELPERS);
}

type ClipboardPayload = ConstructorParameters<typeof Electron.ClipboardItem>[0];

/** Electron's ClipboardItem (the W3C one's shape): strings are kept as text/plain Blobs, as the W3C item does. */
export class StandinClipboardItem implements Pick<Electron.ClipboardItem, 'types' | 'getType'> {
  readonly types: string[];

  constructor(private readonly payload: ClipboardPayload) {
    this.types = Object.keys(payload);
  }

  // One signature for Electron's two overloads; the bookmark type answers its object as given.
  getType(type: string): Promise<never> {
    if (!(type in this.payload)) return Promise.reject(new Error(`The type '${type}' was not found`));
    return Promise.resolve(this.payload[type]).then((value) =>
      typeof value === 'string' ? new Blob([value], { type }) : value,
    ) as Promise<never>;
  }
}

export const NATIVE_IMAGE_MEMBERS = [
  'createFromPath',
  'createFromBuffer',
] as const satisfies readonly (keyof typeof Electron.NativeImage)[];

/** What `nativeImage` answers: where the image came from, and whether Electron could decode it. */
export type StandinNativeImage = Pick<Electron.NativeImage, 'isEmpty'> & { readonly path: string | null; readonly bytes: Buffer };

/** Electron's nativeImage decodes PNG and JPEG (and ICO on Windows); anything else gives an empty image. */
function decodable(bytes: Buffer): boolean {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return true;
  if (bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return true;
  return process.platform === 'win32' && bytes.subarray(0, 4).equals(Buffer.from([0, 0, 1, 0]));
}

function nativeImageOf(bytes: Buffer, path: string | null): StandinNativeImage {
  const empty = !decodable(bytes);
  return strict('NativeImage', { path, bytes, isEmpty: () => empty }, ['isEmpty'], ['path', 'bytes']);
}

export function createNativeImage(recorder: Recorder): {
  createFromPath: Returning<typeof Electron.NativeImage.createFromPath, StandinNativeImage>;
  createFromBuffer: Returning<typeof Electron.NativeImage.createFromBuffer, StandinNativeImage>;
} {
  return strict(
    'nativeImage',
    {
      createFromPath: (path: string) => {
        recorder.record('nativeImage.createFromPath', path);
        let bytes = Buffer.alloc(0);
        try {
          bytes = readFileSync(path);
        } catch {
          // Electron answers an empty image for a file it cannot read.
        }
        return nativeImageOf(bytes, path);
      },
      createFromBuffer: (buffer: Buffer, options?: Electron.CreateFromBufferOptions) => {
        recorder.record('nativeImage.createFromBuffer', buffer, options);
        return nativeImageOf(buffer, null);
      },
    },
    NATIVE_IMAGE_MEMBERS,
  );
}

export const WEB_UTILS_MEMBERS = ['getPathForFile'] as const satisfies readonly (keyof Electron.WebUtils)[];

/** Files the test says came from disk (Electron knows a dropped file's path; a File made in the page has none). */
export function createWebUtils(paths: WeakMap<File, string>): Pick<Electron.WebUtils, 'getPathForFile'> {
  return strict('webUtils', { getPathForFile: (file: File) => paths.get(file) ?? '' }, WEB_UTILS_MEMBERS);
}
