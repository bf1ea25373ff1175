// Settings → About in the browser harness: "Check for updates…" is there and says honestly that this
// build cannot update itself (only a packaged desktop app built with a publish feed can; see tests/unit/main/electron/updater.test.ts).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHarness, type Harness } from '../support/harness';
import { testKeychainService } from '../support/keychain';

let harness: Harness;

test.beforeEach(async () => {
  harness = await startHarness(await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-')), { HOLST_KEYCHAIN_SERVICE: testKeychainService() });
});

test.afterEach(async () => {
  await harness.stop();
  await fs.rm(harness.dataDir, { recursive: true, force: true });
});

test('About offers "Check for updates…" and says updates are not configured for this build', async ({ page }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const updates = page.getByTestId('updates');
  await expect(updates.getByRole('status')).toHaveText('Updates are not configured for this build.');
  await updates.getByRole('button', { name: 'Check for updates…' }).click();
  await expect(updates.getByRole('status')).toHaveText('Updates are not configured for this build.');
  await expect(updates.getByRole('progressbar')).toHaveCount(0);
});
