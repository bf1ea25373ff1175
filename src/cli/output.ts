import type { ErrorCode, ErrorPayload } from '../shared/errors';

/** Exit status per error code, so scripts can branch without parsing text. */
const EXIT_CODES: Partial<Record<ErrorCode, number>> = {
  invalid_input: 2,
  config: 3,
  auth: 4,
  not_found: 5,
  network: 6,
  timeout: 6,
  storage: 7,
  cancelled: 130,
};

export function exitCodeFor(code: ErrorCode): number {
  return EXIT_CODES[code] ?? 1;
}

export interface Output {
  json: boolean;
  /** Prints a result: the object as one JSON line with --json, the text otherwise. */
  result(value: unknown, text: string): void;
  /** Prints an error and gives the exit status to use. */
  error(error: unknown): Promise<number>;
}

export function createOutput(
  json: boolean,
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
): Output {
  return {
    json,
    result(value, text) {
      stdout.write(json ? `${JSON.stringify(value)}\n` : text.endsWith('\n') ? text : `${text}\n`);
    },
    // The errors module (and zod with it) loads only when there is an error to print.
    async error(error) {
      const { toErrorPayload } = await import('../shared/errors');
      const payload: ErrorPayload = toErrorPayload(error);
      if (json) stdout.write(`${JSON.stringify({ error: { code: payload.code, message: payload.message } })}\n`);
      else stderr.write(`holst: ${payload.message}\n`);
      return exitCodeFor(payload.code);
    },
  };
}
