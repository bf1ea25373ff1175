import * as z from 'zod';
import { SaidSchema, say, type CoreSentence } from './core-messages';

/** Every error the app, the CLI and the UI can report. One list, shared by all of them. */
export const ERROR_CODES = [
  'invalid_input',
  'config',
  'auth',
  'rate_limited',
  'bad_request',
  'not_found',
  'provider_error',
  'network',
  'timeout',
  'invalid_response',
  'no_image',
  'cancelled',
  'storage',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorPayloadSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** The input field at fault, for `invalid_input` (e.g. `providers.0.baseUrl`). */
  field: z.string().optional(),
  /** The kind of a refusal, for the window to say in its language (an import's `damaged`, `tooLarge`…). */
  why: z.string().max(40).optional(),
  /** For `why: 'tooLarge'`: the limit gone over, in bytes. */
  maxBytes: z.number().int().nonnegative().optional(),
  /** For `rate_limited`: how long the provider asked to wait (its Retry-After), in ms; absent when it did not say. */
  retryAfterMs: z.number().nonnegative().optional(),
  /** The message as a key of the core's catalogue (core-messages.ts) and its parameters, for the window's language. */
  ...SaidSchema.shape,
});
export type ErrorPayload = z.infer<typeof ErrorPayloadSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

interface HolstErrorOptions {
  field?: string;
  cause?: unknown;
  why?: string;
  maxBytes?: number;
  retryAfterMs?: number;
  said?: CatalogueSentence;
}

/** A sentence of the core's catalogue as it travels (its key unchecked once it has crossed IPC). */
type CatalogueSentence = { key: string; params?: Record<string, string> | undefined; quote?: string | undefined };

export class HolstError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly why: string | undefined;
  readonly maxBytes: number | undefined;
  /** For `rate_limited`: the wait the provider asked for (Retry-After), in ms, when it said. */
  readonly retryAfterMs: number | undefined;
  /** The same message as a key and parameters of the core's catalogue, when it has one. */
  readonly said: CatalogueSentence | undefined;

  constructor(code: ErrorCode, message: string, options?: HolstErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HolstError';
    this.code = code;
    this.field = options?.field;
    this.why = options?.why;
    this.maxBytes = options?.maxBytes;
    this.retryAfterMs = options?.retryAfterMs;
    this.said = options?.said;
  }

  /** An error whose message is one of the core's catalogued sentences (see `say` in core-messages.ts). */
  static said(code: ErrorCode, sentence: CoreSentence, options?: Omit<HolstErrorOptions, 'said'>): HolstError {
    const { message, ...said } = sentence;
    return new HolstError(code, message, { ...options, said });
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message };
    if (this.field !== undefined) payload.field = this.field;
    if (this.why !== undefined) payload.why = this.why;
    if (this.maxBytes !== undefined) payload.maxBytes = this.maxBytes;
    if (this.retryAfterMs !== undefined) payload.retryAfterMs = this.retryAfterMs;
    if (this.said) {
      payload.key = this.said.key;
      if (this.said.params !== undefined) payload.params = this.said.params;
      if (this.said.quote !== undefined) payload.quote = this.said.quote;
    }
    return payload;
  }
}

export function isHolstError(value: unknown): value is HolstError {
  return value instanceof HolstError;
}

/**
 * Turns anything thrown into a payload safe to show. Only HolstError messages are passed on:
 * other errors may carry paths, headers or secrets, so they become a generic `internal` error.
 */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (isHolstError(error)) return error.toPayload();
  const { key, params, message } = say('internalError', {});
  return { code: 'internal', message, key, params };
}

/** Builds an `invalid_input` error from a zod failure, naming the first field at fault. */
export function invalidInput(error: z.ZodError, what = 'input'): HolstError {
  const { field, reason } = zodProblem(error);
  if (field === undefined) return HolstError.said('invalid_input', say('invalidInput', { input: what, reason }));
  return HolstError.said('invalid_input', say('invalidInputAt', { input: what, field, reason }), { field });
}

/** A zod failure's first problem: the field at fault (dotted, when it has one) and the check's own words. */
export function zodProblem(error: z.ZodError): { field: string | undefined; reason: string } {
  const issue = error.issues[0] && deepestIssue(error.issues[0]);
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  return { field, reason: issue ? issue.message : 'invalid' };
}

/**
 * For an input matching no branch of a union, the issue of the branch it came closest to (the one
 * whose problem lies deepest), with its full path: `view.source`, not an unnamed "invalid input".
 */
function deepestIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const candidates = issue.errors.flatMap((branch) => branch.slice(0, 1)).map(deepestIssue);
  const best = candidates.reduce((a, b) => (b.path.length > a.path.length ? b : a), candidates[0]!);
  return { path: [...issue.path, ...best.path], message: best.message };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: unknown): Result<T> {
  return { ok: false, error: toErrorPayload(error) };
}
