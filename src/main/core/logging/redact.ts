/**
 * Takes secrets out of text before it is written anywhere (log files, diagnostics): the exact
 * secrets the process knows (keys, tokens, the proxy password), and whatever looks like one by
 * shape, in case a library puts a header or a token somewhere nobody expected.
 */
const SHAPES: Array<[RegExp, string]> = [
  // Authorization / Proxy-Authorization headers, as text, JSON or an object dump.
  [/((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(?:Bearer|Basic)\s+)?[^\s"',}\]]+/gi, '$1••••'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g, '$1 ••••'],
  // API keys and tokens by their usual prefixes, and JWT/JWE-shaped tokens.
  [/\b(sk|pk|rk|gv|key)-[A-Za-z0-9_-]{8,}/g, '$1-••••'],
  [/\beyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)+/g, '••••'],
  // Secrets in URL query strings.
  [/([?&](?:key|api_key|apikey|token|access_token|password)=)[^&\s"']+/gi, '$1••••'],
  // Credentials inside a URL (scheme://user:password@host).
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)[^@\s/]+@/gi, '$1••••@'],
];

/** Data URIs are cut to their type and size: a picture's bytes say nothing useful in a log. */
const DATA_URI = /data:([a-z]+\/[a-z0-9.+-]+)?(;[a-z0-9=-]+)*;base64,([A-Za-z0-9+/=]{16})[A-Za-z0-9+/=]*/gi;

export function redact(text: string, secrets: Iterable<string> = []): string {
  let result = text;
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...secrets].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length)) {
    result = result.split(secret).join('••••');
  }
  result = result.replace(DATA_URI, (whole: string, mime: string | undefined) => {
    const bytes = Math.floor(((whole.length - whole.indexOf(',') - 1) * 3) / 4);
    return `data:${mime ?? ''};base64,…(${bytes} bytes cut)`;
  });
  for (const [shape, replacement] of SHAPES) result = result.replace(shape, replacement);
  return result;
}
