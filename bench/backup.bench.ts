// Backups of a data folder to a folder, each figure as a ratio to a plain tool measured in the same
// run on the same files: a full backup of 10,000 pictures against `cp -r` of their originals; verify
// against hashing the same files alone; a restore against the backup; and a second run after 10 new
// pictures over a library of 100,000 against its 5-second target. Rows are written straight into
// the database and each original is random bytes (what a backup reads is bytes, not pictures).
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FolderTarget } from '../src/main/core/backup/folder-target';
import { restoreBackup } from '../src/main/core/backup/restore-backup';
import { runBackup, type BackupSource } from '../src/main/core/backup/run-backup';
import { verifyBackup } from '../src/main/core/backup/verify-backup';
import { LATEST_SCHEMA_VERSION } from '../src/main/core/database/database';
import { ImageLibrary } from '../src/main/core/library/image-library';
import { silentLogger } from '../src/main/core/logging/log';
import { report } from './report';

const PICTURES = Number(process.env.HOLST_BENCH_BACKUP_PICTURES ?? 10_000);
const LARGE = Number(process.env.HOLST_BENCH_BACKUP_LARGE ?? 100_000);
const BYTES = Number(process.env.HOLST_BENCH_BACKUP_BYTES ?? 48 * 1024);
const VERSION = 'bench';

/** A library of `count` rows, each with an original of `bytes` random bytes named by its hash. */
async function makeLibrary(dataDir: string, count: number, bytes: number): Promise<ImageLibrary> {
  await fs.mkdir(dataDir, { recursive: true });
  const library = await ImageLibrary.open(dataDir, { maxImageBytes: () => 100 * 1024 * 1024, logger: silentLogger });
  await addPictures(library, count, bytes);
  return library;
}

async function addPictures(library: ImageLibrary, count: number, bytes: number): Promise<void> {
  const insert = library.db.prepare(
    `INSERT INTO images (sha256, mime, width, height, bytes, prompt, source, created_at) VALUES (?, 'image/png', 64, 48, ?, ?, 'generated', ?)`,
  );
  const rows: Array<[string, number]> = [];
  for (let n = 0; n < count; n++) {
    const data = randomBytes(bytes);
    const sha = createHash('sha256').update(data).digest('hex');
    const file = library.layout.original(sha, 'png');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, data);
    rows.push([sha, data.length]);
  }
  library.db.transaction(() => {
    for (const [sha, size] of rows) insert.run(sha, size, `picture ${sha.slice(0, 8)}`, Date.now());
  })();
}

const sourceOf = (library: ImageLibrary, dataDir: string): BackupSource => ({
  db: library.db,
  layout: library.layout,
  settingsFile: path.join(dataDir, 'settings.json'),
  holstVersion: VERSION,
  schemaVersion: LATEST_SCHEMA_VERSION,
});

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** Drops the page cache where the machine lets us, so each step reads from the disk alike (root only). */
function dropCaches(): void {
  spawnSync('sh', ['-c', 'sync; echo 3 > /proc/sys/vm/drop_caches'], { stdio: 'ignore' });
}

async function main(): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-bench-backup-'));
  try {
    const dataDir = path.join(root, 'data');
    const library = await makeLibrary(dataDir, PICTURES, BYTES);
    console.log(`  (${PICTURES} pictures of ${(BYTES / 1024).toFixed(0)} KB, ${((PICTURES * BYTES) / 1024 / 1024).toFixed(0)} MB)`);
    dropCaches();
    const copy = await timed(async () => spawnSync('cp', ['-r', library.layout.originals, path.join(root, 'cp-copy')]));
    dropCaches();
    const target = new FolderTarget(path.join(root, 'backup'));
    const backup = await timed(() => runBackup(sourceOf(library, dataDir), target, { keep: 10 }));
    console.log(
      `  (cp -r ${(copy.ms / 1000).toFixed(2)} s; backup ${(backup.ms / 1000).toFixed(2)} s, ${backup.value.sent.files} files sent)`,
    );
    report(`full backup of ${PICTURES} pictures to a folder, as a multiple of cp -r of their originals`, backup.ms / copy.ms, '×', 1.5);

    dropCaches();
    const hashing = await timed(async () => {
      for (const name of await fs.readdir(library.layout.originals, { recursive: true })) {
        const file = path.join(library.layout.originals, name);
        if ((await fs.stat(file)).isFile())
          createHash('sha256')
            .update(await fs.readFile(file))
            .digest('hex');
      }
    });
    dropCaches();
    const verify = await timed(() => verifyBackup(target, { workDir: root }));
    if (verify.value.verified !== PICTURES) throw new Error(`verify found ${verify.value.verified} of ${PICTURES}`);
    console.log(`  (hashing the originals ${(hashing.ms / 1000).toFixed(2)} s; verify ${(verify.ms / 1000).toFixed(2)} s)`);
    report('verify, as a multiple of hashing the same files alone', verify.ms / hashing.ms, '×', 1.3);

    dropCaches();
    const restore = await timed(() =>
      restoreBackup(target, path.join(root, 'restored'), { holstVersion: VERSION, schemaVersion: LATEST_SCHEMA_VERSION }),
    );
    if (restore.value.restored.files !== PICTURES) throw new Error(`restored ${restore.value.restored.files} of ${PICTURES}`);
    console.log(`  (restore ${(restore.ms / 1000).toFixed(2)} s)`);
    report(`restore of ${PICTURES} pictures, as a multiple of the backup`, restore.ms / backup.ms, '×', 2);
    library.close();

    const largeDir = path.join(root, 'large');
    const large = await makeLibrary(largeDir, LARGE, 1024);
    const largeTarget = new FolderTarget(path.join(root, 'large-backup'));
    await runBackup(sourceOf(large, largeDir), largeTarget, { keep: 10 });
    await addPictures(large, 10, BYTES);
    const second = await timed(() => runBackup(sourceOf(large, largeDir), largeTarget, { keep: 10 }));
    if (second.value.sent.files !== 10) throw new Error(`the second run sent ${second.value.sent.files} files`);
    report(`a second run after 10 new pictures over ${LARGE}`, second.ms / 1000, 's', 5);
    large.close();
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

await main();
