// Where a newcomer lands and where an empty screen leads: a chat first when a provider is ready,
// the empty library's "Make your first picture" and "Import pictures…", Start's "Start a chat",
// and Settings' list of sections.
import { expect, test } from '@playwright/test';
import { startOpenAIChatServer } from '../servers/openai-chat-server';
import { solidImage } from '../support/images';
import { openApp, type AppSession } from './app-session';
import { nav, prompt, tiles } from './browser';

let app: AppSession;

test.beforeEach(async ({ page }) => {
  const chat = await startOpenAIChatServer();
  app = await openApp(page, {
    providers: [{ id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: chat.baseUrl, models: ['gpt-4o-image'] }],
    keys: { agg: chat.apiKey },
    servers: [chat],
  });
});

test.afterEach(async () => {
  await app.close();
});

test('with a provider ready the app opens on a new chat; the empty library and Start lead to one', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
  await expect(prompt(page)).toBeVisible();

  await nav(page, 'Library').click();
  await expect(page.getByRole('heading', { name: 'No images yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Make your first picture' }).click();
  await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
  await expect(nav(page, 'Chat')).toHaveAttribute('aria-current', 'true');

  await nav(page, 'Start').click();
  await expect(page.getByText('1 provider configured.')).toBeVisible();
  await page.getByRole('button', { name: 'Start a chat' }).click();
  await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
  await nav(page, 'Start').click();
  await page.getByRole('button', { name: 'Open the library' }).click();
  await expect(nav(page, 'Library')).toHaveAttribute('aria-current', 'true');
});

test('Import pictures… in the empty library opens the file picker and imports what is chosen', async ({ page }) => {
  await nav(page, 'Library').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import pictures…' }).click();
  const picker = await chooser;
  expect(picker.isMultiple()).toBe(true);
  await picker.setFiles([
    { name: 'one.png', mimeType: 'image/png', buffer: await solidImage(61, 'png', 30, 20) },
    { name: 'two.png', mimeType: 'image/png', buffer: await solidImage(62, 'png', 30, 20) },
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 2 new pictures.' })).toBeVisible();
  await expect(tiles(page)).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'No images yet' })).toHaveCount(0);
});

test('Settings lists its sections; each scrolls into view with the focus on its heading and is marked current', async ({ page }) => {
  await nav(page, 'Settings').click();
  const sections = page.getByRole('navigation', { name: 'Settings sections' });
  await expect(sections.getByRole('button')).toHaveText(['Providers', 'Network', 'Appearance', 'Library', 'Updates', 'About']);
  await expect(sections.getByRole('button', { name: 'Providers' })).toHaveAttribute('aria-current', 'true');
  for (const [item, heading] of [
    ['About', 'About Holst'],
    ['Network', 'Network'],
    ['Library', 'Library'],
  ] as const) {
    await sections.getByRole('button', { name: item }).click();
    const title = page.getByRole('heading', { name: heading, level: 2 });
    await expect(title).toBeFocused();
    await expect(title).toBeInViewport();
    await expect(sections.getByRole('button', { name: item })).toHaveAttribute('aria-current', 'true');
  }
  // Each section's content in a card of the one style (Providers and Network are cards of their own).
  for (const name of ['Appearance', 'Library', 'Updates', 'About Holst']) {
    await expect(page.getByRole('region', { name }).locator('.card')).toHaveCount(1);
  }
});
