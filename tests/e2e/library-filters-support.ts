// Shared by the filters' specs: a harness per test on a copy of the seeded library, a second
// bridge connection, and a folder tree dropped as Chromium hands one over.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { blockOtherOrigins } from './browser';
import { startHarness, type Harness } from '../support/harness';
import { testKeychainService } from '../support/keychain';
import { BRIDGE_PATH } from '../../src/shared/web-bridge-protocol';
import { seedFilterLibrary, type FilterSeed } from './library-filters-seed';

/** Registers the hooks: the seeded library once, and a harness on a fresh copy of it for each test. */
export function useSeededHarness(): { readonly harness: Harness; readonly seeded: FilterSeed } {
  let template: string;
  let seeded: FilterSeed;
  let harness: Harness;
  let foreign: string[];

  test.beforeAll(async () => {
    template = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-filters-seed-'));
    seeded = await seedFilterLibrary(template);
  });

  test.afterAll(async () => {
    await fs.rm(template, { recursive: true, force: true });
  });

  test.beforeEach(async ({ page }) => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-filters-'));
    await fs.cp(template, dataDir, { recursive: true });
    harness = await startHarness(dataDir, { HOLST_KEYCHAIN_SERVICE: testKeychainService() });
    foreign = await blockOtherOrigins(page, harness.origin);
  });

  test.afterEach(async () => {
    try {
      expect(foreign, 'requests to anywhere but the harness').toEqual([]);
    } finally {
      await harness.stop();
      await fs.rm(harness.dataDir, { recursive: true, force: true });
    }
  });

  return {
    get harness() {
      return harness;
    },
    get seeded() {
      return seeded;
    },
  };
}

/** One request to the core over a bridge connection of its own, as a second window would send it. */
export function requestFromElsewhere(page: Page, channel: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ bridgePath, channel, input }) => {
      const socket = new WebSocket(`ws://${location.host}${bridgePath}`);
      await new Promise((resolve) => socket.addEventListener('open', resolve));
      const answer = new Promise<unknown>((resolve) =>
        socket.addEventListener('message', (message) => {
          const frame = JSON.parse(String(message.data)) as { t: string; result?: unknown };
          if (frame.t === 'res') resolve(frame.result);
        }),
      );
      socket.send(JSON.stringify({ t: 'req', id: 1, channel, input }));
      const result = await answer;
      socket.close();
      return result;
    },
    { bridgePath: BRIDGE_PATH, channel, input },
  );
}

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
