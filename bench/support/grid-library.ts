// A data folder with a library of `rows` images for the grid benchmark, built in seconds: a few
// dozen real images through the real ingest, the rest inserted straight into SQLite, every row's
// thumbnail a hard link to one of the real thumbnails (so each tile loads a real WebP).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ImageLibrary } from '../../src/main/core/library/image-library';
import { silentLogger } from '../../src/main/core/logging/log';
import { paintImage, type SceneName } from '../../tests/support/seed-library';

const REAL = 40;
const SCENES: SceneName[] = ['fox', 'city', 'lake', 'lighthouse', 'lemons'];
const WORDS = 'fox city lake lighthouse lemons dawn night neon harbour forest snow storm gold blue red'.split(' ');

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** Fills `dataDir` with `rows` images; answers their ids in the grid's order (newest, highest id, first). */
export async function buildGridLibrary(dataDir: string, rows: number): Promise<number[]> {
  const library = await ImageLibrary.open(dataDir, { maxImageBytes: () => 100 * 1024 * 1024, logger: silentLogger });
  try {
    const thumbs: string[] = [];
    for (let i = 0; i < REAL; i++) {
      const bytes = await paintImage(SCENES[i % SCENES.length]!, i + 1, 512, 512);
      const { image } = await library.ingest({ bytes }, { source: 'generated', prompt: `real picture ${i}`, provider: 'openai' });
      thumbs.push(library.layout.thumb(image.sha256));
    }
    const insert = library.db.prepare(
      `INSERT INTO images (sha256, mime, width, height, bytes, prompt, provider, model, source, created_at)
       VALUES (?, 'image/png', 1024, 1024, 2000000, ?, 'openai', 'gpt-image-1', 'generated', ?)`,
    );
    const links: Array<[string, string]> = [];
    const start = Date.now() - rows * 60_000;
    library.db.transaction(() => {
      for (let i = REAL; i < rows; i++) {
        const sha = randomBytes(32).toString('hex');
        const prompt = Array.from({ length: 4 + (i % 5) }, (_, w) => WORDS[(i * 7 + w * 3) % WORDS.length]).join(' ');
        insert.run(sha, prompt, start + i * 60_000);
        links.push([thumbs[i % REAL]!, library.layout.thumb(sha)]);
      }
    })();
    await Promise.all(
      Array.from({ length: 256 }, (_, n) =>
        fs.mkdir(path.join(library.layout.thumbs, n.toString(16).padStart(2, '0')), { recursive: true }),
      ),
    );
    await inParallel(links, 16, ([from, to]) => fs.link(from, to));
    library.db.pragma('wal_checkpoint(TRUNCATE)');
    const ids = library.db.prepare('SELECT id FROM images ORDER BY id DESC').pluck().all() as number[];
    if (ids.length !== rows) throw new Error(`the grid library holds ${ids.length} images, not ${rows}`);
    return ids;
  } finally {
    library.close();
  }
}
