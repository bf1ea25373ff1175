// The packaged-style app in a real Electron window. Electron's binary comes from GitHub; where it
// could not be downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD, no access) these tests are skipped.
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { runHolst } from '../support/cli';
import { solidImage } from '../support/images';
import { fakeApiKey, testKeychainService } from '../support/keychain';

/** The binary's path, found without `require('electron')`, which would start a download. */
function electronBinary(): string | null {
  const dir = path.resolve('node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const skipReason = 'Electron binary not installed (it downloads from GitHub; run `npm start` once where that is reachable)';
if (!binary) console.log(`electron.spec.ts skipped: ${skipReason}`);

test.describe('Electron app', () => {
  test.skip(!binary, skipReason);

  test('opens a sandboxed window, refuses navigation, and saves a key without exposing it', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-electron-'));
    const images = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-electron-images-'));
    await fs.writeFile(path.join(images, 'one.png'), await solidImage(1, 'png', 300, 200));
    await runHolst(['--data-dir', dataDir, 'library', 'import', images]);
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.resolve('out/main/index.cjs'), '--data-dir', dataDir],
      env: { ...process.env, HOLST_KEYCHAIN_SERVICE: testKeychainService() } as Record<string, string>,
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle('Holst');
      expect(page.url()).toBe('holst-app://app/index.html');
      expect(
        await page.evaluate(() => [
          typeof (window as unknown as { require?: unknown }).require,
          typeof (window as unknown as { process?: unknown }).process,
        ]),
      ).toEqual(['undefined', 'undefined']);
      expect(await page.evaluate(() => Object.keys((window as unknown as { holst?: object }).holst ?? {}).sort())).toEqual([
        'app',
        'on',
        'providers',
        'secrets',
        'settings',
      ]);

      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('holst-app://app/index.html');

      const key = fakeApiKey('abcd');
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Add provider' }).click();
      await page.getByLabel('Id', { exact: true }).fill('giga');
      await page.getByRole('button', { name: 'Add provider' }).click();
      await page.getByLabel('API key').fill(key);
      await page.getByRole('button', { name: 'Save key' }).click();
      await expect(page.getByTestId('key-status-giga')).toHaveText('key set ••••abcd');
      expect(await page.content()).not.toContain(key);
      await page.getByRole('button', { name: 'Clear key' }).click();

      // The library's thumbnails come through holst-media:// by id.
      await page.getByRole('button', { name: 'Library' }).click();
      const thumb = page.locator('img[src^="holst-media://thumb/"]').first();
      await expect(thumb).toBeVisible();
      expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    } finally {
      await app.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
