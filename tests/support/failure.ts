import type { HolstError } from '../../src/shared/errors';

/** The error a promise rejects with, or null when it resolves: for asserting on typed failures. */
export const failure = (promise: Promise<unknown>): Promise<HolstError | null> =>
  promise.then(
    () => null,
    (e: unknown) => e as HolstError,
  );
