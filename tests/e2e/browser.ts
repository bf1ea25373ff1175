// Helpers shared by the Playwright specs: the network guard, image checks, drops and the app's landmarks.
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

/** The bridge requests the page sends from now on, in order, as sent (channel and input). */
export function recordRequests(page: Page): Array<{ channel: string; input: Record<string, unknown> }> {
  const sent: Array<{ channel: string; input: Record<string, unknown> }> = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { t?: string; channel?: string; input?: Record<string, unknown> };
      if (frame.t === 'req' && frame.channel) sent.push({ channel: frame.channel, input: frame.input ?? {} });
    }),
  );
  return sent;
}

/** The image really decoded: the browser fetched and understood its bytes. */
export async function expectLoaded(image: Locator): Promise<void> {
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

export interface DropPayload {
  /** PNG files, as a file manager drops them. */
  files?: Array<{ name: string; bytes: Buffer }>;
  /** A library picture, as the page drags one (`application/x-holst-image`, and its id as text). */
  imageId?: number;
}

/** Fires dragenter, dragover and drop of `payload` on `target`, as the OS or the page would. */
export async function drop(target: Locator, payload: DropPayload): Promise<void> {
  const files = (payload.files ?? []).map(({ name, bytes }) => ({ name, base64: bytes.toString('base64') }));
  await target.evaluate(
    (element, { files, imageId }) => {
      const transfer = new DataTransfer();
      for (const file of files) {
        const data = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([data], file.name, { type: 'image/png' }));
      }
      if (imageId !== undefined) {
        transfer.setData('application/x-holst-image', String(imageId));
        transfer.setData('text/plain', String(imageId));
      }
      for (const type of ['dragenter', 'dragover', 'drop']) {
        element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { files, imageId: payload.imageId },
  );
}

/** A screen's button in the main navigation. */
export const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
export const prompt = (page: Page) => page.getByLabel('Prompt', { exact: true });
export const answers = (page: Page) => page.getByRole('article', { name: 'Answer' });
export const composer = (page: Page) => page.getByRole('form', { name: 'New message' });
/** The composer's picture settings button: its name is "Picture settings: " and what is set ("1536×1024 · ×2", else "Auto"). */
export const pictureSettings = (page: Page) => composer(page).getByRole('button', { name: /^Picture settings: / });
/** A picture setting of the chosen model, by its label; its popover is opened first where it is closed. */
export async function setting(page: Page, name: string): Promise<Locator> {
  const button = pictureSettings(page);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  return composer(page).getByRole('dialog', { name: 'Picture settings' }).getByLabel(name, { exact: true });
}
/** The list of pictures attached to the next message, and its chips. */
export const attachments = (page: Page) => composer(page).getByRole('list', { name: 'Attached images' });
export const chips = (page: Page) => attachments(page).getByRole('listitem');
export const conversations = (page: Page) => page.getByRole('complementary', { name: 'Conversations' });
/** The library grid's pictures. */
export const tiles = (page: Page) => page.getByRole('listbox', { name: 'Images' }).getByRole('option');
