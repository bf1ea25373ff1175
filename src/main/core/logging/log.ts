/** The logging the core needs. Callers never pass keys or tokens in a message. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createStderrLogger(prefix = 'holst'): Logger {
  const write = (level: string, message: string) => process.stderr.write(`${new Date().toISOString()} ${prefix} ${level} ${message}\n`);
  return {
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message, error) => write('error', error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
