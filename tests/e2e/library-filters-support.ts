// Shared by the filters' specs: a harness per test on a copy of the seeded library, and a folder
// tree dropped as Chromium hands one over.
import type { Page } from '@playwright/test';
import { seedFilterLibrary } from './library-filters-seed';
import { useSeededHarness } from './seeded-harness';

/** Registers the hooks: the filters' library seeded once, and a harness on a fresh copy of it for each test. */
export const useFilterHarness = (options: { desktopStandIn?: boolean } = {}) => useSeededHarness('filters', seedFilterLibrary, options);

export type Tree = { [name: string]: Buffer | Tree };

/**
 * Drops a folder tree on the library as Chromium hands one over: items whose webkitGetAsEntry()
 * gives directory entries to walk. Playwright cannot make a DataTransfer hold real directory
 * entries, so the entries are stand-ins with the same API around real File objects.
 */
export async function dropTree(page: Page, tree: Tree) {
  const encode = (node: Tree): unknown =>
    Object.fromEntries(
      Object.entries(node).map(([name, value]) => [name, Buffer.isBuffer(value) ? value.toString('base64') : encode(value)]),
    );
  await page.locator('.library').evaluate((element, encoded) => {
    type Node = { [name: string]: string | Node };
    const entryOf = (name: string, value: string | Node): unknown => {
      if (typeof value === 'string') {
        const file = new File([Uint8Array.from(atob(value), (c) => c.charCodeAt(0))], name, {
          type: name.endsWith('.png') ? 'image/png' : 'text/plain',
        });
        return { name, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => setTimeout(() => ok(file)) };
      }
      const children = Object.entries(value).map(([child, v]) => entryOf(child, v));
      return {
        name,
        isFile: false,
        isDirectory: true,
        createReader: () => {
          // Two batches, then an empty one: the reader's contract.
          const batches = [children.slice(0, 2), children.slice(2), []];
          return { readEntries: (ok: (entries: unknown[]) => void) => setTimeout(() => ok(batches.shift() ?? [])) };
        },
      };
    };
    const top = Object.entries(encoded as Node).map(([name, value]) => entryOf(name, value));
    const transfer = {
      types: ['Files'],
      files: [],
      items: top.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry })),
      dropEffect: 'none',
    };
    for (const type of ['dragenter', 'dragover', 'drop']) {
      const event = new DragEvent(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: transfer });
      element.dispatchEvent(event);
    }
  }, encode(tree));
}
