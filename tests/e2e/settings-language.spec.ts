// The window's language: it follows the browser's (ru-RU here), and the choice in Settings changes
// every screen at once, is saved in settings.json, and survives a reload.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHarness } from '../support/harness';
import { testKeychainService } from '../support/keychain';
import { openApp, type AppSession } from './app-session';
import { blockOtherOrigins } from './browser';

test.use({ locale: 'ru-RU' });

let app: AppSession | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A screen's button in the main navigation, whose own name is in the window's language too. */
const navButton = (page: Page, menu: string, name: string) =>
  page.getByRole('navigation', { name: menu }).getByRole('button', { name, exact: true });

const savedSettings = async (dataDir: string) =>
  JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')) as { appearance?: { theme?: string; language?: string } };
const savedLanguage = async (dataDir: string) => (await savedSettings(dataDir)).appearance?.language;

test('opens in the system language, and the choice in Settings changes every screen at once and is kept', async ({ page }) => {
  // A provider nobody calls: the app opens on a new chat, and Settings shows a provider card.
  const provider = { id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: 'http://127.0.0.1:9/v1', models: ['gpt-4o-image'] };
  app = await openApp(page, { providers: [provider] });
  const dataDir = app.harness.dataDir;

  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(navButton(page, 'Главное меню', 'Библиотека')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Новый чат', level: 1 })).toBeVisible();
  await navButton(page, 'Главное меню', 'Настройки').click();
  await expect(page.getByRole('heading', { name: 'Настройки', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Сервисы', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Проверить подключение' })).toBeVisible();

  const language = page.getByRole('combobox', { name: 'Язык' });
  await expect(language).toHaveValue('system');
  await expect(language.locator('option')).toHaveText(['Как в системе (Русский)', 'English', 'Русский']);

  // A mark on the window: it is still there after the switch only if the page was not reloaded.
  await page.evaluate(() => Object.assign(window, { holstLanguageMark: true }));
  await language.selectOption('en');

  await expect(navButton(page, 'Main', 'Settings')).toBeVisible();
  await expect(navButton(page, 'Main', 'Library')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Providers', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Appearance', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Test connection' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The language names stay in their own language; "follow the system" still names the system's.
  await expect(page.getByRole('combobox', { name: 'Language' }).locator('option')).toHaveText([
    'Follow the system (Русский)',
    'English',
    'Русский',
  ]);
  expect(await page.evaluate(() => (window as { holstLanguageMark?: boolean }).holstLanguageMark)).toBe(true);
  await expect.poll(() => savedLanguage(dataDir)).toBe('en');

  await navButton(page, 'Main', 'Library').click();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  await navButton(page, 'Main', 'Chat').click();
  await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();

  // Saved: a new window opens in English although the browser says Russian.
  await page.reload();
  await expect(navButton(page, 'Main', 'Settings')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
  await navButton(page, 'Main', 'Settings').click();
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('system');
  await expect(navButton(page, 'Главное меню', 'Настройки')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Настройки', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Оформление', level: 2 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect.poll(() => savedLanguage(dataDir)).toBe('system');
});

test('a language this version does not know, kept from a newer Holst, reads as "follow the system" and stays in the file', async ({
  page,
}) => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-'));
  await fs.writeFile(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({ version: 1, providers: [], appearance: { theme: 'system', language: 'uk' } }),
  );
  const harness = await startHarness(dataDir, { HOLST_KEYCHAIN_SERVICE: testKeychainService() });
  try {
    const foreign = await blockOtherOrigins(page, harness.origin);
    await page.goto(harness.url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await navButton(page, 'Главное меню', 'Настройки').click();
    await expect(page.getByRole('combobox', { name: 'Язык' })).toHaveValue('system');
    // Choosing the theme rewrites the file; the unknown language is still there.
    await page.getByRole('combobox', { name: 'Тема' }).selectOption('dark');
    await expect.poll(async () => (await savedSettings(dataDir)).appearance).toEqual({ theme: 'dark', language: 'uk' });
    expect(foreign).toEqual([]);
  } finally {
    await harness.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
});
