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

/** A library or conversation id given on the command line: a plain positive whole number. */
export function parseId(value: string, flag: string, field = flag.replace(/^--/, '')): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value))
    throw new HolstError('invalid_input', `Expected an id (a whole number such as 12) for ${flag}, not "${value}".`, { field });
  return Number(value);
}
