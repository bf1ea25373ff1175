import { HolstError } from '../../shared/errors';
import type { Selection } from '../../shared/library';
import { parseCommandArgs, parseId } from '../args';
import type { CliContext } from '../context';
import { hasLibraryFilters, LIBRARY_FILTER_FLAGS, libraryFilters } from './library-filters';

export const libraryBulkHelp = `holst library trash|restore|favorite [--off] (ID... | --ids 1,2,3 | --query Q and list filters)
holst library tag|untag TAG (ID... | --ids 1,2,3 | --query Q and list filters)
                   act on many images at once (one transaction); prints how many changed`;

export const BULK_COMMANDS = ['trash', 'restore', 'favorite', 'tag', 'untag'] as const;
type BulkCommand = (typeof BULK_COMMANDS)[number];

/** The images a bulk command names: ids (positional or --ids) or the filters' view, never both. */
function selectionOf(command: BulkCommand, ids: number[], values: Parameters<typeof libraryFilters>[0]): Selection {
  const filtered = hasLibraryFilters(values);
  if (filtered && ids.length > 0)
    throw new HolstError('invalid_input', 'Choose images either by id (ID or --ids) or by --query and filters, not both.', {
      field: 'ids',
    });
  if (!filtered && ids.length === 0)
    throw new HolstError(
      'invalid_input',
      `Say which images: e.g. "holst library ${command} 12 13" or "holst library ${command} --query fox".`,
      {
        field: 'ids',
      },
    );
  if (ids.length > 0) return { ids };
  // Restoring acts on the trash: its filters choose among trashed images.
  return { view: { ...libraryFilters(values), ...(command === 'restore' ? { trashed: true } : {}) }, except: [] };
}

export async function bulkCommand(ctx: CliContext, command: BulkCommand, args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...LIBRARY_FILTER_FLAGS, ids: { type: 'string' }, off: { type: 'boolean' } },
    true,
  );
  const tagged = command === 'tag' || command === 'untag';
  const tag = tagged ? positionals.shift()?.trim() : undefined;
  if (tagged && !tag) throw new HolstError('invalid_input', `Name the tag: e.g. "holst library ${command} sea 12 13".`, { field: 'tag' });
  if (values.off && command !== 'favorite') throw new HolstError('invalid_input', '--off goes with "favorite" only.', { field: 'off' });
  const listed = values.ids === undefined ? [] : (values.ids as string).split(',').map((s) => parseId(s.trim(), '--ids'));
  const ids = [...new Set([...positionals.map((p) => parseId(p, 'ID', 'id')), ...listed])];
  const selection = selectionOf(command, ids, values);

  const { library } = await ctx.core();
  const result =
    command === 'trash'
      ? library.bulk.trash(selection)
      : command === 'restore'
        ? library.bulk.restore(selection)
        : command === 'favorite'
          ? library.bulk.setFavorite(selection, !values.off)
          : library.bulk.tagMany(selection, command === 'tag' ? [tag!] : [], command === 'untag' ? [tag!] : []);
  ctx.out.result({ count: result.count }, `${result.count} ${result.count === 1 ? 'image' : 'images'} changed`);
}
