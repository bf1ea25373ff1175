// The desktop app's preload, stood in for in the harness (desktop-vs-browser.md): `window.holst` set
// before the page loads, so the renderer takes its desktop paths (the Import… button, drops by path),
// carried over the harness's bridge; `window.holstFiles` handing dropped files to main by path, as
// the preload does, over the harness child's private pipe (no page can send a path: the WebSocket
// refuses the preload's channel); and main's open dialog answering `chosen` for `library.import`.
import type { Page } from '@playwright/test';
import { EVENT_NAMES, PRELOAD_CHANNELS, REQUEST_CHANNELS } from '../../src/shared/contract';
import { BRIDGE_PATH } from '../../src/shared/web-bridge-protocol';
import type { Harness } from '../support/harness';

export interface DesktopStandIn {
  /** Paths on disk of dropped files and folders, by name. */
  dropped?: Record<string, string>;
  /** What the user picks in main's open dialog; null: they close it; absent: the dialog cannot be shown (an error). */
  chosen?: string[] | null;
}

/**
 * `window.holstFiles` as the preload gives it: files named in `dropped` are on disk, and importing
 * them sends their paths to main (the harness started with `desktopStandIn`) as the preload would.
 */
export async function usePreloadFiles(page: Page, harness: Harness, dropped: Record<string, string>): Promise<void> {
  const desktop = harness.desktop;
  if (!desktop) throw new Error('start the harness with desktopStandIn: the preload stand-in needs its private pipe');
  await page.exposeFunction('holstStandInImportDropped', (names: string[]) =>
    desktop.preload('library.importDropped', { paths: names.map((name) => dropped[name]!) }),
  );
  await page.addInitScript((names: string[]) => {
    type Page = { holstStandInImportDropped(names: string[]): Promise<unknown> };
    const onDisk = (files: File[]) => files.length > 0 && files.every((file) => names.includes(file.name));
    (window as unknown as Record<string, unknown>).holstFiles = {
      onDisk,
      importFiles: (files: File[]) => (window as unknown as Page).holstStandInImportDropped(files.map((file) => file.name)),
    };
  }, Object.keys(dropped));
}

/**
 * Installs the stand-in for every page load. `holdFinish(page)` keeps the import's last progress
 * (its summary) from the page until `releaseFinish(page)`, to look at a run while it is under way.
 * `harness`: one started with `desktopStandIn`, needed for `dropped` and `chosen`.
 */
export async function useDesktopStandIn(page: Page, options: DesktopStandIn, harness?: Harness): Promise<void> {
  if (options.dropped || options.chosen !== undefined) {
    if (!harness) throw new Error('dropped files and the open dialog need the harness (started with desktopStandIn)');
    await usePreloadFiles(page, harness, options.dropped ?? {});
    await harness.desktop!.choose(options.chosen);
  }
  await page.addInitScript(
    ({ channels, events, bridgePath }) => {
      if (location.protocol !== 'http:') return;
      type Frame = { t: 'res'; id: number; result: unknown } | { t: 'evt'; event: string; payload: unknown };
      const socket = new WebSocket(`ws://${location.host}${bridgePath}`);
      const queue: string[] = [];
      const pending = new Map<number, (result: unknown) => void>();
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const held: Array<() => void> = [];
      const control = { hold: false, release: () => held.splice(0).forEach((deliver) => deliver()) };
      let nextId = 1;
      socket.addEventListener('open', () => queue.splice(0).forEach((frame) => socket.send(frame)));
      socket.addEventListener('message', (message) => {
        const frame = JSON.parse(String(message.data)) as Frame;
        if (frame.t === 'res') {
          pending.get(frame.id)?.(frame.result);
          pending.delete(frame.id);
          return;
        }
        const deliver = () => listeners.get(frame.event)?.forEach((listener) => listener(frame.payload));
        const finish = frame.event === 'library.importProgress' && (frame.payload as { finished: boolean }).finished;
        if (finish && control.hold) held.push(deliver);
        else deliver();
      });
      const invoke = (channel: string, input: unknown) => {
        return new Promise((resolve) => {
          const id = nextId++;
          pending.set(id, resolve);
          const frame = JSON.stringify({ t: 'req', id, channel, input });
          if (socket.readyState === WebSocket.OPEN) socket.send(frame);
          else queue.push(frame);
        });
      };
      const api: Record<string, unknown> = {};
      for (const channel of channels) {
        const [group, method] = channel.split('.') as [string, string];
        ((api[group] ??= {}) as Record<string, unknown>)[method] = (input?: unknown) => invoke(channel, input);
      }
      api.on = (event: string, listener: (payload: unknown) => void) => {
        if (!events.includes(event)) throw new TypeError(`Unknown Holst event: ${event}`);
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      };
      const page = window as unknown as Record<string, unknown>;
      page.holst = api;
      // Without drops stood in for: files the page holds are not on disk.
      page.holstFiles ??= { onDisk: () => false, importFiles: () => Promise.reject(new Error('not on disk')) };
      page.holstStandIn = control;

      // The holst-media: protocol answers what the harness serves at /media/ (its scheme is unknown to
      // Chromium). React sets an image's src as an attribute, then once more as the property.
      const local = (url: string) => (url.startsWith('holst-media://') ? `/media/${url.slice('holst-media://'.length)}` : url);
      const setAttribute = Element.prototype.setAttribute;
      Element.prototype.setAttribute = function (name: string, value: string) {
        setAttribute.call(this, name, name === 'src' ? local(String(value)) : value);
      };
      const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
      Object.defineProperty(HTMLImageElement.prototype, 'src', {
        ...src,
        set(this: HTMLImageElement, value: string) {
          src.set!.call(this, local(String(value)));
        },
      });
    },
    {
      // window.holst as the preload builds it: no method for the preload's own channels.
      channels: REQUEST_CHANNELS.filter((channel) => !(PRELOAD_CHANNELS as readonly string[]).includes(channel)) as string[],
      events: [...EVENT_NAMES] as string[],
      bridgePath: BRIDGE_PATH,
    },
  );
}

type Control = { holstStandIn: { hold: boolean; release(): void } };

export const holdFinish = (page: Page) => page.evaluate(() => void ((window as unknown as Control).holstStandIn.hold = true));
export const releaseFinish = (page: Page) =>
  page.evaluate(() => {
    const control = (window as unknown as Control).holstStandIn;
    control.hold = false;
    control.release();
  });

/** Drops the named files or folders on the library as the OS hands them over (the stand-in gives their paths). */
export const dropByName = (page: Page, names: string[]) =>
  page.locator('.library').evaluate((element, names) => {
    const transfer = new DataTransfer();
    for (const name of names) transfer.items.add(new File([], name));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, names);
