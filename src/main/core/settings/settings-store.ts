import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { say, type CoreSentence } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import { defaultSettings, SettingsSchema, type Settings } from '../../../shared/settings';
import { writeFileAtomic } from '../fs/atomic-write';

export const SETTINGS_FILE = 'settings.json';

/**
 * What to do when the file exists but cannot be used. The app recovers (keeps the file aside,
 * restores defaults, tells the user); the CLI refuses with a `config` error and touches nothing.
 */
export type InvalidSettingsPolicy = 'recover' | 'fail';

export interface SettingsLoadReport {
  /**
   * Set when an unusable file was moved aside and defaults were restored: why in English (for the
   * log), and the notice that tells the user, as a sentence of the core's catalogue.
   */
  recoveredFrom?: { backupFile: string; reason: string; notice: CoreSentence };
}

type Listener = (settings: Settings) => void;

export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<Listener>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    initial: Settings,
  ) {
    this.current = initial;
  }

  static async open(dataDir: string, policy: InvalidSettingsPolicy): Promise<{ store: SettingsStore; report: SettingsLoadReport }> {
    const file = path.join(dataDir, SETTINGS_FILE);
    const read = await readSettingsFile(file);
    if (read.kind === 'missing') return { store: new SettingsStore(file, defaultSettings()), report: {} };
    if (read.kind === 'ok') return { store: new SettingsStore(file, read.settings), report: {} };
    if (policy === 'fail') throw unusable(file, read.why);
    const backupFile = `${file}.corrupt-${timestamp()}`;
    await fs.rename(file, backupFile);
    const store = new SettingsStore(file, defaultSettings());
    await store.persist();
    return { store, report: { recoveredFrom: { backupFile, reason: reasonText(read.why), notice: recovered(backupFile, read.why) } } };
  }

  get(): Settings {
    return this.current;
  }

  /** Applies a change, validates the result, writes it atomically, then notifies. */
  async update(change: (draft: Settings) => Settings): Promise<Settings> {
    const next = SettingsSchema.safeParse(change(structuredClone(this.current)));
    if (!next.success) throw settingsInvalid(next.error);
    this.current = next.data;
    await this.persist();
    for (const listener of this.listeners) listener(this.current);
    return this.current;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes are serialised so that the last update always wins on disk. */
  private persist(): Promise<void> {
    const snapshot = `${JSON.stringify(this.current, null, 2)}\n`;
    const write = this.writing.then(() => writeFileAtomic(this.file, snapshot));
    this.writing = write.catch(() => undefined);
    return write.catch((error: unknown) => {
      throw HolstError.said('storage', say('settingsSaveFailed', { file: this.file, reason: (error as Error).message }), {
        cause: error,
      });
    });
  }
}

/** Why a file cannot be used: it is not JSON (the parser's words), or the first field the settings check refused (null: the whole file). */
type Unusable = { notJson: string } | { field: string | null; problem: string };

type ReadResult = { kind: 'missing' } | { kind: 'ok'; settings: Settings } | { kind: 'invalid'; why: Unusable };

async function readSettingsFile(file: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw HolstError.said('storage', say('settingsReadFailed', { file, reason: (error as Error).message }), { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'invalid', why: { notJson: (error as Error).message } };
  }
  const parsed = SettingsSchema.safeParse(json);
  if (!parsed.success) return { kind: 'invalid', why: firstIssue(parsed.error) };
  return { kind: 'ok', settings: parsed.data };
}

function firstIssue(error: z.ZodError): { field: string | null; problem: string } {
  const issue = error.issues[0];
  if (!issue) return { field: null, problem: 'it does not match the expected shape' };
  return { field: issue.path.length > 0 ? issue.path.map(String).join('.') : null, problem: issue.message };
}

/** The reason in English, for the log and the notice that defaults were restored. */
function reasonText(why: Unusable): string {
  if ('notJson' in why) return `it is not valid JSON (${why.notJson})`;
  return `${why.field === null ? 'the top level' : `"${why.field}"`}: ${why.problem}`;
}

/** The CLI's refusal of a settings file it cannot use (the app recovers instead). */
function unusable(file: string, why: Unusable): HolstError {
  if ('notJson' in why) return HolstError.said('config', say('settingsFileNotJson', { file, reason: why.notJson }));
  const { field, problem } = why;
  return HolstError.said(
    'config',
    field === null ? say('settingsFileInvalidTop', { file, problem }) : say('settingsFileInvalid', { file, field, problem }),
  );
}

/** The app's notice that it kept an unusable file as `backupFile` and restored the defaults. */
function recovered(backupFile: string, why: Unusable): CoreSentence {
  if ('notJson' in why) return say('settingsRecoveredNotJson', { reason: why.notJson, backupFile });
  const { field, problem } = why;
  return field === null
    ? say('settingsRecoveredInvalidTop', { problem, backupFile })
    : say('settingsRecoveredInvalid', { field, problem, backupFile });
}

function settingsInvalid(error: z.ZodError): HolstError {
  const { field, problem } = firstIssue(error);
  return field === null
    ? HolstError.said('invalid_input', say('settingsInvalidTop', { problem }))
    : HolstError.said('invalid_input', say('settingsInvalid', { field, problem }), { field });
}

function timestamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}
