/**
 * The `holst` command: flags in, core services called, JSON or text out. This entry holds only what
 * `holst --version` and `holst --help` need; everything a command needs (its module, the core, the
 * errors and their schemas) is in run.ts, which the build keeps in a file of its own
 * (out/cli/run.cjs) and which is loaded only when a command is asked for (`npm run bench cli`).
 */
import { parseGlobalFlags } from './flags';
import { HELP, VERSION } from './help';
import { printResult } from './print';

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const flags = parseGlobalFlags(argv);
  if (!flags.dataDirMissing) {
    if (flags.version) {
      printResult(flags.json, { version: VERSION }, `holst ${VERSION}`);
      return 0;
    }
    const command = flags.rest[0];
    if (flags.help || command === undefined || command === 'help') {
      printResult(flags.json, { help: HELP }, HELP);
      return 0;
    }
  }
  const { runCommand } = await import('./run');
  return runCommand(argv, flags, env);
}

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
