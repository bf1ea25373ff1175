// A provider that says "too many requests" for a while: the next `times` matching requests of a
// reference server are answered 429, with a Retry-After in seconds, as an HTTP date, or none (then
// the client backs off on its own). Every reference server's quirk queue takes it; the body is the
// OpenAI-style error most of them speak.
import type { ReferenceServer } from './reference-server';

export interface RateLimitOptions {
  /** How many requests in a row are refused (default 1). */
  times?: number;
  /** Only requests whose path contains this (default: any). */
  path?: string;
  method?: string;
  /** Seconds (`'2'`), an HTTP date (a Date, sent as its UTC string), or undefined for no Retry-After. */
  retryAfter?: string | Date;
}

export function rateLimitNext(server: Pick<ReferenceServer, 'quirks'>, options: RateLimitOptions = {}): void {
  const { retryAfter } = options;
  const header: Record<string, string> =
    retryAfter === undefined ? {} : { 'retry-after': retryAfter instanceof Date ? retryAfter.toUTCString() : retryAfter };
  server.quirks.push({
    ...(options.path ? { path: options.path } : {}),
    ...(options.method ? { method: options.method } : {}),
    times: options.times ?? 1,
    status: 429,
    headers: header,
    body: { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } },
  });
}
