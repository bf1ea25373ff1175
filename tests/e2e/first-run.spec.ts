// The first run, from an empty data folder to a first picture, in each language the window speaks:
// pick GigaChat, paste the key (it goes to the real keychain), test the connection, and the chat
// opens with a suggested prompt that GigaChat's reference server draws. The "where to get a key"
// link goes out through the main process (a tab in the harness, the system browser on the desktop).
import { expect, test, type Page } from '@playwright/test';
import { startGigaChatServer } from '../servers/gigachat-server';
import { openApp } from './app-session';
import { expectLoaded } from './browser';

// Found by their place, not their (translated) names: the same in both languages.
const nav = (page: Page, name: string) => page.locator('nav.sidebar').getByRole('button', { name, exact: true });
const prompt = (page: Page) => page.locator('textarea.prompt');
const answers = (page: Page) => page.locator('article.message-assistant');

const JOURNEYS = [
  {
    locale: 'ru-RU',
    words: {
      welcome: 'Добро пожаловать в Holst',
      service: /GigaChat — для себя/,
      next: 'Далее',
      key: 'Ключ API',
      addresses: 'Адреса',
      address: 'Адрес API',
      authAddress: 'Адрес получения токена (OAuth)',
      save: 'Сохранить и продолжить',
      test: 'Проверить подключение',
      start: 'Сделать первую картинку',
      firstPrompt: /^Нарисуй рыжую лису/,
      chat: 'Чат',
      library: 'Библиотека',
      send: 'Отправить',
    },
  },
  {
    locale: 'en-US',
    words: {
      welcome: 'Welcome to Holst',
      service: /GigaChat — personal/,
      next: 'Next',
      key: 'API key',
      addresses: 'Addresses',
      address: 'API address',
      authAddress: 'Token address (OAuth)',
      save: 'Save and continue',
      test: 'Test connection',
      start: 'Make a first picture',
      firstPrompt: /^Draw a red fox in a snowy forest/,
      chat: 'Chat',
      library: 'Library',
      send: 'Send',
    },
  },
];

for (const { locale, words } of JOURNEYS) {
  test.describe(`first run (${locale})`, () => {
    test.use({ locale });

    test('from an empty data folder to a first picture', async ({ page }) => {
      // The demo's GigaChat: the reference server drawing the prompt, as `npm run demo` runs it.
      const giga = await startGigaChatServer({ drawPrompt: true, errorsOnRequest: true });
      const app = await openApp(page, { servers: [giga] });
      try {
        await expect(page.getByRole('heading', { name: words.welcome, level: 1 })).toBeVisible();
        await expect(nav(page, words.library)).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));

        await page.getByRole('radio', { name: words.service }).check();
        await page.getByRole('button', { name: words.next }).click();

        await page.getByLabel(words.key, { exact: true }).fill(giga.authorizationKey);
        await page.getByText(words.addresses, { exact: true }).click();
        await page.getByLabel(words.address, { exact: true }).fill(giga.baseUrl);
        await page.getByLabel(words.authAddress, { exact: true }).fill(giga.authUrl);
        await page.getByRole('button', { name: words.save }).click();

        await page.getByRole('button', { name: words.test }).click();
        // Every step of the check passes (DNS, connection, the key, the model list; TLS is skipped over http).
        const steps = page.locator('.connection-steps li');
        await expect(steps).toHaveCount(5);
        await expect(page.locator('.test-ok')).toBeVisible();
        await expect(steps.and(page.locator('[data-status="failed"]'))).toHaveCount(0);
        await expect(steps.and(page.locator('[data-status="ok"]'))).toHaveCount(4);
        await page.getByRole('button', { name: words.start }).click();

        await expect(prompt(page)).toHaveValue(words.firstPrompt);
        await expect(nav(page, words.chat)).toHaveAttribute('aria-current', 'true');
        await page.getByRole('button', { name: words.send }).click();
        await expectLoaded(answers(page).first().getByRole('img').first());
        // The key went to the keychain: the core never had it from the environment.
        expect(giga.tokens.size).toBeGreaterThan(0);
      } finally {
        await app.close();
      }
    });
  });
}
