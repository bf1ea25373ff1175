// Managing a larger library from the grid: selection (Shift+click ranges, Ctrl+A over a whole view),
// bulk tagging, trash and restore, the date scrubber, bulk export. The built renderer in Chromium
// through the harness, over a library seeded by the real core and spread over six months.
// Desktop-only paths met here: the export's folder is typed (the harness has no dialog; the
// desktop's Choose… sends the same request without `to`), and dragging a selection out is desktop only.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectLoaded, recordRequests } from './browser';
import { shootChecked, useSeededHarness } from './seeded-harness';
import { MONTHS, seedMonths, TOTAL } from '../support/seed-months';

const grid = (page: Page) => page.getByRole('listbox', { name: 'Images' });
const tiles = (page: Page) => grid(page).getByRole('option');
const tile = (page: Page, prompt: string) => grid(page).getByRole('option', { name: prompt, exact: true });
const bar = (page: Page) => page.getByRole('region', { name: 'Selection' });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /images?$/ });
/** The toolbar's switch between the library and the trash. */
const viewSwitch = (page: Page, name: 'Images' | 'Trash') =>
  page.getByRole('group', { name: 'Show' }).getByRole('button', { name: new RegExp(`^${name}`) });
const scrubber = (page: Page) => page.getByRole('listbox', { name: 'Timeline' });

/** The `library.list` requests the page sends, as sent (with their offsets and cursors). */
function recordLists(page: Page): Array<Record<string, unknown>> {
  const sent: Array<Record<string, unknown>> = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { channel?: string; input?: Record<string, unknown> };
      if (frame.channel === 'library.list') sent.push(frame.input ?? {});
    }),
  );
  return sent;
}

test.describe('a library of 600 images over six months', () => {
  const session = useSeededHarness('months', seedMonths);
  let lists: Array<Record<string, unknown>>;
  const images = () => session.seeded;
  /** Newest first, as the grid shows them. */
  const inGrid = () => images().toReversed();

  test.beforeEach(async ({ page }) => {
    lists = recordLists(page);
    await page.goto(session.harness.url);
    await expect(status(page)).toHaveText(`${TOTAL} images`);
  });

  test('selects a range with Shift+click and tags it; Esc clears the selection', async ({ page }) => {
    const sent = recordRequests(page);
    const asked = (channel: string) => sent.filter((request) => request.channel === channel).length;
    const shown = inGrid();
    await tile(page, shown[1]!.prompt).click({ modifiers: ['ControlOrMeta'] });
    await expect(tile(page, shown[1]!.prompt)).toHaveAttribute('aria-selected', 'true');
    await expect(bar(page)).toContainText('1 selected');
    await tile(page, shown[8]!.prompt).click({ modifiers: ['Shift'] });
    await expect(bar(page)).toContainText('8 selected');
    for (const image of shown.slice(1, 9)) await expect(tile(page, image.prompt)).toHaveAttribute('aria-selected', 'true');
    await expect(tile(page, shown[0]!.prompt)).toHaveAttribute('aria-selected', 'false');
    await expect(tile(page, shown[9]!.prompt)).toHaveAttribute('aria-selected', 'false');

    await bar(page).getByRole('button', { name: 'Add tag…' }).click();
    const popover = page.getByRole('dialog', { name: 'Add tag…' });
    await popover.getByLabel('Tag').fill('keepers');
    await popover.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(popover).toHaveCount(0);

    // The viewer shows the tag on one of them, and not on its neighbour outside the range.
    await page.keyboard.press('Escape');
    await expect(bar(page)).toHaveCount(0);
    await tile(page, shown[4]!.prompt).click();
    await expect(page.getByRole('dialog', { name: shown[4]!.prompt })).toContainText('keepers');
    await page.keyboard.press('Escape');
    await tile(page, shown[9]!.prompt).click();
    await expect(page.getByRole('dialog', { name: shown[9]!.prompt })).not.toContainText('keepers');
    await page.keyboard.press('Escape');

    // Space toggles the focused tile; a second "Add tag…" suggests the tag that now exists.
    await tile(page, shown[20]!.prompt).focus();
    await page.keyboard.press('Space');
    await expect(bar(page)).toContainText('1 selected');
    const facetsBefore = asked('library.facets');
    await bar(page).getByRole('button', { name: 'Add tag…' }).click();
    await expect(page.getByRole('dialog', { name: 'Add tag…' }).getByRole('button', { name: 'keepers' })).toBeVisible();
    // The suggestions are the tags the filters hold (kept up to date by library.changed): opening asks nothing.
    expect(asked('library.facets')).toBe(facetsBefore);
    await page.getByRole('dialog', { name: 'Add tag…' }).getByRole('button', { name: 'keepers' }).click();
    await expect(page.getByRole('dialog', { name: 'Add tag…' })).toHaveCount(0);
    await tile(page, shown[20]!.prompt).click();
    await expect(page.getByRole('dialog', { name: shown[20]!.prompt })).toContainText('keepers');
  });

  test('Shift with the arrow keys grows the selection from the focused tile', async ({ page }) => {
    const shown = inGrid();
    await tile(page, shown[2]!.prompt).focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect(bar(page)).toContainText('2 selected');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(bar(page)).toContainText('3 selected');
    await expect(tile(page, shown[4]!.prompt)).toBeFocused();
    for (const image of shown.slice(2, 5)) await expect(tile(page, image.prompt)).toHaveAttribute('aria-selected', 'true');
    await expect(tile(page, shown[1]!.prompt)).toHaveAttribute('aria-selected', 'false');
    // From the same anchor, a row further down takes every tile between.
    await page.keyboard.press('Shift+ArrowDown');
    const columns = await page
      .locator('.grid-spacer')
      .evaluate((element) => new Set(Array.from(element.children).map((c) => c.getBoundingClientRect().left)).size);
    await expect(bar(page)).toContainText(`${columns + 3} selected`);
  });

  test('a Shift+click range reaches over pages never loaded, and a bulk favourite covers all of it', async ({ page }) => {
    const shown = inGrid();
    await tile(page, shown[0]!.prompt).click({ modifiers: ['ControlOrMeta'] });
    // October starts at position 540, on the third page; the second page (200–399) is never loaded.
    await scrubber(page).getByRole('option', { name: 'October 2025: 60 images' }).click();
    await tile(page, shown[540]!.prompt).click({ modifiers: ['Shift'] });
    await expect(bar(page)).toContainText('541 selected');
    await expect(tile(page, shown[540]!.prompt)).toHaveAttribute('aria-selected', 'true');
    await expect(tile(page, shown[541]!.prompt)).toHaveAttribute('aria-selected', 'false');

    await bar(page).getByRole('button', { name: 'Favourite', exact: true }).click();
    await expect(tile(page, shown[540]!.prompt)).toHaveAttribute('aria-description', 'Favourite');
    // December (320–399) lay in the page never loaded: its pictures were favourited too.
    await scrubber(page).getByRole('option', { name: 'December 2025: 80 images' }).click();
    await expect(tile(page, shown[320]!.prompt)).toHaveAttribute('aria-description', 'Favourite');
    await expect(tile(page, shown[320]!.prompt)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(bar(page)).toHaveCount(0);
    await expect(tile(page, shown[320]!.prompt)).toHaveAttribute('aria-selected', 'false');
  });

  test('Ctrl+A selects every image matching a search, trashes them at once, and the trash view restores them', async ({ page }) => {
    const harbour = images().filter((image) => image.prompt.includes('harbour'));
    await page.getByLabel('Search prompts').fill('harbour');
    await expect(status(page)).toHaveText(`${harbour.length} images`);
    await tiles(page).first().focus();
    await page.keyboard.press('ControlOrMeta+a');
    await expect(bar(page)).toContainText(`${harbour.length} selected`);
    await expect(tiles(page).first()).toHaveAttribute('aria-selected', 'true');

    await bar(page).getByRole('button', { name: 'Move to trash' }).click();
    await expect(page.getByRole('heading', { name: 'No images match' })).toBeVisible();
    await expect(bar(page)).toHaveCount(0);
    await page.getByLabel('Search prompts').fill('');
    await expect(status(page)).toHaveText(`${TOTAL - harbour.length} images`);

    // The trash: every trashed image, and Restore brings them all back in one go.
    await viewSwitch(page, 'Trash').click();
    await expect(status(page)).toHaveText(`${harbour.length} images`);
    // One of them deleted for good, after a confirmation.
    const gone = harbour.at(-1)!;
    await tile(page, gone.prompt).click({ modifiers: ['ControlOrMeta'] });
    await expect(bar(page).getByRole('button', { name: 'Move to trash' })).toHaveCount(0);
    await bar(page).getByRole('button', { name: 'Delete for good' }).click();
    await expect(bar(page)).toContainText('Delete 1 image for good? This cannot be undone.');
    await bar(page).getByRole('button', { name: 'Delete for good' }).click();
    await expect(status(page)).toHaveText(`${harbour.length - 1} images`);
    await expect(tile(page, gone.prompt)).toHaveCount(0);

    await tiles(page).first().focus();
    await page.keyboard.press('ControlOrMeta+a');
    await expect(bar(page)).toContainText(`${harbour.length - 1} selected`);
    await bar(page).getByRole('button', { name: 'Restore' }).click();
    await expect(grid(page)).toHaveCount(0);
    await viewSwitch(page, 'Images').click();
    await expect(status(page)).toHaveText(`${TOTAL - 1} images`);
  });

  test('jumps to a month with the date scrubber, loading only the page there', async ({ page }) => {
    const months = scrubber(page).getByRole('option');
    await expect(months).toHaveCount(MONTHS.length);
    // Newest first, named in the UI language, the month in view selected.
    await expect(months.first()).toHaveAccessibleName('March 2026: 100 images');
    await expect(months.first()).toHaveAttribute('aria-selected', 'true');
    const october = scrubber(page).getByRole('option', { name: 'October 2025: 60 images' });
    const november = scrubber(page).getByRole('option', { name: 'November 2025: 140 images' });
    // Sized by how many pictures each holds.
    const height = async (option: typeof october) => (await option.boundingBox())!.height;
    expect(await height(november)).toBeGreaterThan((await height(october)) * 1.8);

    // The grid is as tall as the whole view, though only the first page is loaded.
    const options = tiles(page);
    await expect(options.first()).toHaveAttribute('aria-setsize', String(TOTAL));
    const tall = await page.locator('.grid-spacer').evaluate((element) => element.getBoundingClientRect().height);
    const size = (await options.first().boundingBox())!.height;
    const columns = await page
      .locator('.grid-spacer')
      .evaluate((element) => new Set(Array.from(element.children).map((child) => child.getBoundingClientRect().left)).size);
    expect(tall).toBeGreaterThanOrEqual(Math.ceil(TOTAL / columns) * size);

    // The oldest month: its first picture (position 540) shows, fetched by offset; the page before it never was.
    lists.length = 0;
    await october.click();
    const first = inGrid()[TOTAL - 60]!;
    expect(first.prompt).toMatch(/^picture 60 of 2025-10/);
    await expect(tile(page, first.prompt)).toBeInViewport();
    await expectLoaded(tile(page, first.prompt).locator('img'));
    await expect(october).toHaveAttribute('aria-selected', 'true');
    expect(lists.some((input) => input.offset === 400)).toBe(true);
    expect(lists.some((input) => input.offset === 200 || input.cursor !== undefined)).toBe(false);

    // From the keyboard: up a month and Enter.
    await october.focus();
    await page.keyboard.press('ArrowUp');
    await expect(november).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(tile(page, inGrid()[TOTAL - 200]!.prompt)).toBeInViewport();
    await expect(november).toHaveAttribute('aria-selected', 'true');

    // End goes to the true last image, loading its page.
    await tile(page, inGrid()[TOTAL - 200]!.prompt).focus();
    await page.keyboard.press('End');
    await expect(tile(page, images()[0]!.prompt)).toBeFocused();
  });

  test('the grid with a selection, its bar and the scrubber: screenshots in both themes, no serious axe finding', async ({ page }) => {
    // A notice (such as no system keychain where the tests run) is not part of this screen.
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    if (await dismiss.isVisible()) await dismiss.click();
    await scrubber(page).getByRole('option', { name: 'January 2026: 120 images' }).click();
    const january = inGrid()[200]!;
    await expect(tile(page, january.prompt)).toBeInViewport();
    for (const image of inGrid().slice(200, 203)) await tile(page, image.prompt).click({ modifiers: ['ControlOrMeta'] });
    await expect(bar(page)).toContainText('3 selected');
    await expectLoaded(tile(page, january.prompt).locator('img'));
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      await shootChecked(page, `library-selection-en-${theme}`);
    }
  });

  test('exports a selection to a folder with readable names', async ({ page }) => {
    // The harness has no dialog: a typed folder inside the data folder's exports (or one listed in the settings file).
    const target = path.join(session.harness.dataDir, 'exports', 'chosen');
    const shown = inGrid();
    for (const image of shown.slice(0, 3)) await tile(page, image.prompt).click({ modifiers: ['ControlOrMeta'] });
    await expect(bar(page)).toContainText('3 selected');
    await bar(page).getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export 3 images' });
    await dialog.getByLabel('A folder').check();
    await dialog.getByLabel('Folder', { exact: true }).fill(target);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(`Exported 3 images to ${target}`);

    // Readable names: the day, the prompt's words and the id, one file per image.
    const files = await fs.readdir(target);
    expect(files).toHaveLength(3);
    for (const file of files) expect(file).toMatch(/^2026-03-\d\d_picture-\d+-of-2026-03[\w-]*\.png$/);
    const numbers = files.map((file) => Number(/picture-(\d+)/.exec(file)![1])).sort((a, b) => a - b);
    expect(numbers).toEqual([TOTAL - 2, TOTAL - 1, TOTAL]);
  });
});
