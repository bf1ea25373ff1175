import { strict } from './strict';
import type { StandinIpcMainHandle } from './web';

export const CONTEXT_BRIDGE_MEMBERS = ['exposeInMainWorld'] as const satisfies readonly (keyof Electron.ContextBridge)[];
const CONTEXT_BRIDGE_HELPERS = ['world'] as const;

/** The preload's side of the context bridge: what it exposes lands in `world` (the page's `window`). */
class StandinContextBridge implements Pick<Electron.ContextBridge, (typeof CONTEXT_BRIDGE_MEMBERS)[number]> {
  readonly world: Record<string, unknown> = {};

  exposeInMainWorld(apiKey: string, api: unknown): void {
    // Electron's own refusal, word for word.
    if (apiKey in this.world) throw new Error('Cannot bind an API on top of an existing property on the window object');
    this.world[apiKey] = api;
  }
}

export type StandinContextBridgeHandle = Pick<Electron.ContextBridge, (typeof CONTEXT_BRIDGE_MEMBERS)[number]> &
  Pick<StandinContextBridge, (typeof CONTEXT_BRIDGE_HELPERS)[number]>;

export function createContextBridge(): StandinContextBridgeHandle {
  return strict('contextBridge', new StandinContextBridge(), CONTEXT_BRIDGE_MEMBERS, CONTEXT_BRIDGE_HELPERS);
}

export const IPC_RENDERER_MEMBERS = ['invoke'] as const satisfies readonly (keyof Electron.IpcRenderer)[];

/** `ipcRenderer.invoke` from the app's own page, answered by main's `ipcMain.handle` (events to the page are not modelled). */
export function createIpcRenderer(ipcMain: StandinIpcMainHandle): Pick<Electron.IpcRenderer, (typeof IPC_RENDERER_MEMBERS)[number]> {
  const invoke = (channel: string, ...args: unknown[]) => ipcMain.invoke(channel, 'holst-app://app/index.html', ...args);
  return strict('ipcRenderer', { invoke }, IPC_RENDERER_MEMBERS);
}
