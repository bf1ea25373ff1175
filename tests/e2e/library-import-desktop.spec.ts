// The desktop app's two ways in for files on disk, drop and the Import… button's open dialog, share
// one import status: progress, Cancel and the summary are shown once, in the same place. The built
// renderer in Chromium through the harness, with the preload and the open dialog stood in for
// (desktop-preload-standin.ts; desktop-vs-browser.md, "Files from the OS"): the core imports real
// files of a real temp folder by path, as in the app.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dropByName, holdFinish, releaseFinish, useDesktopStandIn } from './desktop-preload-standin';
import { cancelOnceDone, newPictures } from './import-status';
import { useSeededHarness } from './seeded-harness';
import { paintImage, withLibrary } from '../support/seed-library';

const SEEDED = 3;
const app = useSeededHarness(
  'import-desktop',
  (dataDir) =>
    withLibrary(dataDir, async (library) => {
      for (let n = 1; n <= SEEDED; n++) await library.ingest({ bytes: await paintImage('fox', n, 80, 60) }, { source: 'imported' });
    }),
  { desktopStandIn: true },
);

const count = (page: Page) => page.locator('.library-count');
const importBox = (page: Page) => page.locator('.file-import');
/** Every status line on the page that speaks of importing: the one import status, never a second. */
const importStatuses = (page: Page) => page.getByRole('status').filter({ hasText: /import/i });

let folder: string;
test.beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-import-desktop-'));
});
test.afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

/** A folder of two pictures, a page that is no picture and a text file. */
async function mixedFolder(): Promise<string> {
  const photos = path.join(folder, 'photos');
  await fs.mkdir(path.join(photos, 'sub'), { recursive: true });
  await fs.writeFile(path.join(photos, 'x.png'), await paintImage('city', 801, 100, 80));
  await fs.writeFile(path.join(photos, 'sub', 'y.png'), await paintImage('city', 802, 100, 80));
  await fs.writeFile(path.join(photos, 'broken.png'), '<html>not a png</html>');
  await fs.writeFile(path.join(photos, 'readme.txt'), 'hello');
  return photos;
}

test('a folder dropped in the desktop app shows its summary once, in the import status', async ({ page }) => {
  await useDesktopStandIn(page, { dropped: { photos: await mixedFolder() } }, app.harness);
  await page.goto(app.harness.url);
  await expect(count(page)).toHaveText(`${SEEDED} images`);
  // The desktop code path: the Import… button is there.
  await expect(page.getByRole('button', { name: 'Import…' })).toBeVisible();

  await dropByName(page, ['photos']);
  await expect(importBox(page).getByRole('status')).toHaveText('Imported: 2 new pictures, 2 files skipped.');
  await expect(count(page)).toHaveText(`${SEEDED + 2} images`);
  await expect(importStatuses(page)).toHaveCount(1);
  await page.getByText('Show skipped files').click();
  // Named from the dropped folder, as a browser names them, each with why.
  await expect(page.getByRole('list', { name: 'Skipped files' }).getByRole('listitem')).toHaveText([
    'photos/readme.txt: not an image file name (.png, .jpg, .webp, .gif)',
    'photos/broken.png: not a picture',
  ]);

  // Dismissed: no summary is left anywhere.
  await importBox(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(importStatuses(page)).toHaveCount(0);
});

test.describe('in a Russian window', () => {
  test.use({ locale: 'ru-RU' });

  test('the summary of a dropped folder gives each skipped file its reason in Russian, named from the folder', async ({ page }) => {
    const photos = await mixedFolder();
    await fs.writeFile(path.join(photos, 'empty.png'), '');
    const cut = await paintImage('city', 803, 100, 80);
    await fs.writeFile(path.join(photos, 'sub', 'cut.png'), cut.subarray(0, Math.floor(cut.length / 2)));
    await fs.symlink(path.join(photos, 'gone.png'), path.join(photos, 'link.png'));
    await useDesktopStandIn(page, { dropped: { photos } }, app.harness);
    await page.goto(app.harness.url);
    await expect(count(page)).toHaveText(`${SEEDED} изображения`);

    await dropByName(page, ['photos']);
    await expect(importBox(page).getByRole('status')).toHaveText('Импортировано: 2 новых изображения, 5 файлов пропущено.');
    await importBox(page).getByText('Показать пропущенные файлы').click();
    const items = page.getByRole('list', { name: 'Пропущенные файлы' }).getByRole('listitem');
    await expect(items).toHaveCount(5);
    // Files are taken three at a time, so those turned down at decoding come in any order.
    expect((await items.allTextContents()).sort()).toEqual([
      'photos/broken.png: это не изображение',
      'photos/empty.png: файл пустой',
      'photos/link.png: ссылка никуда не ведет',
      'photos/readme.txt: не файл изображения (.png, .jpg, .webp, .gif)',
      'photos/sub/cut.png: данные изображения повреждены или неполные',
    ]);
    // Nothing of the core's English sentences, nor the folder's place on disk, is left.
    await expect(importBox(page)).not.toContainText(folder);
    await expect(importBox(page)).not.toContainText(/Not saved|skipped|broken link/);
  });
});

test('the Import… button runs in the same import status: progress and Cancel there, the summary once', async ({ page }) => {
  // Large pictures (previews to make), so the job is still busy long after Cancel can be pressed.
  const LARGE = 40;
  const photos = path.join(folder, 'photos');
  await fs.mkdir(photos);
  for (let n = 1; n <= LARGE; n++) {
    await fs.writeFile(path.join(photos, `large-${String(n).padStart(2, '0')}.png`), await paintImage('lighthouse', 700 + n, 1600, 1200));
  }
  await useDesktopStandIn(page, { chosen: [photos] }, app.harness);
  await page.goto(app.harness.url);
  await expect(count(page)).toHaveText(`${SEEDED} images`);
  const button = page.getByRole('button', { name: 'Import…' });
  const status = importBox(page).getByRole('status');

  // Cancel in the import status stops the dialog's job.
  await cancelOnceDone(page, 2);
  await button.click();
  await expect(status).toHaveText(/^Import stopped: \d+ new pictures?, \d+ not imported\.$/, { timeout: 30_000 });
  await expect(importStatuses(page)).toHaveCount(1);
  const imported = Number(/(\d+) new/.exec((await status.textContent())!)![1]);
  expect(imported).toBeGreaterThanOrEqual(2);
  expect(imported).toBeLessThan(LARGE);
  await expect(count(page)).toHaveText(`${SEEDED + imported} images`);
  // The files Cancel kept out are not listed as problems.
  await expect(importBox(page)).not.toHaveClass(/has-problems/);

  // Again to the end; a second Import… while it runs is turned down with a word why.
  await importBox(page).getByRole('button', { name: 'Dismiss' }).click();
  // The job's end is held back until the second Import… is pressed: a fast machine could finish it first.
  await holdFinish(page);
  await button.click();
  await expect(status).toHaveText(/^Importing \d+ of \d+…$/);
  await button.click();
  await expect(importBox(page).getByRole('alert')).toHaveText('An import is still running: wait for it to finish or cancel it first.');
  await releaseFinish(page);
  await expect(status).toHaveText(`Imported: ${newPictures(LARGE - imported)}, ${imported} already in the library.`, { timeout: 60_000 });
  await expect(importStatuses(page)).toHaveCount(1);
  await expect(count(page)).toHaveText(`${SEEDED + LARGE} images`);
});

test('when the open dialog cannot be shown, the import status says so', async ({ page }) => {
  // No dialog stand-in: the harness's core has no open dialog and answers with an error.
  await useDesktopStandIn(page, {}, app.harness);
  await page.goto(app.harness.url);
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(importBox(page).getByRole('alert')).not.toBeEmpty();
  await expect(importBox(page).getByRole('status')).toHaveCount(0);
  await importBox(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(importBox(page)).toHaveCount(0);
  await expect(count(page)).toHaveText(`${SEEDED} images`);
});
