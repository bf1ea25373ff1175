// The language of the lines `npm start` and `npm run demo` print before the app's own: the app's
// language setting in the data folder they run on, else the system's. Plain Node (it runs before
// and beside the build), so it repeats two small rules of src/: resolveDataDir (paths/data-dir.ts)
// and resolveLanguage (shared/i18n.ts); tests/unit/scripts/launch-language.test.ts holds them equal.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const LANGUAGES = ['en', 'ru'];

/** The data folder the app will open: `--data-dir DIR` / `--data-dir=DIR`, then HOLST_DATA_DIR, then the platform's default. */
export function launchDataDir(argv = [], env = process.env, platform = process.platform, home = os.homedir()) {
  const chosen = dataDirArgument(argv) ?? (env.HOLST_DATA_DIR || undefined);
  if (chosen !== undefined) return path.resolve(chosen);
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Holst');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Holst');
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(config, 'Holst');
}

function dataDirArgument(argv) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir') return argv[i + 1];
    if (argv[i].startsWith('--data-dir=')) return argv[i].slice('--data-dir='.length);
  }
  return undefined;
}

/** `appearance.language` from the folder's settings.json; undefined when the file is missing, unreadable or has none. */
export function languageSetting(dataDir) {
  try {
    const language = JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))?.appearance?.language;
    return typeof language === 'string' ? language.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** 'en' or 'ru': the setting when it names one exactly; otherwise ('system', missing, unknown) the first the environment names. */
export function resolveLaunchLanguage(setting, env = process.env) {
  const known = (tag) => LANGUAGES.find((l) => tag.toLowerCase().split(/[-_]/)[0] === l);
  if (setting && setting !== 'system' && known(setting) === setting) return setting;
  const system = [env.LC_ALL, env.LC_MESSAGES, env.LANG, env.LANGUAGE?.split(':')[0]]
    .filter((value) => !!value && value !== 'C' && value !== 'POSIX')
    .map((value) => value.split('.')[0].replace('_', '-'));
  for (const tag of system) {
    const match = known(tag);
    if (match) return match;
  }
  return 'en';
}

/** The language of the launch lines for an app started with `argv` (its --data-dir, if any). */
export function launchLanguage(argv = [], env = process.env) {
  return resolveLaunchLanguage(languageSetting(launchDataDir(argv, env)), env);
}
