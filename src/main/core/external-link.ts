import { say } from '../../shared/core-messages';
import { HolstError } from '../../shared/errors';

/** Schemes a link in an answer may open outside Holst: the web and mail, nothing that runs or reads files. */
const OPENABLE = new Set(['http:', 'https:', 'mailto:']);

/** The link as the system browser gets it; `invalid_input` for anything Holst will not open. */
export function externalLinkUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw HolstError.said('invalid_input', say('linkNotAddress', { link: raw.slice(0, 80) }), { field: 'url' });
  }
  if (!OPENABLE.has(url.protocol)) {
    throw HolstError.said('invalid_input', say('linkScheme', { scheme: url.protocol }), { field: 'url' });
  }
  // A user name or password in a link is a classic way to disguise where it leads.
  if (url.username !== '' || url.password !== '') {
    throw HolstError.said('invalid_input', say('linkHasLogin', {}), { field: 'url' });
  }
  return url.href;
}
