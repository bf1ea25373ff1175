import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from './log';
import { knownSecrets } from './known-secrets';
import { redact } from './redact';

export interface FileLogOptions {
  dir: string;
  /** Rotate when the file grows past this (default 1 MiB). */
  maxBytes?: number;
  /** Rotated files kept beside the current one: holst.1.log … holst.N.log (default 4). */
  keep?: number;
  /** Also write each line here (e.g. stderr while developing). */
  echo?: (line: string) => void;
}

export const LOG_FILE = 'holst.log';

/** The log of the desktop app and the browser server: `<data folder>/logs`, echoed to stderr with HOLST_LOG_STDERR. */
export function openAppLog(dataDir: string, env: NodeJS.ProcessEnv = process.env): FileLog {
  return new FileLog({
    dir: path.join(dataDir, 'logs'),
    ...(env.HOLST_LOG_STDERR ? { echo: (line: string) => process.stderr.write(line) } : {}),
  });
}

/**
 * The app's log: one line per entry in `<data folder>/logs/holst.log`, rotated by size, with every
 * secret the process knows and everything shaped like one taken out before the line is written.
 * Writes are synchronous so the last lines before a crash are on disk.
 */
export class FileLog implements Logger {
  readonly dir: string;
  readonly file: string;
  private readonly secretSources: Array<() => Iterable<string>> = [knownSecrets];
  private size: number;
  private broken = false;

  constructor(private readonly options: FileLogOptions) {
    fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    this.dir = options.dir;
    this.file = path.join(options.dir, LOG_FILE);
    this.size = fs.statSync(this.file, { throwIfNoEntry: false })?.size ?? 0;
  }

  /** Adds a source of secrets to take out of every line (the secret store's known keys and tokens). */
  redactSecretsFrom(source: () => Iterable<string>): void {
    this.secretSources.push(source);
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  error(message: string, error?: unknown): void {
    this.write('error', error === undefined ? message : `${message}: ${describe(error)}`);
  }

  /** The last `count` lines, oldest first, from the current file (and the one before when needed). */
  tail(count: number): string[] {
    const lines: string[] = [];
    for (const file of [this.file, this.rotated(1)]) {
      if (!fs.existsSync(file)) break;
      const text = fs.readFileSync(file, 'utf8');
      lines.unshift(...text.split('\n').filter((line) => line !== ''));
      if (lines.length >= count) break;
    }
    return lines.slice(-count);
  }

  private write(level: string, message: string): void {
    const secrets = this.secretSources.flatMap((source) => [...source()]);
    const line = `${new Date().toISOString()} ${level} ${redact(message, secrets).replace(/\r?\n/g, '\n    ')}\n`;
    this.options.echo?.(line);
    if (this.broken) return;
    try {
      if (this.size + Buffer.byteLength(line) > (this.options.maxBytes ?? 1024 * 1024)) this.rotate();
      fs.appendFileSync(this.file, line, { mode: 0o600 });
      this.size += Buffer.byteLength(line);
    } catch (error) {
      // A log that cannot be written must not take the app down; say so once, where someone may see it.
      this.broken = true;
      process.stderr.write(`holst: cannot write the log ${this.file}: ${(error as Error).message}\n`);
    }
  }

  private rotate(): void {
    const keep = this.options.keep ?? 4;
    fs.rmSync(this.rotated(keep), { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      if (fs.existsSync(this.rotated(i))) fs.renameSync(this.rotated(i), this.rotated(i + 1));
    }
    if (fs.existsSync(this.file)) fs.renameSync(this.file, this.rotated(1));
    this.size = 0;
  }

  private rotated(n: number): string {
    return path.join(this.dir, `holst.${n}.log`);
  }
}

/** An error with its stack and causes, on as few lines as it takes. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  let text = error.stack ?? `${error.name}: ${error.message}`;
  let cause = (error as { cause?: unknown }).cause;
  for (let depth = 0; cause !== undefined && depth < 3; depth++) {
    text += `\ncaused by: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`;
    cause = cause instanceof Error ? (cause as { cause?: unknown }).cause : undefined;
  }
  return text;
}
