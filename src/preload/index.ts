/** Builds `window.holst` from the contract: declared channels only, no raw ipcRenderer. */
import { contextBridge, ipcRenderer } from 'electron';
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
