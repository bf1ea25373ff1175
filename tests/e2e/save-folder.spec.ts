// Settings → Save folder in the browser harness, which has no folder dialog: the path is typed,
// checked by the core, saved in settings.json, and turned off again.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openApp, type AppSession } from './app-session';

let app: AppSession | undefined;
let scratch: string | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
  if (scratch) await fs.rm(scratch, { recursive: true, force: true });
});

const savedFolder = async (dataDir: string) =>
  (JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')) as { library?: { saveFolder?: string | null } }).library
    ?.saveFolder;

test('a typed save folder is checked, created, saved, and turned off again', async ({ page }) => {
  const provider = { id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: 'http://127.0.0.1:9/v1', models: ['m'] };
  app = await openApp(page, { providers: [provider] });
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-save-'));
  const folder = path.join(scratch, 'Holst pictures');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
  const section = page.getByRole('region', { name: 'Save folder' });
  await expect(section.getByTestId('save-folder-path')).toHaveText('Off');
  // No dialog in the browser: only the typed path, and nothing to turn off yet.
  await expect(section.getByRole('button', { name: 'Choose…' })).toHaveCount(0);
  await expect(section.getByRole('button', { name: 'Turn off' })).toHaveCount(0);

  const field = section.getByRole('textbox', { name: 'Folder (full path)' });
  await field.fill('relative/folder');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('alert')).toContainText('full path');
  await expect(section.getByTestId('save-folder-path')).toHaveText('Off');

  await field.fill(folder);
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByTestId('save-folder-path')).toHaveText(folder);
  await expect(section.getByRole('alert')).toHaveCount(0);
  expect((await fs.stat(folder)).isDirectory()).toBe(true);
  expect(await savedFolder(app.harness.dataDir)).toBe(folder);

  await section.getByRole('button', { name: 'Turn off' }).click();
  await expect(section.getByTestId('save-folder-path')).toHaveText('Off');
  expect(await savedFolder(app.harness.dataDir)).toBeNull();
});
