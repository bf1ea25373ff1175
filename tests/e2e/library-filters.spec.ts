// The library's filters, the trash view, the view kept across screens and restarts, and folders
// dropped to import: the built renderer in Chromium through the harness, over a library seeded by
// the real core. Desktop differences (desktop-vs-browser.md, "Files from the OS"): the harness has
// no file paths, so the folder walk runs in the page over directory entries; the desktop route
// (paths from the preload's webUtils.getPathForFile, imported by the core's job) is driven here by
// a stand-in `window.holstFiles` handing real paths of a real temp folder to main, as the preload does.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { drop, nav } from './browser';
import { paintImage } from '../support/seed-library';
import { SEEDED_COUNT } from './library-filters-seed';
import { usePreloadFiles } from './desktop-preload-standin';
import { dropTree, useFilterHarness } from './library-filters-support';
import { requestFromElsewhere } from './seeded-harness';

const grid = (page: Page) => page.getByRole('listbox', { name: 'Images' });
const tiles = (page: Page) => grid(page).getByRole('option');
const tile = (page: Page, name: string) => grid(page).getByRole('option', { name, exact: true });
const count = (page: Page) => page.locator('.library-count');
const filter = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });
const viewSwitch = (page: Page, name: 'Images' | 'Trash') =>
  page.getByRole('group', { name: 'Show' }).getByRole('button', { name: new RegExp(`^${name}`) });
const search = (page: Page) => page.getByLabel('Search prompts');

/** Opens the image's context menu and runs one of its items. */
async function fromMenu(page: Page, name: string, item: string) {
  await tile(page, name).click({ button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: item }).click();
}

// The desktop stand-in's harness (its preload channel for the folder dropped by path); the rest is as in the browser.
const app = useFilterHarness({ desktopStandIn: true });

test('filters by provider, then model, source, tag and dates; filters combine with the search', async ({ page }) => {
  await page.goto(app.harness.url);
  await expect(count(page)).toHaveText(`${SEEDED_COUNT} images`);

  // Provider: the options carry their counts; the grid and the exact count follow.
  await filter(page, 'Provider').selectOption({ label: 'gigachat (7)' });
  await expect(count(page)).toHaveText('7 images');
  await expect(tiles(page)).toHaveCount(7);
  await expect(tile(page, 'a city street at night 1')).toHaveCount(0);

  // Model: the chosen provider's models come first, the others after.
  const models = await filter(page, 'Model').locator('option').allTextContents();
  expect(models[0]).toBe('All models');
  expect(models.slice(1, 3).sort()).toEqual(['GigaChat-2-Max (5)', 'GigaChat-2-Pro (2)']);
  expect(models.slice(3).sort()).toEqual(['gpt-4o-image (3)', 'nano-banana (2)']);
  await filter(page, 'Model').selectOption({ label: 'GigaChat-2-Pro (2)' });
  await expect(count(page)).toHaveText('2 images');
  await expect(tiles(page)).toHaveCount(2);
  await expect(tile(page, 'a mountain lake at noon 2')).toBeVisible();

  // "Clear filters" only while something filters.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count(page)).toHaveText(`${SEEDED_COUNT} images`);
  await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);
  await expect(filter(page, 'Provider')).toHaveValue('');

  await filter(page, 'Source').selectOption({ label: 'Imported (2)' });
  await expect(count(page)).toHaveText('2 images');
  await filter(page, 'Source').selectOption({ label: 'Edited (1)' });
  await expect(tiles(page)).toHaveCount(1);
  await expect(tiles(page).first()).toHaveAccessibleName('the same fox, now in autumn');
  await filter(page, 'Source').selectOption('');

  await filter(page, 'Tag').selectOption({ label: 'night (3)' });
  await expect(count(page)).toHaveText('3 images');
  // With the search: both must match.
  await search(page).fill('night 2');
  await expect(count(page)).toHaveText('1 image');
  await expect(tiles(page).first()).toHaveAccessibleName('a city street at night 2');
  await search(page).fill('');
  await filter(page, 'Tag').selectOption('');
  await expect(count(page)).toHaveText(`${SEEDED_COUNT} images`);

  // Dates: June to December 2025 holds the lakes and the imports.
  const dates = page.getByRole('button', { name: 'Dates' });
  await dates.click();
  const popover = page.getByRole('dialog', { name: 'Dates' });
  await expect(popover.getByLabel('From')).toBeFocused();
  await popover.getByLabel('From').fill('2025-06-01');
  await popover.getByLabel('To').fill('2025-12-31');
  await expect(count(page)).toHaveText('4 images');
  await expect(tile(page, 'a mountain lake at noon 1')).toBeVisible();

  // An end before the start is said at once, and never sent: the view stays as it was.
  await popover.getByLabel('To').fill('2025-01-31');
  await expect(popover.getByRole('alert')).toHaveText('The end date is before the start date.');
  await expect(popover.getByLabel('To')).toHaveAttribute('aria-invalid', 'true');
  await expect(count(page)).toHaveText('4 images');
  // The core refuses it too, naming the field.
  const refused = (await requestFromElsewhere(page, 'library.count', { from: 2000, to: 1000 })) as {
    ok: boolean;
    error?: { code: string; field?: string };
  };
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'to' } });

  await popover.getByLabel('To').fill('2025-06-30');
  await expect(popover.getByRole('alert')).toHaveCount(0);
  await expect(count(page)).toHaveText('2 images');
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Jun 1, 2025 – Jun 30, 2025/ })).toBeFocused();

  // Nothing matching: the empty state says why and offers the way out.
  await search(page).fill('lemons');
  await expect(page.getByRole('heading', { name: 'No images match' })).toBeVisible();
  await expect(page.getByText('No image matches these filters.')).toBeVisible();
  await page.locator('.library-empty').getByRole('button', { name: 'Clear filters' }).click();
  await expect(count(page)).toHaveText('2 images');
  await expect(search(page)).toHaveValue('lemons');
});

test('trashes an image and restores it from the trash view; empties the trash after a confirmation', async ({ page }) => {
  await page.goto(app.harness.url);
  await expect(count(page)).toHaveText(`${SEEDED_COUNT} images`);

  await fromMenu(page, 'a bowl of lemons 1', 'Move to trash');
  await expect(count(page)).toHaveText(`${SEEDED_COUNT - 1} images`);
  await expect(viewSwitch(page, 'Trash')).toHaveText(/Trash\s*1/);

  await viewSwitch(page, 'Trash').click();
  await expect(viewSwitch(page, 'Trash')).toHaveAttribute('aria-pressed', 'true');
  await expect(count(page)).toHaveText('1 image');
  await tile(page, 'a bowl of lemons 1').click({ button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveText(['Open', 'Restore', 'Delete for good…']);
  await menu.getByRole('menuitem', { name: 'Restore' }).click();
  await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Empty trash/ })).toBeDisabled();

  await viewSwitch(page, 'Images').click();
  await expect(count(page)).toHaveText(`${SEEDED_COUNT} images`);
  await expect(tile(page, 'a bowl of lemons 1')).toBeVisible();

  // Two to the trash, then empty it: the dialog says how many go for good.
  await fromMenu(page, 'a bowl of lemons 1', 'Move to trash');
  await fromMenu(page, 'a bowl of lemons 2', 'Move to trash');
  await viewSwitch(page, 'Trash').click();
  await expect(count(page)).toHaveText('2 images');
  const empty = page.getByRole('button', { name: /Empty trash/ });
  await empty.click();
  const dialog = page.getByRole('alertdialog', { name: 'Empty the trash?' });
  await expect(dialog).toContainText('2 images will be deleted for good. This cannot be undone.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // The focus stays inside; Esc cancels and gives it back.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Delete 2 images' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(empty).toBeFocused();
  await expect(count(page)).toHaveText('2 images');

  await empty.click();
  await dialog.getByRole('button', { name: 'Delete 2 images' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
  await viewSwitch(page, 'Images').click();
  await expect(count(page)).toHaveText(`${SEEDED_COUNT - 2} images`);

  // One image deleted for good from its menu, after its own confirmation.
  await fromMenu(page, 'a city street at night 1', 'Move to trash');
  await viewSwitch(page, 'Trash').click();
  await fromMenu(page, 'a city street at night 1', 'Delete for good…');
  const one = page.getByRole('alertdialog', { name: 'Delete this image for good?' });
  await one.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
  const gone = (await requestFromElsewhere(page, 'library.get', {
    id: app.seeded.images.find((i) => i.prompt === 'a city street at night 1')!.id,
  })) as {
    ok: boolean;
  };
  expect(gone.ok).toBe(false);
});

test('keeps the view when going to Chat and back, restores it after a reload, and drops a filter that no longer exists', async ({
  page,
}) => {
  await page.goto(app.harness.url);
  await filter(page, 'Provider').selectOption({ label: 'agg (5)' });
  await filter(page, 'Tag').selectOption({ label: 'night (3)' });
  await search(page).fill('street 3');
  await expect(count(page)).toHaveText('1 image');

  await nav(page, 'Chat').click();
  await nav(page, 'Library').click();
  await expect(search(page)).toHaveValue('street 3');
  await expect(filter(page, 'Tag')).toHaveValue('night');
  await expect(count(page)).toHaveText('1 image');

  await page.reload();
  await expect(count(page)).toHaveText('1 image');
  await expect(search(page)).toHaveValue('street 3');
  await expect(filter(page, 'Provider')).toHaveValue('agg');
  await expect(filter(page, 'Tag')).toHaveValue('night');
  await expect(tiles(page).first()).toHaveAccessibleName('a city street at night 3');

  // The trash is part of the view too.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await search(page).fill('');
  await viewSwitch(page, 'Trash').click();
  await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
  await page.reload();
  await expect(viewSwitch(page, 'Trash')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();

  // A saved tag deleted since (the core answers invalid_input, field "tag"): dropped with a quiet word.
  await page.evaluate(() => localStorage.setItem('holst.library.view.v1', JSON.stringify({ provider: 'gigachat', tag: 'gone-since' })));
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'The tag filter was removed: that tag no longer exists.' })).toBeVisible();
  await expect(count(page)).toHaveText('7 images');
  await expect(filter(page, 'Provider')).toHaveValue('gigachat');
  await expect(filter(page, 'Tag')).toHaveValue('');
  await expect(page.locator('.library').getByRole('alert')).toHaveCount(0);
});

test('a folder dropped in the browser is walked and imported: imported, duplicates and skipped with reasons', async ({ page }) => {
  await page.goto(app.harness.url);
  await expect(count(page)).toHaveText(`${SEEDED_COUNT} images`);
  const fresh = await Promise.all([1, 2, 3].map((n) => paintImage('lake', 900 + n, 120, 90)));
  const folder = {
    trip: {
      'a.png': fresh[0]!,
      'notes.txt': Buffer.from('not a picture'),
      '.hidden.png': fresh[2]!,
      'again.png': app.seeded.knownBytes,
      day2: { 'b.png': fresh[1]!, deeper: { 'c.png': fresh[2]! } },
    },
  };
  await dropTree(page, folder);

  const status = page.locator('.file-import').getByRole('status');
  await expect(status).toHaveText('Imported: 3 new pictures, 1 already in the library, 1 file skipped.');
  await page.getByText('Show skipped files').click();
  await expect(page.getByRole('list', { name: 'Skipped files' }).getByRole('listitem')).toHaveText(['trip/notes.txt: not a picture']);
  await expect(count(page)).toHaveText(`${SEEDED_COUNT + 3} images`);
  await expect(filter(page, 'Source')).toContainText('Imported (5)');

  // Plain files take the same way; a picture already there is counted as such.
  await page.locator('.file-import').getByRole('button', { name: 'Dismiss' }).click();
  await drop(page.locator('.library'), {
    files: [
      { name: 'one.png', bytes: await paintImage('city', 960, 90, 60) },
      { name: 'a-again.png', bytes: fresh[0]! },
    ],
  });
  await expect(status).toHaveText('Imported: 1 new picture, 1 already in the library.');
  await expect(count(page)).toHaveText(`${SEEDED_COUNT + 4} images`);

  // A pasted picture too.
  await page.locator('.file-import').getByRole('button', { name: 'Dismiss' }).click();
  const pasted = (await paintImage('lemons', 961, 80, 60)).toString('base64');
  await page.evaluate((base64) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], '', { type: 'image/png' }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, pasted);
  await expect(status).toHaveText('Imported: 1 new picture.');
  await expect(count(page)).toHaveText(`${SEEDED_COUNT + 5} images`);
});

test('a folder dropped in the desktop app goes to the core by path; the job reports its summary', async ({ page }) => {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-drop-'));
  try {
    await fs.mkdir(path.join(folder, 'photos', 'sub'), { recursive: true });
    await fs.writeFile(path.join(folder, 'photos', 'x.png'), await paintImage('city', 801, 100, 80));
    await fs.writeFile(path.join(folder, 'photos', 'sub', 'y.png'), await paintImage('city', 802, 100, 80));
    await fs.writeFile(path.join(folder, 'photos', 'broken.png'), '<html>not a png</html>');
    await fs.writeFile(path.join(folder, 'photos', 'readme.txt'), 'hello');
    // What the preload does in Electron: hands each dropped file's path on disk to main.
    await usePreloadFiles(page, app.harness, { photos: path.join(folder, 'photos') });
    await page.goto(app.harness.url);
    await expect(count(page)).toHaveText(`${SEEDED_COUNT} images`);

    await page.locator('.library').evaluate((element) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([], 'photos'));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    });
    const status = page.locator('.file-import').getByRole('status');
    await expect(status).toHaveText('Imported: 2 new pictures, 2 files skipped.');
    await page.getByText('Show skipped files').click();
    const skipped = page.getByRole('list', { name: 'Skipped files' }).getByRole('listitem');
    await expect(skipped).toHaveCount(2);
    await expect(skipped.filter({ hasText: 'readme.txt' })).toHaveCount(1);
    await expect(skipped.filter({ hasText: 'broken.png' })).toHaveCount(1);
    await expect(count(page)).toHaveText(`${SEEDED_COUNT + 2} images`);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
});
