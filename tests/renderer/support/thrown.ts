import { HolstError } from '../../../src/shared/errors';

/** The HolstError that `run` throws (or rejects with); anything else, or nothing thrown, fails the test. */
export async function thrown(run: () => unknown): Promise<HolstError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof HolstError) return error;
    throw error;
  }
  throw new Error('expected a HolstError');
}
