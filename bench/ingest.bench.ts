// Ingest of photo-sized PNGs with thumbnails, as the import job runs it over a folder and as
// pictures arrive in memory, IMPORT_CONCURRENCY at a time, beside the decode bound: what sharp
// alone needs to decode the same files on the same cores.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ImageLibrary } from '../src/main/core/library/image-library';
import { IMPORT_CONCURRENCY, importFiles } from '../src/main/core/library/ingest/import-files';
import { silentLogger } from '../src/main/core/logging/log';
import { photoLikePng } from '../tests/support/images';
import { median, report } from './report';

const PHOTOS = 48;
/** Rounds of the whole set; the machine may be shared, so the best and the median are both shown. */
const ROUNDS = Number(process.env.HOLST_BENCH_ROUNDS ?? 5);
const CONCURRENCY = IMPORT_CONCURRENCY;
const options = { maxImageBytes: () => 100 * 1024 * 1024, logger: silentLogger };

/** CPU milliseconds (all threads of this process) per item of the last `throughput` run: steadier than wall time on a busy machine. */
let lastCpuPerItem = 0;

/** Runs `work` over every item, `CONCURRENCY` at a time; answers items per second. */
async function throughput<T>(items: T[], work: (item: T) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
  const used = process.cpuUsage(cpu);
  lastCpuPerItem = (used.user + used.system) / 1000 / items.length;
  return items.length / ((performance.now() - started) / 1000);
}

/** Runs `work` on a new, empty library, then removes it. */
async function withEmptyLibrary<T>(work: (library: ImageLibrary) => Promise<T>): Promise<T> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-bench-ingest-'));
  const library = await ImageLibrary.open(dataDir, options);
  try {
    return await work(library);
  } finally {
    library.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** Ingests every photo from memory; answers images per second. */
const ingestBytes = (photos: Buffer[]) =>
  withEmptyLibrary((library) =>
    throughput(photos, async (bytes) => {
      const { duplicate } = await library.ingest({ bytes }, { source: 'generated', prompt: 'photo bench' });
      if (duplicate) throw new Error('a photo was taken for a duplicate');
    }),
  );

/** The import job over the folder of photos; answers images per second. */
const importFolder = (folder: string) =>
  withEmptyLibrary(async (library) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const results = await importFiles(library, [folder]);
    const used = process.cpuUsage(cpu);
    const imported = results.filter((result) => result.status === 'imported').length;
    if (imported !== PHOTOS) throw new Error(`the import kept ${imported} of ${PHOTOS} photos`);
    lastCpuPerItem = (used.user + used.system) / 1000 / PHOTOS;
    return PHOTOS / ((performance.now() - started) / 1000);
  });

interface Row {
  rates: number[];
  cpu: number[];
}

async function measure(row: Row, run: () => Promise<number>): Promise<void> {
  row.rates.push(await run());
  row.cpu.push(lastCpuPerItem);
}

function summary(name: string, row: Row): void {
  const rates = `best ${Math.max(...row.rates).toFixed(1)}, median ${median(row.rates).toFixed(1)} images/s`;
  const cpu = `CPU ${median(row.cpu).toFixed(1)} ms per image (median)`;
  console.log(`  ${name}: ${rates}, ${cpu}, over ${row.rates.length} rounds`);
}

async function main(): Promise<void> {
  const photos: Buffer[] = [];
  for (let i = 0; i < PHOTOS; i++) photos.push(await photoLikePng(1024, 1024, 48 + i));
  const averageMb = photos.reduce((n, p) => n + p.length, 0) / photos.length / 1024 / 1024;
  const sourceDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-bench-photos-'));
  await Promise.all(photos.map((photo, i) => fs.writeFile(path.join(sourceDir, `${i}.png`), photo)));
  try {
    const decode: Row = { rates: [], cpu: [] };
    const fromBytes: Row = { rates: [], cpu: [] };
    const fromFiles: Row = { rates: [], cpu: [] };
    // Interleaved, so a burst of load elsewhere on the machine hits every row alike.
    for (let round = 0; round < ROUNDS; round++) {
      await measure(decode, () => throughput(photos, (photo) => sharp(photo, { failOn: 'truncated' }).raw().toBuffer()));
      await measure(fromBytes, () => ingestBytes(photos));
      await measure(fromFiles, () => importFolder(sourceDir));
    }
    const what = `1024×1024 photo-like PNGs (${averageMb.toFixed(1)} MB each)`;
    console.log(
      `  (${os.cpus().length} cores, ${CONCURRENCY} at a time; the decode bound is the ceiling for any ingest that decodes each file once)`,
    );
    summary('decode bound (sharp decode only)', decode);
    summary('ingest from bytes', fromBytes);
    summary('ingest from files (as the import job)', fromFiles);
    report(
      `ingest of ${what} with thumbnails, ${CONCURRENCY} at a time, best of ${ROUNDS}`,
      Math.max(...fromBytes.rates),
      'images/s',
      50,
      'min',
    );
    report(`the same from files on disk (import), best of ${ROUNDS}`, Math.max(...fromFiles.rates), 'images/s', 50, 'min');
  } finally {
    await fs.rm(sourceDir, { recursive: true, force: true });
  }
}

await main();
