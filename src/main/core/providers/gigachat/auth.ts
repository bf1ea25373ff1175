import { createHash, randomUUID } from 'node:crypto';
import { say } from '../../../../shared/core-messages';
import { HolstError } from '../../../../shared/errors';
import { requireKey } from '../common';
import type { ProviderContext } from '../types';

interface Token {
  value: string;
  expiresAt: number;
}

/** Tokens per provider and key, for as long as the process lives; never written anywhere. */
const tokens = new Map<string, Token>();
const pending = new Map<string, Promise<Token>>();
const REFRESH_BEFORE_MS = 60_000;

const cacheKey = (ctx: ProviderContext) =>
  `${ctx.config.id}|${ctx.config.authUrl}|${createHash('sha256').update(requireKey(ctx)).digest('hex')}`;

/**
 * GigaChat's OAuth token: exchanged for the Basic authorization key at `authUrl`, kept in memory
 * until a minute before `expires_at` (milliseconds), and fetched once by concurrent callers.
 */
export async function gigachatToken(ctx: ProviderContext, signal?: AbortSignal, forceNew = false): Promise<string> {
  const key = cacheKey(ctx);
  const cached = tokens.get(key);
  if (!forceNew && cached && cached.expiresAt - REFRESH_BEFORE_MS > Date.now()) {
    ctx.http.addSecret(cached.value);
    return cached.value;
  }
  if (forceNew) tokens.delete(key);
  let request = pending.get(key);
  if (!request) {
    request = fetchToken(ctx, signal).finally(() => pending.delete(key));
    pending.set(key, request);
  }
  const token = await request;
  tokens.set(key, token);
  // The token is as secret as the key: this client's errors must never repeat it.
  ctx.http.addSecret(token.value);
  return token.value;
}

async function fetchToken(ctx: ProviderContext, signal?: AbortSignal): Promise<Token> {
  const authUrl = ctx.config.authUrl;
  if (!authUrl) throw HolstError.said('config', say('gigachatNoAuthUrl', { name: ctx.providerName }));
  const scope = ctx.config.scope ?? 'GIGACHAT_API_PERS';
  // The authorization key is base64 of "client id:client secret": the secret is kept out of errors too.
  const decoded = Buffer.from(requireKey(ctx), 'base64').toString('utf8');
  const clientSecret = decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : '';
  if (clientSecret.length >= 8) ctx.http.addSecret(clientSecret);
  let response;
  try {
    response = await ctx.http.request(authUrl, {
      method: 'POST',
      what: 'the token request',
      headers: {
        Authorization: `Basic ${requireKey(ctx)}`,
        RqUID: randomUUID(),
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: new URLSearchParams({ scope }).toString(),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof HolstError && error.code === 'auth') {
      // What GigaChat said stays, quoted; the status's own advice would repeat this one.
      throw HolstError.said('auth', say('gigachatKeyRejected', { name: ctx.providerName, scope }, error.said?.quote), { cause: error });
    }
    throw error;
  }
  const json = (await response.body.json().catch(() => null)) as { access_token?: unknown; expires_at?: unknown } | null;
  if (!json || typeof json.access_token !== 'string' || typeof json.expires_at !== 'number') {
    throw HolstError.said('invalid_response', say('gigachatNoToken', { name: ctx.providerName }));
  }
  // expires_at is documented in milliseconds; a value in seconds is converted rather than trusted.
  const expiresAt = json.expires_at < 1e12 ? json.expires_at * 1000 : json.expires_at;
  return { value: json.access_token, expiresAt };
}

/** Calls `run` with a token; on a 401 fetches a new token and tries exactly once more. */
export async function withGigachatToken<T>(
  ctx: ProviderContext,
  signal: AbortSignal | undefined,
  run: (token: string) => Promise<T>,
): Promise<T> {
  // A refused token request is final; only the API refusing a token it issued earns a fresh one.
  const token = await gigachatToken(ctx, signal);
  try {
    return await run(token);
  } catch (error) {
    if (!(error instanceof HolstError && error.code === 'auth' && /answered 401/.test(error.message))) throw error;
    return run(await gigachatToken(ctx, signal, true));
  }
}
