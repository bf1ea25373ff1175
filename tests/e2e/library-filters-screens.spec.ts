// The filters bar, the trash view and its confirmation, on screen: screenshots in both languages
// and themes (screenshots/library-filters-*, library-trash-*, library-empty-trash-*), each checked by
// axe-core, failing on any serious or critical violation.
import { expect, test, type Page } from '@playwright/test';
import { paintImage } from '../support/seed-library';
import { dropTree, useFilterHarness } from './library-filters-support';
import { shootChecked } from './seeded-harness';

const app = useFilterHarness();

/** The grid's tiles in any language. */
const anyTiles = (page: Page) => page.locator('.tile-slot');
const setTheme = (page: Page, theme: string) => page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);

const shoot = shootChecked;

for (const locale of ['en-US', 'ru-RU']) {
  const language = locale.slice(0, 2);
  test.describe(`the filters bar and the trash, on screen (${locale})`, () => {
    test.use({ locale, viewport: { width: 1280, height: 800 } });

    test('screenshots of the filters bar and the trash view, light and dark', async ({ page }) => {
      // Seven axe-core passes on a shared machine.
      test.setTimeout(180_000);
      await page.goto(app.harness.url);
      await expect(page.locator('.library-count')).not.toHaveText('');
      await dropTree(page, { holiday: { 'new.png': await paintImage('lemons', 950, 120, 90), 'list.txt': Buffer.from('x') } });
      await expect(page.locator('.file-import details')).toBeVisible();
      await page.locator('.file-import summary').click();
      await page.locator('.filters-bar select').nth(0).selectOption('gigachat');
      await page.locator('.filters-bar select').nth(2).selectOption('generated');
      await expect(anyTiles(page)).toHaveCount(6);
      await page.locator('.filter-popover-anchor > button').click();
      await page.locator('.date-range input').nth(0).fill('2025-03-01');
      await page.locator('.date-range input').nth(1).fill('2025-02-01');
      await expect(page.locator('.field-error')).toBeVisible();
      for (const theme of ['light', 'dark']) {
        await setTheme(page, theme);
        await shoot(page, `library-filters-${language}-${theme}`);
      }
      await page.keyboard.press('Escape');

      await anyTiles(page).nth(0).click({ button: 'right' });
      await page.locator('.image-menu-item.danger-text').click();
      await anyTiles(page).nth(0).click({ button: 'right' });
      await page.locator('.image-menu-item.danger-text').click();
      await page.locator('.segmented button').nth(1).click();
      await expect(anyTiles(page)).toHaveCount(2);
      await anyTiles(page).nth(0).click({ button: 'right' });
      for (const theme of ['light', 'dark']) {
        await setTheme(page, theme);
        await shoot(page, `library-trash-${language}-${theme}`);
      }
      await page.keyboard.press('Escape');
      await page.locator('.filters-bar .danger-outline').click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      for (const theme of ['light', 'dark']) {
        await setTheme(page, theme);
        await shoot(page, `library-empty-trash-${language}-${theme}`);
      }
      await page.keyboard.press('Escape');
      // The smallest window Holst supports: the filters wrap, nothing is cut off.
      await page.setViewportSize({ width: 900, height: 600 });
      await setTheme(page, 'light');
      await shoot(page, `library-trash-${language}-narrow`);
    });
  });
}
