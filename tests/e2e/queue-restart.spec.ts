// The generation queue's journeys (issue 23, point 9), in the built renderer through the harness
// against the reference servers:
// - a restart with prompts queued (the aggregator's limit full) and a Givon job in flight: after
//   it the queued prompt runs, the Givon job is followed by its id and its picture shows, the
//   running chat request is shown interrupted, and the Givon server saw one create;
// - a follow-up sent 0 ms after the first picture shows (typed beforehand, Enter pressed by the
//   page's own script the moment the picture's <img> appears) reaches the provider with the
//   history and the picture;
// - the Images API's pictures on the way show in the answer before the final one replaces them.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { startGivonServer, type GivonServer } from '../servers/givon-server';
import { startOpenAIChatServer, type OpenAIChatServer } from '../servers/openai-chat-server';
import { startOpenAIImagesServer } from '../servers/openai-images-server';
import { startHarness, type Harness } from '../support/harness';
import { testKeychainService } from '../support/keychain';
import { openApp, useAggregatorChat } from './app-session';
import { answers, composer, conversations, expectLoaded, nav, prompt, setting } from './browser';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function send(page: Page, text: string): Promise<void> {
  await prompt(page).fill(text);
  await prompt(page).press('Enter');
}

/** The answer to one prompt, found by its words in the open conversation. */
const answerTo = (page: Page, text: string) =>
  page
    .getByRole('list', { name: 'Messages' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('article', { name: 'Your message' }).getByText(text, { exact: true }) })
    .getByRole('article', { name: 'Answer' });

const openChat = (page: Page, title: RegExp) => conversations(page).getByRole('button', { name: title }).click();

/**
 * The app on one data folder that can be stopped and started again (a restart), the page guarded
 * so it reaches nothing but the harness now running.
 */
async function restartableApp(page: Page, providers: object[], keys: Record<string, string>) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-restart-'));
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ version: 1, providers }, null, 2));
  const env = {
    HOLST_KEYCHAIN_SERVICE: testKeychainService(),
    ...Object.fromEntries(Object.entries(keys).map(([id, key]) => [`HOLST_API_KEY_${id.toUpperCase()}`, key])),
  };
  const foreign: string[] = [];
  let harness: Harness = await startHarness(dataDir, env);
  // The harness now running, and any before it (a closing page may still knock on its door).
  const ours = new Set([harness.origin]);
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    const origin = new URL(url).origin;
    if (origin === harness.origin) return route.continue();
    if (!ours.has(origin)) foreign.push(url);
    return route.abort();
  });
  await page.goto(harness.url);
  return {
    foreign,
    /** Stops the app as quitting does; `meanwhile` runs while it is closed; then starts it on the same folder. */
    async restart(meanwhile: () => void | Promise<void>) {
      await harness.stop();
      await meanwhile();
      harness = await startHarness(dataDir, env);
      ours.add(harness.origin);
      await page.goto(harness.url);
    },
    async close() {
      await harness.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

test.describe('the generation queue across a restart', () => {
  let givon: GivonServer;
  let aggregator: OpenAIChatServer;
  test.beforeEach(async () => {
    [givon, aggregator] = await Promise.all([startGivonServer(), startOpenAIChatServer()]);
  });
  test.afterEach(async () => {
    await Promise.all([givon.close(), aggregator.close()]);
  });

  test('queued prompts run, the Givon job in flight is followed by its id and its picture shows: one create', async ({ page }) => {
    givon.mode = 'job';
    // The service keeps working on it as long as the test needs.
    givon.pollsNeeded = 1_000_000;
    const providers = [
      { id: 'givon', kind: 'givon', name: 'Givon', baseUrl: givon.baseUrl, models: ['gpt-image-2'] },
      // One at a time: a second prompt to it waits in the queue.
      { id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: aggregator.baseUrl, models: ['gpt-4o-image'], maxConcurrent: 1 },
    ];
    const app = await restartableApp(page, providers, { givon: givon.apiKey, agg: aggregator.apiKey });
    try {
      await nav(page, 'Chat').click();
      const provider = composer(page).getByLabel('Provider', { exact: true });

      await provider.selectOption('givon');
      await send(page, 'A lighthouse at dawn');
      await expect(answers(page).first().getByRole('status')).toContainText('Givon: queued…');
      await expect
        .poll(() => givon.requests.filter((r) => r.method === 'GET' && r.path.includes('/generations/')).length)
        .toBeGreaterThan(0);

      // The aggregator's one place is taken by an answer held open; the next prompt to it waits in the queue.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      aggregator.answers.push({ text: 'Drawing the fox. '.repeat(20), sse: { holdLastPiece: held } });
      await page.keyboard.press('Control+n');
      await provider.selectOption('agg');
      await send(page, 'A red fox');
      await expect.poll(() => aggregator.chats.length).toBe(1);
      await page.keyboard.press('Control+n');
      await provider.selectOption('agg');
      await send(page, 'A quiet harbour');
      await expect(answers(page).first().getByRole('status')).toBeVisible();
      expect(aggregator.chats).toHaveLength(1);

      const [job] = [...givon.jobs.values()];
      await app.restart(() => {
        release();
        // The service finishes the job while Holst is closed.
        job!.pollsNeeded = job!.polls;
      });

      await nav(page, 'Chat').click();
      // The queued prompt ran.
      await openChat(page, /A quiet harbour/);
      await expectLoaded(answerTo(page, 'A quiet harbour').getByRole('img', { name: 'Generated image 1' }));
      expect(aggregator.chats.map((c) => c.texts.at(-1))).toEqual(['A red fox', 'A quiet harbour']);
      // The Givon job was followed, its picture shows, and it was created once.
      await openChat(page, /A lighthouse at dawn/);
      await expectLoaded(answerTo(page, 'A lighthouse at dawn').getByRole('img', { name: 'Generated image 1' }));
      expect(givon.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/generations'))).toHaveLength(1);
      expect(givon.jobs.size).toBe(1);
      // The chat request that was running is shown interrupted, and was not sent again.
      await openChat(page, /A red fox/);
      await expect(answerTo(page, 'A red fox').getByText('Interrupted', { exact: true })).toBeVisible();
      expect(aggregator.chats).toHaveLength(2);
      expect(app.foreign).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

test.describe('a follow-up sent 0 ms after the picture shows', () => {
  const chat = useAggregatorChat();

  test('reaches the provider with the history and the picture', async ({ page }) => {
    // The answer starts a moment later, so the follow-up is typed and the page's watch set up before its picture comes.
    chat.server.quirks.push({ path: '/chat/completions', delayMs: 1500 });
    chat.server.answers.push({ text: 'Here is the fox. '.repeat(30) });
    await send(page, 'A red fox');
    await expect(page.getByRole('article', { name: 'Your message' })).toHaveCount(1);
    await prompt(page).fill('make it night');
    const box = await prompt(page).elementHandle();
    // The page's own script presses Enter in the same task that adds the picture to the page.
    const pressed = await page.evaluate(
      (textarea) =>
        new Promise<{ early: boolean; gap: number }>((resolve) => {
          const shown = () => document.querySelector('article img[alt="Generated image 1"]');
          if (shown()) return resolve({ early: true, gap: 0 });
          const observer = new MutationObserver(() => {
            if (!shown()) return;
            observer.disconnect();
            const appeared = performance.now();
            textarea!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
            resolve({ early: false, gap: performance.now() - appeared });
          });
          observer.observe(document.body, { childList: true, subtree: true });
        }),
      box,
    );
    // The watch was in place before the picture came, and Enter went in the same task as the picture.
    expect(pressed.early).toBe(false);
    expect(pressed.gap).toBeLessThan(50);

    await expectLoaded(answerTo(page, 'make it night').getByRole('img', { name: 'Generated image 1' }));
    expect(chat.server.chats).toHaveLength(2);
    const sent = chat.server.chats[1]!;
    expect(sent.texts.at(-1)).toBe('make it night');
    const messages = sent.body.messages as Array<{ role: string; content: unknown }>;
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(JSON.stringify(messages[0]!.content)).toContain('A red fox');
    // It went on from the first answer's picture, byte for byte.
    const firstSrc = await answerTo(page, 'A red fox').getByRole('img', { name: 'Generated image 1' }).getAttribute('src');
    const firstId = Number(/\/(\d+)$/.exec(firstSrc ?? '')![1]);
    const original = Buffer.from(await (await page.request.get(`${chat.app.harness.origin}/media/original/${firstId}`)).body());
    expect(sent.images.length).toBeGreaterThan(0);
    expect(sha256(sent.images.at(-1)!)).toBe(sha256(original));
  });
});

test.describe('pictures on the way', () => {
  test('the Images API’s partial pictures show before the final one, which replaces them', async ({ page }) => {
    const server = await startOpenAIImagesServer();
    // A model that takes its time between the pictures it streams.
    server.streamGapMs = 1200;
    const providers = [{ id: 'img', kind: 'openai-images', name: 'Images API', baseUrl: server.baseUrl, models: ['gpt-image-1'] }];
    const app = await openApp(page, { providers, keys: { img: server.apiKey }, servers: [server] });
    try {
      await nav(page, 'Chat').click();
      await (await setting(page, 'Previews while drawing')).fill('2');
      await send(page, 'A lighthouse at dawn');
      const answer = answers(page).first();
      const first = answer.getByRole('img', { name: 'Picture on its way (1)' });
      await expectLoaded(first);
      expect(await first.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      await expect(answer.getByRole('img', { name: 'Generated image 1' })).toHaveCount(0);
      await expectLoaded(answer.getByRole('img', { name: 'Picture on its way (2)' }));
      await expect(answer.getByRole('img', { name: 'Generated image 1' })).toHaveCount(0);
      // For a look at how a picture on its way sits in the answer.
      await page.screenshot({ path: test.info().outputPath('picture-on-its-way.png') });

      await expectLoaded(answer.getByRole('img', { name: 'Generated image 1' }));
      await expect(answer.getByRole('img', { name: /Picture on its way/ })).toHaveCount(0);
      expect(server.streams).toEqual([{ endpoint: 'generations', partialImages: 2 }]);
      await expect(page.getByRole('article', { name: 'Your message' })).toContainText('2 previews');
    } finally {
      await app.close();
    }
  });
});
