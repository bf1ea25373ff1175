// Without a keychain (the core's Secret Service out of reach), the window says so only while a key
// would have to be saved: not while every key comes from the environment; at once when a provider
// without one is added, in the window's language, with the system's own words behind "Details";
// and no more once that provider is removed.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHarness, type Harness } from '../support/harness';
import { testKeychainService } from '../support/keychain';
import { blockOtherOrigins } from './browser';

test.use({ locale: 'ru-RU' });

let harness: Harness;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-'));
  const fromEnv = { id: 'agg', kind: 'openai-chat', name: 'Агрегатор', baseUrl: 'http://127.0.0.1:9/v1', models: ['gpt-4o-image'] };
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ version: 1, providers: [fromEnv] }));
  harness = await startHarness(dataDir, {
    HOLST_KEYCHAIN_SERVICE: testKeychainService(),
    HOLST_API_KEY_AGG: 'sk-from-the-environment-0001',
    // A session bus that is not there: the keychain cannot answer.
    DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(dataDir, 'no-bus')}`,
  });
});

test.afterEach(async () => {
  await harness.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

test('the keychain notice comes with a key to save, in Russian with the cause behind Details, and goes with it', async ({ page }) => {
  await blockOtherOrigins(page, harness.origin);
  await page.goto(harness.url);
  const menu = page.getByRole('navigation', { name: 'Главное меню' });
  await menu.getByRole('button', { name: 'Настройки', exact: true }).click();
  await expect(page.getByRole('article', { name: 'Сервис Агрегатор' })).toBeVisible();
  const notice = page.locator('.notice').filter({ hasText: 'хранилище ключей' });
  // Every key comes from the environment: nothing needs saving, no notice; Settings' quiet hint says keys cannot be saved here.
  await expect(page.getByRole('alert')).toHaveCount(0);
  const hint = page.getByText('Ключи API здесь не сохранить');
  await expect(hint).toBeVisible();

  await page.getByRole('button', { name: 'Добавить сервис' }).click();
  await page.getByLabel('ID', { exact: true }).fill('giga');
  await page.getByRole('button', { name: 'Добавить сервис' }).click();
  await expect(page.getByRole('article', { name: 'Сервис GigaChat' })).toBeVisible();

  await expect(notice).toHaveCount(1);
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText(
    'Ключи API для GigaChat не сохранить: на этом компьютере не отвечает системное хранилище ключей. Запустите его',
  );
  await expect(notice).toContainText('HOLST_API_KEY_GIGA');
  // Said once: the hint gives way to the notice.
  await expect(hint).toHaveCount(0);
  // The system's own words are there for whoever wants them, behind "Подробности".
  const details = notice.locator('details');
  const cause = details.locator('code');
  await expect(cause).toBeHidden();
  expect((await notice.innerText()).replace(/\s+/g, ' ')).not.toMatch(/D-?Bus|DISPLAY|autolaunch/i);
  await details.getByText('Подробности').click();
  await expect(cause).toBeVisible();
  expect((await cause.innerText()).trim().length).toBeGreaterThan(3);

  // The provider goes, and with it the only key that needed saving: so does the notice.
  await page.getByRole('article', { name: 'Сервис GigaChat' }).getByRole('button', { name: 'Удалить', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Удалить «GigaChat»?' }).getByRole('button', { name: 'Удалить', exact: true }).click();
  await expect(page.getByRole('article', { name: 'Сервис GigaChat' })).toHaveCount(0);
  await expect(notice).toHaveCount(0);
  await expect(hint).toBeVisible();
});
