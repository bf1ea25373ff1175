import { openCore, type AppCore } from '../main/core/app-core';
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

export function coreOpener(dataDir: string, env: NodeJS.ProcessEnv): () => Promise<AppCore> {
  let opened: Promise<AppCore> | undefined;
  return () =>
    (opened ??= openCore({
      dataDir,
      shell: 'cli',
      settingsPolicy: 'fail',
      env,
      logger: env.HOLST_DEBUG ? createStderrLogger('holst-cli') : silentLogger,
    }));
}
