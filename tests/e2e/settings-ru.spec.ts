// Settings in a Russian window (browser locale ru-RU): what the core refuses there — a typed save
// folder, a provider id already taken — and what the provider form's own check finds read in
// Russian, not in the core's English after a Russian headline (issue 22, point 5). The built
// renderer in Chromium, through the harness, to the real core.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openApp, type AppSession } from './app-session';

test.use({ locale: 'ru-RU' });

let app: AppSession | undefined;
let scratch: string | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
  if (scratch) await fs.rm(scratch, { recursive: true, force: true });
});

test('the save folder, a taken provider id and a bad id are refused in Russian', async ({ page }) => {
  const provider = { id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: 'http://127.0.0.1:9/v1', models: ['m'] };
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-save-ru-'));
  app = await openApp(page, { providers: [provider], allowedFolders: [scratch] });
  await page.getByRole('navigation').getByRole('button', { name: 'Настройки', exact: true }).click();

  // The core's refusals of a typed save folder.
  const section = page.getByRole('region', { name: 'Папка для сохранения' });
  const folder = section.getByRole('textbox', { name: 'Папка (полный путь)' });
  await folder.fill('relative/folder');
  await section.getByRole('button', { name: 'Сохранить' }).click();
  await expect(section.getByRole('alert')).toContainText('Укажите полный путь (например,');
  await expect(section.getByRole('alert')).toContainText('а не «relative/folder».');
  const elsewhere = path.join(os.tmpdir(), 'holst-e2e-not-listed');
  await folder.fill(elsewhere);
  await section.getByRole('button', { name: 'Сохранить' }).click();
  await expect(section.getByRole('alert')).toContainText(`${elsewhere} — вне папок, в которые Holst может записывать из браузера`);
  await expect(section.getByRole('alert')).not.toContainText('outside the folders');

  // The form's own check, then the core's refusal of an id already taken.
  await page.getByRole('button', { name: 'Добавить сервис', exact: true }).click();
  const form = page.getByRole('form', { name: 'Новый сервис' });
  const id = form.getByRole('textbox', { name: 'ID', exact: true });
  await id.fill('Мой сервис');
  await form.getByRole('button', { name: 'Добавить сервис' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Поле «ID»: от 1 до 64 строчных латинских букв, цифр, «-», «_» или «.» (первой должна быть буква или цифра)',
  );
  await id.fill('agg');
  await form.getByRole('button', { name: 'Добавить сервис' }).click();
  await expect(form.getByRole('alert')).toContainText('Сервис с идентификатором «agg» уже есть.');
  await expect(form.getByRole('alert')).not.toContainText('already exists');
});
