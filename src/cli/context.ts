import type { AppCore } from '../main/core/app-core';
import { createStderrLogger, silentLogger } from '../main/core/logging/log';
import type { Output } from './output';

export interface CliContext {
  dataDir: string;
  args: string[];
  out: Output;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  /** Opens the core on the data folder; a bad settings file is a `config` error, never repaired here. */
  core(): Promise<AppCore>;
}

/**
 * The core, loaded (not only opened) on a command's first call to `core()`: `--version`, `--help` and
 * commands that fail on their flags never load it. `close()` closes it if it was opened.
 */
export function coreOpener(dataDir: string, env: NodeJS.ProcessEnv): { core: () => Promise<AppCore>; close: () => Promise<void> } {
  let opened: Promise<AppCore> | undefined;
  const core = () =>
    (opened ??= import('../main/core/app-core').then(({ openCore }) =>
      openCore({
        dataDir,
        shell: 'cli',
        settingsPolicy: 'fail',
        keychainProbe: 'on-first-use',
        env,
        logger: env.HOLST_DEBUG ? createStderrLogger('holst-cli') : silentLogger,
      }),
    ));
  const close = async () => {
    await opened?.then((done) => done.close()).catch(() => undefined);
  };
  return { core, close };
}
