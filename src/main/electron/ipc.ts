import { ipcMain, type WebContents } from 'electron';
import { ipcChannelName, REQUEST_CHANNELS } from '../../shared/contract';
import { fail, HolstError } from '../../shared/errors';
import type { AppCore } from '../core/app-core';
import { APP_ORIGIN } from './app-protocol';
import { originOf } from './navigation-policy';

/**
 * Registers one handler per contract channel. The dispatcher validates every input; here we
 * also refuse calls from any frame that is not the app's own page.
 */
export function registerIpc(core: AppCore, devOrigin: string | null): () => void {
  const trusted = [APP_ORIGIN, ...(devOrigin ? [devOrigin] : [])];
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(ipcChannelName(channel), (event, input: unknown) => {
      const origin = event.senderFrame ? originOf(event.senderFrame.url) : null;
      if (origin === null || !trusted.includes(origin))
        return fail(new HolstError('invalid_input', 'Requests are only accepted from the Holst window.'));
      return core.dispatch(channel, input);
    });
  }
  return () => REQUEST_CHANNELS.forEach((channel) => ipcMain.removeHandler(ipcChannelName(channel)));
}

/** Forwards the core's events to a window for as long as it lives. */
export function forwardEvents(core: AppCore, contents: WebContents): void {
  const unsubscribe = core.events.subscribe((name, payload) => {
    if (!contents.isDestroyed()) contents.send(ipcChannelName(name), payload);
  });
  contents.once('destroyed', unsubscribe);
}
