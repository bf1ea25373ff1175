import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { ProgressLine } from '../../../shared/generation';

/**
 * A provider that answers 429 (too many requests) is waited out by the queue, not by the request:
 * the job goes back in the queue, holding no place, and goes again after the provider's Retry-After
 * (or, when it gave none, a back-off doubling from `backoffMs`). At most `max` times; a wait longer
 * than `maxWaitMs` is not waited. Mutable only so tests can make it fast; nothing else changes it.
 */
export const RATE_LIMIT_RETRIES = { max: 3, backoffMs: 2000, maxWaitMs: 10 * 60_000 };

/** What to do with a job that failed with `error` after `retries` waits: wait `delayMs` and go again, fail with `error`, or neither (not a 429). */
export type RateLimitDecision = { wait: true; delayMs: number; line: ProgressLine } | { wait: false; error: HolstError } | null;

export function rateLimitDecision(error: unknown, retries: number, providerName: string, now = Date.now()): RateLimitDecision {
  if (!(error instanceof HolstError) || error.code !== 'rate_limited') return null;
  const delayMs = error.retryAfterMs ?? RATE_LIMIT_RETRIES.backoffMs * 2 ** retries;
  if (delayMs > RATE_LIMIT_RETRIES.maxWaitMs) return { wait: false, error };
  if (retries >= RATE_LIMIT_RETRIES.max) {
    const tries = retries + 1;
    return {
      wait: false,
      error: HolstError.said('rate_limited', say('queueRateLimitedGaveUp', { name: providerName, tries }), { cause: error }),
    };
  }
  const time = clock(now + delayMs);
  const line = say('queueRateLimitedUntil', { name: providerName, time, retry: retries + 1, of: RATE_LIMIT_RETRIES.max });
  return { wait: true, delayMs, line: { message: line.message, key: line.key, params: line.params } };
}

/** A moment as the local time of day, HH:MM:SS (the same in every language the window speaks). */
function clock(ms: number): string {
  const at = new Date(ms);
  return [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
