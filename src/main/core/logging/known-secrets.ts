/**
 * Every secret this process has held (API keys read from the keychain or the environment, access
 * tokens, the proxy password), so the log can take them out of anything it is asked to write.
 * Only in memory; the most recent ones are kept.
 */
const secrets = new Set<string>();
const MAX = 500;

export function rememberSecret(secret: string | null | undefined): void {
  if (!secret || secret.length < 6) return;
  secrets.delete(secret);
  secrets.add(secret);
  if (secrets.size > MAX) secrets.delete(secrets.values().next().value!);
}

export function knownSecrets(): Iterable<string> {
  return secrets;
}
