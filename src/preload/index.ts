/** Builds `window.holst` from the contract: declared channels only, no raw ipcRenderer. */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildHolstApi, ipcChannelName, type RequestChannel } from '../shared/contract';
import { fail, HolstError, type Result } from '../shared/errors';

const invoke = (channel: RequestChannel, input: unknown) => ipcRenderer.invoke(ipcChannelName(channel), input) as Promise<Result<unknown>>;

const api = buildHolstApi({
  invoke,
  subscribe: (event, listener) => {
    const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(ipcChannelName(event), handler);
    return () => {
      ipcRenderer.removeListener(ipcChannelName(event), handler);
    };
  },
});

/** Paths on disk of files the user dropped or picked; '' for anything else (a File the page made has none). */
const pathsOf = (files: unknown): string[] =>
  Array.isArray(files)
    ? files.map((file: unknown) => {
        try {
          return webUtils.getPathForFile(file as File);
        } catch {
          return '';
        }
      })
    : [];
const onDisk = (paths: string[]) => paths.length > 0 && paths.length <= 10_000 && paths.every((p) => p !== '');

contextBridge.exposeInMainWorld('holst', api);
// Dropped files go to main by path (File.path is gone since Electron 32), read here off the real
// File objects: the page hands over files, never a path (library.importDropped is preload only).
contextBridge.exposeInMainWorld('holstFiles', {
  onDisk: (files: unknown) => onDisk(pathsOf(files)),
  importFiles: (files: unknown) => {
    const paths = pathsOf(files);
    if (!onDisk(paths))
      return Promise.resolve(fail(new HolstError('invalid_input', 'Only files dropped or picked from disk are imported by path.')));
    return invoke('library.importDropped', { paths });
  },
});
