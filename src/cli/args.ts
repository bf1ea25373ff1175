import { parseArgs } from 'node:util';
import { HolstError } from '../shared/errors';

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

/** A command's flags, strictly: anything unknown or malformed is an `invalid_input` error. */
export function parseCommandArgs<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new HolstError('invalid_input', `${(error as Error).message}. Try "holst --help".`);
  }
}
