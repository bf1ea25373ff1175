/** The `holst` command: flags in, core services called, JSON or text out. */
import { HolstError } from '../shared/errors';
import { APP_VERSION } from '../main/core/app-core';
import { resolveDataDir } from '../main/core/paths/data-dir';
import { conversationsCommand, conversationsHelp } from './commands/conversations';
import { generateCommand, generateHelp } from './commands/generate';
import { libraryCommand, libraryHelp } from './commands/library';
import { settingsCommand, settingsHelp } from './commands/settings';
import { keyCommand, providersCommand, providersHelp } from './commands/providers';
import { coreOpener, type CliContext } from './context';
import { createOutput } from './output';

const HELP = `holst ${APP_VERSION}: make, edit and keep AI images, from the command line

Usage: holst [--data-dir DIR] [--json] COMMAND [ARGS]

Commands:
${generateHelp}
${conversationsHelp}
${libraryHelp}
${settingsHelp}
${providersHelp}

Options:
  --data-dir DIR   the data folder (default: HOLST_DATA_DIR, else the app's own folder)
  --json           print one JSON object; errors as {"error":{"code","message"}}
  -v, --version    print the version
  -h, --help       print this help

API keys: HOLST_API_KEY_<ID> (the provider id upper-cased, other characters as _) takes
precedence over the keychain. Exit status: 0 ok, 2 invalid input, 3 config, 4 auth,
5 not found, 6 network, 7 storage, 130 cancelled, 1 other.
`;

/** A command's promise gives its exit status when it is not 0 (e.g. a check that ran but failed). */
const COMMANDS: Record<string, (ctx: CliContext) => Promise<number | void>> = {
  settings: settingsCommand,
  providers: providersCommand,
  key: keyCommand,
  library: libraryCommand,
  generate: generateCommand,
  conversations: conversationsCommand,
};

interface GlobalFlags {
  json: boolean;
  help: boolean;
  version: boolean;
  dataDir: string | undefined;
  rest: string[];
}

function parseGlobalFlags(argv: string[]): GlobalFlags {
  const flags: GlobalFlags = { json: false, help: false, version: false, dataDir: undefined, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') flags.json = true;
    else if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--version' || arg === '-v') flags.version = true;
    else if (arg === '--data-dir') {
      const value = argv[++i];
      if (!value) throw new HolstError('invalid_input', '--data-dir needs a folder.', { field: 'data-dir' });
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
    out = createOutput(flags.json);
    if (flags.version) {
      out.result({ version: APP_VERSION }, `holst ${APP_VERSION}`);
      return 0;
    }
    const [command, ...args] = flags.rest;
    if (flags.help || command === undefined || command === 'help') {
      out.result({ help: HELP }, HELP);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new HolstError('invalid_input', `Unknown command "${command}". Try "holst --help".`);
    const dataDir = resolveDataDir({ argv: flags.dataDir ? ['--data-dir', flags.dataDir] : [], env });
    const core = coreOpener(dataDir, env);
    try {
      return (await run({ dataDir, args, out, env, stdin: process.stdin, core })) ?? 0;
    } finally {
      await core()
        .then((opened) => opened.close())
        .catch(() => undefined);
    }
  } catch (error) {
    return out.error(error);
  }
}

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
