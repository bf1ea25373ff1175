// Touch in the image viewer: two fingers pinch the picture larger and smaller around the point
// between them, one finger pans it once zoomed. The built renderer in Chromium through the harness.
// Playwright has no multi-touch API, so the touches go through Chromium's DevTools protocol
// (Input.dispatchTouchEvent), which the page receives as pointer events of type "touch", as from a
// touch screen or a Windows tablet in the desktop app.
import { expect, test, type CDPSession, type Locator, type Page } from '@playwright/test';
import { expectLoaded } from './browser';
import { useSeededHarness } from './seeded-harness';
import { paintImage, withLibrary } from '../support/seed-library';

const PROMPT = 'a lighthouse on a cliff at dawn';

/** One large picture (2400 × 1600), so a pinch has room to zoom and pan. */
const seed = (dataDir: string) =>
  withLibrary(dataDir, async (library) => {
    await library.ingest({ bytes: await paintImage('lighthouse', 3, 2400, 1600) }, { source: 'generated', prompt: PROMPT });
  });

const session = useSeededHarness('viewer-touch', seed);

// A desktop window with a touch screen (the DevTools touches arrive without it; this makes the page see one).
test.use({ hasTouch: true, viewport: { width: 1280, height: 800 } });

interface Point {
  x: number;
  y: number;
}

/** The translate and scale the <img> is drawn with. */
async function placement(image: Locator): Promise<{ x: number; y: number; scale: number }> {
  const transform = await image.evaluate((img: HTMLImageElement) => img.style.transform);
  const match = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(transform);
  expect(match, 'the transform').not.toBeNull();
  return { x: Number(match![1]), y: Number(match![2]), scale: Number(match![3]) };
}

/** Fingers down at `from`, moved in steps to `to` (same order), then lifted; each finger keeps its id. */
async function touchGesture(cdp: CDPSession, from: Point[], to: Point[], steps = 6) {
  const at = (points: Point[]) => points.map(({ x, y }, id) => ({ x, y, id, radiusX: 4, radiusY: 4, force: 1 }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(from) });
  for (let step = 1; step <= steps; step++) {
    const between = from.map((a, i) => ({ x: a.x + ((to[i]!.x - a.x) * step) / steps, y: a.y + ((to[i]!.y - a.y) * step) / steps }));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(between) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** Two fingers `from` and `to` pixels apart on each side of `centre`, horizontally. */
const pinch = (cdp: CDPSession, centre: Point, from: number, to: number) =>
  touchGesture(
    cdp,
    [
      { x: centre.x - from / 2, y: centre.y },
      { x: centre.x + from / 2, y: centre.y },
    ],
    [
      { x: centre.x - to / 2, y: centre.y },
      { x: centre.x + to / 2, y: centre.y },
    ],
  );

async function openViewer(page: Page) {
  await page.goto(session.harness.url);
  await page.getByRole('option', { name: PROMPT }).click();
  const viewer = page.getByRole('dialog', { name: PROMPT });
  const image = viewer.getByRole('img', { name: PROMPT });
  await expectLoaded(image);
  return { viewer, image };
}

test('two fingers pinch the picture larger around the point between them and smaller again; one finger pans it', async ({ page }) => {
  const { viewer, image } = await openViewer(page);
  const fit = viewer.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Fit' });
  const percent = viewer.locator('.zoom-percent');
  await expect(fit).toHaveAttribute('aria-pressed', 'true');
  const fitted = await placement(image);
  const fittedPercent = await percent.textContent();
  const stage = (await viewer.locator('.viewer-stage').boundingBox())!;
  const cdp = await page.context().newCDPSession(page);

  // Pinch out, fingers 100 → 300 px apart, a little off the middle: three times larger, and the
  // picture point between the fingers stays under them.
  const centre = { x: stage.x + stage.width / 2 + 60, y: stage.y + stage.height / 2 - 30 };
  const under = (at: { x: number; y: number; scale: number }) => ({
    x: (centre.x - stage.x - at.x) / at.scale,
    y: (centre.y - stage.y - at.y) / at.scale,
  });
  await pinch(cdp, centre, 100, 300);
  await expect.poll(async () => (await placement(image)).scale).toBeCloseTo(fitted.scale * 3, 3);
  const out = await placement(image);
  expect(under(out).x).toBeCloseTo(under(fitted).x, 0);
  expect(under(out).y).toBeCloseTo(under(fitted).y, 0);
  await expect(percent).toHaveText(`${Math.round(out.scale * 100)}%`);
  await expect(fit).toHaveAttribute('aria-pressed', 'false');

  // Pinch in, 300 → 200 px: two thirds of that.
  await pinch(cdp, centre, 300, 200);
  await expect.poll(async () => (await placement(image)).scale).toBeCloseTo(fitted.scale * 2, 3);
  const zoomed = await placement(image);
  await expect(percent).toHaveText(`${Math.round(zoomed.scale * 100)}%`);

  // One finger pans the zoomed picture by the distance it moved.
  const from = { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 };
  await touchGesture(cdp, [from], [{ x: from.x - 120, y: from.y - 50 }]);
  await expect.poll(async () => (await placement(image)).x).toBeCloseTo(zoomed.x - 120, 0);
  const panned = await placement(image);
  expect(panned.y).toBeCloseTo(zoomed.y - 50, 0);
  expect(panned.scale).toBe(zoomed.scale);

  // Pinching in past the fitted size comes back to it; the viewer stays open.
  await pinch(cdp, centre, 300, 60);
  await expect(fit).toHaveAttribute('aria-pressed', 'true');
  await expect(percent).toHaveText(fittedPercent!);
  expect(await placement(image)).toEqual(fitted);
  await expect(viewer).toBeVisible();
});
