import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
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
  /** Set when an unusable file was moved aside and defaults were restored. */
  recoveredFrom?: { backupFile: string; reason: string };
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
    if (policy === 'fail') {
      throw new HolstError(
        'config',
        `The settings file ${file} cannot be used: ${read.reason}. Fix it, or move it aside to start with defaults.`,
      );
    }
    const backupFile = `${file}.corrupt-${timestamp()}`;
    await fs.rename(file, backupFile);
    const store = new SettingsStore(file, defaultSettings());
    await store.persist();
    return { store, report: { recoveredFrom: { backupFile, reason: read.reason } } };
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
      throw new HolstError('storage', `Could not save settings to ${this.file}: ${(error as Error).message}`, { cause: error });
    });
  }
}

type ReadResult = { kind: 'missing' } | { kind: 'ok'; settings: Settings } | { kind: 'invalid'; reason: string };

async function readSettingsFile(file: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw new HolstError('storage', `Could not read the settings file ${file}: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'invalid', reason: `it is not valid JSON (${(error as Error).message})` };
  }
  const parsed = SettingsSchema.safeParse(json);
  if (!parsed.success) return { kind: 'invalid', reason: describeIssue(parsed.error) };
  return { kind: 'ok', settings: parsed.data };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not match the expected shape';
  const where = issue.path.length > 0 ? `"${issue.path.map(String).join('.')}"` : 'the top level';
  return `${where}: ${issue.message}`;
}

function settingsInvalid(error: z.ZodError): HolstError {
  const issue = error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : undefined;
  return new HolstError('invalid_input', `These settings are not valid: ${describeIssue(error)}`, field ? { field } : {});
}

function timestamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}
