// Cancel on a folder dropped on the library: the built renderer in Chromium through the harness, over
// a library seeded by the real core. The browser route sends the pictures one by one; to cancel
// mid-way without racing the core, the bridge's answer to one import is held back (as a slow line
// would) until Cancel has been pressed. Desktop differences (desktop-vs-browser.md, "Files from the
// OS"): in the app the core imports by path and its job stops between files; that route is driven
// by a stand-in `window.holstFiles` handing real paths of a real temp folder to main, as the preload does.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cancelOnceDone, newPictures } from './import-status';
import { dropTree } from './library-filters-support';
import { usePreloadFiles } from './desktop-preload-standin';
import { requestFromElsewhere, useSeededHarness } from './seeded-harness';
import { paintImage, withLibrary } from '../support/seed-library';
import { BRIDGE_PATH } from '../../src/shared/web-bridge-protocol';

/** Pictures already in the library, and pictures in the dropped folder. */
const SEEDED = 2;
const DROPPED = 60;
/** The import whose answer is held: Cancel is pressed while it is on its way. */
const HELD = 3;

/** A small library, and the dropped folder's pictures (all different bytes, none in the library). */
function seed(dataDir: string): Promise<Buffer[]> {
  return withLibrary(dataDir, async (library) => {
    for (let n = 1; n <= SEEDED; n++) await library.ingest({ bytes: await paintImage('fox', n, 80, 60) }, { source: 'imported' });
    const pictures = await Promise.all(Array.from({ length: DROPPED }, (_, n) => paintImage(n % 2 ? 'lake' : 'city', 500 + n, 96, 72)));
    expect(new Set(pictures.map((bytes) => createHash('sha256').update(bytes).digest('hex'))).size).toBe(DROPPED);
    return pictures;
  });
}

// The desktop stand-in's harness (its preload channel for the folder dropped by path); the rest is as in the browser.
const app = useSeededHarness('import-cancel', seed, { desktopStandIn: true });

const count = (page: Page) => page.locator('.library-count');
const importBox = (page: Page) => page.locator('.file-import');
const folder = () => ({
  holiday: Object.fromEntries(app.seeded.map((bytes, n) => [`photo-${String(n + 1).padStart(3, '0')}.png`, bytes])),
});

/** How many images the core holds (asked over a bridge connection of its own). */
async function coreCount(page: Page): Promise<number> {
  const answer = (await requestFromElsewhere(page, 'library.count', {})) as { ok: boolean; value: { count: number } };
  expect(answer.ok).toBe(true);
  return answer.value.count;
}

/**
 * Routes the page's bridge through the test: every frame passes, except the core's answer to the
 * `nth` library.importBytes, which waits for `release()`. `held` settles once the core has answered it
 * (so that picture is in the library).
 */
async function holdNthImport(page: Page, nth: number) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let onHeld!: () => void;
  const held = new Promise<void>((resolve) => (onHeld = resolve));
  await page.routeWebSocket(
    (url) => url.pathname === BRIDGE_PATH,
    (socket) => {
      const core = socket.connectToServer();
      let imports = 0;
      let heldId: number | null = null;
      socket.onMessage((message) => {
        const frame = JSON.parse(String(message)) as { id: number; channel: string };
        if (frame.channel === 'library.importBytes' && ++imports === nth) heldId = frame.id;
        core.send(message);
      });
      core.onMessage((message) => {
        const frame = JSON.parse(String(message)) as { t: string; id?: number };
        if (frame.t !== 'res' || frame.id !== heldId) return socket.send(message);
        onHeld();
        void released.then(() => socket.send(message));
      });
    },
  );
  return { held, release };
}

test('Cancel stops a dropped folder mid-way: the summary counts what the library kept; dropping it again adds the rest', async ({
  page,
}) => {
  const { held, release } = await holdNthImport(page, HELD);
  await page.goto(app.harness.url);
  await expect(count(page)).toHaveText(`${SEEDED} images`);

  await dropTree(page, folder());
  const status = importBox(page).getByRole('status');
  await held;
  // The core has kept the held picture; its answer has not reached the page.
  await expect(status).toHaveText(`Importing ${HELD} of ${DROPPED}…`);
  expect(await coreCount(page)).toBe(SEEDED + HELD);
  await importBox(page).getByRole('button', { name: 'Cancel' }).click();
  release();

  // Stopped: what it says was imported is what the library holds, the one on its way included.
  await expect(status).toHaveText(/^Import stopped: \d+ new pictures?, \d+ not imported\.$/);
  const [, imported, left] = /(\d+) new pictures?, (\d+) not/.exec((await status.textContent())!)!.map(Number);
  expect(imported! + left!).toBe(DROPPED);
  expect(imported).toBe(HELD);
  expect(imported).toBeLessThan(DROPPED);
  await expect(count(page)).toHaveText(`${SEEDED + imported!} images`);
  expect(await coreCount(page)).toBe(SEEDED + imported!);
  await expect(importBox(page)).not.toHaveClass(/has-problems/);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The same folder again runs to the end; the pictures kept before are counted as already there.
  await importBox(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(importBox(page)).toHaveCount(0);
  await dropTree(page, folder());
  await expect(status).toHaveText(`Imported: ${newPictures(DROPPED - imported!)}, ${imported} already in the library.`, {
    timeout: 60_000,
  });
  await expect(count(page)).toHaveText(`${SEEDED + DROPPED} images`);
  expect(await coreCount(page)).toBe(SEEDED + DROPPED);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('Cancel stops the core import job in the desktop app: the files it kept are counted, none listed as a problem', async ({ page }) => {
  // Large pictures (previews to make), so the job is still busy long after Cancel can be pressed.
  const LARGE = 40;
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-cancel-'));
  try {
    const photos = path.join(folder, 'photos');
    await fs.mkdir(photos);
    for (let n = 1; n <= LARGE; n++) {
      await fs.writeFile(path.join(photos, `large-${String(n).padStart(2, '0')}.png`), await paintImage('lighthouse', 700 + n, 1600, 1200));
    }
    // What the preload does in Electron: hands the dropped folder's path on disk to main.
    await usePreloadFiles(page, app.harness, { photos });
    await page.goto(app.harness.url);
    await expect(count(page)).toHaveText(`${SEEDED} images`);
    const dropFolder = () =>
      page.locator('.library').evaluate((element) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([], 'photos'));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
      });

    await cancelOnceDone(page, 2);
    await dropFolder();

    const status = importBox(page).getByRole('status');
    await expect(status).toHaveText(/^Import stopped: \d+ new pictures?, \d+ not imported\.$/, { timeout: 30_000 });
    const imported = Number(/(\d+) new/.exec((await status.textContent())!)![1]);
    expect(imported).toBeGreaterThanOrEqual(2);
    expect(imported).toBeLessThan(LARGE);
    await expect(count(page)).toHaveText(`${SEEDED + imported} images`);
    expect(await coreCount(page)).toBe(SEEDED + imported);
    await expect(importBox(page)).not.toHaveClass(/has-problems/);
    await expect(page.getByRole('alert')).toHaveCount(0);

    await importBox(page).getByRole('button', { name: 'Dismiss' }).click();
    await dropFolder();
    await expect(status).toHaveText(`Imported: ${newPictures(LARGE - imported)}, ${imported} already in the library.`, {
      timeout: 60_000,
    });
    await expect(count(page)).toHaveText(`${SEEDED + LARGE} images`);
    expect(await coreCount(page)).toBe(SEEDED + LARGE);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
});
