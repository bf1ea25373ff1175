import { HolstError } from '../../shared/errors';
import type { Selection } from '../../shared/library';
import { parseId } from '../args';
import { hasLibraryFilters, LIBRARY_FILTER_FLAGS, libraryFilters } from './library-filters';

/** The flags that choose images for a command acting on many: `--ids` and the list filters. */
export const SELECTION_FLAGS = { ...LIBRARY_FILTER_FLAGS, ids: { type: 'string' } } as const;

type SelectionValues = Parameters<typeof libraryFilters>[0] & { ids?: string | boolean | Array<string | boolean> };

/**
 * The images a command names: ids (positional `ID...` and `--ids 1,2,3`), or every match of the
 * filters; never both, never neither. Errors are `invalid_input` naming the flag; `example` shows
 * how to say which images (e.g. `"holst library trash 12 13"`).
 */
export function cliSelection(values: SelectionValues, positionals: string[], example: string): Selection {
  const named = positionals.map((p) => {
    if (!/^[1-9][0-9]{0,15}$/.test(p))
      throw new HolstError('invalid_input', `"${p}" is not an image id (a whole number such as 12); ${example}.`, { field: 'id' });
    return Number(p);
  });
  const listed =
    values.ids === undefined
      ? []
      : String(values.ids)
          .split(',')
          .map((s) => parseId(s.trim(), '--ids'));
  const ids = [...new Set([...named, ...listed])];
  const filtered = hasLibraryFilters(values);
  if (filtered && ids.length > 0)
    throw new HolstError('invalid_input', 'Choose images either by id (ID or --ids) or by --query and filters, not both.', {
      field: 'ids',
    });
  if (!filtered && ids.length === 0) throw new HolstError('invalid_input', `Say which images: ${example}.`, { field: 'ids' });
  return ids.length > 0 ? { ids } : { view: libraryFilters(values), except: [] };
}
