// Helpers shared by the Playwright specs.
import { expect, type Locator, type Page } from '@playwright/test';

/** Aborts every request the page makes outside the harness's origin, and lists them for the test to check. */
export async function blockOtherOrigins(page: Page, origin: string): Promise<string[]> {
  const foreign: string[] = [];
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  return foreign;
}

/** The image really decoded: the browser fetched and understood its bytes. */
export async function expectLoaded(image: Locator): Promise<void> {
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

/** Drops a PNG file on `target` the way a file manager would (dragenter, dragover, drop). */
export async function dropImage(target: Locator, name: string, bytes: Buffer): Promise<void> {
  await target.evaluate(
    (element, { name, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: 'image/png' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { name, base64: bytes.toString('base64') },
  );
}
