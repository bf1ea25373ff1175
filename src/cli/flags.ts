/** The flags every `holst` command takes, read before anything else is loaded. */
export interface GlobalFlags {
  json: boolean;
  help: boolean;
  version: boolean;
  dataDir: string | undefined;
  /** `--data-dir` came with no folder after it (an `invalid_input` error once the command side loads). */
  dataDirMissing: boolean;
  /** The command and its own arguments. */
  rest: string[];
}

export function parseGlobalFlags(argv: string[]): GlobalFlags {
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
