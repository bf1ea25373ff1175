// A thousand conversations and one of 500 messages (120,000 tokens, 40 pictures): the list and the
// conversation keep only what is near the view in the DOM, load the rest as they scroll, search in
// the core, and stay keyboard-usable; scrolling a long chat keeps its place.
import { expect, test, type Page, type Route } from '@playwright/test';
import { buildLongConversation, type LongConversation } from '../support/long-conversation';
import { answers, expectLoaded } from './browser';
import { shootChecked, useSeededHarness } from './seeded-harness';

const app = useSeededHarness<LongConversation>('chat-scale', (dataDir) =>
  buildLongConversation(dataDir, { messages: 500, tokens: 120_000, pictures: 40, others: 998 }),
);

/** The conversations listed, and the answers (by class: their labels are in the window's language). */
const listed = (page: Page) => page.locator('.conversation-list button.conversation');
const answersShown = (page: Page) => page.locator('article.message-assistant');

async function openChat(page: Page): Promise<void> {
  await page.goto(app.harness.url);
  // The first item of the main navigation, in any language.
  await page.locator('nav.sidebar .nav-item').first().click();
  await expect(listed(page).first()).toBeVisible();
}

test('a thousand conversations: the list renders the rows in view, loads more as it scrolls, and searches in the core', async ({
  page,
}) => {
  await openChat(page);
  const list = page.locator('.conversation-list');
  // The newest first; only the rows in view (and a few either side) are in the DOM.
  await expect(listed(page).first()).toContainText(app.seeded.title);
  expect(await list.locator('button.conversation').count()).toBeLessThan(60);

  // Scrolled to the end again and again, it has loaded all of them, still with few in the DOM.
  await expect
    .poll(
      async () => {
        await list.evaluate((box) => box.scrollTo(0, box.scrollHeight));
        return list.locator('button.conversation').last().textContent();
      },
      { timeout: 20_000 },
    )
    .toContain('Conversation 1:');
  expect(await list.locator('button.conversation').count()).toBeLessThan(60);
  expect(await list.locator('li[aria-posinset]').last().getAttribute('aria-posinset')).toBe(String(app.seeded.conversations));

  // Keyboard: Home goes to the newest (scrolled back into view and focused), Down to the next, End to the oldest.
  await list.locator('button.conversation').last().focus();
  await page.keyboard.press('Home');
  await expect(page.locator(':focus')).toContainText(app.seeded.title);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toContainText(app.seeded.otherTitle);
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toContainText('Conversation 1:');

  // The search runs in the core, over all of them: the oldest "harbour" conversations come up too.
  await page.getByRole('searchbox', { name: 'Search chats' }).fill('harbour');
  await expect(listed(page).first()).toContainText('harbour');
  await expect
    .poll(async () => {
      await list.evaluate((box) => box.scrollTo(0, box.scrollHeight));
      return list.locator('button.conversation').last().textContent();
    })
    .toContain('Conversation 1:');
});

test('a conversation of 500 messages opens at its newest answer, with only a few turns in the DOM, and keeps its place when scrolled', async ({
  page,
}) => {
  await openChat(page);
  await listed(page).filter({ hasText: app.seeded.title }).click();
  const last = answers(page).last();
  await expect(last).toContainText(app.seeded.lastMarker);
  await expect(last).toBeInViewport();
  expect(await page.locator('li.turn').count()).toBeLessThan(12);
  // The answers around the view are parsed ahead in the Markdown worker.
  await expect.poll(() => page.workers().some((worker) => /\/assets\/parse-worker-[\w-]+\.js$/.test(worker.url()))).toBe(true);

  // Scrolled up a long way, the turn at the top of the view stays there while turns come and go around it.
  const scroller = page.locator('.chat-scroller');
  await scroller.evaluate((box) => box.scrollBy(0, -12_000));
  await page.waitForTimeout(300);
  const anchor = async () =>
    scroller.evaluate((box) => {
      const top = box.getBoundingClientRect().top;
      const turn = Array.from(box.querySelectorAll<HTMLElement>('li.turn')).find((li) => li.getBoundingClientRect().bottom > top + 1)!;
      return { key: turn.dataset.turn, offset: Math.round(turn.getBoundingClientRect().top - top) };
    });
  const before = await anchor();
  await page.waitForTimeout(800);
  expect(await anchor()).toEqual(before);
  // What came into view there is Markdown, rendered from the worker's trees (each answer opens with a
  // heading); the worker is still there (one that fails is dropped and the window parses alone).
  await expect(page.locator(`li.turn[data-turn="${before.key}"] .md > :is(h2, h3)`).first()).toBeAttached();
  expect(page.workers().some((worker) => worker.url().includes('/assets/parse-worker-'))).toBe(true);

  // All the way up: the first prompt; its pictures load; all the way down again: the newest answer.
  await expect
    .poll(async () => {
      await scroller.evaluate((box) => box.scrollTo(0, 0));
      return page.locator('li.turn').first().textContent();
    })
    .toContain('Follow-up 1:');
  await expectLoaded(answers(page).first().getByRole('img', { name: 'Generated image 1' }));
  expect(await page.locator('li.turn').count()).toBeLessThan(12);
  await expect
    .poll(async () => {
      await scroller.evaluate((box) => box.scrollTo(0, box.scrollHeight));
      return answers(page).last().textContent();
    })
    .toContain(app.seeded.lastMarker);
});

test('an answer’s pictures hold their own shape before they load: the turn does not grow under the reader when they arrive', async ({
  page,
}) => {
  // The pictures are held back until the turn has been measured without them.
  const held: Route[] = [];
  let holding = true;
  await page.route('**/media/preview/**', (route) => (holding ? void held.push(route) : route.continue()));
  await openChat(page);
  await listed(page).filter({ hasText: app.seeded.title }).click();
  await expect(answers(page).last()).toContainText(app.seeded.lastMarker);
  // Up to the nearest answer with a picture (not every answer has one).
  const picture = page.locator('li.turn .message-images img').last();
  const scroller = page.locator('.chat-scroller');
  await expect
    .poll(async () => {
      if ((await picture.count()) > 0) return true;
      await scroller.evaluate((box) => box.scrollBy(0, -600));
      return false;
    })
    .toBe(true);
  await expect.poll(() => held.length).toBeGreaterThan(0);
  const boxes = () =>
    picture.evaluate((img: HTMLImageElement) => {
      const turn = img.closest('li.turn')!;
      return {
        loaded: img.naturalWidth > 0,
        picture: [Math.round(img.getBoundingClientRect().width), Math.round(img.getBoundingClientRect().height)],
        turn: Math.round(turn.getBoundingClientRect().height),
      };
    });
  const before = await boxes();
  expect(before.loaded).toBe(false);
  // Not the least box an image without a size takes (96 px a side): the picture's own.
  expect(before.picture[1]).toBeGreaterThan(96);

  holding = false;
  for (const route of held.splice(0)) await route.continue();
  await expectLoaded(picture);
  const after = await boxes();
  expect(after.picture[0]).toBeCloseTo(before.picture[0]!, -0.5);
  expect(after.picture[1]).toBeCloseTo(before.picture[1]!, -0.5);
  expect(after.turn).toBe(before.turn);
});

for (const locale of ['en-US', 'ru-RU']) {
  test.describe(`the long conversation on screen (${locale})`, () => {
    test.use({ locale, viewport: { width: 1280, height: 800 } });

    test('screenshots of the thousand conversations and an answer with a table and code, light and dark, at 1280×800 and 900×600', async ({
      page,
    }) => {
      await openChat(page);
      await listed(page).filter({ hasText: app.seeded.title }).click();
      await expect(answersShown(page).last()).toContainText(app.seeded.lastMarker);
      // Up a little, to an answer showing a table and a code block.
      const scroller = page.locator('.chat-scroller');
      await expect
        .poll(async () => {
          await scroller.evaluate((box) => box.scrollBy(0, -500));
          return scroller.evaluate((box) => {
            const view = box.getBoundingClientRect();
            const shown = (selector: string) =>
              Array.from(box.querySelectorAll(selector)).some((e) => {
                const r = e.getBoundingClientRect();
                return r.top > view.top && r.bottom < view.bottom;
              });
            return shown('.md-table') && shown('.md-code');
          });
        })
        .toBe(true);
      for (const size of [
        { width: 1280, height: 800 },
        { width: 900, height: 600 },
      ]) {
        await page.setViewportSize(size);
        for (const theme of ['light', 'dark']) {
          await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
          await shootChecked(page, `chat-long-${locale.slice(0, 2)}-${theme}-${size.width}`);
        }
      }
    });
  });
}
