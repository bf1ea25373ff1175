import { HolstError } from '../../shared/errors';
import { parseCommandArgs } from '../args';
import type { CliContext } from '../context';
import { cliSelection, SELECTION_FLAGS } from './library-selection';

export const BULK_COMMANDS = ['trash', 'restore', 'favorite', 'tag', 'untag'] as const;
type BulkCommand = (typeof BULK_COMMANDS)[number];

export async function bulkCommand(ctx: CliContext, command: BulkCommand, args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { ...SELECTION_FLAGS, off: { type: 'boolean' } }, true);
  const tagged = command === 'tag' || command === 'untag';
  const tag = tagged ? positionals.shift()?.trim() : undefined;
  if (tagged && !tag) throw new HolstError('invalid_input', `Name the tag: e.g. "holst library ${command} sea 12 13".`, { field: 'tag' });
  if (values.off && command !== 'favorite') throw new HolstError('invalid_input', '--off goes with "favorite" only.', { field: 'off' });
  const usage = `holst library ${command}${tagged ? ' sea' : ''}`;
  const chosen = cliSelection(values, positionals, `e.g. "${usage} 12 13" or "${usage} --query fox"`);
  // Restoring acts on the trash: its filters choose among trashed images.
  const selection = command === 'restore' && 'view' in chosen ? { ...chosen, view: { ...chosen.view, trashed: true } } : chosen;

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
