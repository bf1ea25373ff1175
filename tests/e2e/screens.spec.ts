// Every main screen and dialog in both languages and both themes: a screenshot of each is written to
// screenshots/<screen>-<language>-<theme>.png (not committed; see the README), and axe-core checks
// each for accessibility (its experimental rules too), failing on any serious or critical violation.
// The tag manager is checked in viewer.spec.ts, the narrow layout's own controls in layout.spec.ts.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app-session';
import { expectLoaded } from './browser';
import { expectAxeClean } from './layout-check';
import {
  attachForEditing,
  makePictures,
  menuItem,
  openCompare,
  openExportForTwo,
  openMaskPainter,
  openTourApp,
  setTheme,
} from './screen-tour';

const SHOTS = path.resolve('screenshots');

/** Screenshot the screen, then fail on any serious or critical axe-core finding (named with its nodes). */
async function check(page: Page, screen: string, language: string, theme: string) {
  await page.screenshot({ path: path.join(SHOTS, `${screen}-${language}-${theme}.png`) });
  await expectAxeClean(page, `${screen} in ${language}, ${theme} theme`);
}

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

    test("the composer's picture settings: what gpt-image-1 takes, folded into one line", async ({ page }) => {
      const app = await openTourApp(page);
      try {
        await menuItem(page, 'chat').click();
        await page.locator('select.provider-select').selectOption('img');
        const button = page.locator('.picture-settings-button');
        await button.click();
        const popover = page.locator('.picture-settings-popover');
        await popover.locator('input.size-input').fill('1024x1536');
        await popover.locator('select').first().selectOption('high');
        await popover.locator('input.n-input').first().fill('2');
        await popover.locator('select').nth(1).selectOption('webp');
        await expect(button).toContainText(language === 'en' ? '1024×1536 · High · WEBP · ×2' : '1024×1536 · Высокое · WEBP · ×2');
        for (const theme of ['light', 'dark']) {
          await setTheme(page, theme);
          await check(page, 'composer-settings', language, theme);
        }
      } finally {
        await app.close();
      }
    });

    test('the queue panel: a job done, one queued and one waiting for the answer above, the queue paused', async ({ page }) => {
      const app = await openTourApp(page);
      try {
        await menuItem(page, 'chat').click();
        await makePictures(page, ['A lighthouse at dawn']);
        const button = page.locator('.queue-button');
        await button.click();
        await page.locator('.queue-pause').click();
        await expect(page.locator('.queue-pause')).toHaveClass(/paused/);
        await page.keyboard.press('Escape');
        for (const text of ['A harbour at night, the boats coming home with their lanterns lit', 'with snow falling']) {
          await page.locator('textarea.prompt').fill(text);
          await page.locator('textarea.prompt').press('Enter');
          await expect(page.locator('textarea.prompt')).toHaveValue('');
        }
        await expect(page.locator('.queue-count')).toHaveText('2');
        await button.click();
        await expect(page.locator('.queue-row')).toHaveCount(3);
        await expect(page.locator('.queue-row.state-waiting')).toHaveCount(1);
        for (const theme of ['light', 'dark']) {
          await setTheme(page, theme);
          await check(page, 'queue-panel', language, theme);
        }
      } finally {
        await app.close();
      }
    });

    test('variations as candidates, and a fan-out side by side', async ({ page }) => {
      test.setTimeout(180_000);
      const app = await openTourApp(page);
      try {
        await menuItem(page, 'chat').click();
        await page.locator('select.provider-select').selectOption('img');
        await page.locator('.picture-settings-button').click();
        await page.locator('.picture-settings-popover input.n-input').first().fill('4');
        await page.keyboard.press('Escape');
        await page.locator('textarea.prompt').fill('Four red foxes in the snow');
        await page.locator('textarea.prompt').press('Enter');
        const frames = page.locator('.candidates .candidate-frame img');
        await expect(frames).toHaveCount(4);
        for (let i = 0; i < 4; i++) await expectLoaded(frames.nth(i));
        const actions = page.locator('.candidates .candidate-actions');
        await actions.nth(0).locator('button').first().click();
        await actions.nth(2).locator('button').first().click();
        await expect(page.locator('.candidate.kept')).toHaveCount(2);
        await page.locator('.candidates-bar button').first().click();
        await expect(page.locator('.candidate.in-trash')).toHaveCount(2);
        await actions.nth(2).locator('button').nth(2).click();
        await expect(page.locator('.candidate.continuing')).toHaveCount(1);
        for (const theme of ['light', 'dark']) {
          await setTheme(page, theme);
          await check(page, 'candidates', language, theme);
        }

        // One picture each, from both providers, side by side.
        await page.locator('.picture-settings-button').click();
        await page.locator('.picture-settings-popover input.n-input').first().fill('');
        await page.keyboard.press('Escape');
        await page.locator('.compare-with-button').click();
        await page.locator('.compare-popover input[type="checkbox"]').first().check();
        await page.keyboard.press('Escape');
        await page.locator('textarea.prompt').fill('A paper kite over the dunes');
        await page.locator('textarea.prompt').press('Enter');
        const columns = page.locator('.fan-out-column');
        await expect(columns).toHaveCount(2);
        for (let i = 0; i < 2; i++) await expectLoaded(columns.nth(i).locator('img').first());
        await expect(page.locator('.fan-out [role="status"]')).toHaveCount(0);
        await columns.nth(1).locator('.fan-out-continue').click();
        await expect(columns.nth(1)).toHaveClass(/chosen/);
        for (const theme of ['light', 'dark']) {
          await setTheme(page, theme);
          await check(page, 'fan-out', language, theme);
        }
      } finally {
        await app.close();
      }
    });

    test('chat, library, viewer, compare, mask painter, settings', async ({ page }) => {
      // Twenty-odd axe-core passes, two pictures made on the way.
      test.setTimeout(300_000);
      const app = await openTourApp(page);
      try {
        // Before any picture: Start with its way into a chat, and the empty library's invitations.
        for (const theme of ['light', 'dark']) {
          await setTheme(page, theme);
          await menuItem(page, 'start').click();
          await check(page, 'start', language, theme);
          await menuItem(page, 'library').click();
          await expect(page.locator('.library-empty')).toBeVisible();
          await check(page, 'library-empty', language, theme);
        }

        await menuItem(page, 'chat').click();
        // A follow-up, so the chat has two pictures to compare; over 200 characters, so its tile's name is cut.
        await makePictures(page, [
          'A lighthouse at dawn',
          'make it night, with the lamp of the lighthouse sweeping a long beam across a calm dark sea, a few stars over the horizon, the rocks wet and shining, and a small boat with a lantern coming home to the harbour below',
        ]);

        for (const theme of ['light', 'dark']) {
          await setTheme(page, theme);
          await menuItem(page, 'chat').click();
          await check(page, 'chat', language, theme);

          await menuItem(page, 'library').click();
          await expectLoaded(page.locator('.tile img').first());
          await check(page, 'library', language, theme);
          await page.locator('.tile').first().click();
          await expect(page.locator('.viewer')).toBeVisible();
          await check(page, 'viewer', language, theme);
          await openCompare(page);
          await check(page, 'compare', language, theme);
          await page.keyboard.press('Escape');
          await page.keyboard.press('Escape');

          // The export dialog, for a selection of two.
          await openExportForTwo(page);
          await check(page, 'export-dialog', language, theme);
          await page.keyboard.press('Escape');
          await page.keyboard.press('Escape');

          await menuItem(page, 'settings').click();
          await check(page, 'settings', language, theme);
        }

        // The painter, over a picture dropped for an Images API provider.
        await menuItem(page, 'chat').click();
        await attachForEditing(page);
        await openMaskPainter(page);
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
