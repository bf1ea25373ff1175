// The window fits at 900×600, 1280×800, 1920×1080 and 2560×1440, in English and Russian: on every screen and
// dialog the document does not scroll sideways and no button, label or heading runs past its box
// or wraps (layout-check.ts). Each screen is written, in both themes, to
// screenshots/layout/<width>x<height>/<screen>-<language>-<theme>.png; at 900×600 axe-core checks
// each too, as the narrow layout has controls of its own (the icon rail, the conversations button).
// Two journeys of their own: the narrow layout from the keyboard, and the GigaChat prompt box in
// Russian at 900×600 with a picture attached, whose settings wrap into a second row (issue 22).
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startGigaChatServer } from '../servers/gigachat-server';
import { startOpenAIChatServer } from '../servers/openai-chat-server';
import { solidImage } from '../support/images';
import { openApp, openGigaChatApp } from './app-session';
import { drop, expectLoaded } from './browser';
import { expectAxeClean, expectFits } from './layout-check';
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

const SIZES = [
  { width: 900, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
];
const NARROW = 1100;

for (const size of SIZES) {
  for (const locale of ['en-US', 'ru-RU']) {
    const language = locale.slice(0, 2);
    const folder = path.resolve('screenshots', 'layout', `${size.width}x${size.height}`);
    const narrow = size.width < NARROW;

    test.describe(`${size.width}×${size.height} (${locale})`, () => {
      test.use({ locale, viewport: size });

      test('every screen and dialog fits, in both themes', async ({ page }) => {
        test.setTimeout(narrow ? 300_000 : 180_000);
        /** Measures the screen once, then writes it in both themes (and runs axe on each where narrow). */
        const look = async (screen: string) => {
          await expectFits(page, `${screen} at ${size.width}×${size.height} in ${language}`);
          for (const theme of ['light', 'dark']) {
            await setTheme(page, theme);
            await page.screenshot({ path: path.join(folder, `${screen}-${language}-${theme}.png`) });
            if (narrow) await expectAxeClean(page, `${screen} at ${size.width}×${size.height} in ${language}, ${theme}`);
          }
          await setTheme(page, 'light');
        };

        const app = await openTourApp(page);
        try {
          // The menu is an icon rail below 1100 px, a column with words above.
          const rail = await page.locator('nav.sidebar').boundingBox();
          if (narrow) expect(rail!.width).toBeLessThanOrEqual(80);
          else expect(rail!.width).toBeGreaterThan(80);

          // A provider is ready: the app opens on a new chat; its conversations fold away only where narrow.
          await expect(page.locator('textarea.prompt')).toBeVisible();
          await expect(page.locator('.chat-list-toggle')).toBeVisible({ visible: narrow });
          await expect(page.locator('.chat-sidebar')).toBeVisible({ visible: !narrow });
          await look('chat-new');

          await menuItem(page, 'library').click();
          await expect(page.locator('.library-empty')).toBeVisible();
          await look('library-empty');

          await menuItem(page, 'start').click();
          await look('start');

          await menuItem(page, 'settings').click();
          await look('settings');
          await page.locator('.settings-sections button').last().click();
          await look('settings-about');
          await page.locator('.settings-sections button').first().click();
          // The first-run guide, opened again from Settings.
          await page.locator('#settings-providers .actions button').last().click();
          await expect(page.locator('.first-run')).toBeVisible();
          await look('first-run');
          await page.locator('.first-run-header button').click();

          // A conversation with two pictures.
          await menuItem(page, 'chat').click();
          await makePictures(
            page,
            language === 'ru' ? ['Маяк на рассвете над морем', 'сделай ночь'] : ['A lighthouse at dawn over the sea', 'make it night'],
          );
          await look('chat');
          if (narrow) {
            await page.locator('.chat-list-toggle').click();
            await expect(page.locator('.chat-sidebar')).toBeVisible();
            await look('chat-list');
            await page.keyboard.press('Escape');
            await expect(page.locator('.chat-list-toggle')).toBeFocused();
          }

          await menuItem(page, 'library').click();
          await expectLoaded(page.locator('.tile img').first());
          await look('library');
          await page.locator('.tile').first().click();
          await expect(page.locator('.viewer')).toBeVisible();
          await expectLoaded(page.locator('.viewer-image'));
          await look('viewer');
          await page.locator('.viewer-link').click();
          await expect(page.locator('.tag-manager')).toBeVisible();
          await look('tag-manager');
          await page.keyboard.press('Escape');
          await expect(page.locator('.tag-manager')).toHaveCount(0);
          await openCompare(page);
          await look('compare');
          await page.keyboard.press('Escape');
          await page.keyboard.press('Escape');
          await expect(page.locator('.viewer')).toHaveCount(0);

          await openExportForTwo(page);
          await look('export-dialog');
          await page.keyboard.press('Escape');

          // The painter, over a picture dropped for an Images API provider.
          await menuItem(page, 'chat').click();
          await attachForEditing(page);
          await look('chat-attached');
          await openMaskPainter(page);
          await look('mask-painter');
        } finally {
          await app.close();
        }
      });
    });
  }
}

test.describe('the narrow layout from the keyboard (900×600)', () => {
  test.use({ locale: 'en-US', viewport: { width: 900, height: 600 } });

  test('the icon rail names every item with a tooltip; the folded conversations open, close with Esc and give the focus back', async ({
    page,
  }) => {
    const chat = await startOpenAIChatServer();
    const app = await openApp(page, {
      providers: [{ id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: chat.baseUrl, models: ['gpt-4o-image'] }],
      keys: { agg: chat.apiKey },
      servers: [chat],
    });
    try {
      const menu = page.getByRole('navigation', { name: 'Main' });
      expect((await menu.boundingBox())!.width).toBeLessThanOrEqual(80);
      for (const [name, tooltip] of [
        ['Chat', /^Chat \(Ctrl\+N/],
        ['Library', /^Library$/],
        ['Start', /^Start$/],
        ['Settings', /^Settings \(Ctrl\+,\)$/],
      ] as const) {
        const item = menu.getByRole('button', { name, exact: true });
        await expect(item).toBeVisible();
        await expect(item).toHaveAttribute('title', tooltip);
        // An icon alone: the word is for screen readers (and the tooltip), not drawn.
        expect((await item.boundingBox())!.width).toBeLessThanOrEqual(48);
      }

      await page.getByLabel('Prompt', { exact: true }).fill('A red kite');
      await page.getByLabel('Prompt', { exact: true }).press('Enter');
      await expect(page.getByRole('article', { name: 'Answer' }).getByRole('status')).toHaveCount(0);
      await page.keyboard.press('Control+n');

      const toggle = page.getByRole('button', { name: 'Show conversations' });
      const list = page.getByRole('complementary', { name: 'Conversations' });
      await expect(list).toBeHidden();
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(list).toBeVisible();
      await expect(list.getByRole('button', { name: /New chat/ })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(list).toBeHidden();
      await expect(toggle).toBeFocused();
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');

      // Choosing a conversation from the keyboard opens it and folds the list, the focus back on its button.
      await page.keyboard.press('Enter');
      await list.getByRole('button', { name: /A red kite/ }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: 'A red kite', level: 1 })).toBeVisible();
      await expect(list).toBeHidden();
      await expect(toggle).toBeFocused();

      // A click outside folds it too.
      await toggle.click();
      await expect(list).toBeVisible();
      await page.getByLabel('Prompt', { exact: true }).click();
      await expect(list).toBeHidden();
      await expect(page.getByLabel('Prompt', { exact: true })).toBeFocused();
    } finally {
      await app.close();
    }
  });
});

test.describe('the GigaChat composer with a picture attached (900×600, Russian)', () => {
  test.use({ locale: 'ru-RU', viewport: { width: 900, height: 600 } });

  test('its settings read as one tidy bar: nothing cut, nothing past the box, Send whole beside them', async ({ page }) => {
    const server = await startGigaChatServer({ drawPrompt: true });
    const app = await openGigaChatApp(page, server);
    try {
      await menuItem(page, 'chat').click();
      await expect(page.locator('textarea.prompt')).toBeVisible();
      await drop(page.locator('.chat-main'), { files: [{ name: 'street.png', bytes: await solidImage(5, 'png', 64, 48) }] });
      await expect(page.locator('.composer li.chip-source')).toBeVisible();
      await expect(page.locator('.composer .picture-mode-toggle')).toBeVisible();
      await expectFits(page, 'the GigaChat composer with a picture attached at 900×600 in ru');
      const folder = path.resolve('screenshots', 'layout', '900x600');
      for (const theme of ['light', 'dark']) {
        await setTheme(page, theme);
        await page.screenshot({ path: path.join(folder, `chat-gigachat-attached-ru-${theme}.png`) });
      }

      // Every control of the bar, by its box: the settings (attach first), then Send.
      const bar = await page.locator('.composer-bar').evaluate((element) => {
        const box = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, name: e.textContent?.trim() || e.className };
        };
        const options = Array.from(element.querySelectorAll('.composer-options > *')).filter((e) => e.getClientRects().length > 0);
        return {
          composer: box(element.closest('.composer')!),
          options: options.map(box),
          send: box(element.querySelector('button[type="submit"]')!),
        };
      });
      const [attach] = bar.options;
      expect(bar.options.length).toBeGreaterThanOrEqual(4);
      // Send is whole, inside the composer, on the first row, right of every setting on that row.
      expect(bar.send.left).toBeGreaterThanOrEqual(bar.composer.left);
      expect(bar.send.right).toBeLessThanOrEqual(bar.composer.right);
      expect(bar.send.bottom).toBeLessThanOrEqual(bar.composer.bottom);
      expect(Math.abs(bar.send.top - attach!.top)).toBeLessThanOrEqual(1);
      // The settings form at most two rows; a second one starts under the attach button, each row's
      // controls stand on one line, and none reaches past the composer or under Send.
      const middle = (o: { top: number; bottom: number }) => (o.top + o.bottom) / 2;
      const rows: number[] = [];
      for (const option of bar.options) if (!rows.some((row) => Math.abs(row - middle(option)) <= 2)) rows.push(middle(option));
      expect(rows.length, `rows at ${rows.join(', ')}`).toBeLessThanOrEqual(2);
      for (const option of bar.options) {
        expect(option.right, option.name).toBeLessThanOrEqual(bar.composer.right);
        if (Math.abs(option.top - bar.send.top) <= 1) expect(option.right, option.name).toBeLessThan(bar.send.left);
      }
      for (const row of rows.slice(1)) {
        const first = bar.options.find((o) => Math.abs(middle(o) - row) <= 2)!;
        expect(first.left, first.name).toBe(attach!.left);
        expect(first.top, first.name).toBeGreaterThan(bar.send.bottom - 1);
      }
    } finally {
      await app.close();
    }
  });
});
