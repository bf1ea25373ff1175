import { toErrorPayload, type ErrorCode, type ErrorPayload } from '../shared/errors';
import { printResult } from './print';

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
  /** Prints an error and returns the exit status to use. */
  error(error: unknown): number;
}

export function createOutput(
  json: boolean,
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
): Output {
  return {
    json,
    result(value, text) {
      printResult(json, value, text, stdout);
    },
    error(error) {
      const payload: ErrorPayload = toErrorPayload(error);
      if (json) stdout.write(`${JSON.stringify({ error: { code: payload.code, message: payload.message } })}\n`);
      else stderr.write(`holst: ${payload.message}\n`);
      return exitCodeFor(payload.code);
    },
  };
}
