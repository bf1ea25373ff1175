// The library grid in Chromium through the browser harness, over 100,000 images: scroll frames at
// 300 px per frame beside a minimal plain-DOM virtualized grid of the same tiles measured in the
// same run, and the JS heap after. Needs a built renderer and harness: `npm run build` first
// (HOLST_OUT=dir uses another build folder), and Chromium (/usr/bin/chromium or HOLST_CHROMIUM).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { startHarness, type Harness } from '../tests/support/harness';
import { testKeychainService } from '../tests/support/keychain';
import { browserBenchSetup } from './support/browser-bench';
import { clickNav, expectNoTouchRegions, waitForElement } from '../tests/support/page-without-locators';
import { buildGridLibrary } from './support/grid-library';
import { markScroller, mountPlainGrid, readGeometry, scrollByFrames, type ScrollRun } from './support/grid-page';
import { percentile, report } from './report';

const ROWS = Number(process.env.HOLST_BENCH_GRID_ROWS ?? 100_000);
/** Frames per run: 2,000 steps of 300 px, a fifth of the way down 100,000 images (the whole way takes minutes). */
const FRAMES = Number(process.env.HOLST_BENCH_GRID_FRAMES ?? 2_000);
const STEP = 300;
/** Where each run starts, as a fraction of the way down (0 = the top): a window deep in the grid without scrolling to it. */
const FROM = Number(process.env.HOLST_BENCH_GRID_FROM ?? 0);
const ROUNDS = Number(process.env.HOLST_BENCH_ROUNDS ?? 2);
/** A rendered tile of the real grid; whatever box scrolls it is measured. */
const TILE = '[aria-label="Images"] [data-index]';
const REAL = '[data-bench-scroller]';
const PLAIN = '.plain-scroller';
/** Where `.cpuprofile` files of one more run of each grid are written (open them in Chrome DevTools), if set. */
const PROFILE_DIR = process.env.HOLST_BENCH_PROFILE;
const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount', 'RecalcStyleCount'] as const;

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Scroll runs of one grid, pooled over rounds, with what the renderer spent per frame. */
class Grid {
  frames: number[] = [];
  spent: Metrics = Object.fromEntries(METRICS.map((name) => [name, 0]));
  /** Pictures in the DOM per frame, per run. */
  images: number[] = [];
  distance = 0;
  height = 0;

  async run(page: Page, cdp: CDPSession, selector: string): Promise<void> {
    const before = await metrics(cdp);
    const run: ScrollRun = await page.evaluate(scrollByFrames, { selector, step: STEP, count: FRAMES, from: FROM });
    const after = await metrics(cdp);
    for (const name of METRICS) this.spent[name]! += (after[name] ?? 0) - (before[name] ?? 0);
    this.frames.push(...run.frames);
    this.images.push(run.images);
    this.distance = run.scrollTop;
    this.height = run.scrollHeight;
  }

  describe(name: string): string {
    const per = (key: string, seconds = true) => ((this.spent[key]! * (seconds ? 1000 : 1)) / this.frames.length).toFixed(seconds ? 2 : 1);
    const long = this.frames.filter((f) => f > 50).length;
    return (
      `  ${name}: ${this.frames.length} frames, median ${percentile(this.frames, 50).toFixed(1)} ms, p95 ${percentile(this.frames, 95).toFixed(1)} ms, ` +
      `${long} over 50 ms; per frame: task ${per('TaskDuration')} ms, script ${per('ScriptDuration')} ms, layout ${per('LayoutDuration')} ms ` +
      `(${per('LayoutCount', false)}×), style ${per('RecalcStyleDuration')} ms (${per('RecalcStyleCount', false)}×); ` +
      `${(this.images.reduce((sum, n) => sum + n, 0) / this.images.length).toFixed(0)} pictures in the DOM`
    );
  }
}

/** The app at its Library screen, the first tiles shown; answers whether the page itself scrolls the grid. */
async function openLibrary(page: Page, url: string): Promise<boolean> {
  await page.goto(url);
  // No locators on a measured page (tests/support/page-without-locators.ts): a click from the page's own script.
  await clickNav(page, 'Library');
  await page.evaluate(waitForElement, { selector: TILE });
  await page.waitForTimeout(500);
  return (await page.evaluate(markScroller, TILE)).page;
}

/** A same-origin page with nothing of the app in it, then the plain grid on it. */
async function openPlain(page: Page, origin: string, setup: Parameters<typeof mountPlainGrid>[0]): Promise<void> {
  await page.goto(`${origin}/media/thumb/${setup.ids[0]}`);
  await page.evaluate(mountPlainGrid, setup);
  await page.waitForTimeout(500);
}

async function profile(cdp: CDPSession, file: string, run: () => Promise<void>): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  await run();
  const { profile: data } = await cdp.send('Profiler.stop');
  await fs.writeFile(file, JSON.stringify(data));
  console.log(`  (CPU profile written to ${file})`);
}

async function main(): Promise<void> {
  const setup = browserBenchSetup(['server/serve.cjs', 'renderer/index.html']);
  if (!setup) return;
  const { executablePath } = setup;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-bench-grid-'));
  try {
    const started = performance.now();
    const ids = await buildGridLibrary(dataDir, ROWS);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`  (built a library of ${ROWS} images, every one with a thumbnail, in ${seconds} s)`);
    const harness = await startHarness(dataDir, { HOLST_KEYCHAIN_SERVICE: testKeychainService() });
    try {
      // Unthrottled frames, so a frame's time is what it cost, not a multiple of the 16.7 ms display tick.
      const browser = await chromium.launch({
        executablePath,
        args: ['--disable-gpu-vsync', '--disable-frame-rate-limit', '--disable-background-networking', '--no-first-run'],
      });
      try {
        await measure(await browser.newPage({ viewport: { width: 1280, height: 800 } }), harness, ids);
      } finally {
        await browser.close();
      }
    } finally {
      await harness.stop();
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function measure(page: Page, harness: Harness, ids: number[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  if (await openLibrary(page, harness.url)) console.log('  (note: the page itself scrolls the grid; its own scroll box did not)');
  const geometry = await page.evaluate(readGeometry, REAL);
  const captions = ['fox dawn harbour night', 'city neon storm gold blue', 'lake snow forest', 'lighthouse red lemons dawn neon'];
  const setup = { geometry, ids, captions };
  const real = new Grid();
  const plain = new Grid();
  let heap = { usedSize: 0 };
  const started = performance.now();
  // Alternated, so load elsewhere on the machine falls on both alike.
  for (let round = 0; round < ROUNDS; round++) {
    await openLibrary(page, harness.url);
    await real.run(page, cdp, REAL);
    heap = await cdp.send('Runtime.getHeapUsage');
    await expectNoTouchRegions(page, 'the library grid');
    await openPlain(page, harness.origin, setup);
    await plain.run(page, cdp, PLAIN);
    await expectNoTouchRegions(page, 'the plain grid');
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const way = ((100 * real.distance) / real.height).toFixed(0);
  console.log(
    `  (${geometry.columns} columns of ${geometry.size.toFixed(0)} px tiles in a ${geometry.width}×${geometry.height} box; ` +
      `each run ${FRAMES} frames of ${STEP} px from ${FROM > 0 ? `${(100 * FROM).toFixed(0)}% down` : 'the top'} to ${way}% of the ${real.height} px grid; ${ROUNDS} rounds each, alternated, in ${seconds} s)`,
  );
  console.log(real.describe('library grid'));
  console.log(plain.describe('plain grid  '));
  const realP95 = percentile(real.frames, 95);
  const plainP95 = percentile(plain.frames, 95);
  report(`grid scroll at ${STEP} px per frame, ${ROWS} images: p95 frame time`, realP95, 'ms', Number((1.2 * plainP95).toFixed(2)));
  report('the same, as a multiple of the plain grid’s p95 in the same run', realP95 / plainP95, '×', 1.2);
  report('JS heap after scrolling the library grid', heap.usedSize / 1024 / 1024, 'MB', 150);

  if (PROFILE_DIR) {
    await fs.mkdir(PROFILE_DIR, { recursive: true });
    await openLibrary(page, harness.url);
    await profile(cdp, path.join(PROFILE_DIR, 'grid-library.cpuprofile'), () => new Grid().run(page, cdp, REAL));
    await openPlain(page, harness.origin, setup);
    await profile(cdp, path.join(PROFILE_DIR, 'grid-plain.cpuprofile'), () => new Grid().run(page, cdp, PLAIN));
  }
}

await main();
