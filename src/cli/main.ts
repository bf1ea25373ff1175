/**
 * The `holst` command: flags in, core services called, JSON or text out. Each command's module (and
 * the core it opens) is loaded only when that command runs, so `holst --version` and `--help` load
 * next to nothing (`npm run bench cli` times them).
 */
import { resolveDataDir } from '../main/core/paths/data-dir';
import { coreOpener, type CliContext } from './context';
import { HELP, VERSION } from './help';
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
};

/**
 * HolstError's module pulls in zod: it is loaded on the paths that run a command or report an
 * error, never for --version and --help.
 */
async function usageError(message: string, field?: string): Promise<Error> {
  const { HolstError } = await import('../shared/errors');
  return new HolstError('invalid_input', message, field === undefined ? {} : { field });
}

interface GlobalFlags {
  json: boolean;
  help: boolean;
  version: boolean;
  dataDir: string | undefined;
  /** `--data-dir` came last, with no folder after it. */
  dataDirMissing: boolean;
  rest: string[];
}

function parseGlobalFlags(argv: string[]): GlobalFlags {
  const flags: GlobalFlags = { json: false, help: false, version: false, dataDir: undefined, dataDirMissing: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') flags.json = true;
    else if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--version' || arg === '-v') flags.version = true;
    else if (arg === '--data-dir') {
      const value = argv[++i];
      if (!value) {
        flags.dataDirMissing = true;
        break;
      }
      flags.dataDir = value;
    } else if (arg.startsWith('--data-dir=')) flags.dataDir = arg.slice('--data-dir='.length);
    else flags.rest.push(arg);
  }
  return flags;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const json = argv.includes('--json');
  let out = createOutput(json);
  try {
    const flags = parseGlobalFlags(argv);
    if (flags.dataDirMissing) throw await usageError('--data-dir needs a folder.', 'data-dir');
    out = createOutput(flags.json);
    if (flags.version) {
      out.result({ version: VERSION }, `holst ${VERSION}`);
      return 0;
    }
    const [command, ...args] = flags.rest;
    if (flags.help || command === undefined || command === 'help') {
      out.result({ help: HELP }, HELP);
      return 0;
    }
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!load) throw await usageError(`Unknown command "${command}". Try "holst --help".`);
    const dataDir = resolveDataDir({ argv: flags.dataDir ? ['--data-dir', flags.dataDir] : [], env });
    const { core, close } = coreOpener(dataDir, env);
    try {
      const run = await load();
      return (await run({ dataDir, args, out, env, stdin: process.stdin, core })) ?? 0;
    } finally {
      await close();
    }
  } catch (error) {
    return await out.error(error);
  }
}

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
