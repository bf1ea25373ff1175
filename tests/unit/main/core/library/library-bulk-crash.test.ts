// Bulk actions over 50,000 images killed with SIGKILL half-way: each is all-or-nothing, and after
// the next start no row lacks its file and no file journal entry is left.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageLibrary } from '../../../../../src/main/core/library/image-library';
import { silentLogger } from '../../../../../src/main/core/logging/log';
import { insertRows, writeOriginals } from '../../../../support/library-rows';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

const ROWS = 50_000;
let script = '';

beforeAll(async () => {
  script = path.join(await tempDir(), 'bulk-child.cjs');
  await build({
    entryPoints: ['tests/support/bulk-child.ts'],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'sharp', 'keytar'],
    logLevel: 'warning',
  });
});
afterAll(removeTempDirs);

const open = (dataDir: string) => ImageLibrary.open(dataDir, { maxImageBytes: () => 1024, logger: silentLogger });

async function libraryOf(rows: number, options: { trashed?: boolean; files?: boolean } = {}): Promise<string> {
  const dataDir = await tempDir();
  const library = await open(dataDir);
  const ids = insertRows(
    library,
    Array.from({ length: rows }, (_, i) => ({
      createdAt: 1_700_000_000_000 + i,
      prompt: `crash test ${i % 10}`,
      trashed: options.trashed ?? false,
    })),
  );
  if (options.files) await writeOriginals(library, ids);
  library.close();
  return dataDir;
}

/** Starts the child on `dataDir` and resolves with it once it printed a line matching `until`. */
function startChild(dataDir: string, action: string, until: RegExp): Promise<{ child: ChildProcess; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [script, dataDir, action], {
    env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (until.test(output)) resolve({ child, exited });
    });
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before printing ${until}: ${output}`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('bulk actions killed half-way', () => {
  it('trash and restore of a 50,000-image view: all or nothing, the trash search index with them', async () => {
    const dataDir = await libraryOf(ROWS);
    for (const delay of [0, 150, 400]) {
      const { child, exited } = await startChild(dataDir, 'trash', /trashed 0\n/);
      await sleep(delay);
      child.kill('SIGKILL');
      await exited;
      const library = await open(dataDir);
      const trashed = library.count({ trashed: true });
      expect([0, ROWS]).toContain(trashed);
      expect(library.count({ trashed: true, query: 'crash' })).toBe(trashed);
      expect(library.count({ query: 'crash' })).toBe(ROWS - trashed);
      library.close();
    }
  }, 120_000);

  it('tagging a 50,000-image view: every image has the tag or none does', async () => {
    const dataDir = await libraryOf(ROWS);
    for (const delay of [0, 200]) {
      const { child, exited } = await startChild(dataDir, 'tag', /tagged 0\n/);
      await sleep(delay);
      child.kill('SIGKILL');
      await exited;
      const library = await open(dataDir);
      const tagged = library.db
        .prepare("SELECT COUNT(*) FROM image_tags it JOIN tags t ON t.id = it.tag_id WHERE t.name = 'crash'")
        .pluck()
        .get();
      expect([0, ROWS]).toContain(tagged);
      expect(library.allTags()).toEqual(tagged === 0 ? [] : ['crash']);
      library.close();
    }
  }, 120_000);

  it('deleting 50,000 trashed images for good: rows all gone or all kept, files follow after the restart', async () => {
    const dataDir = await libraryOf(ROWS, { trashed: true, files: true });
    const originals = path.join(dataDir, 'library');
    const countFiles = async () => {
      let n = 0;
      for (const dir of await fs.readdir(originals)) n += (await fs.readdir(path.join(originals, dir))).length;
      return n;
    };
    expect(await countFiles()).toBe(ROWS);

    // Killed while the rows are being deleted: nothing, or everything, was committed.
    let { child, exited } = await startChild(dataDir, 'delete', /deleting\n/);
    child.kill('SIGKILL');
    await exited;
    let library = await open(dataDir);
    let rows = library.count({ trashed: true });
    expect([0, ROWS]).toContain(rows);
    expect(library.db.prepare('SELECT COUNT(*) FROM file_journal').pluck().get()).toBe(0);
    expect(await countFiles()).toBe(rows);
    library.close();
    if (rows === 0) return;

    // Killed while the files are being removed: the rows are gone, the journal remembers the files.
    ({ child, exited } = await startChild(dataDir, 'delete', /deleting\n/));
    const watcher = new Database(path.join(dataDir, 'library.sqlite'), { readonly: true });
    const journal = watcher.prepare('SELECT COUNT(*) FROM file_journal').pluck();
    while ((journal.get() as number) === 0 && child.exitCode === null) await sleep(2);
    child.kill('SIGKILL');
    await exited;
    const leftInJournal = journal.get() as number;
    watcher.close();
    const filesBefore = await countFiles();
    library = await open(dataDir);
    rows = library.count({ trashed: true });
    expect(rows).toBe(0);
    expect(library.db.prepare('SELECT COUNT(*) FROM file_journal').pluck().get()).toBe(0);
    expect(await countFiles()).toBe(0);
    library.close();
    // The kill did land half-way: some files were still there for the restart to remove.
    expect(leftInJournal).toBe(ROWS);
    expect(filesBefore).toBeGreaterThan(0);
  }, 180_000);
});
