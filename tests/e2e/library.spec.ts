// The Library screen: the built renderer in Chromium, through the harness, over a library seeded
// by the real core with real images. The page may reach nothing but the harness.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { blockOtherOrigins, expectLoaded } from './browser';
import { startHarness, type Harness } from '../support/harness';
import { testKeychainService } from '../support/keychain';
import { requestFromElsewhere } from './seeded-harness';
import { paintImage, seedLibrary, seedManyImages, type SeededLibrary } from '../support/seed-library';

const env = { HOLST_KEYCHAIN_SERVICE: testKeychainService() };

/** Starts the harness on a copy of `template`, with the network blocked for `page`. */
async function startOn(template: string, page: Page): Promise<{ harness: Harness; foreign: string[] }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-library-'));
  await fs.cp(template, dataDir, { recursive: true });
  const harness = await startHarness(dataDir, env);
  return { harness, foreign: await blockOtherOrigins(page, harness.origin) };
}

async function stop(harness: Harness, foreign: string[]) {
  try {
    expect(foreign, 'requests to anywhere but the harness').toEqual([]);
  } finally {
    await harness.stop();
    await fs.rm(harness.dataDir, { recursive: true, force: true });
  }
}

const grid = (page: Page) => page.getByRole('listbox', { name: 'Images' });
const tiles = (page: Page) => grid(page).getByRole('option');
const search = (page: Page) => page.getByLabel('Search prompts');
const favouritesFilter = (page: Page) => page.getByRole('button', { name: 'Favourites', exact: true });
const tile = (page: Page, prompt: string) => grid(page).getByRole('option', { name: prompt, exact: true });

test.describe('a library of 30 images', () => {
  let template: string;
  let seeded: SeededLibrary;
  let harness: Harness;
  let foreign: string[];

  test.beforeAll(async () => {
    template = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-seed-'));
    seeded = await seedLibrary(template);
  });

  test.afterAll(async () => {
    await fs.rm(template, { recursive: true, force: true });
  });

  test.beforeEach(async ({ page }) => {
    ({ harness, foreign } = await startOn(template, page));
  });

  test.afterEach(async () => {
    await stop(harness, foreign);
  });

  test('shows the library first, newest first, with real thumbnails; opens an edit and walks its lineage', async ({ page }) => {
    await page.goto(harness.url);
    // With images in the library, the library is the first screen.
    await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Library', exact: true }).click();

    await expect(page.getByRole('status').filter({ hasText: 'images' })).toHaveText(`${seeded.images.length} images`);
    const newestFirst = seeded.images.toReversed();
    await expect(tiles(page).first()).toHaveAccessibleName(newestFirst[0]!.prompt);
    await expect(tiles(page).nth(1)).toHaveAccessibleName(newestFirst[1]!.prompt);
    for (let i = 0; i < 6; i++) {
      const image = tiles(page).nth(i).locator('img');
      await expect(image).toHaveAttribute('src', `/media/thumb/${newestFirst[i]!.id}`);
      await expectLoaded(image);
    }

    // The edit: its details, and the image it was made from.
    await tile(page, seeded.edited.prompt).click();
    const viewer = page.getByRole('dialog', { name: seeded.edited.prompt });
    await expect(viewer).toBeVisible();
    await expect(viewer).toBeFocused();
    await expect(viewer).toContainText('gigachat');
    await expect(viewer).toContainText('GigaChat-2-Max');
    await expect(viewer).toContainText('Edited');
    await expect(viewer).toContainText('640 × 512');
    await expectLoaded(viewer.getByRole('img', { name: seeded.edited.prompt }));
    const madeFrom = viewer.getByRole('region', { name: 'Made from' });
    const parentThumb = madeFrom.getByRole('button', { name: `Source: ${seeded.parent.prompt}` });
    await expect(parentThumb).toBeVisible();
    await expect(madeFrom).toContainText('Source');

    // Its parent, opened from the lineage: the edit is listed under "Used in".
    await parentThumb.click();
    const parentViewer = page.getByRole('dialog', { name: seeded.parent.prompt });
    await expect(parentViewer).toBeVisible();
    await expect(parentViewer.getByRole('heading', { name: seeded.parent.prompt })).toBeVisible();
    await expect(parentViewer).toBeFocused();
    const usedIn = parentViewer.getByRole('region', { name: 'Used in' });
    await expect(usedIn.getByRole('button', { name: seeded.edited.prompt })).toBeVisible();
    await expect(parentViewer.getByRole('region', { name: 'Made from' })).toHaveCount(0);

    // Escape closes the viewer and focus goes back to the grid, on the image last shown.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(tile(page, seeded.parent.prompt)).toBeFocused();
  });

  test('searches prompts as you type; Ctrl+F goes to the search box', async ({ page }) => {
    await page.goto(harness.url);
    await expect(tiles(page)).not.toHaveCount(0);
    await page.keyboard.press('Control+f');
    await expect(search(page)).toBeFocused();

    await search(page).pressSequentially('lighthouse');
    await expect(tiles(page)).toHaveCount(1);
    await expect(tiles(page).first()).toHaveAccessibleName('a lighthouse at dawn');
    await expect(page.getByRole('status').filter({ hasText: 'image' })).toHaveText('1 image');

    // Prefixes match, and every word must match.
    await search(page).fill('fox sno');
    await expect(tiles(page)).toHaveCount(10);
    await expect(page.getByRole('status').filter({ hasText: 'images' })).toHaveText('10 images');
    await search(page).fill('zebra');
    await expect(page.getByRole('heading', { name: 'No images match' })).toBeVisible();
    await expect(grid(page)).toHaveCount(0);

    // Escape in the box clears the search.
    await search(page).press('Escape');
    await expect(search(page)).toHaveValue('');
    await expect(page.getByRole('status').filter({ hasText: 'images' })).toHaveText(`${seeded.images.length} images`);
  });

  test('favourites an image from the viewer; the favourites filter shows it, also after a reload', async ({ page }) => {
    await page.goto(harness.url);
    await search(page).fill('lighthouse');
    await expect(tiles(page)).toHaveCount(1);
    await tile(page, 'a lighthouse at dawn').click();

    const viewer = page.getByRole('dialog', { name: 'a lighthouse at dawn' });
    // 2400 × 1600: the viewer shows the 1600 px preview, not the original.
    const large = viewer.getByRole('img', { name: 'a lighthouse at dawn' });
    await expect(large).toHaveAttribute('src', `/media/preview/${seeded.lighthouse.id}`);
    await expectLoaded(large);
    expect(await large.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);

    const favourite = viewer.getByRole('button', { name: 'Favourite', exact: true });
    await expect(favourite).toHaveAttribute('aria-pressed', 'false');
    await favourite.click();
    await expect(favourite).toHaveAttribute('aria-pressed', 'true');
    // In a browser the original is downloaded; the desktop-only actions are not offered.
    await expect(viewer.getByRole('link', { name: 'Download original' })).toHaveAttribute(
      'href',
      `/media/original/${seeded.lighthouse.id}`,
    );
    await expect(viewer.getByRole('button', { name: 'Save a copy…' })).toHaveCount(0);
    // Import… is offered in the browser too: there it opens the page's file picker (empty-states.spec.ts).
    await expect(page.getByRole('button', { name: 'Import…' })).toBeVisible();
    await viewer.getByRole('button', { name: 'Close' }).click();
    await expect(viewer).toHaveCount(0);
    await expect(tile(page, 'a lighthouse at dawn')).toHaveAttribute('aria-description', 'Favourite');

    await search(page).fill('');
    await expect(tiles(page)).toHaveCount(seeded.images.length);
    await favouritesFilter(page).click();
    await expect(favouritesFilter(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(tiles(page)).toHaveCount(1);
    await expect(tiles(page).first()).toHaveAccessibleName('a lighthouse at dawn');

    // Kept by the core, and the view is restored after a reload: the filter is still on and finds it.
    await page.reload();
    await expect(favouritesFilter(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(tiles(page)).toHaveCount(1);
    await expect(tiles(page).first()).toHaveAccessibleName('a lighthouse at dawn');

    // Unfavoured, it leaves the filtered list.
    await tiles(page).first().click();
    const pressed = page.getByRole('dialog').getByRole('button', { name: 'Favourite', exact: true });
    await expect(pressed).toHaveAttribute('aria-pressed', 'true');
    await pressed.click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'No images match' })).toBeVisible();
  });

  test('follows changes made elsewhere: new images appear on top, favourites update in place', async ({ page }) => {
    await page.goto(harness.url);
    const status = page.getByRole('status').filter({ hasText: 'images' });
    await expect(status).toHaveText(`${seeded.images.length} images`);

    const fox = seeded.images[0]!;
    expect(await requestFromElsewhere(page, 'library.setFavorite', { id: fox.id, favorite: true })).toMatchObject({ ok: true });
    await expect(tile(page, fox.prompt)).toHaveAttribute('aria-description', 'Favourite');

    // Another window drops a picture (a browser sends its bytes: no page names a path).
    const base64 = (await paintImage('lake', 777, 300, 200)).toString('base64');
    expect(await requestFromElsewhere(page, 'library.importBytes', { name: 'to-import.png', base64 })).toMatchObject({ ok: true });
    await expect(status).toHaveText(`${seeded.images.length + 1} images`);
    // Imported, so no prompt: the tile is named by its number.
    await expect(tiles(page).first()).toHaveAccessibleName(`Image ${seeded.images.length + 1}`);
    await expectLoaded(tiles(page).first().locator('img'));
  });

  test('moves an image to the trash from the viewer', async ({ page }) => {
    await page.goto(harness.url);
    await tile(page, 'a mountain lake at noon 2').click();
    // In the viewer's "…" menu.
    await page.getByRole('dialog').getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('dialog').getByRole('menuitem', { name: 'Move to trash' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(tile(page, 'a mountain lake at noon 2')).toHaveCount(0);
    // Focus goes to the image that took its place.
    await expect(tile(page, 'a mountain lake at noon 1')).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'images' })).toHaveText(`${seeded.images.length - 1} images`);
    await page.reload();
    await expect(tiles(page).first()).toBeVisible();
    await expect(tile(page, 'a mountain lake at noon 2')).toHaveCount(0);
  });

  test('serves media by id only, to the page that holds the token', async ({ page }) => {
    await page.goto(harness.url);
    await expect(tiles(page).first()).toBeVisible();
    // page.request carries the page's cookies, so these pass the token check: only paths differ.
    const thumb = await page.request.get(`${harness.origin}/media/thumb/${seeded.lighthouse.id}`);
    expect(thumb.status()).toBe(200);
    expect(thumb.headers()['content-type']).toBe('image/webp');
    const original = await page.request.get(`${harness.origin}/media/original/${seeded.parent.id}`);
    expect(original.headers()['content-type']).toBe('image/png');
    for (const bad of [
      '/media/original/../settings.json',
      '/media/original/..%2Fsettings.json',
      '/media/original/%2e%2e%2fsettings.json',
      '/media/original/999999',
      '/media/original/01',
      '/media/secret/1',
    ]) {
      const response = await page.request.get(`${harness.origin}${bad}`);
      expect(response.status(), bad).toBe(404);
    }
  });
});

test.describe('a library of 450 images', () => {
  const COUNT = 450;
  let template: string;
  let ids: number[];
  let harness: Harness;
  let foreign: string[];

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    template = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-seed-many-'));
    ids = await seedManyImages(template, COUNT);
  });

  test.afterAll(async () => {
    await fs.rm(template, { recursive: true, force: true });
  });

  test.beforeEach(async ({ page }) => {
    ({ harness, foreign } = await startOn(template, page));
  });

  test.afterEach(async () => {
    await stop(harness, foreign);
  });

  test('renders only the tiles in view and loads further pages while scrolling', async ({ page }) => {
    await page.goto(harness.url);
    const status = page.getByRole('status').filter({ hasText: 'images' });
    // The exact count, though only the first page is loaded.
    await expect(status).toHaveText(`${COUNT} images`);
    await expect(tiles(page).first()).toHaveAccessibleName(`tiny picture ${COUNT}`);
    const rendered = await tiles(page).count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);

    // Scroll to the end, page after page, until the oldest image is loaded and shows.
    const scroller = page.locator('.grid-scroller');
    await expect
      .poll(async () => {
        await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
        return tile(page, 'tiny picture 1').isVisible();
      })
      .toBe(true);
    await expectLoaded(tile(page, 'tiny picture 1').locator('img'));
    expect(await tiles(page).count()).toBeLessThan(100);

    // A change far down the list, made elsewhere, is patched in without moving the view.
    expect(await requestFromElsewhere(page, 'library.setFavorite', { id: ids[0], favorite: true })).toMatchObject({ ok: true });
    await expect(tile(page, 'tiny picture 1')).toHaveAttribute('aria-description', 'Favourite');
    await expect(tile(page, 'tiny picture 1')).toBeInViewport();
    await expect(status).toHaveText(`${COUNT} images`);

    // Keyboard: Home goes back to the newest image, scrolling it into view.
    await tile(page, 'tiny picture 1').focus();
    await page.keyboard.press('Home');
    await expect(tile(page, `tiny picture ${COUNT}`)).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(tile(page, `tiny picture ${COUNT - 1}`)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: `tiny picture ${COUNT - 1}` })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('dialog', { name: `tiny picture ${COUNT - 2}` })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(tile(page, `tiny picture ${COUNT - 2}`)).toBeFocused();
  });
});
