// Shared by the library's specs: a library seeded once per file, a harness on a fresh copy of it
// for each test (nothing reaching past it), a second bridge connection, and axe-checked screenshots.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { blockOtherOrigins } from './browser';
import { expectAxeClean } from './layout-check';
import { startHarness, type Harness } from '../support/harness';
import { testKeychainService } from '../support/keychain';
import { BRIDGE_PATH } from '../../src/shared/web-bridge-protocol';

const SHOTS = path.resolve('screenshots');

/**
 * Registers the hooks: `seed` fills a data folder once for the file; each test gets a harness on
 * a copy of it and fails if the page asked anything of another origin. `desktopStandIn`: a harness
 * whose open dialog and preload channel the desktop stand-in answers (desktop-preload-standin.ts).
 */
export function useSeededHarness<S>(
  name: string,
  seed: (dataDir: string) => Promise<S>,
  options: { desktopStandIn?: boolean } = {},
): { readonly harness: Harness; readonly seeded: S } {
  let template: string;
  let seeded: S;
  let harness: Harness;
  let foreign: string[];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    template = await fs.mkdtemp(path.join(os.tmpdir(), `holst-e2e-${name}-seed-`));
    seeded = await seed(template);
  });

  test.afterAll(async () => {
    await fs.rm(template, { recursive: true, force: true });
  });

  test.beforeEach(async ({ page }) => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `holst-e2e-${name}-`));
    await fs.cp(template, dataDir, { recursive: true });
    harness = await startHarness(dataDir, { HOLST_KEYCHAIN_SERVICE: testKeychainService() }, options);
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

/** Screenshot into screenshots/NAME.png, then fail on any serious or critical axe-core finding. */
export async function shootChecked(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  await expectAxeClean(page, name);
}
