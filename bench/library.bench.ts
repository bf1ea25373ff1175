// The library at 100,000 images: open, pages with each filter, full-text search, exact counts, the
// views' filter values, months, jumps and bulk actions (library-views.ts), and peak memory during a
// full listing pass. Ingest speed is ingest.bench.ts's.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LibraryCountQuery } from '../src/shared/library';
import { ImageLibrary } from '../src/main/core/library/image-library';
import { silentLogger } from '../src/main/core/logging/log';
import { solidImage } from '../tests/support/images';
import { benchViews } from './library-views';
import { median, percentile, report, timeIt } from './report';

const ROWS = 100_000;
const REAL_FILES = 2_000;
const options = { maxImageBytes: () => 100 * 1024 * 1024, logger: silentLogger };

const WORDS =
  'lighthouse fox city street night neon portrait sailor watercolour forest river mountain sunset dawn storm ocean boat harbour castle garden flower rose tulip cat dog horse bird owl eagle snow rain fog desert canyon village market cafe kitchen robot astronaut planet galaxy nebula dragon knight princess wizard tower bridge train station airport skyline bicycle motorcycle car truck poster logo icon pattern texture marble gold silver glass crystal paper origami ink charcoal pencil oil pastel vintage retro futuristic minimal baroque gothic cyberpunk steampunk anime comic isometric macro aerial cinematic studio soft dramatic golden blue red green purple orange'.split(
    ' ',
  );

/** A deterministic pseudo-random sequence, so every run builds the same library. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

async function buildLibrary(dataDir: string): Promise<void> {
  const library = await ImageLibrary.open(dataDir, options);
  const rand = prng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const insert = library.db.prepare(
    `INSERT INTO images (sha256, mime, width, height, bytes, prompt, provider, model, params, source, created_at, favorite)
     VALUES (?, 'image/png', 1024, 1024, 2000000, ?, ?, ?, '{"size":"1024x1024"}', ?, ?, ?)`,
  );
  const tag = library.db.prepare('INSERT INTO image_tags (tag_id, image_id) VALUES (?, ?)');
  const start = Date.now() - ROWS * 60_000;
  library.db.transaction(() => {
    for (const name of ['sea', 'client-a', 'draft']) library.db.prepare('INSERT INTO tags (name) VALUES (?)').run(name);
    for (let i = 0; i < ROWS; i++) {
      const words = Array.from({ length: 6 + Math.floor(rand() * 8) }, () => pick(WORDS));
      if (rand() < 0.9) words.push('photo'); // a term in most of the library
      if (rand() < 0.001) words.push('zeppelin'); // a rare one
      const id = insert.run(
        randomBytes(32).toString('hex'),
        words.join(' '),
        pick(['gigachat', 'openai', 'givon', 'aggregator']),
        pick(['GigaChat-2-Max', 'gpt-image-1', 'gpt-image-2', 'nano-banana', 'flux-kontext-pro']),
        pick(['generated', 'generated', 'edited', 'imported']),
        start + i * 60_000,
        rand() < 0.05 ? 1 : 0,
      ).lastInsertRowid;
      if (rand() < 0.1) tag.run(1 + Math.floor(rand() * 3), id);
    }
  })();
  for (let i = 0; i < REAL_FILES; i++) {
    // Colours repeat every 256 seeds, so the size varies too: every file has bytes of its own.
    const { duplicate } = await library.ingest(
      { bytes: await solidImage(i + 1, 'png', 64 + (i % 50), 48 + Math.floor(i / 50)) },
      { source: 'imported', prompt: `real file ${i} photo` },
    );
    if (duplicate) throw new Error(`real file ${i} repeated an earlier one`);
  }
  library.db.exec("INSERT INTO images_fts(images_fts) VALUES ('optimize')");
  library.db.pragma('wal_checkpoint(TRUNCATE)');
  library.close();
}

/** Runs in a child process of its own, so nothing else this benchmark did inflates its memory. */
async function listingPass(dataDir: string): Promise<void> {
  const library = await ImageLibrary.open(dataDir, options);
  let peak = process.memoryUsage().rss;
  let count = 0;
  let cursor: number | undefined;
  do {
    const page = library.list({ limit: 500, ...(cursor ? { cursor } : {}) });
    count += page.items.length;
    cursor = page.nextCursor ?? undefined;
    peak = Math.max(peak, process.memoryUsage().rss);
  } while (cursor);
  library.close();
  process.stdout.write(JSON.stringify({ peak, count }));
}

async function main(): Promise<void> {
  if (process.argv[2] === '--listing-pass') return listingPass(process.argv[3]!);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-bench-library-'));
  try {
    let started = performance.now();
    await buildLibrary(dataDir);
    console.log(
      `(built a library of ${ROWS + REAL_FILES} images, ${REAL_FILES} of them real files, in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );

    const opens: number[] = [];
    let library!: ImageLibrary;
    for (let i = 0; i < 5; i++) {
      started = performance.now();
      library = await ImageLibrary.open(dataDir, options);
      library.list({ limit: 200 });
      opens.push(performance.now() - started);
      if (i < 4) library.close();
    }
    report('open the database and list the first page, median of 5', median(opens), 'ms', 150);

    const middle = Math.floor(ROWS / 2);
    const filters: Array<[string, Parameters<ImageLibrary['list']>[0]]> = [
      ['no filter', {}],
      ['provider', { provider: 'givon' }],
      ['model', { model: 'nano-banana' }],
      ['source', { source: 'edited' }],
      ['favourites', { favorites: true }],
      ['tag', { tag: 'client-a' }],
      ['date range', { from: Date.now() - 90 * 24 * 3600_000 }],
      ['deep page (cursor halfway)', { cursor: middle }],
      ['provider, deep page', { provider: 'openai', cursor: middle }],
    ];
    let worst = 0;
    for (const [name, filter] of filters) {
      const samples = timeIt(() => {
        const page = library.list({ ...filter, limit: 200 });
        if (page.items.length !== 200) throw new Error(`${name}: expected a full page, got ${page.items.length}`);
      }, 50);
      const m = median(samples);
      worst = Math.max(worst, m);
      console.log(`  page of 200, ${name}: median ${m.toFixed(2)} ms`);
    }
    report('one page of 200 items, any single filter, worst median', worst, 'ms', 10);

    const terms = ['photo', 'ph', 'lighthouse', 'red fox', 'zeppelin', 'neon city night', 'cinematic gold', 'real file'];
    const searches: number[] = [];
    for (const term of terms) {
      const samples = timeIt(() => library.list({ query: term, limit: 200 }), 40);
      console.log(
        `  search "${term}": ${library.list({ query: term, limit: 500 }).items.length}+ hits, p95 ${percentile(samples, 95).toFixed(2)} ms`,
      );
      searches.push(...samples);
    }
    report('full-text search over prompts, newest first, p95 over all terms', percentile(searches, 95), 'ms', 20);

    const views: Array<[string, LibraryCountQuery]> = [
      ...filters.filter(([name]) => !name.includes('deep')),
      ['the trash', { trashed: true }],
      ...['photo', 'ph', 'lighthouse', 'red fox', 'zeppelin', 'neon city night'].map((term): [string, LibraryCountQuery] => [
        `search "${term}"`,
        { query: term },
      ]),
    ];
    const countAll = (what: string) => {
      const samples: number[] = [];
      for (const [name, view] of views) {
        const times = timeIt(() => library.count(view), 40);
        console.log(`  count, ${name}: ${library.count(view)}, p95 ${percentile(times, 95).toFixed(2)} ms`);
        samples.push(...times);
      }
      report(`exact count for a single filter or a search, ${what}, p95 over all of them`, percentile(samples, 95), 'ms', 20);
    };
    countAll('empty trash');
    // A used library has a trash, which every count must leave out (restored after, for the figures below).
    const trashed = Array.from({ length: 1000 }, (_, i) => 1 + i * 97);
    library.trash(trashed);
    countAll('1,000 images in the trash');
    library.restore(trashed);
    benchViews(library);

    library.close();

    const child = spawnSync(process.execPath, [process.argv[1]!, '--listing-pass', dataDir], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`listing pass failed: ${child.stderr}`);
    const { peak, count } = JSON.parse(child.stdout) as { peak: number; count: number };
    if (count !== ROWS + REAL_FILES) throw new Error(`the listing pass saw ${count} rows`);
    report(`peak RSS during a full listing pass over ${count} rows`, peak / 1024 / 1024, 'MB', 300);
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
