// The database under the library: migrations forward, refusal of a newer schema, crash repair.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { HolstError } from '../../../../../src/shared/errors';
import { openDatabase } from '../../../../../src/main/core/database/database';
import { ImageLibrary } from '../../../../../src/main/core/library/image-library';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../../src/main/core/database/migrations';
import { silentLogger } from '../../../../../src/main/core/logging/log';
import { ConversationStore } from '../../../../../src/main/core/conversations/conversation-store';
import { photoLikePng, solidImage } from '../../../../support/images';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

const open = (dataDir: string) => ImageLibrary.open(dataDir, { maxImageBytes: () => 100 * 1024 * 1024, logger: silentLogger });

/** No row without its files, no file without its row, no temp file. */
async function expectConsistent(library: ImageLibrary): Promise<number> {
  const rows = library.db.prepare('SELECT sha256, mime FROM images').all() as Array<{ sha256: string; mime: string }>;
  for (const row of rows) {
    await fs.access(library.originalPath(row));
    await fs.access(library.layout.thumb(row.sha256));
  }
  const masks = library.db.prepare('SELECT sha256 FROM masks').pluck().all() as string[];
  const known = new Set([...rows.map((r) => r.sha256), ...masks]);
  for (const dir of [library.layout.originals, library.layout.thumbs, library.layout.previews]) {
    const files = (await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile());
    for (const file of files) expect(known.has(file.name.split('.')[0]!), `${dir}/${file.name} has no row`).toBe(true);
  }
  expect(await fs.readdir(library.layout.tmp).catch(() => [])).toEqual([]);
  expect(library.db.prepare('SELECT COUNT(*) AS n FROM file_journal').get()).toEqual({ n: 0 });
  return rows.length;
}

describe('migrations', () => {
  it('migrates a database from the first schema forward, keeping its images', async () => {
    const dataDir = await tempDir();
    const file = path.join(dataDir, 'library.sqlite');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old
      .prepare(
        "INSERT INTO images (sha256, mime, width, height, bytes, prompt, source, created_at) VALUES ('ab12', 'image/png', 10, 10, 100, 'an old lighthouse', 'generated', 1)",
      )
      .run();
    old.close();

    const library = await open(dataDir);
    expect(library.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThan(1);
    expect(library.list({ query: 'lighthouse' }).items).toMatchObject([{ sha256: 'ab12', conversationId: null, messageId: null }]);
    const conversations = new ConversationStore(library.db);
    expect(conversations.create('after the upgrade').title).toBe('after the upgrade');
    library.close();
  });

  it('moves masks that earlier versions kept as pictures out of the picture list, under the same ids', async () => {
    const dataDir = await tempDir();
    const old = openDatabase(path.join(dataDir, 'library.sqlite'), { migrations: MIGRATIONS.slice(0, 5) });
    const add = old.prepare(
      `INSERT INTO images (id, sha256, mime, width, height, bytes, prompt, params, source, created_at)
       VALUES (@id, @sha, 'image/png', 64, 48, 10, @prompt, @params, @source, @id)`,
    );
    const parent = old.prepare('INSERT INTO image_parents (image_id, parent_id, role, position) VALUES (?, ?, ?, ?)');
    const picture = (id: number, source: string, params: object | null = null, prompt: string | null = null) =>
      add.run({ id, sha: `sha${id}`, prompt, params: params && JSON.stringify(params), source });
    picture(1, 'imported');
    picture(2, 'imported', { mask: true, maskFor: 1 }); // painted in the app
    picture(3, 'edited', null, 'a moon over the fox');
    parent.run(3, 1, 'source', 0);
    parent.run(3, 2, 'mask', 1);
    picture(4, 'imported'); // a mask file the CLI kept
    picture(5, 'edited', null, 'snow');
    parent.run(5, 1, 'source', 0);
    parent.run(5, 4, 'mask', 1);
    picture(6, 'imported', { mask: true, maskFor: 1 }); // a mask someone went on to edit: a picture now
    picture(7, 'edited', null, 'from the mask');
    parent.run(7, 6, 'source', 0);
    old.prepare("INSERT INTO tags (name) VALUES ('masks')").run();
    old.prepare('INSERT INTO image_tags (tag_id, image_id) VALUES (1, 2)').run();
    old.close();

    const library = await open(dataDir);
    expect(library.list({}).items.map((i) => i.id)).toEqual([7, 6, 5, 3, 1]);
    expect(library.count({ source: 'imported' })).toBe(2);
    expect(library.mask(2)).toMatchObject({ id: 2, sha256: 'sha2', width: 64, height: 48, sourceId: 1 });
    expect(library.mask(4)).toMatchObject({ id: 4, sha256: 'sha4', sourceId: null });
    expect(library.mask(6)).toBeNull();
    expect(library.detail(3)).toMatchObject({ parents: [{ role: 'source', image: { id: 1 } }], mask: { id: 2 } });
    expect(library.detail(5)).toMatchObject({ parents: [{ role: 'source', image: { id: 1 } }], mask: { id: 4 } });
    expect(library.detail(7)).toMatchObject({ parents: [{ role: 'source', image: { id: 6 } }], mask: null });
    expect(library.get(2)).toBeNull();
    expect(library.allTags()).toEqual([]);
    expect(library.db.prepare("SELECT COUNT(*) FROM image_parents WHERE role = 'mask'").pluck().get()).toBe(0);
    library.close();
  });

  it('refuses a database from a newer Holst and leaves it byte for byte as it was', async () => {
    const dataDir = await tempDir();
    const file = path.join(dataDir, 'library.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma('user_version = 99');
    future.close();
    const before = await fs.readFile(file);
    const error = (await open(dataDir).catch((e: unknown) => e)) as HolstError;
    expect(error).toBeInstanceOf(HolstError);
    expect(error.code).toBe('storage');
    expect(error.message).toMatch(/newer version of Holst \(schema 99/);
    expect(Buffer.compare(await fs.readFile(file), before)).toBe(0);
    expect((await fs.readdir(dataDir)).sort()).toEqual(['library.sqlite']);
  });
});

describe('crash repair at start-up', () => {
  it('undoes an ingest whose files were moved in but never recorded, and removes temp files', async () => {
    const dataDir = await tempDir();
    const library = await open(dataDir);
    const kept = (await library.ingest({ bytes: await solidImage(1) }, { source: 'imported' })).image;
    // The state a crash leaves between "files renamed into place" and "row committed".
    const sha = 'f'.repeat(64);
    await fs.mkdir(path.dirname(library.layout.original(sha, 'png')), { recursive: true });
    await fs.writeFile(library.layout.original(sha, 'png'), 'half-ingested');
    await fs.mkdir(path.dirname(library.layout.thumb(sha)), { recursive: true });
    await fs.writeFile(library.layout.thumb(sha), 'thumb');
    library.db.prepare("INSERT INTO file_journal (op, sha256, ext, created_at) VALUES ('ingest', ?, 'png', 0)").run(sha);
    await fs.mkdir(library.layout.tmp, { recursive: true });
    await fs.writeFile(path.join(library.layout.tmp, 'x.part'), 'partial download');
    library.close();

    const reopened = await open(dataDir);
    expect(await expectConsistent(reopened)).toBe(1);
    expect(reopened.get(kept.id)).not.toBeNull();
    reopened.close();
  });

  it('finishes an emptied trash whose files were not yet removed', async () => {
    const dataDir = await tempDir();
    const library = await open(dataDir);
    const image = (await library.ingest({ bytes: await solidImage(2) }, { source: 'imported' })).image;
    // The state a crash leaves between "rows deleted" and "files removed".
    library.db.transaction(() => {
      library.db.prepare('DELETE FROM images WHERE id = ?').run(image.id);
      library.db.prepare("INSERT INTO file_journal (op, sha256, ext, created_at) VALUES ('delete', ?, 'png', 0)").run(image.sha256);
    })();
    library.close();
    const reopened = await open(dataDir);
    expect(await expectConsistent(reopened)).toBe(0);
    reopened.close();
  });

  it('leaves a consistent library after the importing process is killed with SIGKILL at any moment', async () => {
    const source = await tempDir();
    for (let i = 0; i < 24; i++) await fs.writeFile(path.join(source, `photo-${i}.png`), await photoLikePng(640, 640, 60 + i));
    const outcomes: number[] = [];
    for (const delay of [120, 260, 400, 550, 700]) {
      const dataDir = await tempDir();
      const child = spawn(process.execPath, ['bin/holst.cjs', '--data-dir', dataDir, '--json', 'library', 'import', source], {
        stdio: 'ignore',
      });
      const exited = new Promise((r) => child.once('exit', r));
      // Wait until the library exists, then let the import run for a while before killing it.
      for (let i = 0; i < 200; i++) {
        if (
          await fs.access(path.join(dataDir, 'library.sqlite')).then(
            () => true,
            () => false,
          )
        )
          break;
        await new Promise((r) => setTimeout(r, 10));
      }
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      const library = await open(dataDir);
      outcomes.push(await expectConsistent(library));
      library.close();
    }
    // At least one kill landed in the middle of the import: some images in, not all.
    expect(outcomes.some((n) => n > 0 && n < 24)).toBe(true);
  }, 120_000);
});
