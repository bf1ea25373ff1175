// Errors on request, for the demo servers: a prompt naming an error ("error 429", "ошибка 500",
// "error 401") gets it from the provider's main call. 429 (with a Retry-After of 2 s, long enough to read the window's countdown) and 500 come once and
// the client's retry succeeds, as a passing overload would; 401 comes every time, as a wrong key.
// Each server answers the status in its own error format.

export interface RequestedError {
  status: 401 | 429 | 500;
  headers: Record<string, string>;
  message: string;
}

const ASKED = /(?<!\p{L})(?:error|ошибк\p{L}*)\s*(401|429|500)(?!\d)/iu;

const MESSAGES: Record<RequestedError['status'], string> = {
  401: 'Unauthorized: this demo answers 401 to every prompt that asks for "error 401".',
  429: 'Too many requests: this demo answers 429 once to a prompt that asks for "error 429"; try again in a second.',
  500: 'Internal server error: this demo answers 500 once to a prompt that asks for "error 500".',
};

/** `type` and `code` of OpenAI's errors for the statuses a prompt may ask for. */
export const OPENAI_ERROR_KINDS: Record<RequestedError['status'], { type: string; code: string | null }> = {
  401: { type: 'invalid_request_error', code: 'invalid_api_key' },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
  500: { type: 'server_error', code: null },
};

export class RequestedErrors {
  /** Prompts that just failed once: their next request goes through. */
  private readonly failedOnce = new Set<string>();

  /** The error this prompt asks for now, or undefined when it should be answered normally. */
  take(prompt: string): RequestedError | undefined {
    const status = Number(ASKED.exec(prompt)?.[1]) as RequestedError['status'] | 0;
    if (!status) return undefined;
    if (status !== 401 && this.failedOnce.delete(prompt)) return undefined;
    if (status !== 401) this.failedOnce.add(prompt);
    return { status, headers: status === 429 ? { 'retry-after': '2' } : {}, message: MESSAGES[status] };
  }
}
