import { HolstError } from '../../shared/errors';
import type { CliContext } from '../context';

export async function settingsCommand(ctx: CliContext): Promise<void> {
  const [sub] = ctx.args;
  if (sub === 'path') {
    const core = await ctx.core();
    // Not core.info(): where keys are kept is no part of the answer, and asking would probe the keychain.
    const settingsFile = core.settings.file;
    ctx.out.result({ dataDir: ctx.dataDir, settingsFile }, `${ctx.dataDir}\n${settingsFile}`);
    return;
  }
  if (sub === 'show') {
    const core = await ctx.core();
    const settings = core.settings.get();
    ctx.out.result({ settings }, JSON.stringify(settings, null, 2));
    return;
  }
  throw new HolstError('invalid_input', `Unknown command "settings ${sub ?? ''}". Try "holst --help".`);
}
