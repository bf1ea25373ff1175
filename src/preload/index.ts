/** Builds `window.holst` from the contract: declared channels only, no raw ipcRenderer. */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildHolstApi, ipcChannelName } from '../shared/contract';
import type { Result } from '../shared/errors';

const api = buildHolstApi({
  invoke: (channel, input) => ipcRenderer.invoke(ipcChannelName(channel), input) as Promise<Result<unknown>>,
  subscribe: (event, listener) => {
    const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(ipcChannelName(event), handler);
    return () => {
      ipcRenderer.removeListener(ipcChannelName(event), handler);
    };
  },
});

contextBridge.exposeInMainWorld('holst', api);
// A dropped file's path (File.path is gone since Electron 32): folders dropped on the library are imported by path.
contextBridge.exposeInMainWorld('holstFiles', { pathForFile: (file: File) => webUtils.getPathForFile(file) });
