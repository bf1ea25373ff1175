import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Holst';

/**
 * Electron's default userData folder for an app named Holst, computed without Electron so the
 * CLI and the browser harness open the same data folder as the app.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(config, APP_NAME);
}

/** `--data-dir DIR` or `--data-dir=DIR` from argv, if given. */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir') return argv[i + 1];
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return undefined;
}

/** The data folder: `--data-dir`, then `HOLST_DATA_DIR`, then the platform default. Always absolute. */
export function resolveDataDir(options: { argv?: readonly string[]; env?: NodeJS.ProcessEnv; cwd?: string } = {}): string {
  const env = options.env ?? process.env;
  const chosen = dataDirFromArgv(options.argv ?? []) ?? (env.HOLST_DATA_DIR || undefined);
  if (chosen === undefined) return defaultDataDir(process.platform, env);
  return path.resolve(options.cwd ?? process.cwd(), chosen);
}
