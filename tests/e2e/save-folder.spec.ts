// Settings → Save folder in the browser harness, which has no folder dialog: the path is typed,
// checked by the core (only inside the data folder's exports or a folder the user listed in
// settings.json: the window cannot name a folder), saved in settings.json, and turned off again.
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
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-save-'));
  const listed = path.join(scratch, 'listed');
  const folder = path.join(listed, 'Holst pictures');
  app = await openApp(page, { providers: [provider], allowedFolders: [listed] });

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

  // A folder the user did not list: refused with what to do, and not created.
  const elsewhere = path.join(scratch, 'elsewhere');
  await field.fill(elsewhere);
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('alert')).toContainText(`${elsewhere} is outside the folders Holst may write to from the browser`);
  await expect(section.getByRole('alert')).toContainText('allowedFolders');
  await expect(section.getByTestId('save-folder-path')).toHaveText('Off');
  await expect(fs.stat(elsewhere)).rejects.toThrow();

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
