// The generation queue (issue 23), in Chromium through the browser harness and with the built CLI,
// against the OpenAI-compatible reference server:
// 1. the queue panel's open time with 1,000 jobs in the history: click → the first frame with its
//    rows, as the window first lists them, and again once Show more has listed all 1,000;
// 2. long tasks in the window while 100 prompts queued in one chat run one after another (each
//    waits for the answer above), with the queue panel open and its clock ticking;
// 3. a fan-out to 3 providers whose answers each take 2 s, beside one provider alone (`holst
//    generate --provider a --provider b --provider c`): the time as a multiple of one's.
// Needs a built app (`npm run build`; HOLST_OUT=dir for another build folder) and Chromium.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startOpenAIChatServer, type OpenAIChatServer } from '../tests/servers/openai-chat-server';
import { startHarness } from '../tests/support/harness';
import { testKeychainService } from '../tests/support/keychain';
import { clickNav, typePrompt } from '../tests/support/page-without-locators';
import { seedQueueHistory } from '../tests/support/seed-queue';
import { median, report } from './report';
import { browserBenchSetup } from './support/browser-bench';
import { badgeCount, longSince, pageNow, showEveryJob, timePanelOpen, waitForEmptyPrompt } from './support/queue-page';
import { installProbe } from './support/stream-page';

const HISTORY = Number(process.env.HOLST_BENCH_QUEUE_HISTORY ?? 1_000);
const JOBS = Number(process.env.HOLST_BENCH_QUEUE_JOBS ?? 100);
const OPENS = 5;
const FAN_OUT_ROUNDS = Number(process.env.HOLST_BENCH_ROUNDS ?? 3);
const out = process.env.HOLST_OUT ?? 'out';

const provider = (id: string, server: OpenAIChatServer) => ({
  id,
  kind: 'openai-chat',
  name: id,
  baseUrl: server.baseUrl,
  models: ['gpt-4o-image'],
});
const keyOf = (id: string) => `HOLST_API_KEY_${id.toUpperCase()}`;

async function dataFolder(name: string, providers: object[]): Promise<string> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `holst-bench-queue-${name}-`));
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ version: 1, providers }, null, 2));
  return dataDir;
}

async function openWindow(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  // No locators on a measured page (tests/support/page-without-locators.ts): clicks from the page, raw keys.
  await clickNav(page, 'Chat');
  await page.waitForTimeout(1500);
  return page;
}

async function panelPart(browser: Browser): Promise<void> {
  const server = await startOpenAIChatServer();
  const dataDir = await dataFolder('history', [provider('agg', server)]);
  try {
    const seeded = performance.now();
    await seedQueueHistory(dataDir, HISTORY);
    console.log(`  (wrote ${HISTORY} ended jobs in ${((performance.now() - seeded) / 1000).toFixed(1)} s)`);
    const harness = await startHarness(dataDir, { [keyOf('agg')]: server.apiKey, HOLST_KEYCHAIN_SERVICE: testKeychainService() });
    try {
      const page = await openWindow(browser, harness.url);
      const time = async () => {
        const runs: number[] = [];
        let rows = 0;
        for (let i = 0; i < OPENS; i++) {
          const run = await page.evaluate(timePanelOpen, { timeoutMs: 10_000 });
          runs.push(run.ms);
          rows = run.rows;
          await page.waitForTimeout(300);
        }
        return { ms: median(runs), runs, rows };
      };
      const first = await time();
      console.log(`  (opens: ${first.runs.map((ms) => ms.toFixed(0)).join(', ')} ms; ${first.rows} rows drawn)`);
      report(`open the queue panel with ${HISTORY} jobs in the history: click → rows shown, median of ${OPENS}`, first.ms, 'ms', 50);

      await page.evaluate(() => {
        (globalThis as unknown as { document: { querySelector(s: string): { click(): void } } }).document
          .querySelector('nav.sidebar .queue-button')
          .click();
      });
      const listed = await page.evaluate(showEveryJob, { timeoutMs: 60_000 });
      await page.evaluate(() => {
        (globalThis as unknown as { document: { querySelector(s: string): { click(): void } } }).document
          .querySelector('nav.sidebar .queue-button')
          .click();
      });
      await page.waitForTimeout(500);
      const all = await time();
      console.log(
        `  (Show more listed ${listed} rows; opens then: ${all.runs.map((ms) => ms.toFixed(0)).join(', ')} ms, ${all.rows} rows drawn)`,
      );
      report(`open it again with all ${HISTORY} in the window's store: click → rows shown, median of ${OPENS}`, all.ms, 'ms', 50);
      await page.close();
    } finally {
      await harness.stop();
    }
  } finally {
    await server.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function runningPart(browser: Browser): Promise<void> {
  const server = await startOpenAIChatServer();
  const dataDir = await dataFolder('running', [provider('agg', server)]);
  try {
    const harness = await startHarness(dataDir, { [keyOf('agg')]: server.apiKey, HOLST_KEYCHAIN_SERVICE: testKeychainService() });
    try {
      const page = await openWindow(browser, harness.url);
      // A short answer each, streamed for about a tenth of a second (text only: no picture for the next prompt to upload).
      for (let i = 0; i < JOBS; i++)
        server.answers.push({ text: `Answer ${i + 1}: a small study of the harbour.`, tokensPerSecond: 80, images: 0 });
      await page.evaluate(installProbe);
      const from = await page.evaluate(pageNow);
      const sendStarted = performance.now();
      for (let i = 0; i < JOBS; i++) {
        await typePrompt(page, `Study ${i + 1} of a harbour at dusk`);
        await page.keyboard.press('Enter');
        await page.evaluate(waitForEmptyPrompt, { timeoutMs: 10_000 });
      }
      const queued = await page.evaluate(badgeCount);
      console.log(
        `  (${JOBS} prompts sent in ${((performance.now() - sendStarted) / 1000).toFixed(1)} s; ${queued} waiting or running then)`,
      );
      // The panel open while they run: its rows change with every job, its clock ticks.
      await page.evaluate(() => {
        (globalThis as unknown as { document: { querySelector(s: string): { click(): void } } }).document
          .querySelector('nav.sidebar .queue-button')
          .click();
      });
      const runStarted = performance.now();
      while ((await page.evaluate(badgeCount)) > 0) {
        if (performance.now() - runStarted > 300_000) throw new Error('the queue did not empty within 5 minutes');
        await page.waitForTimeout(250);
      }
      const long = await page.evaluate(longSince, { from });
      console.log(
        `  (the ${JOBS} ran in ${((performance.now() - runStarted) / 1000).toFixed(1)} s after the last was sent; server answered ${server.chats.length}; ` +
          `long tasks: ${long.tasks.map((ms) => ms.toFixed(0)).join(', ') || 'none'}; long frames: ${long.frames.map((ms) => ms.toFixed(0)).join(', ') || 'none'})`,
      );
      report(`long tasks over 50 ms in the window while ${JOBS} queued jobs are sent and run`, long.tasks.length, 'tasks', 0);
      report(`long animation frames over 50 ms (script + rendering) meanwhile`, long.frames.length, 'frames', 0);
      await page.close();
    } finally {
      await harness.stop();
    }
  } finally {
    await server.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** `holst --json generate` with these providers; the wall time of the whole command (ms). */
function timeGenerate(dataDir: string, env: NodeJS.ProcessEnv, providers: string[], prompt: string): Promise<number> {
  const entry = path.resolve(out, 'cli', 'holst.cjs');
  const args = ['--data-dir', dataDir, '--json', 'generate', ...providers.flatMap((id) => ['--provider', id]), '--prompt', prompt];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [entry, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`holst generate: ${code} ${stderr}`)),
    );
  });
}

async function fanOutPart(): Promise<void> {
  const ids = ['a', 'b', 'c'];
  const servers = await Promise.all(ids.map(() => startOpenAIChatServer()));
  const dataDir = await dataFolder(
    'fan-out',
    ids.map((id, i) => provider(id, servers[i]!)),
  );
  const env = { HOLST_KEYCHAIN_SERVICE: testKeychainService(), ...Object.fromEntries(ids.map((id, i) => [keyOf(id), servers[i]!.apiKey])) };
  // Twenty tokens (one word each) at ten a second: each answer takes 2 s on the wire, then its picture.
  const twoSeconds = { text: Array.from({ length: 20 }, () => 'light').join(' '), tokensPerSecond: 10, images: 1 };
  try {
    const one: number[] = [];
    const three: number[] = [];
    for (let round = 0; round < FAN_OUT_ROUNDS; round++) {
      servers[0]!.answers.push({ ...twoSeconds });
      one.push(await timeGenerate(dataDir, env, ['a'], `one provider, round ${round + 1}`));
      for (const server of servers) server.answers.push({ ...twoSeconds });
      three.push(await timeGenerate(dataDir, env, ids, `three providers, round ${round + 1}`));
    }
    console.log(
      `  (one provider: ${one.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s; three: ${three.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)`,
    );
    report(
      'a fan-out to 3 providers of 2 s each, as a multiple of one provider alone (holst generate, median)',
      median(three) / median(one),
      '×',
      1.2,
    );
  } finally {
    await Promise.all(servers.map((server) => server.close()));
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const setup = browserBenchSetup(['server/serve.cjs', 'renderer/index.html', 'cli/holst.cjs']);
  if (!setup) return;
  const browser = await chromium.launch({
    executablePath: setup.executablePath,
    args: ['--disable-background-networking', '--no-first-run', '--disable-component-update'],
  });
  try {
    await panelPart(browser);
    await runningPart(browser);
  } finally {
    await browser.close();
  }
  await fanOutPart();
}

await main();
