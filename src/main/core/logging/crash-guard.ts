import type { Logger } from './log';

export interface CrashGuardOptions {
  logger: Logger;
  /** Tells the person (a dialog in the app, stderr elsewhere); called at most once per `quietMs`. */
  report(title: string, detail: string): void;
  quietMs?: number;
  target?: NodeJS.EventEmitter;
}

/**
 * Makes an unexpected error in the main process a logged, reported event instead of a silent
 * exit: uncaught exceptions and unhandled rejections are written to the log with their stacks and
 * shown to the user, and the app keeps running. Returns the function that removes the guard.
 */
export function installCrashGuard(options: CrashGuardOptions): () => void {
  const target = options.target ?? process;
  const quietMs = options.quietMs ?? 10_000;
  let lastReport = -Infinity;
  const handle = (kind: string) => (error: unknown) => {
    options.logger.error(`unexpected ${kind} in the main process`, error);
    const now = Date.now();
    if (now - lastReport < quietMs) return;
    lastReport = now;
    const message = error instanceof Error ? error.message : String(error);
    try {
      options.report(
        'Holst ran into an unexpected problem',
        `${message}\n\nHolst is still running, and your library is safe. The details are in the log (Help → Open Logs Folder); please include them if you report this.`,
      );
    } catch (reportError) {
      options.logger.error('could not show the problem to the user', reportError);
    }
  };
  const onException = handle('error');
  const onRejection = handle('promise rejection');
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
