// Every main screen and dialog in both languages and both themes: a screenshot of each is written to
// screenshots/<screen>-<language>-<theme>.png (not committed; see the README), and axe-core checks
// each for accessibility (its experimental rules too), failing on any serious or critical violation.
// The tag manager is checked in viewer.spec.ts, the narrow layout's own controls in layout.spec.ts.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startOpenAIChatServer } from '../servers/openai-chat-server';
import { startOpenAIImagesServer } from '../servers/openai-images-server';
import { openApp } from './app-session';
import { drop, expectLoaded } from './browser';
import { expectAxeClean } from './layout-check';
import { solidImage } from '../support/images';

const SHOTS = path.resolve('screenshots');
const nav = (page: Page, index: number) => page.locator('nav.sidebar .nav-item').nth(index);
const NAV = { chat: 0, library: 1, start: 2, settings: 3 };

/** Screenshot the screen, then fail on any serious or critical axe-core finding (named with its nodes). */
async function check(page: Page, screen: string, language: string, theme: string) {
  await page.screenshot({ path: path.join(SHOTS, `${screen}-${language}-${theme}.png`) });
  await expectAxeClean(page, `${screen} in ${language}, ${theme} theme`);
}

const setTheme = (page: Page, theme: string) => page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);

for (const locale of ['en-US', 'ru-RU']) {
  const language = locale.slice(0, 2);
  test.describe(`every screen (${locale})`, () => {
    test.use({ locale, viewport: { width: 1280, height: 800 } });

    test('first run', async ({ page }) => {
      const app = await openApp(page);
      try {
        await expect(page.locator('.first-run')).toBeVisible();
        for (const theme of ['light', 'dark']) {
          await setTheme(page, theme);
          await check(page, 'first-run', language, theme);
        }
      } finally {
        await app.close();
      }
    });

    test('chat, library, viewer, compare, mask painter, settings', async ({ page }) => {
      // Twenty-odd axe-core passes, two pictures made on the way.
      test.setTimeout(300_000);
      const chat = await startOpenAIChatServer();
      const images = await startOpenAIImagesServer();
      const app = await openApp(page, {
        providers: [
          { id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: chat.baseUrl, models: ['gpt-4o-image'] },
          { id: 'img', kind: 'openai-images', name: 'Images API', baseUrl: images.baseUrl, models: ['gpt-image-1'] },
        ],
        keys: { agg: chat.apiKey, img: images.apiKey },
        servers: [chat, images],
      });
      try {
        // Before any picture: Start with its way into a chat, and the empty library's invitations.
        for (const theme of ['light', 'dark']) {
          await setTheme(page, theme);
          await nav(page, NAV.start).click();
          await check(page, 'start', language, theme);
          await nav(page, NAV.library).click();
          await expect(page.locator('.library-empty')).toBeVisible();
          await check(page, 'library-empty', language, theme);
        }

        await nav(page, NAV.chat).click();
        await page.locator('textarea.prompt').fill('A lighthouse at dawn');
        await page.locator('textarea.prompt').press('Enter');
        const answer = page.locator('article.message-assistant').first();
        await expectLoaded(answer.locator('.message-images img').first());
        await expect(answer.locator('[role="status"]')).toHaveCount(0);
        // A follow-up, so the chat has two pictures to compare; over 200 characters, so its tile's name is cut.
        await page
          .locator('textarea.prompt')
          .fill(
            'make it night, with the lamp of the lighthouse sweeping a long beam across a calm dark sea, a few stars over the horizon, the rocks wet and shining, and a small boat with a lantern coming home to the harbour below',
          );
        await page.locator('textarea.prompt').press('Enter');
        const second = page.locator('article.message-assistant').nth(1);
        await expectLoaded(second.locator('.message-images img').first());
        await expect(second.locator('[role="status"]')).toHaveCount(0);

        for (const theme of ['light', 'dark']) {
          await setTheme(page, theme);
          await nav(page, NAV.chat).click();
          await check(page, 'chat', language, theme);

          await nav(page, NAV.library).click();
          await expectLoaded(page.locator('.tile img').first());
          await check(page, 'library', language, theme);
          await page.locator('.tile').first().click();
          await expect(page.locator('.viewer')).toBeVisible();
          await check(page, 'viewer', language, theme);
          await page.locator('.viewer-compare > button').click();
          await page.locator('.viewer-compare-popover button').first().click();
          await expect(page.locator('.compare-dialog')).toBeVisible();
          await check(page, 'compare', language, theme);
          await page.keyboard.press('Escape');
          await page.keyboard.press('Escape');

          // The export dialog, for a selection of two.
          await page
            .locator('.tile')
            .first()
            .click({ modifiers: ['ControlOrMeta'] });
          await page
            .locator('.tile')
            .nth(1)
            .click({ modifiers: ['ControlOrMeta'] });
          await page
            .locator('.selection-bar button')
            .filter({ hasText: /Export|Экспорт/ })
            .click();
          await expect(page.locator('.export-dialog')).toBeVisible();
          await check(page, 'export-dialog', language, theme);
          await page.keyboard.press('Escape');
          await page.keyboard.press('Escape');

          await nav(page, NAV.settings).click();
          await check(page, 'settings', language, theme);
        }

        // The painter, over a picture dropped for an Images API provider.
        await nav(page, NAV.chat).click();
        await page.locator('select.provider-select').selectOption('img');
        await drop(page.locator('.chat-main'), { files: [{ name: 'street.png', bytes: await solidImage(5, 'png', 64, 48) }] });
        await page
          .locator('li.chip-source button', { hasText: /mask|маск/i })
          .first()
          .click();
        await expect(page.locator('.mask-painter')).toBeVisible();
        for (const theme of ['light', 'dark']) {
          await setTheme(page, theme);
          await check(page, 'mask-painter', language, theme);
        }
      } finally {
        await app.close();
      }
    });
  });
}
