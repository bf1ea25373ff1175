// The desktop app's import status on screen, in both languages and themes: a run from the Import…
// button under way (screenshots/library-import-progress-*), then a dropped folder's summary with its
// skipped files open (screenshots/library-import-*), each checked by axe-core. The preload and the
// open dialog are stood in for (desktop-preload-standin.ts).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dropByName, holdFinish, releaseFinish, useDesktopStandIn } from './desktop-preload-standin';
import { shootChecked, useSeededHarness } from './seeded-harness';
import { paintImage, withLibrary, type SceneName } from '../support/seed-library';

const SCENES: SceneName[] = ['fox', 'city', 'lake', 'lighthouse'];
const app = useSeededHarness(
  'import-screens',
  (dataDir) =>
    withLibrary(dataDir, async (library) => {
      for (let n = 1; n <= 12; n++) {
        await library.ingest({ bytes: await paintImage(SCENES[n % SCENES.length]!, n, 320, 240) }, { source: 'imported' });
      }
    }),
  { desktopStandIn: true },
);

const setTheme = (page: Page, theme: string) => page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);

let folder: string;
test.beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-import-screens-'));
});
test.afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

for (const locale of ['en-US', 'ru-RU']) {
  const language = locale.slice(0, 2);
  test.describe(`the import status, on screen (${locale})`, () => {
    test.use({ locale, viewport: { width: 1280, height: 800 } });

    test('screenshots of an import under way and of a summary with skipped files, light and dark', async ({ page }) => {
      // Nine axe-core passes on a shared machine.
      test.setTimeout(180_000);
      const chosen = path.join(folder, 'chosen');
      const photos = path.join(folder, 'photos');
      await fs.mkdir(chosen);
      await fs.mkdir(photos);
      for (let n = 1; n <= 10; n++) await fs.writeFile(path.join(chosen, `${n}.png`), await paintImage('lake', 900 + n, 1200, 900));
      await fs.writeFile(path.join(photos, 'beach.png'), await paintImage('city', 950, 320, 240));
      await fs.writeFile(path.join(photos, 'notes.txt'), 'not a picture');
      await fs.writeFile(path.join(photos, 'error-page.png'), '<html>Access denied</html>');
      // A damaged file deep in long folder names, one with no space to wrap at: the list stays tidy.
      const deep = path.join(photos, 'Summer holiday at the seaside with the whole family, July 2025', 'edited for printing');
      await fs.mkdir(deep, { recursive: true });
      const cut = await paintImage('lake', 951, 320, 240);
      await fs.writeFile(
        path.join(deep, 'IMG_20250714_183522_HDR_edited_with_snapseed_final_export_v2_for_print_and_the_family_album.png'),
        cut.subarray(0, 400),
      );
      await useDesktopStandIn(page, { chosen: [chosen], dropped: { photos } }, app.harness);
      await page.goto(app.harness.url);
      await expect(page.locator('.tile-slot')).toHaveCount(12);

      // The Import… button's run, kept under way (its last progress is held back).
      await holdFinish(page);
      await page.locator('.library-toolbar button', { hasText: '…' }).click();
      await expect(page.locator('.file-import progress[max]')).toBeVisible();
      for (const theme of ['light', 'dark']) {
        await setTheme(page, theme);
        await shootChecked(page, `library-import-progress-${language}-${theme}`);
      }
      await releaseFinish(page);
      await expect(page.locator('.file-import progress')).toHaveCount(0);
      await page.locator('.file-import button.link').click();

      // A dropped folder's summary, its skipped files open.
      await dropByName(page, ['photos']);
      await expect(page.locator('.file-import details')).toBeVisible();
      await page.locator('.file-import summary').click();
      for (const theme of ['light', 'dark']) {
        await setTheme(page, theme);
        await shootChecked(page, `library-import-${language}-${theme}`);
      }
      // The smallest window Holst supports.
      await page.setViewportSize({ width: 900, height: 600 });
      await setTheme(page, 'light');
      await shootChecked(page, `library-import-${language}-narrow`);
    });
  });
}
