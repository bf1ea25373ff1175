// The real built renderer in Chromium, connected through the contract to the real core (harness).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runHolst } from '../support/cli';
import { startHarness, type Harness } from '../support/harness';
import { fakeApiKey, testKeychainService } from '../support/keychain';

const env = { HOLST_KEYCHAIN_SERVICE: testKeychainService() };
let harness: Harness;

test.beforeEach(async () => {
  harness = await startHarness(await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-')), env);
});

test.afterEach(async () => {
  await harness.stop();
  await fs.rm(harness.dataDir, { recursive: true, force: true });
});

/** Every WebSocket frame the page receives from the core: its IPC messages in the harness. */
function recordReceivedFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(payload.toString())));
  return frames;
}

async function addProvider(page: Page, id: string) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add provider' }).click();
  await page.getByLabel('Id', { exact: true }).fill(id);
  await page.getByRole('button', { name: 'Add provider' }).click();
  await expect(page.getByRole('article', { name: /Provider GigaChat/ })).toBeVisible();
}

test('saves a key for a provider; after a reload only "key set ••••abcd" is known to the page', async ({ page }) => {
  const key = fakeApiKey('abcd');
  const frames = recordReceivedFrames(page);
  await page.goto(harness.url);
  await addProvider(page, 'giga');

  const keyInput = page.getByLabel('API key');
  await keyInput.fill(key);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByTestId('key-status-giga')).toHaveText('key set ••••abcd');

  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('key-status-giga')).toHaveText('key set ••••abcd');

  expect(await page.content()).not.toContain(key);
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(key.slice(0, -4));
  expect(frames.length).toBeGreaterThan(4);
  for (const frame of frames) expect(frame).not.toContain(key.slice(0, -4));
  const settingsFile = await fs.readFile(path.join(harness.dataDir, 'settings.json'), 'utf8');
  expect(JSON.parse(settingsFile).providers).toEqual([expect.objectContaining({ id: 'giga', kind: 'gigachat' })]);
  expect(settingsFile).not.toContain(key.slice(0, -4));

  // The key really is in the system keychain, under the provider's id.
  const status = await runHolst(['--json', '--data-dir', harness.dataDir, 'key', 'status', 'giga'], { env });
  expect(status.json()).toEqual({ providerId: 'giga', set: true, last4: 'abcd', source: 'keychain' });

  await page.getByRole('button', { name: 'Clear key' }).click();
  await expect(page.getByTestId('key-status-giga')).toHaveText('no key');
});

test('replaces a key, and removing the provider removes its key', async ({ page }) => {
  await page.goto(harness.url);
  await addProvider(page, 'giga');
  await page.getByLabel('API key').fill(fakeApiKey('1111'));
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByTestId('key-status-giga')).toHaveText('key set ••••1111');
  await page.getByRole('button', { name: 'Replace key' }).click();
  await page.getByLabel('API key').fill(fakeApiKey('2222'));
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByTestId('key-status-giga')).toHaveText('key set ••••2222');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('No providers yet.')).toBeVisible();
  const gone = await runHolst(['--json', '--data-dir', harness.dataDir, 'providers', 'list'], { env });
  expect(gone.json()).toEqual({ providers: [] });
});

test('shows the field at fault when a provider is not valid', async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Holst' })).toBeVisible();
  await page.keyboard.press('Control+Comma');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Add provider' }).click();
  await page.getByLabel('Base URL').fill('ftp://files.example');
  await page.getByRole('button', { name: 'Add provider' }).click();
  await expect(page.getByRole('alert')).toContainText('baseUrl: must be an http(s) URL');
  await expect(page.getByLabel('Base URL')).toHaveAttribute('aria-invalid', 'true');
});

test('starts with a corrupt settings file and tells the user where the old one was kept', async ({ page }) => {
  await harness.stop();
  await fs.writeFile(path.join(harness.dataDir, 'settings.json'), '{"providers": [ truncated');
  harness = await startHarness(harness.dataDir, env);
  await page.goto(harness.url);
  await expect(page.getByRole('alert')).toContainText('Your settings file could not be read');
  await expect(page.getByRole('alert')).toContainText('settings.json.corrupt-');
  await expect(page.getByRole('heading', { name: 'Welcome to Holst' })).toBeVisible();
  const files = await fs.readdir(harness.dataDir);
  expect(files.some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
});
