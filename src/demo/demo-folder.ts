// The demo's data folder: a fresh one, or one given with --data-dir that holds no real library.
// The demo refuses a folder with images it did not make, or with providers that are not its own,
// so it can never rewrite a user's settings or mix demo pictures into a real library.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { HolstError } from '../shared/errors';
import type { ProviderConfig } from '../shared/settings';
import { LibraryLayout } from '../main/core/library/layout';
import { SettingsStore } from '../main/core/settings/settings-store';

/** Left in every folder the demo used, so a later demo may use it again. */
export const DEMO_MARKER = 'holst-demo.json';
export const DEMO_ID_PREFIX = 'demo-';
/** Set by `npm run demo` for the app: make the folder's sample library (src/demo/sample-library.ts) in the background. */
export const DEMO_SAMPLES_ENV = 'HOLST_DEMO_SAMPLES';

export const makeDemoFolder = () => fs.mkdtemp(path.join(os.tmpdir(), 'holst-demo-'));

/** Why the demo must not run against this folder, in one line; undefined when it may. */
export async function refusalOf(dataDir: string): Promise<string | undefined> {
  const again = `Give the demo an empty folder, or no --data-dir (it makes a throwaway one).`;
  let settings;
  try {
    settings = (await SettingsStore.open(dataDir, 'fail')).store.get();
  } catch (error) {
    return `${dataDir} is not a demo folder: its settings.json cannot be read (${(error as Error).message}). ${again}`;
  }
  const real = settings.providers.find((p) => !p.id.startsWith(DEMO_ID_PREFIX));
  if (real) return `${dataDir} holds a real library: its settings name the provider "${real.name ?? real.id}". ${again}`;
  if (existsSync(path.join(dataDir, DEMO_MARKER))) return undefined;
  const images = imageCount(new LibraryLayout(dataDir).database);
  if (typeof images === 'string') return `${dataDir} is not a demo folder: its library.sqlite cannot be read (${images}). ${again}`;
  if (images > 0) return `${dataDir} holds a real library (${images} image${images === 1 ? '' : 's'} in library.sqlite). ${again}`;
  return undefined;
}

/** Images in a library database (0 when there is none), or why it cannot be read. */
function imageCount(file: string): number | string {
  if (!existsSync(file)) return 0;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'images'").get();
    return table ? (db.prepare('SELECT COUNT(*) AS n FROM images').get() as { n: number }).n : 0;
  } catch (error) {
    return (error as Error).message;
  } finally {
    db?.close();
  }
}

/** Marks the folder as the demo's (once) and points its settings at the demo servers (other settings kept). */
export async function prepareDemoFolder(dataDir: string, providers: ProviderConfig[]): Promise<void> {
  const refusal = await refusalOf(dataDir);
  if (refusal) throw new HolstError('invalid_input', refusal);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  // an existing marker is kept: it says which sample scenes the folder has (src/demo/sample-library.ts)
  const marker = path.join(dataDir, DEMO_MARKER);
  if (!existsSync(marker)) await fs.writeFile(marker, `${JSON.stringify({ demo: true, note: 'Made by npm run demo.' })}\n`);
  const { store } = await SettingsStore.open(dataDir, 'fail');
  await store.update((settings) => ({ ...settings, providers }));
}
