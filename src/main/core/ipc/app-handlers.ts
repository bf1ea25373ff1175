import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import { diagnostics } from '../diagnostics';
import { externalLinkUrl } from '../external-link';
import { UPDATES_UNAVAILABLE } from '../update/update-state';
import type { NamespaceHandlers } from './dispatcher';
import type { HandlerCore } from './handler-core';

/** `app.*`: what the app is, its notices, its log and diagnostics, links, updates. */
export function createAppHandlers(core: HandlerCore): NamespaceHandlers<'app'> {
  const { notices, desktop } = core;
  return {
    'app.info': () => core.info(),
    'app.notices': () => notices.list(),
    'app.dismissNotice': ({ id }) => {
      notices.dismiss(id);
      return null;
    },
    'app.diagnostics': async () => ({ text: await diagnostics(core) }),
    'app.openLogsFolder': async () => {
      const folder = core.log?.dir ?? null;
      if (!folder || !desktop) return { path: folder, opened: false };
      await desktop.openFolder(folder).catch((error: Error) => {
        throw HolstError.said('storage', say('logsFolderOpenFailed', { folder, reason: error.message }));
      });
      return { path: folder, opened: true };
    },
    'app.openExternal': async ({ url }) => {
      const target = externalLinkUrl(url);
      // Without a desktop (browser harness, CLI) the page opens the checked link itself.
      if (!desktop) return { opened: false };
      await desktop.openExternal(target).catch((error: Error) => {
        throw HolstError.said('internal', say('linkOpenFailed', { url: target, reason: error.message }));
      });
      return { opened: true };
    },
    'app.checkForUpdates': () => desktop?.checkForUpdates?.() ?? UPDATES_UNAVAILABLE,
    'app.updateStatus': () => desktop?.updateStatus?.() ?? UPDATES_UNAVAILABLE,
  };
}
