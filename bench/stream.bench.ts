// Streaming and long conversations in Chromium through the browser harness, against the
// OpenAI-compatible reference server streaming one token per SSE event:
// 1. a long answer (20,000 tokens at 2,000 tokens a second, then a picture): Enter → picture shown
//    in the app, beside the core's own time for the same answer through the CLI in the same run;
//    long tasks on the way and the JS heap;
// 2. a conversation of 500 messages (200,000 tokens, 300 pictures) among 1,000: the time to open
//    it and its scroll frames beside a plain-DOM list of the same messages.
// Needs a built app (`npm run build`; HOLST_OUT=dir for another build folder) and Chromium.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { longAnswer, tokenize } from '../tests/servers/long-answer';
import { startOpenAIChatServer, type OpenAIChatServer } from '../tests/servers/openai-chat-server';
import { startHarness } from '../tests/support/harness';
import { testKeychainService } from '../tests/support/keychain';
import { report, median, percentile } from './report';
import { buildLongConversation } from '../tests/support/long-conversation';
import { browserBenchSetup } from './support/browser-bench';
import { clickButton, clickNav, expectNoTouchRegions, typePrompt } from '../tests/support/page-without-locators';
import {
  chatBox,
  countElements,
  installProbe,
  mountPlainList,
  scrollUpByFrames,
  waitForMarker,
  waitForPicture,
  type StreamRun,
} from './support/stream-page';

const TOKENS = Number(process.env.HOLST_BENCH_STREAM_TOKENS ?? 20_000);
const RATE = Number(process.env.HOLST_BENCH_STREAM_RATE ?? 2_000);
const TIMEOUT_MS = Number(process.env.HOLST_BENCH_STREAM_TIMEOUT_S ?? 120) * 1000;
const MESSAGES = Number(process.env.HOLST_BENCH_CHAT_MESSAGES ?? 500);
const CHAT_TOKENS = Number(process.env.HOLST_BENCH_CHAT_TOKENS ?? 200_000);
const PICTURES = Number(process.env.HOLST_BENCH_CHAT_PICTURES ?? 300);
const CONVERSATIONS = Number(process.env.HOLST_BENCH_CHAT_CONVERSATIONS ?? 1_000);
const OPENS = 5;
const SCROLL_STEP = 120;
const SCROLL_FRAMES = Number(process.env.HOLST_BENCH_CHAT_FRAMES ?? 1_500);
const ROUNDS = Number(process.env.HOLST_BENCH_ROUNDS ?? 2);
/** A folder: each round's stream is traced (Chromium's timeline, Enter to picture) into it, to find what a long task was. */
const TRACE_DIR = process.env.HOLST_BENCH_TRACE;
/** Scroll rounds: a round's p95 varies by a fifth from one to the next on this machine, so more of them than of streams. */
const SCROLL_ROUNDS = Number(process.env.HOLST_BENCH_SCROLL_ROUNDS ?? 4);
const PROVIDER = { id: 'agg', kind: 'openai-chat', name: 'Aggregator', models: ['gpt-4o-image'] };
const KEYS = (server: OpenAIChatServer) => ({ HOLST_API_KEY_AGG: server.apiKey, HOLST_KEYCHAIN_SERVICE: testKeychainService() });

const out = process.env.HOLST_OUT ?? 'out';

async function writeSettings(dataDir: string, server: OpenAIChatServer): Promise<void> {
  const settings = { version: 1, providers: [{ ...PROVIDER, baseUrl: server.baseUrl }] };
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** The core alone: `holst generate` for the same answer, wall time of the whole command. */
function timeCli(dataDir: string, server: OpenAIChatServer, prompt: string): Promise<number> {
  const entry = path.resolve(out, 'cli', 'holst.cjs');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [entry, '--data-dir', dataDir, '--json', 'generate', '--provider', 'agg', '--prompt', prompt], {
      env: { ...process.env, ...KEYS(server) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`holst generate: ${code} ${stderr}`)),
    );
  });
}

/** `unthrottled`: frames as fast as they can be made, so a frame's time is what it cost (the scroll runs), not the 16.7 ms display tick. */
async function launch(executablePath: string, unthrottled: boolean): Promise<Browser> {
  const args = ['--disable-background-networking', '--no-first-run', '--disable-component-update'];
  return chromium.launch({ executablePath, args: unthrottled ? [...args, '--disable-gpu-vsync', '--disable-frame-rate-limit'] : args });
}

/** Samples the page's JS heap every half second until stopped; answers the largest, in MB. */
function sampleHeap(cdp: CDPSession): () => Promise<number> {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      peak = Math.max(peak, usedSize);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  return async () => {
    running = false;
    await loop;
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return Math.max(peak, usedSize) / 1024 / 1024;
  };
}

async function streamPart(browser: Browser): Promise<void> {
  const server = await startOpenAIChatServer();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-bench-stream-'));
  const text = longAnswer(TOKENS);
  const tokens = tokenize(text).length;
  const answer = { text, tokensPerSecond: RATE, progress: [], images: 1 };
  const wire = (tokens / RATE) * 1000;
  console.log(
    `  (an answer of ${tokens} tokens, ${text.length} characters, one token per SSE event at ${RATE}/s: ${(wire / 1000).toFixed(1)} s on the wire, then a picture)`,
  );
  try {
    await writeSettings(dataDir, server);
    const harness = await startHarness(dataDir, KEYS(server));
    const cli: number[] = [];
    const app: StreamRun[] = [];
    let heap = 0;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        server.answers.push({ ...answer });
        cli.push(await timeCli(dataDir, server, `the core alone ${round}`));
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const cdp = await page.context().newCDPSession(page);
        await page.goto(harness.url);
        // No locators on a measured page (tests/support/page-without-locators.ts): clicks from the page, raw keys.
        await clickNav(page, 'Chat');
        await typePrompt(page, `the app ${round}`);
        // A person takes a second or more to type a prompt: the window's start-up work is done by then.
        await page.waitForTimeout(1500);
        await page.evaluate(installProbe);
        server.answers.push({ ...answer });
        const heapPeak = sampleHeap(cdp);
        if (TRACE_DIR)
          await browser.startTracing(page, {
            path: path.join(TRACE_DIR, `stream-${round + 1}.json`),
            categories: [
              'devtools.timeline',
              'disabled-by-default-devtools.timeline',
              'blink',
              'v8.execute',
              'disabled-by-default-v8.cpu_profiler',
            ],
          });
        await page.keyboard.press('Enter');
        const run = await page.evaluate(waitForPicture, { timeoutMs: TIMEOUT_MS });
        if (TRACE_DIR) await browser.stopTracing();
        heap = Math.max(heap, await heapPeak());
        app.push(run);
        const longest = (list: number[]) => (list.length ? Math.max(...list) : 0).toFixed(0);
        console.log(
          `  round ${round + 1}: core (CLI) ${(cli[round]! / 1000).toFixed(2)} s; app ${run.ms === null ? `not finished in ${TIMEOUT_MS / 1000} s` : `${(run.ms / 1000).toFixed(2)} s`}, ` +
            `${run.longTasks.length} long tasks (longest ${longest(run.longTasks)} ms), ${run.longFrames.length} long animation frames (longest ${longest(run.longFrames)} ms), ${run.chars} characters shown`,
        );
        for (const detail of run.longTaskDetails) console.log(`    long task ${detail}`);
        for (const detail of run.longFrameDetails) console.log(`    long frame ${detail}`);
        await expectNoTouchRegions(page, 'the streaming page');
        await page.close();
        // A run that timed out is still streaming in the core: let it end before the next round.
        if (run.ms === null) await new Promise((resolve) => setTimeout(resolve, wire));
      }
    } finally {
      await harness.stop();
    }
    const core = median(cli);
    const finished = app.filter((r) => r.ms !== null).map((r) => r.ms!);
    const appMs = finished.length === app.length ? median(finished) : TIMEOUT_MS;
    const longTasks = app.flatMap((r) => r.longTasks);
    const longFrames = app.flatMap((r) => r.longFrames);
    report(`${tokens} tokens at ${RATE}/s: Enter → picture in the app, as a multiple of the core's own time (CLI)`, appMs / core, '×', 1.1);
    console.log(
      `  (median of ${ROUNDS}: the app ${(appMs / 1000).toFixed(2)} s${finished.length < app.length ? ' or more (a run did not finish)' : ''}, the core ${(core / 1000).toFixed(2)} s, the wire alone ${(wire / 1000).toFixed(2)} s)`,
    );
    report('long tasks over 50 ms in the window while it streams (all rounds)', longTasks.length, 'tasks', 0);
    // Stricter than long tasks: a frame's script and the style, layout and paint it caused, together.
    report('long animation frames over 50 ms (script + rendering) while it streams (all rounds)', longFrames.length, 'frames', 0);
    report('JS heap while streaming, peak', heap, 'MB', 100);
  } finally {
    await server.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function openChat(page: Page, title: string): Promise<void> {
  await page.evaluate(clickButton, { within: 'aside.chat-sidebar', text: title });
}

async function conversationPart(browser: Browser): Promise<void> {
  const server = await startOpenAIChatServer();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-bench-chat-'));
  try {
    await writeSettings(dataDir, server);
    const started = performance.now();
    const built = await buildLongConversation(dataDir, {
      messages: MESSAGES,
      tokens: CHAT_TOKENS,
      pictures: PICTURES,
      others: CONVERSATIONS - 2,
    });
    console.log(
      `  (built ${built.conversations} conversations, the long one with ${built.messages} messages, ${built.tokens} tokens and ${built.pictures} pictures, in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    const harness = await startHarness(dataDir, KEYS(server));
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(harness.url);
      await page.waitForTimeout(1500);
      // The Chat screen opened from another screen, three times: click → the newest conversation listed.
      // No locators on a measured page (tests/support/page-without-locators.ts): clicks and checks from the page's own script.
      const listTimes: number[] = [];
      for (let i = 0; i < 3; i++) {
        await clickNav(page, 'Library');
        await page.waitForTimeout(500);
        const listStarted = performance.now();
        await clickNav(page, 'Chat');
        await page.evaluate(clickButton, { within: 'aside.chat-sidebar', text: built.title, click: false });
        listTimes.push(performance.now() - listStarted);
      }
      const listed = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } }).document.querySelectorAll(
            '.conversation-list button.conversation',
          ).length,
      );
      report(
        `open the Chat screen with ${built.conversations} conversations: click → list shown, median of 3 (${listed} rows in the DOM)`,
        median(listTimes),
        'ms',
        100,
      );
      await page.evaluate(installProbe);
      const opens: number[] = [];
      for (let i = 0; i < OPENS; i++) {
        await openChat(page, built.otherTitle);
        await page.waitForTimeout(300);
        await openChat(page, built.title);
        const ms = await page.evaluate(waitForMarker, { marker: built.lastMarker, timeoutMs: 30_000 });
        if (ms === null) throw new Error('the long conversation did not show its last answer within 30 s');
        opens.push(ms);
        await page.waitForTimeout(300);
      }
      console.log(`  (opens: ${opens.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
      report(
        `open a conversation of ${built.messages} messages (${built.tokens} tokens, ${built.pictures} pictures): click → last answer shown, median`,
        median(opens),
        'ms',
        200,
      );

      await page.waitForTimeout(1500);
      const box = await page.evaluate(chatBox, '.chat-scroller');
      const messages = built.plain;
      // The answers' Markdown as HTML, rendered once here, and the app's stylesheet, for the list of the same DOM.
      const withHtml = messages.map((message) =>
        message.role === 'assistant'
          ? { ...message, html: renderToStaticMarkup(createElement(ReactMarkdown, { remarkPlugins: [remarkGfm] }, message.text)) }
          : message,
      );
      const css = (await fs.readdir(path.resolve(out, 'renderer', 'assets'))).find((file) => file.endsWith('.css'));
      const stylesheet = css ? `/assets/${css}` : undefined;
      const real: number[] = [];
      const plain: number[] = [];
      const plainStatic: number[] = [];
      const plainMarkdown: number[] = [];
      let realNodes = 0;
      /** The same scroll over a plain-DOM list of the same messages on a page of its own. */
      const scrollPlain = async (virtual: boolean, into: number[], markdown = false) => {
        const plainPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        // The session's token, swapped for its cookie: without it the harness refuses the pictures (and the stylesheet).
        await plainPage.goto(`${harness.origin}/media/thumb/1?token=${new URL(harness.url).searchParams.get('token')}`);
        await plainPage.evaluate(mountPlainList, markdown ? { messages: withHtml, box, virtual, stylesheet } : { messages, box, virtual });
        await plainPage.waitForTimeout(1000);
        into.push(
          ...(await plainPage.evaluate(scrollUpByFrames, { selector: '.plain-scroller', step: SCROLL_STEP, count: SCROLL_FRAMES })).frames,
        );
        await expectNoTouchRegions(plainPage, 'the plain list');
        await plainPage.close();
      };
      // Alternated, so load elsewhere on the machine falls on all alike.
      for (let round = 0; round < SCROLL_ROUNDS; round++) {
        await openChat(page, built.otherTitle);
        await page.waitForTimeout(300);
        await page.evaluate(installProbe);
        await openChat(page, built.title);
        await page.evaluate(waitForMarker, { marker: built.lastMarker, timeoutMs: 30_000 });
        await page.waitForTimeout(1000);
        const run = await page.evaluate(scrollUpByFrames, { selector: '.chat-scroller', step: SCROLL_STEP, count: SCROLL_FRAMES });
        real.push(...run.frames);
        await expectNoTouchRegions(page, 'the chat');
        console.log(
          `  (round ${round + 1}: the chat p95 ${percentile(run.frames, 95).toFixed(1)} ms over ${run.frames.length} frames, ${run.distance} px)`,
        );
        realNodes = Math.max(realNodes, await page.evaluate(countElements, '.chat-scroller'));
        await scrollPlain(true, plain);
        await scrollPlain(false, plainStatic);
        await scrollPlain(true, plainMarkdown, true);
      }
      const describe = (frames: number[]) =>
        `${frames.length} frames, median ${median(frames).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms`;
      console.log(
        `  (scrolling up ${SCROLL_STEP} px a frame, ${SCROLL_ROUNDS} rounds: the chat ${describe(real)}, at most ${realNodes} elements in its DOM)`,
      );
      console.log(`  (a plain-DOM virtualized list of the same messages as plain paragraphs: ${describe(plain)})`);
      console.log(
        `  (for reference, all of them in one static plain-DOM list, nothing rendered while scrolling: ${describe(plainStatic)})`,
      );
      console.log(
        `  (the same virtualized list with each answer as its Markdown's HTML, set at once, in the app's stylesheet: ${describe(plainMarkdown)})`,
      );
      // The floor is a plain-DOM list of the same answers as they show: their Markdown's HTML, with no
      // React, turn bars or buttons, and none of the chat's own bookkeeping. Plain paragraphs draw
      // less than the answers are (no tables, code blocks or list markers: measured, the HTML alone
      // scrolls at 1.3-1.4x their p95), so no rendering of these answers can reach them; their figure
      // is printed beside it for reference.
      report(
        'scroll the long conversation: p95 frame as a multiple of a plain-DOM list of the same answers (their Markdown’s HTML)',
        percentile(real, 95) / percentile(plainMarkdown, 95),
        '×',
        1.2,
      );
      console.log(
        `  (the same against the plain paragraphs: the chat ${(percentile(real, 95) / percentile(plain, 95)).toFixed(2)}x, the answers' HTML alone ${(percentile(plainMarkdown, 95) / percentile(plain, 95)).toFixed(2)}x)`,
      );
      await page.close();
    } finally {
      await harness.stop();
    }
  } finally {
    await server.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const setup = browserBenchSetup(['server/serve.cjs', 'renderer/index.html', 'cli/holst.cjs']);
  if (!setup) return;
  const only = process.env.HOLST_BENCH_STREAM_PART;
  for (const [part, run, unthrottled] of [
    ['stream', streamPart, false],
    ['chat', conversationPart, true],
  ] as const) {
    if (only && only !== part) continue;
    const browser = await launch(setup.executablePath, unthrottled);
    try {
      await run(browser);
    } finally {
      await browser.close();
    }
  }
}

await main();
