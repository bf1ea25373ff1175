// The image viewer: zoom and pan, stepping through a filtered view past the loaded page, the
// parameters and Copy prompt, tags and the tag manager. The built renderer in Chromium through the
// harness, over a library seeded by the real core. Desktop differences (desktop-vs-browser.md): the
// zoom only transforms the <img> (no canvas, so no cross-origin pixel reads), and the original is
// loaded by URL (holst-media: in the app), never fetched; the clipboard is the page's own text API.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectLoaded, recordRequests } from './browser';
import { shootChecked, useSeededHarness } from './seeded-harness';
import { paintImage, withLibrary } from '../support/seed-library';

/** More than a page (200) of matching images, between others the search leaves out. */
const HARBOURS = 205;
const PROMPT = 'a stormy harbour at dusk, fishing boats and gulls';
const REVISED = 'A harbour at dusk under storm clouds, fishing boats moored, gulls overhead, cinematic light';

interface Seeded {
  /** The large picture (2400 × 1600, so it has a 1600 px preview), with parameters and a revised prompt. */
  large: number;
}

/** `HARBOURS` pictures "harbour <n>" with a meadow every fourth, then the large one; tags on a few. */
function seed(dataDir: string): Promise<Seeded> {
  return withLibrary(dataDir, async (library) => {
    const meta = (prompt: string, tags: string[] = []) => ({
      source: 'generated' as const,
      prompt,
      provider: 'gigachat',
      model: 'GigaChat-2-Max',
      tags,
    });
    for (let n = 1; n <= HARBOURS; n++) {
      const tags = n <= 3 ? ['storm'] : n <= 5 ? ['harvest'] : n === 6 ? ['harbour'] : [];
      await library.ingest({ bytes: await paintImage('city', n, 40, 32) }, meta(`harbour ${n}`, tags));
      if (n % 4 === 0) await library.ingest({ bytes: await paintImage('lake', n, 40, 32) }, meta(`quiet meadow ${n}`));
    }
    const { image } = await library.ingest(
      { bytes: await paintImage('lighthouse', 7, 2400, 1600) },
      {
        ...meta(PROMPT),
        revisedPrompt: REVISED,
        params: { size: '1536x1024', quality: 'high', n: 2, aspect: '3:2', style: 'vivid' },
      },
    );
    return { large: image.id };
  });
}

const session = useSeededHarness('viewer', seed);

const viewerOf = (page: Page) => page.locator('.viewer');
const percent = (page: Page) => viewerOf(page).locator('.zoom-percent');
const readPercent = async (page: Page) => Number((await percent(page).textContent())!.replace(/[^\d]/g, ''));
const transformOf = (image: Locator) => image.evaluate((img: HTMLImageElement) => img.style.transform);
/** The translate and scale the <img> is drawn with. */
async function placement(image: Locator): Promise<{ x: number; y: number; scale: number }> {
  const match = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(await transformOf(image));
  expect(match, 'the transform').not.toBeNull();
  return { x: Number(match![1]), y: Number(match![2]), scale: Number(match![3]) };
}

async function openLarge(page: Page) {
  await page.goto(session.harness.url);
  await page.getByLabel('Search prompts').fill('stormy');
  await expect(page.getByRole('status').filter({ hasText: 'image' })).toHaveText('1 image');
  await page.getByRole('option', { name: PROMPT }).first().click();
  const viewer = page.getByRole('dialog', { name: PROMPT });
  await expect(viewer).toBeVisible();
  const image = viewer.getByRole('img', { name: PROMPT });
  await expectLoaded(image);
  return { viewer, image };
}

test('zooms with the keys, the wheel and the buttons; pans by dragging; goes to the original past the preview', async ({ page }) => {
  const { viewer, image } = await openLarge(page);
  const zoom = viewer.getByRole('group', { name: 'Zoom' });
  const fit = zoom.getByRole('button', { name: 'Fit' });
  const actual = zoom.getByRole('button', { name: '1:1, actual size' });
  await expect(fit).toHaveAttribute('aria-pressed', 'true');
  const fitted = await readPercent(page);
  expect(fitted).toBeGreaterThan(10);
  expect(fitted).toBeLessThan(100);
  const fittedAt = await placement(image);
  expect(fittedAt.scale * 100).toBeCloseTo(fitted, -1);
  await expect(image).toHaveAttribute('src', `/media/preview/${session.seeded.large}`);

  // + zooms in around the middle, − back out to the fitted size.
  await page.keyboard.press('+');
  await expect.poll(() => readPercent(page)).toBe(Math.round(fittedAt.scale * 1.25 * 100));
  expect((await placement(image)).scale).toBeCloseTo(fittedAt.scale * 1.25, 3);
  await expect(fit).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('-');
  await expect.poll(() => readPercent(page)).toBe(fitted);
  await expect(fit).toHaveAttribute('aria-pressed', 'true');

  // 1 is actual pixels: past the 1600 px preview, so the original (2400 px) is loaded.
  await page.keyboard.press('1');
  await expect(percent(page)).toHaveText('100%');
  await expect(actual).toHaveAttribute('aria-pressed', 'true');
  await expect(image).toHaveAttribute('src', `/media/original/${session.seeded.large}`);
  await expectLoaded(image);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2400);

  // Dragging pans the zoomed picture by exactly the distance moved.
  const before = await placement(image);
  const stage = (await viewer.locator('.viewer-stage').boundingBox())!;
  const centre = { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  await page.mouse.move(centre.x - 120, centre.y - 60, { steps: 4 });
  await page.mouse.up();
  const panned = await placement(image);
  expect(panned.x).toBeCloseTo(before.x - 120, 0);
  expect(panned.y).toBeCloseTo(before.y - 60, 0);
  await expect(viewer).toBeVisible();

  // 0 fits again.
  await page.keyboard.press('0');
  await expect.poll(() => readPercent(page)).toBe(fitted);
  expect(await placement(image)).toEqual(fittedAt);

  // The wheel zooms around the pointer: the picture point under it stays put.
  const pointer = { x: centre.x + 80, y: centre.y - 40 };
  const under = (at: { x: number; y: number; scale: number }) => ({
    x: (pointer.x - stage.x - at.x) / at.scale,
    y: (pointer.y - stage.y - at.y) / at.scale,
  });
  await page.mouse.move(pointer.x, pointer.y);
  await page.mouse.wheel(0, -200);
  await expect.poll(() => readPercent(page)).toBeGreaterThan(fitted);
  const wheeled = await placement(image);
  expect(under(wheeled).x).toBeCloseTo(under(fittedAt).x, 0);
  expect(under(wheeled).y).toBeCloseTo(under(fittedAt).y, 0);
  // Ctrl+wheel (a trackpad pinch in Chromium) zooms too, and wheeling back out stops at the fit.
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -20);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await placement(image)).scale).toBeGreaterThan(wheeled.scale);
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 400);
  await expect.poll(() => readPercent(page)).toBe(fitted);
  await expect(fit).toHaveAttribute('aria-pressed', 'true');

  // The buttons.
  await actual.click();
  await expect(percent(page)).toHaveText('100%');
  await zoom.getByRole('button', { name: 'Zoom in' }).click();
  await expect(percent(page)).toHaveText('125%');
  await fit.click();
  await expect.poll(() => readPercent(page)).toBe(fitted);

  // Keys typed in a field are text, not zoom.
  await viewer.getByRole('combobox', { name: 'Add a tag' }).fill('');
  await viewer.getByRole('combobox', { name: 'Add a tag' }).press('1');
  await expect(viewer.getByRole('combobox', { name: 'Add a tag' })).toHaveValue('1');
  expect(await readPercent(page)).toBe(fitted);
});

test('steps through the filtered view past the loaded page, to both ends', async ({ page }) => {
  // Over two hundred steps, each a round trip to the core, on a shared machine.
  test.setTimeout(300_000);
  const sent = recordRequests(page);
  /** The viewer's requests for a neighbour (one image before or after another). */
  const neighbourAsks = () =>
    sent.filter(
      ({ channel, input }) => channel === 'library.list' && input.limit === 1 && (input.after !== undefined || input.cursor !== undefined),
    );
  await page.goto(session.harness.url);
  await page.getByLabel('Search prompts').fill('harbour');
  await expect(page.getByRole('status').filter({ hasText: 'images' })).toHaveText(`${HARBOURS + 1} images`);
  // The newest match is the large picture; the next ones are the "harbour <n>", newest first.
  await page.getByRole('option', { name: PROMPT }).first().click();
  await expect(page.getByRole('dialog', { name: PROMPT })).toBeVisible();
  const previous = viewerOf(page).getByRole('button', { name: 'Previous image' });
  const next = viewerOf(page).getByRole('button', { name: 'Next image' });
  await expect(previous).toBeDisabled();
  await expect(next).toBeEnabled();
  // ArrowLeft at the start stays.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('dialog', { name: PROMPT })).toBeVisible();

  // Every matching image in turn, none of the meadows between them, far past the first 200.
  for (let n = HARBOURS; n >= 1; n--) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('dialog', { name: `harbour ${n}`, exact: true })).toBeVisible();
    // Up to the last but one of the first page (200 loaded), the neighbours come from the grid's pages, not the core.
    if (n === HARBOURS + 1 - 198) expect(neighbourAsks()).toEqual([]);
  }
  // Past it they are asked for: the loaded pages do not hold them.
  expect(neighbourAsks().length).toBeGreaterThan(0);
  // One heading: the viewer replaced what it showed, each time.
  await expect(viewerOf(page).getByRole('heading', { level: 2 })).toHaveCount(1);
  await expect(next).toBeDisabled();
  await expect(previous).toBeEnabled();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog', { name: 'harbour 1', exact: true })).toBeVisible();

  // Back with the button and the key.
  await previous.click();
  await expect(page.getByRole('dialog', { name: 'harbour 2', exact: true })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('dialog', { name: 'harbour 3', exact: true })).toBeVisible();
  await expect(viewerOf(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('shows the parameters and the revised prompt; Copy prompt puts the prompt on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.harness.origin });
  const { viewer } = await openLarge(page);
  const parameters = viewer.getByRole('region', { name: 'Parameters' });
  const rows = await parameters
    .locator('dt')
    .evaluateAll((dts) => dts.map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`));
  expect(rows).toEqual(['Images asked for: 2', 'Size asked for: 1536x1024', 'Aspect ratio: 3:2', 'Quality: High', 'style: vivid']);
  await expect(viewer.getByText(REVISED)).toBeVisible();

  await viewer.getByRole('button', { name: 'Copy prompt' }).click();
  await expect(viewer.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(PROMPT);
  await expect(viewer.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(0, { timeout: 5000 });
});

test('adds tags with suggestions and commas, removes them with the keyboard; kept by the core', async ({ page }) => {
  const sent = recordRequests(page);
  const { viewer } = await openLarge(page);
  const field = viewer.getByRole('combobox', { name: 'Add a tag' });
  const chips = viewer.getByRole('list', { name: 'Tags' }).getByRole('listitem');
  await field.fill('har');
  const suggestions = viewer.getByRole('listbox', { name: 'Existing tags' }).getByRole('option');
  await expect(suggestions).toHaveText(['harbour', 'harvest']);
  // The suggestions are the filters' tags, asked for once with the screen: the viewer and its field asked nothing more.
  expect(sent.filter(({ channel }) => channel === 'library.facets')).toHaveLength(1);
  await field.press('ArrowDown');
  await expect(suggestions.first()).toHaveAttribute('aria-selected', 'true');
  await field.press('Enter');
  await expect(chips).toHaveText(['harbour']);
  await expect(field).toHaveValue('');

  // Commas separate tags (the core keeps them in name order); a suggestion can be clicked too.
  await field.pressSequentially('boats, night,');
  await expect(chips).toHaveText(['boats', 'harbour', 'night']);
  await field.pressSequentially('sto');
  await viewer.getByRole('option', { name: 'storm' }).click();
  await expect(chips).toHaveText(['boats', 'harbour', 'night', 'storm']);
  await expect(field).toBeFocused();

  // Remove: the × is a labelled button, reached with Tab and pressed with Enter.
  await viewer.getByRole('button', { name: 'Remove tag “night”' }).focus();
  await page.keyboard.press('Enter');
  await expect(chips).toHaveText(['boats', 'harbour', 'storm']);
  await viewer.getByRole('button', { name: 'Remove tag “boats”' }).click();
  await expect(chips).toHaveText(['harbour', 'storm']);

  // A tag longer than the core takes is refused with a reason, and the text stays to be shortened.
  await field.fill('x'.repeat(65));
  await field.press('Enter');
  await expect(viewer.getByRole('alert')).toHaveText('A tag is at most 64 characters long.');
  await expect(field).toHaveValue('x'.repeat(65));
  await expect(chips).toHaveText(['harbour', 'storm']);

  // The core has them: after a reload the viewer shows the same.
  await page.reload();
  const again = await openLarge(page);
  await expect(again.viewer.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText(['harbour', 'storm']);
});

test('renames, merges and deletes tags in the tag manager', async ({ page }) => {
  const sent = recordRequests(page);
  const { viewer } = await openLarge(page);
  const facetsAsked = () => sent.filter(({ channel }) => channel === 'library.facets').length;
  const before = facetsAsked();
  await viewer.getByRole('button', { name: 'Manage tags…' }).click();
  const manager = page.getByRole('dialog', { name: 'Tags' });
  await expect(manager).toBeVisible();
  await expect(manager.getByRole('searchbox', { name: 'Find a tag' })).toBeFocused();
  const rows = manager.getByRole('list', { name: 'All tags' }).getByRole('listitem');
  await expect(rows).toHaveText([/^harbour\s*1 image/, /^harvest\s*2 images/, /^storm\s*3 images/]);
  // Listed from the tags the screen already holds: opening asked the core for nothing.
  expect(facetsAsked()).toBe(before);

  // Rename in place.
  await manager.getByRole('button', { name: 'Rename tag “harvest”' }).click();
  const name = manager.getByRole('textbox', { name: 'New name for “harvest”' });
  await expect(name).toBeFocused();
  await name.fill('autumn');
  await name.press('Enter');
  await expect(manager.getByRole('status')).toHaveText('Renamed “harvest” to “autumn”.');
  await expect(rows).toHaveText([/^autumn\s*2 images/, /^harbour\s*1 image/, /^storm\s*3 images/]);

  // Renaming onto an existing tag says it merges.
  await manager.getByRole('button', { name: 'Rename tag “storm”' }).click();
  await manager.getByRole('textbox', { name: 'New name for “storm”' }).fill('Harbour');
  await expect(manager.getByText('“harbour” already exists (1 image): the two tags will become one.')).toBeVisible();
  await manager.getByRole('button', { name: 'Merge' }).click();
  await expect(rows).toHaveText([/^autumn\s*2 images/, /^harbour\s*4 images/]);

  // Delete, after a confirmation naming how many images lose it; Escape backs out of it first.
  await manager.getByRole('button', { name: 'Delete tag “autumn”' }).click();
  await expect(manager.getByText('Remove “autumn” from 2 images? The images stay in the library.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(manager).toBeVisible();
  await expect(rows).toHaveCount(2);
  await manager.getByRole('button', { name: 'Delete tag “autumn”' }).click();
  await manager.getByRole('button', { name: 'Delete tag', exact: true }).click();
  await expect(manager.getByRole('status')).toHaveText('Deleted “autumn” from 2 images.');
  await expect(rows).toHaveText([/^harbour\s*4 images/]);

  // Tab stays in the dialog; Escape closes it and focus goes back to where it was.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await manager.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(manager).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Manage tags…' })).toBeFocused();
  await expect(viewer).toBeVisible();

  // The suggestions follow: the merged and deleted names are gone.
  await viewer.getByRole('combobox', { name: 'Add a tag' }).fill('a');
  await expect(viewer.getByRole('listbox').getByRole('option')).toHaveText(['harbour']);
});

const check = shootChecked;

for (const locale of ['en-US', 'ru-RU']) {
  test.describe(`screenshots (${locale})`, () => {
    test.use({ locale, viewport: { width: 1280, height: 800 } });

    test('the viewer zoomed and the tag manager, light and dark', async ({ page }) => {
      // Four axe-core passes over a large page.
      test.setTimeout(150_000);
      await page.goto(session.harness.url);
      await page.locator('input[type="search"]').first().fill('stormy');
      await expect(page.locator('.library-count')).toHaveText(/^1 /);
      await page.getByRole('option', { name: PROMPT }).first().click();
      const image = page.locator('.viewer-image');
      await expectLoaded(image);
      await page.keyboard.press('1');
      await expect(image).toHaveAttribute('src', /original/);
      await expectLoaded(image);
      // A tag on it, and suggestions open under the field.
      await page.locator('.tag-editor-input input').fill('boats');
      await page.locator('.tag-editor-input input').press('Enter');
      await page.locator('.tag-editor-input input').fill('har');
      await expect(page.locator('.tag-editor-suggestions')).toBeVisible();
      for (const theme of ['light', 'dark']) {
        await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        await check(page, `viewer-zoomed-${locale.slice(0, 2)}-${theme}`);
      }
      await page.locator('.tag-editor-input input').press('Escape');
      await page.locator('.viewer-link').click();
      await expect(page.locator('.tag-manager')).toBeVisible();
      await page.locator('.tag-manager-row').nth(2).getByRole('button').first().click();
      await page.locator('.tag-manager-rename input').fill('harbour');
      await page.locator('.tag-manager-row').nth(1).getByRole('button').nth(1).click();
      for (const theme of ['light', 'dark']) {
        await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        await check(page, `tag-manager-${locale.slice(0, 2)}-${theme}`);
      }
    });
  });
}
