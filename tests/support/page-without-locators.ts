// Driving a page without Playwright's locators, for pages whose frames or keys are timed.
//
// Playwright's locators (click, fill, press, waitFor, count, boundingBox, expect(locator) …) start
// its injected script in the page, and that script listens on the window, for good, to touchstart,
// touchend and pointer events with passive: false (its hit-target check). A blocking touch listener
// makes the whole page a touch-handler region, and Chromium then redoes its compositing update
// (PaintArtifactCompositor::Update) every frame instead of about one in three: a plain list scrolled
// at 14.9 ms p95 without such a listener and 17.7 ms with one. A user's window has no test driver in
// it, and the plain lists the app is compared with are mounted without locators; so a page whose
// frames or keys are timed (the benchmarks, the typing journey) is driven only from its own script
// (`clickButton`, `waitForElement`) and by raw keyboard input, and `expectNoTouchRegions` checks
// afterwards that no such region crept in. Loading the page again clears the injected script.
import type { Page } from '@playwright/test';

interface ButtonPage {
  document: { querySelector(selector: string): { querySelectorAll(selector: string): ArrayLike<ClickableButton> } | null };
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): number;
}
interface ClickableButton {
  textContent: string | null;
  click(): void;
}

/**
 * In the page: waits (a check a frame) for a button in `within` whose text is, or starts with,
 * `text`, and clicks it (unless `click` is false: then it only waits).
 */
export function clickButton({
  within,
  text,
  exact,
  click = true,
  timeoutMs = 10_000,
}: {
  within: string;
  text: string;
  exact?: boolean;
  click?: boolean;
  timeoutMs?: number;
}): Promise<void> {
  const g = globalThis as unknown as ButtonPage;
  const started = g.performance.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const buttons = Array.from(g.document.querySelector(within)?.querySelectorAll('button') ?? []);
      const found = buttons.find((button) => {
        const label = (button.textContent ?? '').trim();
        return exact ? label === text : label.startsWith(text);
      });
      if (found) {
        if (click) found.click();
        resolve();
      } else if (g.performance.now() - started > timeoutMs) reject(new Error(`no button "${text}" in ${within}`));
      else g.requestAnimationFrame(attempt);
    };
    attempt();
  });
}

/** The main navigation's button `name` (English), clicked from the page's own script. */
export async function clickNav(page: Page, name: string): Promise<void> {
  await page.evaluate(clickButton, { within: 'nav.sidebar', text: name, exact: true });
}

/** Focuses the prompt from the page's own script (once it shows) and types `text` as raw keyboard input. */
export async function typePrompt(page: Page, text: string): Promise<void> {
  await page.evaluate(waitForElement, { selector: 'textarea.prompt' });
  await page.evaluate(() => {
    (globalThis as unknown as { document: { querySelector(selector: string): { focus(): void } } }).document
      .querySelector('textarea.prompt')
      .focus();
  });
  await page.keyboard.insertText(text);
}

/**
 * The page's touch-handler regions as the compositor has them (CDP LayerTree), e.g. `0,0 1280x800`.
 * Empty on a page where nothing listens to touches blockingly, as in the app.
 */
export async function touchRegions(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const layers = new Promise<
      Array<{ scrollRects?: Array<{ type: string; rect: { x: number; y: number; width: number; height: number } }> }>
    >((resolve) => cdp.on('LayerTree.layerTreeDidChange', (event) => event.layers && resolve(event.layers)));
    await cdp.send('LayerTree.enable');
    // Something to paint, so the compositor sends its layers: a faint pixel in a corner, shown then
    // taken away, until the layers come (a frame or two).
    let got: Awaited<typeof layers> | null = null;
    for (let attempt = 0; attempt < 5 && got === null; attempt++) {
      await page.evaluate(
        (on) => {
          const g = globalThis as unknown as { document: { body: { style: { boxShadow: string } } } };
          g.document.body.style.boxShadow = on ? 'inset 1px 1px 0 rgba(0, 0, 0, 0.02)' : '';
        },
        attempt % 2 === 0,
      );
      got = await Promise.race([layers, new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000))]);
    }
    await page.evaluate(() => {
      (globalThis as unknown as { document: { body: { style: { boxShadow: string } } } }).document.body.style.boxShadow = '';
    });
    if (got === null) throw new Error('the compositor sent no layers within 5 s');
    return got.flatMap((layer) =>
      (layer.scrollRects ?? [])
        .filter((r) => r.type === 'TouchEventHandler')
        .map((r) => `${r.rect.x},${r.rect.y} ${r.rect.width}x${r.rect.height}`),
    );
  } finally {
    await cdp.send('LayerTree.disable').catch(() => undefined);
    await cdp.detach().catch(() => undefined);
  }
}

/** Fails the run when a measured page has a touch-handler region (a locator slipped in): its frames would not be a user's. */
export async function expectNoTouchRegions(page: Page, what: string): Promise<void> {
  const regions = await touchRegions(page);
  if (regions.length > 0)
    throw new Error(
      `${what} has touch-handler regions (${regions.join('; ')}): a Playwright locator was used on it, so its frames are not a user's`,
    );
}

/** In the page: waits, a check a frame, for an element matching `selector`. */
export function waitForElement({ selector, timeoutMs = 10_000 }: { selector: string; timeoutMs?: number }): Promise<void> {
  const g = globalThis as unknown as Omit<ButtonPage, 'document'> & { document: { querySelector(selector: string): object | null } };
  const started = g.performance.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (g.document.querySelector(selector)) resolve();
      else if (g.performance.now() - started > timeoutMs) reject(new Error(`nothing matched ${selector} within ${timeoutMs} ms`));
      else g.requestAnimationFrame(attempt);
    };
    attempt();
  });
}
