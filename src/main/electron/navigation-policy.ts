/**
 * What the window may navigate to. Kept free of Electron so it is tested in plain Node.
 * - `allow`: the app's own pages;
 * - `external`: an http(s) link, handed to the system browser instead;
 * - `deny`: everything else (file:, javascript:, data:, other schemes).
 */
export type NavigationDecision = 'allow' | 'external' | 'deny';

/**
 * `scheme://host[:port]`. Node's URL reports the origin of custom schemes such as `holst-app:`
 * as "null", so it is built by hand; null for anything that does not parse.
 */
export function originOf(target: string): string | null {
  try {
    const url = new URL(target);
    return url.host === '' ? null : `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}

export function decideNavigation(target: string, appOrigins: readonly string[]): NavigationDecision {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'deny';
  }
  const origin = originOf(target);
  if (origin !== null && appOrigins.includes(origin)) return 'allow';
  if ((url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '') return 'external';
  return 'deny';
}

/** In-page navigation away from the app is never allowed: links open outside or not at all. */
export function decideWillNavigate(target: string, currentUrl: string, appOrigins: readonly string[]): NavigationDecision {
  const decision = decideNavigation(target, appOrigins);
  if (decision !== 'allow') return decision;
  // Reloads and hash changes of the app itself are fine; a different app page is a client route.
  return originOf(target) === originOf(currentUrl) ? 'allow' : 'deny';
}
