// The real built renderer in Chromium, connected through the contract to the real core (harness).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runHolst } from '../support/cli';
import { startHarness, type Harness } from '../support/harness';
import { fakeApiKey, testKeychainService } from '../support/keychain';
import { AGGREGATOR_MODELS, OPENAI_CHAT_TEST_KEY, startOpenAIChatServer } from '../servers/openai-chat-server';

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

  // The app's own dialog (not the browser's): Cancel keeps the provider, Remove removes it.
  page.once('dialog', () => expect.soft(false, 'a browser confirm box opened').toBe(true));
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove GigaChat?' });
  await expect(confirm).toContainText('Pictures made with it stay in the library.');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('key-status-giga')).toHaveText('key set ••••2222');
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
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
  await expect(page.getByRole('alert')).toContainText('Base URL: must be an http(s) URL');
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

/** Adds an OpenAI-compatible chat provider through the form and returns its card. */
async function addOpenAIChatProvider(page: Page, id: string, baseUrl: string) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add provider' }).click();
  await page.getByLabel('Kind').selectOption('openai-chat');
  await page.getByLabel('Id', { exact: true }).fill(id);
  await page.getByLabel('Base URL').fill(baseUrl);
  await page.getByRole('button', { name: 'Add provider' }).click();
  const card = page.getByRole('article', { name: 'Provider OpenAI-compatible chat' });
  await expect(card).toBeVisible();
  return card;
}

/** A local port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('tests a provider step by step against a real server and takes its model list', async ({ page }) => {
  const server = await startOpenAIChatServer();
  try {
    await page.goto(harness.url);
    const card = await addOpenAIChatProvider(page, 'aggregator', server.baseUrl);
    await card.getByLabel('API key').fill(OPENAI_CHAT_TEST_KEY);
    await card.getByRole('button', { name: 'Save key' }).click();
    await expect(card.getByTestId('key-status-aggregator')).toContainText('key set');

    // A slow model list: the button says it is working and cannot be pressed twice.
    server.quirks.push({ method: 'GET', path: '/v1/models', delayMs: 1500 });
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect(card.getByRole('button', { name: 'Testing…' })).toBeDisabled();

    await expect(card.getByRole('status').filter({ hasText: 'The connection works' })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Test connection' })).toBeEnabled();
    const steps = card.getByRole('list', { name: 'Connection steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(5);
    for (const step of ['dns', 'connect', 'auth', 'models'])
      await expect(card.getByTestId(`step-${step}`)).toHaveAttribute('data-status', 'ok');
    // Plain HTTP: there is no TLS to check.
    await expect(card.getByTestId('step-tls')).toHaveAttribute('data-status', 'skipped');
    await expect(card.getByTestId('step-auth')).toContainText('✓');
    await expect(card.getByTestId('step-auth')).toContainText('The key was accepted');
    await expect(card.getByTestId('step-models')).toContainText(`Models available: ${AGGREGATOR_MODELS.length}.`);
    const offered = card.getByRole('list', { name: 'Models offered' }).getByRole('listitem');
    await expect(offered).toHaveCount(AGGREGATOR_MODELS.length);
    await expect(offered.filter({ hasText: 'nano-banana-hd' })).toHaveCount(1);
    expect(
      server.requests.some(
        (r) => r.method === 'GET' && r.path === '/v1/models' && r.headers.authorization === `Bearer ${OPENAI_CHAT_TEST_KEY}`,
      ),
    ).toBe(true);

    await card.getByRole('button', { name: 'Use these models' }).click();
    await expect(card.getByRole('status').filter({ hasText: `Saved ${AGGREGATOR_MODELS.length} models` })).toBeVisible();
    await expect(card.getByText('This provider already uses these models.')).toBeVisible();
    await expect(card.getByTestId('models-aggregator')).toContainText('gpt-image-1');
    const saved = JSON.parse(await fs.readFile(path.join(harness.dataDir, 'settings.json'), 'utf8'));
    expect(saved.providers).toEqual([
      expect.objectContaining({
        id: 'aggregator',
        kind: 'openai-chat',
        baseUrl: server.baseUrl,
        models: expect.arrayContaining(AGGREGATOR_MODELS),
      }),
    ]);
    expect(saved.providers[0].models).toHaveLength(AGGREGATOR_MODELS.length);

    // A wrong key: the key step fails, and the model list is not tried.
    await card.getByRole('button', { name: 'Replace key' }).click();
    await card.getByLabel('API key').fill(fakeApiKey('9999'));
    await card.getByRole('button', { name: 'Save key' }).click();
    await expect(card.getByTestId('key-status-aggregator')).toHaveText('key set ••••9999');
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect(card.getByRole('alert')).toContainText('API key failed');
    await expect(card.getByTestId('step-connect')).toHaveAttribute('data-status', 'ok');
    await expect(card.getByTestId('step-auth')).toHaveAttribute('data-status', 'failed');
    await expect(card.getByTestId('step-auth')).toContainText('✗');
    await expect(card.getByTestId('step-models')).toHaveAttribute('data-status', 'skipped');
    await expect(card.getByRole('button', { name: 'Use these models' })).toHaveCount(0);
  } finally {
    await server.close();
  }
});

test('a provider nobody answers at fails the connect step', async ({ page }) => {
  const port = await closedPort();
  await page.goto(harness.url);
  const card = await addOpenAIChatProvider(page, 'nobody', `http://127.0.0.1:${port}/v1`);
  await card.getByRole('button', { name: 'Test connection' }).click();
  await expect(card.getByRole('alert')).toContainText('Connection failed');
  await expect(card.getByRole('alert')).toContainText(`127.0.0.1:${port}`);
  await expect(card.getByTestId('step-dns')).toHaveAttribute('data-status', 'ok');
  await expect(card.getByTestId('step-connect')).toHaveAttribute('data-status', 'failed');
  for (const step of ['tls', 'auth', 'models']) await expect(card.getByTestId(`step-${step}`)).toHaveAttribute('data-status', 'skipped');
});

test('saves the proxy and timeouts; the proxy password goes to the keychain, never to the page or settings.json', async ({ page }) => {
  const password = `proxy-pw-${randomBytes(8).toString('hex')}`;
  const frames = recordReceivedFrames(page);
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const network = page.getByRole('region', { name: 'Network' });
  await expect(network.getByLabel('Connect timeout (seconds)')).toHaveValue('15');
  await expect(network.getByLabel('Response timeout (seconds)')).toHaveValue('120');
  await expect(network.getByTestId('proxy-password-status')).toHaveText('No password set');
  await expect(network.getByText('Kept in the system keychain, never in the settings file.')).toBeVisible();

  await network.getByLabel('Proxy URL').fill('http://proxy.example.test:3128');
  await network.getByLabel('Proxy user name').fill('alice');
  await network.getByLabel('Proxy password').fill(password);
  await network.getByLabel('Connect timeout (seconds)').fill('20');
  await network.getByLabel('Response timeout (seconds)').fill('300');
  await network.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(network.getByRole('status')).toHaveText('Network settings saved.');
  await expect(network.getByTestId('proxy-password-status')).toHaveText('Password set');
  await expect(network.getByLabel('Proxy password')).toHaveValue('');

  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(network.getByLabel('Proxy URL')).toHaveValue('http://proxy.example.test:3128');
  await expect(network.getByLabel('Proxy user name')).toHaveValue('alice');
  await expect(network.getByLabel('Proxy password')).toHaveValue('');
  await expect(network.getByTestId('proxy-password-status')).toHaveText('Password set');
  await expect(network.getByLabel('Connect timeout (seconds)')).toHaveValue('20');
  await expect(network.getByLabel('Response timeout (seconds)')).toHaveValue('300');

  const settingsFile = await fs.readFile(path.join(harness.dataDir, 'settings.json'), 'utf8');
  expect(JSON.parse(settingsFile).network).toEqual({
    proxy: { url: 'http://proxy.example.test:3128', username: 'alice' },
    connectTimeoutSec: 20,
    responseTimeoutSec: 300,
  });
  expect(settingsFile).not.toContain(password);
  expect(await page.content()).not.toContain(password);
  expect(frames.length).toBeGreaterThan(4);
  for (const frame of frames) expect(frame).not.toContain(password);

  await network.getByRole('button', { name: 'Remove password' }).click();
  await expect(network.getByTestId('proxy-password-status')).toHaveText('No password set');
  await expect(network.getByRole('button', { name: 'Remove password' })).toHaveCount(0);
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(network.getByLabel('Proxy user name')).toHaveValue('alice');
  await expect(network.getByTestId('proxy-password-status')).toHaveText('No password set');
  expect(JSON.parse(await fs.readFile(path.join(harness.dataDir, 'settings.json'), 'utf8')).network.proxy).toEqual({
    url: 'http://proxy.example.test:3128',
    username: 'alice',
  });
});

test('checks the network settings in the form and names the fields at fault', async ({ page }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const network = page.getByRole('region', { name: 'Network' });
  const proxyUrl = network.getByLabel('Proxy URL');
  const connect = network.getByLabel('Connect timeout (seconds)');
  const response = network.getByLabel('Response timeout (seconds)');
  const save = network.getByRole('button', { name: 'Save', exact: true });

  await proxyUrl.fill('http://bob:secret@proxy.example.test:3128');
  await connect.fill('0');
  await response.fill('4000');
  await save.click();
  await expect(network.getByRole('alert')).toHaveText('Check the highlighted fields.');
  await expect(proxyUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(proxyUrl).toHaveAccessibleDescription(/Leave the user name and password out of the URL/);
  await expect(connect).toHaveAttribute('aria-invalid', 'true');
  await expect(connect).toHaveAccessibleDescription(/from 1 to 300/);
  await expect(response).toHaveAttribute('aria-invalid', 'true');
  await expect(response).toHaveAccessibleDescription(/from 5 to 3600/);

  await proxyUrl.fill('socks5://proxy.example.test:1080');
  await connect.fill('10');
  await response.fill('60');
  await save.click();
  await expect(proxyUrl).toHaveAccessibleDescription(/must start with http:\/\/ or https:\/\//);
  await expect(connect).not.toHaveAttribute('aria-invalid', 'true');

  // A password needs a user name to go with it.
  await proxyUrl.fill('https://proxy.example.test:8443');
  await network.getByLabel('Proxy password').fill('lonely');
  await save.click();
  await expect(network.getByLabel('Proxy password')).toHaveAttribute('aria-invalid', 'true');
  await expect(network.getByLabel('Proxy password')).toHaveAccessibleDescription(/user name that goes with/);
  // Nothing was saved while the form was wrong.
  const before = await fs.readFile(path.join(harness.dataDir, 'settings.json'), 'utf8').catch(() => '{}');
  expect(JSON.parse(before).network?.proxy).toBeUndefined();

  await network.getByLabel('Proxy password').fill('');
  await save.click();
  await expect(network.getByRole('status')).toHaveText('Network settings saved.');
  expect(JSON.parse(await fs.readFile(path.join(harness.dataDir, 'settings.json'), 'utf8')).network).toEqual({
    proxy: { url: 'https://proxy.example.test:8443' },
    connectTimeoutSec: 10,
    responseTimeoutSec: 60,
  });
});

test('About Holst shows the version, where the logs are, and copies diagnostics without secrets', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
  const version = (JSON.parse(await fs.readFile('package.json', 'utf8')) as { version: string }).version;
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('app-version')).toHaveText(version);

  await page.getByRole('button', { name: 'Open logs folder' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The logs are in' })).toContainText(path.join(harness.dataDir, 'logs'));

  await page.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Diagnostics copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`Holst ${version} (browser)`);
  expect(copied).toContain(`Data folder: ${harness.dataDir}`);
  expect(copied).toMatch(/Last 200 log lines:\n.*Holst \S+ starting \(browser;/);
});
