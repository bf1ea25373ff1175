import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { Agent, ProxyAgent, request, type Dispatcher, type FormData as UndiciFormData } from 'undici';
import { say, type CoreMessageKey, type RequestSubject } from '../../../shared/core-messages';
import { HolstError, type ErrorCode } from '../../../shared/errors';
import type { RetryNotice } from '../../../shared/generation';
import { knownSecrets, rememberSecret } from '../logging/known-secrets';
import type { Logger } from '../logging/log';
import { redact } from '../logging/redact';

export interface ProviderHttpOptions {
  /** The provider's name, for messages ("GigaChat rejected …"). */
  providerName: string;
  /** PEM file of an extra CA trusted for this provider only (e.g. the Russian Trusted Root CA). */
  caFile?: string;
  /** `http://host:port` or `https://host:port`; credentials are passed separately. */
  proxy?: { url: string; username?: string; password?: string };
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number };
  /** Retries after 429 and 5xx (never after other 4xx). */
  maxRetries?: number;
  /** The longest wait a Retry-After may ask for before we give up instead. */
  maxRetryDelayMs?: number;
  /** Strings that must never appear in an error message (keys, tokens). */
  secrets?: () => string[];
  /** Where failed requests are noted (the app's log, which redacts again). */
  logger?: Logger;
  /** Told before each wait to try again after a 429 or 5xx, so the person waiting is too. */
  onRetry?: (notice: RetryNotice) => void;
  /**
   * `retry` (the default): a 429 is tried again here, holding the caller. `report`: it is thrown at
   * once as `rate_limited` with the wait asked for, for the generation queue to wait it out without
   * holding a place (generation-queue.ts).
   */
  rateLimits?: 'retry' | 'report';
}

export interface ProviderRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | Uint8Array | UndiciFormData;
  signal?: AbortSignal;
  /** What this call is, for messages: "the token request", "the image download". */
  what: RequestSubject;
  /** Don't retry (e.g. a request that already streamed part of an answer). */
  noRetry?: boolean;
  /** Statuses (4xx) the caller reads itself: answered as they came, not thrown (Givon's unknown job). */
  accept?: number[];
}

export type ProviderResponse = Dispatcher.ResponseData;

const DEFAULT_TIMEOUTS = { connectMs: 15_000, headersMs: 120_000, bodyMs: 120_000 };

/**
 * One provider's HTTP client: its own undici dispatcher (timeouts, proxy, extra CA added to the
 * system roots, TLS verification always on), retries with back-off for 429 and 5xx honouring
 * Retry-After, cancellation, and errors with our codes and messages a person can act on.
 */
export class ProviderHttp {
  readonly dispatcher: Dispatcher;

  constructor(private readonly options: ProviderHttpOptions) {
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    const ca = options.caFile ? caBundle(options.caFile, options.providerName) : undefined;
    const connect = { timeout: timeouts.connectMs, ...(ca ? { ca } : {}) };
    const common = { headersTimeout: timeouts.headersMs, bodyTimeout: timeouts.bodyMs };
    if (options.proxy) {
      const { url, username, password } = options.proxy;
      const token = username ? `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}` : undefined;
      this.dispatcher = new ProxyAgent({ uri: url, ...(token ? { token } : {}), requestTls: connect, proxyTls: connect, ...common });
    } else {
      this.dispatcher = new Agent({ connect, ...common });
    }
  }

  async request(url: string, init: ProviderRequest): Promise<ProviderResponse> {
    const maxRetries = init.noRetry ? 0 : (this.options.maxRetries ?? 3);
    for (let attempt = 0; ; attempt++) {
      let response: ProviderResponse;
      try {
        response = await request(url, {
          dispatcher: this.dispatcher,
          method: init.method ?? 'GET',
          headers: init.headers,
          body: init.body as never,
          signal: init.signal,
        });
      } catch (error) {
        const failure = this.networkError(error, init);
        if (failure.code !== 'cancelled') this.note(init, url, `failed: ${failure.message}`, error);
        throw failure;
      }
      if (response.statusCode < 400 || init.accept?.includes(response.statusCode)) return response;
      const retryable = (response.statusCode === 429 && this.options.rateLimits !== 'report') || response.statusCode >= 500;
      const delay = retryable && attempt < maxRetries ? this.retryDelay(response, attempt) : null;
      if (delay === null) {
        const failure = await this.statusError(response, init);
        this.note(init, url, `answered ${response.statusCode} (${failure.code}): ${failure.message}`);
        throw failure;
      }
      this.note(init, url, `answered ${response.statusCode}; retrying in ${Math.round(delay)} ms`);
      this.options.onRetry?.({ status: response.statusCode, delayMs: delay, retry: attempt + 1, of: maxRetries });
      await response.body.dump().catch(() => undefined);
      await sleep(delay, init.signal).catch(() => {
        throw HolstError.said('cancelled', say('providerCancelled', { name: this.options.providerName }));
      });
    }
  }

  get providerName(): string {
    return this.options.providerName;
  }

  /** Adds a secret this client came to hold (an access token) to those its errors must never contain. */
  addSecret(secret: string): void {
    rememberSecret(secret);
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }

  /** One line in the log per failed or retried request: the method, where (without its query) and what happened. */
  private note(init: ProviderRequest, url: string, what: string, cause?: unknown): void {
    const where = url.replace(/[?#].*$/, '');
    const line = `${this.options.providerName}: ${init.method ?? 'GET'} ${where} (${init.what}) ${what}`;
    if (cause === undefined) this.options.logger?.warn(line);
    else this.options.logger?.error(line, cause);
  }

  /** Retry-After in seconds or as an HTTP date; otherwise exponential back-off with jitter. */
  private retryDelay(response: ProviderResponse, attempt: number): number | null {
    const said = headerValue(response.headers['retry-after']);
    let delay = 500 * 2 ** attempt + Math.random() * 250;
    if (said !== undefined) delay = retryAfterMs(response.headers) ?? 1000;
    return delay > (this.options.maxRetryDelayMs ?? 60_000) ? null : Math.max(0, delay);
  }

  async statusError(response: ProviderResponse, init: Pick<ProviderRequest, 'what'>): Promise<HolstError> {
    const text = await response.body.text().catch(() => '');
    // Redact the whole body first: cutting it short could leave part of a secret behind.
    const detail = this.redact(providerMessage(this.redact(text)));
    const status = response.statusCode;
    const name = this.options.providerName;
    const [code, meaning] = STATUS_MEANING[status] ?? (status >= 500 ? STATUS_MEANING[500]! : STATUS_MEANING[400]!);
    // A 429 carries the wait it asked for, so whoever tries again (the generation queue) waits that long.
    const wait = status === 429 ? retryAfterMs(response.headers) : undefined;
    return HolstError.said(code, say(meaning, { name, status, what: init.what }, detail), wait !== undefined ? { retryAfterMs: wait } : {});
  }

  private networkError(error: unknown, init: ProviderRequest): HolstError {
    if (error instanceof HolstError) return error;
    const name = this.options.providerName;
    const err = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
    const code = err.code ?? err.cause?.code ?? '';
    // undici reports a proxy's refusal of the tunnel as an aborted request: tell it apart from a cancel.
    const proxyStatus = /Proxy response \((\d{3})\)/.exec(err.message ?? '')?.[1];
    if (proxyStatus && !init.signal?.aborted) {
      const refusal =
        proxyStatus === '407'
          ? say('proxyRefusedLogin', { name, what: init.what })
          : say('proxyRefused', { name, what: init.what, status: proxyStatus });
      return HolstError.said('network', refusal, { cause: error });
    }
    if (isCancel(err, code, init.signal)) return HolstError.said('cancelled', say('providerCancelled', { name }), { cause: error });
    if (code === 'UND_ERR_CONNECT_TIMEOUT')
      return HolstError.said('timeout', say('providerConnectTimeout', { name, what: init.what }), { cause: error });
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
      return HolstError.said('timeout', say('providerStoppedAnswering', { name, what: init.what }), { cause: error });
    if (TLS_CODES.has(code)) return HolstError.said('network', say('providerTlsUntrusted', { name, code }), { cause: error });
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      return HolstError.said('network', say('providerDnsFailed', { name, what: init.what }), { cause: error });
    const reason = this.redact(err.cause?.message ?? err.message ?? code);
    return HolstError.said('network', say('providerUnreachable', { name, what: init.what, reason }), { cause: error });
  }

  /** The log's redaction: this client's secrets and every one the process has held, and credential shapes. */
  private redact(text: string): string {
    return redact(text, [...(this.options.secrets?.() ?? []), ...knownSecrets()]);
  }
}

/** A header's first value, or undefined when it is absent or blank. */
function headerValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** A Retry-After header in ms: seconds, or an HTTP date (a date passed is 0). Undefined when absent or unreadable. */
export function retryAfterMs(headers: ProviderResponse['headers'], now = Date.now()): number | undefined {
  const value = headerValue(headers['retry-after']);
  if (value === undefined) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/** The system roots plus a provider's extra CA (PEM): the trust its connections, and Test connection, use. */
export function caBundle(caFile: string, providerName: string): string[] {
  try {
    return [...tls.rootCertificates, readFileSync(caFile, 'utf8')];
  } catch (error) {
    const reason = (error as Error).message;
    throw HolstError.said('config', say('providerCaFileUnreadable', { file: caFile, name: providerName, reason }), { cause: error });
  }
}

/** A request that ended because it was cancelled (our signal), not because anything failed. */
function isCancel(err: { name?: string }, code: string | undefined, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || err.name === 'AbortError' || code === 'UND_ERR_ABORTED';
}

/**
 * What went wrong while a body was being read (after the status line arrived): the request was
 * cancelled, the provider stalled past the body timeout, or the connection was cut.
 */
export function bodyReadError(
  error: unknown,
  about: { providerName: string; what: RequestSubject; signal?: AbortSignal | undefined },
): HolstError {
  if (error instanceof HolstError) return error;
  const err = error as { name?: string; code?: string; message?: string };
  const { providerName: name, what } = about;
  if (isCancel(err, err.code, about.signal)) return HolstError.said('cancelled', say('providerCancelled', { name }), { cause: error });
  if (err.code === 'UND_ERR_BODY_TIMEOUT') return HolstError.said('timeout', say('providerStalled', { name, what }), { cause: error });
  const reason = err.code ?? err.message ?? 'unknown';
  return HolstError.said('network', say('providerCutOff', { name, what, reason }), { cause: error });
}

/** A body's chunks, with any failure to read them turned into a typed error (see bodyReadError). */
export async function* typedBody(
  body: AsyncIterable<Uint8Array>,
  about: { providerName: string; what: RequestSubject; signal?: AbortSignal | undefined },
): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of body) yield chunk;
  } catch (error) {
    throw bodyReadError(error, about);
  }
}

const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

/** A status's error code, and the sentence that says what it means and what to do. */
const STATUS_MEANING: Record<number, [ErrorCode, CoreMessageKey & `providerAnswered${number}`]> = {
  400: ['bad_request', 'providerAnswered400'],
  401: ['auth', 'providerAnswered401'],
  402: ['provider_error', 'providerAnswered402'],
  403: ['auth', 'providerAnswered403'],
  404: ['not_found', 'providerAnswered404'],
  413: ['bad_request', 'providerAnswered413'],
  422: ['bad_request', 'providerAnswered422'],
  429: ['rate_limited', 'providerAnswered429'],
  500: ['provider_error', 'providerAnswered500'],
};

/** The human part of a provider's error body: `{error:{message}}`, `{message}`, or short plain text. */
export function providerMessage(text: string): string {
  try {
    const json = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown };
    const candidate = typeof json.error === 'object' ? json.error?.message : (json.error ?? json.message ?? json.detail);
    if (typeof candidate === 'string') return candidate.slice(0, 300);
  } catch {
    // not JSON
  }
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 0 && plain.length <= 200 ? plain : '';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))), { once: true });
  });
}
