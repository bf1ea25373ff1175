// The mask painter: the built renderer in Chromium, through the harness, to the real core and the
// OpenAI Images reference server. A mask painted on a dropped picture must reach /images/edits at the
// picture's exact size, transparent exactly where the strokes went.
// Desktop path (see /work/shared/docs/desktop-vs-browser.md, "Canvas and pixels"): the picture is an
// <img> that is never drawn into a canvas; only the mask's own canvas is encoded, so the same code
// needs no CORS in the desktop app, where the picture is cross-origin to the page. Edit mask reuses a
// mask painted in this window from memory (tested below); only a mask from an earlier session is read
// back with getImageData (mask-file.ts), which the desktop app refuses as cross-origin: the painter
// catches that, says so and starts empty (README, Known limits).
import fs from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import type { OpenAIImagesServer } from '../servers/openai-images-server';
import { openPainterApp, type AppSession } from './app-session';
import { answers, attachments, drop, nav, prompt } from './browser';
import { runHolst } from '../support/cli';
import { solidImage } from '../support/images';

const WIDTH = 64;
const HEIGHT = 48;

/** Where source pixel (x, y)'s centre is on screen now, from the overlay canvas's box (any zoom or pan). */
async function screenPoint(canvas: Locator, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = (await canvas.boundingBox())!;
  return { x: box.x + ((x + 0.5) * box.width) / WIDTH, y: box.y + ((y + 0.5) * box.height) / HEIGHT };
}

/** A stroke with the mouse from source pixel `from` to `to`. */
async function stroke(page: Page, canvas: Locator, from: [number, number], to: [number, number]) {
  const start = await screenPoint(canvas, ...from);
  const end = await screenPoint(canvas, ...to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
}

test.describe('the mask painter', () => {
  let server: OpenAIImagesServer;
  let app: AppSession;

  test.beforeEach(async ({ page }) => {
    ({ app, server } = await openPainterApp(page));
    await nav(page, 'Chat').click();
    await page.getByLabel('Provider').selectOption('img');
    await drop(page.locator('.chat-main'), { files: [{ name: 'street.png', bytes: await solidImage(11, 'png', WIDTH, HEIGHT) }] });
    await expect(attachments(page).getByRole('listitem')).toHaveCount(1);
  });

  test.afterEach(() => app.close());

  test('paints a mask on a dropped picture; the edit sends it at the picture size, transparent where painted', async ({ page }) => {
    await attachments(page).getByRole('button', { name: 'Paint mask' }).click();
    const painter = page.getByRole('dialog', { name: 'Paint mask' });
    await expect(painter).toBeVisible();
    await expect(painter).toContainText(`${WIDTH} × ${HEIGHT}`);
    await expect(painter.getByRole('button', { name: 'Use mask' })).toBeDisabled();
    const canvas = painter.locator('canvas');
    await expect(canvas).toHaveAttribute('width', String(WIDTH));
    await expect(canvas).toHaveAttribute('height', String(HEIGHT));

    // A brush of 6 source pixels; ] and [ step it and come back.
    const size = painter.getByRole('slider', { name: 'Size' });
    await size.fill('6');
    await expect(size).toHaveValue('6');
    await page.keyboard.press(']');
    await expect(size).not.toHaveValue('6');
    await page.keyboard.press('[');
    await expect(size).toHaveValue('6');

    // Stroke 1, at the fitted zoom.
    await stroke(page, canvas, [8, 10], [30, 10]);
    const status = painter.locator('.mask-status');
    await expect(status).toHaveText(/% of the picture will change/);
    const afterFirst = await status.textContent();

    // Zoom in with the wheel around where stroke 2 goes; it must still land on the right pixels.
    const zoom = painter.locator('.mask-zoom');
    const fitted = await zoom.textContent();
    const centre = await screenPoint(canvas, 50, 30);
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, -300);
    await expect(zoom).not.toHaveText(fitted!);
    const moved = await screenPoint(canvas, 50, 30);
    // Zooming around the pointer keeps the pixel under it in place.
    expect(Math.abs(moved.x - centre.x)).toBeLessThan(2);
    expect(Math.abs(moved.y - centre.y)).toBeLessThan(2);
    await stroke(page, canvas, [50, 24], [50, 36]);
    await expect(status).not.toHaveText(afterFirst!);

    // One undo/redo cycle: keys for undo, buttons for redo and again.
    await page.keyboard.press('Control+z');
    await expect(status).toHaveText(afterFirst!);
    await painter.getByRole('button', { name: 'Redo' }).click();
    await expect(status).not.toHaveText(afterFirst!);
    await painter.getByRole('button', { name: 'Undo' }).click();
    await expect(status).toHaveText(afterFirst!);
    await page.keyboard.press('Control+Shift+Z');
    await expect(status).not.toHaveText(afterFirst!);

    const final = await status.textContent();
    await painter.getByRole('button', { name: 'Use mask' }).click();
    await expect(painter).toHaveCount(0);
    await expect(attachments(page).getByRole('button', { name: 'Edit mask' })).toBeVisible();
    // Focus went on to the prompt, ready for the words.
    await expect(prompt(page)).toBeFocused();

    // Edit mask goes on from the mask just made.
    await attachments(page).getByRole('button', { name: 'Edit mask' }).click();
    await expect(painter.locator('.mask-status')).toHaveText(final!);
    await painter.getByRole('button', { name: 'Cancel' }).click();
    await expect(painter).toHaveCount(0);

    await prompt(page).fill('Put a red door here');
    await prompt(page).press('Enter');
    await expect.poll(() => server.edits.length).toBe(1);

    const edit = server.edits[0]!;
    expect(edit.fields.prompt).toBe('Put a red door here');
    expect(edit.images).toHaveLength(1);
    expect(edit.images[0]).toMatchObject({ width: WIDTH, height: HEIGHT });
    expect(edit.mask).toMatchObject({ width: WIDTH, height: HEIGHT, hasAlpha: true });
    const { data, info } = await sharp(edit.mask!.part.data).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: WIDTH, height: HEIGHT, channels: 4 });
    const alpha = (x: number, y: number) => data[(y * WIDTH + x) * 4 + 3];
    for (let x = 8; x <= 30; x++) expect(alpha(x, 10), `stroke 1 at ${x},10`).toBe(0);
    for (let y = 24; y <= 36; y++) expect(alpha(50, y), `stroke 2 at 50,${y}`).toBe(0);
    for (const [x, y] of [
      [0, 0],
      [63, 0],
      [0, 47],
      [63, 47],
      [20, 30],
      [40, 12],
      [50, 44],
      // Just past the brush's edge (radius 3) on every side of both strokes.
      [19, 4],
      [19, 16],
      [36, 10],
      [2, 10],
      [44, 30],
      [56, 30],
      [50, 18],
      [50, 42],
    ] as const) {
      expect(alpha(x, y), `outside the strokes at ${x},${y}`).toBe(255);
    }
    const values = new Set<number>();
    let transparent = 0;
    for (let i = 3; i < data.length; i += 4) {
      values.add(data[i]!);
      if (data[i] === 0) transparent++;
    }
    expect([...values].sort((a, b) => a - b)).toEqual([0, 255]);
    // Two capsules of a 6 px brush: 22 × 6 + π·3² and 12 × 6 + π·3², about 260 pixels.
    const expected = 22 * 6 + 12 * 6 + 2 * Math.PI * 9;
    expect(transparent).toBeGreaterThan(expected * 0.75);
    expect(transparent).toBeLessThan(expected * 1.35);

    // The answer's picture lists its source and the mask it was made with (read with the CLI); the
    // mask is no picture: the library holds the dropped picture and the answer, nothing else.
    await expect(answers(page).getByRole('img', { name: 'Generated image 1' })).toBeVisible();
    const listed = await runHolst(['--data-dir', app.harness.dataDir, '--json', 'library', 'list'], {
      env: { HOLST_KEYCHAIN_SERVICE: app.keychain },
    });
    expect(listed.code, listed.stderr).toBe(0);
    const { items } = listed.json() as {
      items: { id: number; path: string; source: string; maskId: number | null; parents: { id: number; role: string }[] }[];
    };
    expect(items.map((item) => item.source)).toEqual(['edited', 'imported']);
    const [answerImage, dropped] = items;
    expect(answerImage!.parents).toEqual([{ id: dropped!.id, role: 'source' }]);
    expect(answerImage!.maskId).toEqual(expect.any(Number));
    // The library keeps the very bytes the provider got: the mask (shown by its own id) and the dropped picture.
    const maskBytes = await page.evaluate(async (id) => {
      const response = await fetch(`/media/mask/${id}`);
      return [...new Uint8Array(await response.arrayBuffer())];
    }, answerImage!.maskId!);
    expect(Buffer.from(maskBytes).equals(edit.mask!.part.data)).toBe(true);
    expect((await fs.readFile(dropped!.path)).equals(edit.images[0]!.part.data)).toBe(true);

    // In the window: two pictures in the library; the edit's viewer shows the mask beside its source.
    await nav(page, 'Library').click();
    const grid = page.getByRole('listbox', { name: 'Images' });
    await expect(grid.getByRole('option')).toHaveCount(2);
    await grid.getByRole('option').first().click();
    const viewer = page.getByRole('dialog', { name: 'Put a red door here' });
    await expect(viewer.getByRole('button', { name: /^Source: / })).toBeVisible();
    await expect(
      viewer.getByRole('img', { name: `Mask ${WIDTH}×${HEIGHT}: the undimmed area is where the picture was changed` }),
    ).toBeVisible();
  });

  test('chat image models get no mask: the button is disabled and says why', async ({ page }) => {
    await page.getByLabel('Provider').selectOption('chat');
    const button = attachments(page).getByRole('button', { name: 'Paint mask' });
    await expect(button).toBeDisabled();
    const reason = 'Chat image models take no mask; describe the change, or use an Images API provider.';
    await expect(button).toHaveAttribute('title', reason);
    await expect(button).toHaveAttribute('aria-description', reason);

    await page.getByLabel('Provider').selectOption('img');
    await expect(button).toBeEnabled();
  });

  test('Esc cancels the painter and gives the focus back; nothing is saved', async ({ page }) => {
    const open = attachments(page).getByRole('button', { name: 'Paint mask' });
    await open.click();
    const painter = page.getByRole('dialog', { name: 'Paint mask' });
    await stroke(page, painter.locator('canvas'), [10, 10], [20, 20]);
    // Tab and Shift+Tab go round the painter's controls (24 presses, more than it has, wrap both ways) and never leave it.
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 24; i++) {
        await page.keyboard.press(key);
        expect(await painter.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      }
    }
    await page.keyboard.press('Escape');
    await expect(painter).toHaveCount(0);
    await expect(open).toBeFocused();
    await expect(attachments(page).getByRole('button', { name: 'Edit mask' })).toHaveCount(0);
  });

  test("from the library viewer: the painted picture becomes the chat's source, with its mask", async ({ page }) => {
    await attachments(page).getByRole('button', { name: 'Remove street.png' }).click();
    await nav(page, 'Library').click();
    await page.getByRole('listbox', { name: 'Images' }).getByRole('option').first().click();
    const viewer = page.getByRole('dialog', { name: 'No prompt' });
    await viewer.getByRole('button', { name: 'Paint mask' }).click();
    const painter = page.getByRole('dialog', { name: 'Paint mask' });
    await stroke(page, painter.locator('canvas'), [20, 20], [40, 20]);
    await painter.getByRole('button', { name: 'Use mask' }).click();

    await expect(painter).toHaveCount(0);
    await expect(viewer).toHaveCount(0);
    await expect(nav(page, 'Chat')).toHaveAttribute('aria-current', 'true');
    await expect(attachments(page).getByRole('listitem')).toHaveCount(1);
    await expect(attachments(page)).toContainText('street.png');
    await expect(attachments(page).getByRole('button', { name: 'Edit mask' })).toBeVisible();
  });
});
