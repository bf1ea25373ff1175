/**
 * Runs the command `holst` was given: main.ts loads this (built as out/cli/run.cjs) only once it
 * knows a command is wanted. Each command's module, and the core it opens, loads only when that
 * command runs.
 */
import { HolstError } from '../shared/errors';
import { resolveDataDir } from '../main/core/paths/data-dir';
import { coreOpener, type CliContext } from './context';
import type { GlobalFlags } from './flags';
import { createOutput } from './output';

type Command = (ctx: CliContext) => Promise<number | void>;

/** A command's promise gives its exit status when it is not 0 (e.g. a check that ran but failed). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  settings: async () => (await import('./commands/settings')).settingsCommand,
  providers: async () => (await import('./commands/providers')).providersCommand,
  key: async () => (await import('./commands/providers')).keyCommand,
  library: async () => (await import('./commands/library')).libraryCommand,
  generate: async () => (await import('./commands/generate')).generateCommand,
  conversations: async () => (await import('./commands/conversations')).conversationsCommand,
  backup: async () => (await import('./commands/backup')).backupCommand,
  queue: async () => (await import('./commands/queue')).queueCommand,
};

export async function runCommand(argv: string[], flags: GlobalFlags, env: NodeJS.ProcessEnv): Promise<number> {
  let out = createOutput(argv.includes('--json'));
  try {
    if (flags.dataDirMissing) throw new HolstError('invalid_input', '--data-dir needs a folder.', { field: 'data-dir' });
    out = createOutput(flags.json);
    const [command, ...args] = flags.rest;
    const load = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!load) throw new HolstError('invalid_input', `Unknown command "${command}". Try "holst --help".`);
    const dataDir = resolveDataDir({ argv: flags.dataDir ? ['--data-dir', flags.dataDir] : [], env });
    const { core, close } = coreOpener(dataDir, env);
    try {
      const run = await load();
      return (await run({ dataDir, args, out, env, stdin: process.stdin, core })) ?? 0;
    } finally {
      await close();
    }
  } catch (error) {
    return out.error(error);
  }
}
