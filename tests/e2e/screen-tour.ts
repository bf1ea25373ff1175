// The steps the screen tours share (screens.spec.ts at 1280×800 with axe-core, layout.spec.ts at
// every size): the app with an aggregator and an Images API, a chat that makes two pictures, the
// library's export dialog for both, and a picture dropped for the mask painter. Each tour keeps its
// own order of screens and what it checks on each.
import { expect, type Page } from '@playwright/test';
import { startOpenAIChatServer } from '../servers/openai-chat-server';
import { startOpenAIImagesServer } from '../servers/openai-images-server';
import { solidImage } from '../support/images';
import { openApp, type AppSession } from './app-session';
import { drop, expectLoaded } from './browser';

/** Draws the page in a theme, as Settings → Appearance would, without going there. */
export const setTheme = (page: Page, theme: string) => page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);

/** The main menu's items by place: their names differ by language and the narrow rail shows no words. */
const MENU = { chat: 0, library: 1, start: 2, settings: 3 };
export const menuItem = (page: Page, item: keyof typeof MENU) => page.locator('nav.sidebar .nav-item').nth(MENU[item]);

/** The app with two providers ready, each on its reference server: "Aggregator" (chat) and "Images API". */
export async function openTourApp(page: Page): Promise<AppSession> {
  const chat = await startOpenAIChatServer();
  const images = await startOpenAIImagesServer();
  return openApp(page, {
    providers: [
      { id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: chat.baseUrl, models: ['gpt-4o-image'] },
      { id: 'img', kind: 'openai-images', name: 'Images API', baseUrl: images.baseUrl, models: ['gpt-image-1'] },
    ],
    keys: { agg: chat.apiKey, img: images.apiKey },
    servers: [chat, images],
  });
}

/** In the open chat, sends each prompt in turn and waits for its answer's picture: two prompts, two pictures. */
export async function makePictures(page: Page, prompts: string[]): Promise<void> {
  for (const [index, text] of prompts.entries()) {
    await page.locator('textarea.prompt').fill(text);
    await page.locator('textarea.prompt').press('Enter');
    const answer = page.locator('article.message-assistant').nth(index);
    await expectLoaded(answer.locator('.message-images img').first());
    await expect(answer.locator('[role="status"]')).toHaveCount(0);
  }
}

/** In the open viewer, opens the compare dialog against the first picture it offers. */
export async function openCompare(page: Page): Promise<void> {
  await page.locator('.viewer-compare > button').click();
  await page.locator('.viewer-compare-popover button').first().click();
  await expect(page.locator('.compare-dialog')).toBeVisible();
}

/** In the library, selects the first two tiles and opens the export dialog for them. */
export async function openExportForTwo(page: Page): Promise<void> {
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
}

/** In the chat, picks the Images API and drops a picture on the chat: it becomes the source to edit. */
export async function attachForEditing(page: Page): Promise<void> {
  await page.locator('select.provider-select').selectOption('img');
  await drop(page.locator('.chat-main'), { files: [{ name: 'street.png', bytes: await solidImage(5, 'png', 64, 48) }] });
  // The chat's last picture is the source until the dropped one is in: wait for that one, or the
  // painter would open over the last picture and close when the dropped picture takes its place.
  await expect(page.locator('li.chip-source')).toContainText('street.png');
  await expect(page.locator('li.chip-pending')).toHaveCount(0);
}

/** Opens the mask painter over the attached source picture. */
export async function openMaskPainter(page: Page): Promise<void> {
  await page.locator('li.chip-source .chip-mask-open').click();
  await expect(page.locator('.mask-painter')).toBeVisible();
}
