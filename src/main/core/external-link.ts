import { HolstError } from '../../shared/errors';

/** Schemes a link in an answer may open outside Holst: the web and mail, nothing that runs or reads files. */
const OPENABLE = new Set(['http:', 'https:', 'mailto:']);

/** The link as the system browser gets it; `invalid_input` for anything Holst will not open. */
export function externalLinkUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new HolstError('invalid_input', `"${raw.slice(0, 80)}" is not a web address, so Holst cannot open it.`, { field: 'url' });
  }
  if (!OPENABLE.has(url.protocol)) {
    throw new HolstError('invalid_input', `Holst opens only http, https and mailto links, not ${url.protocol} links.`, { field: 'url' });
  }
  // A user name or password in a link is a classic way to disguise where it leads.
  if (url.username !== '' || url.password !== '') {
    throw new HolstError('invalid_input', 'This link carries a user name or password; Holst does not open such links.', { field: 'url' });
  }
  return url.href;
}
