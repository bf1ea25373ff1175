import { holst, unwrap } from '../../../bridge';

/**
 * Opens a link from an answer outside Holst, never in this window. The core checks it first; the
 * desktop app hands it to the system browser, while in a plain browser the page opens a new tab.
 */
export async function openLink(url: string): Promise<void> {
  const target = url.trim();
  const { opened } = await unwrap(holst.app.openExternal({ url: target }));
  // eslint-disable-next-line i18next/no-literal-string -- a window target and features, not text
  if (!opened) window.open(target, '_blank', 'noopener,noreferrer');
}
