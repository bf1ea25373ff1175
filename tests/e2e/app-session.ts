// One running app for a Playwright test: a data folder with its settings, the harness on it, the
// page on the harness with every other origin blocked, and the teardown that checks and undoes it all.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { gigaChatProvider, type GigaChatServer } from '../servers/gigachat-server';
import { startOpenAIChatServer, type OpenAIChatServer } from '../servers/openai-chat-server';
import { startOpenAIImagesServer, type OpenAIImagesServer } from '../servers/openai-images-server';
import { startHarness, type Harness } from '../support/harness';
import { testKeychainService } from '../support/keychain';
import { blockOtherOrigins, nav } from './browser';

export interface AppOptions {
  /** Written to settings.json; without them the app starts with no settings at all. */
  providers?: object[];
  /** Folders the user listed in settings.json for the browser fallback to write to (`library.allowedFolders`). */
  allowedFolders?: string[];
  /** API keys by provider id, handed to the core as HOLST_API_KEY_<ID>. */
  keys?: Record<string, string>;
  /** Reference servers the session closes with it. */
  servers?: Array<{ close(): Promise<void> }>;
  viewport?: { width: number; height: number };
}

export interface AppSession {
  harness: Harness;
  /** What the page tried to reach outside the harness (all of it blocked). */
  foreign: string[];
  /** The throwaway keychain service the core uses, for the CLI to share. */
  keychain: string;
  /** A foreign address the test opens on purpose (a link): blocked, but no failure. */
  allowForeign(url: string): void;
  /** Checks the page reached nothing else, then stops the harness, closes the servers and removes the data. */
  close(): Promise<void>;
}

/** `HOLST_API_KEY_<ID>`: the id upper-cased, every character other than A-Z and 0-9 as `_` (as the core reads it). */
const keyVariable = (id: string) => `HOLST_API_KEY_${id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

/** Starts the harness on a fresh data folder and opens `page` on it. */
export async function openApp(page: Page, options: AppOptions = {}): Promise<AppSession> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-'));
  const keychain = testKeychainService();
  const allowed = new Set<string>();
  let harness: Harness | undefined;
  const dispose = async () => {
    await harness?.stop();
    for (const server of options.servers ?? []) await server.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  try {
    if (options.providers || options.allowedFolders) {
      const settings = {
        version: 1,
        providers: options.providers ?? [],
        ...(options.allowedFolders ? { library: { allowedFolders: options.allowedFolders } } : {}),
      };
      await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings, null, 2));
    }
    const keys = Object.entries(options.keys ?? {}).map(([id, key]) => [keyVariable(id), key]);
    harness = await startHarness(dataDir, { HOLST_KEYCHAIN_SERVICE: keychain, ...Object.fromEntries(keys) });
    const foreign = await blockOtherOrigins(page, harness.origin);
    if (options.viewport) await page.setViewportSize(options.viewport);
    await page.goto(harness.url);
    let closed = false;
    return {
      harness,
      foreign,
      keychain,
      allowForeign: (url) => void allowed.add(url),
      async close() {
        // Once only: a hook may meet a session a failed setup left behind.
        if (closed) return;
        closed = true;
        try {
          expect(
            foreign.filter((url) => !allowed.has(url)),
            'requests to anywhere but the harness',
          ).toEqual([]);
        } finally {
          await dispose();
        }
      },
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** The app with one OpenAI-compatible provider on `server` ("agg", Aggregator, gpt-4o-image), on a new chat. */
export async function openAggregatorChat(page: Page, server: OpenAIChatServer): Promise<AppSession> {
  const provider = { id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: server.baseUrl, models: ['gpt-4o-image'] };
  const app = await openApp(page, { providers: [provider], keys: { agg: server.apiKey }, servers: [server] });
  try {
    await nav(page, 'Chat').click();
    await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
    return app;
  } catch (error) {
    // The setup's own error is the one to report.
    await app.close().catch(() => undefined);
    throw error;
  }
}

/** The app with one GigaChat provider on the GigaChat reference `server` ("giga", GigaChat-2-Max, its own key). */
export function openGigaChatApp(page: Page, server: GigaChatServer): Promise<AppSession> {
  return openApp(page, { providers: [gigaChatProvider(server)], keys: { giga: server.authorizationKey }, servers: [server] });
}

/** Registers the hooks that give each test the OpenAI-compatible reference server and the app on a new chat with it. */
export function useAggregatorChat(): { readonly server: OpenAIChatServer; readonly app: AppSession } {
  let server: OpenAIChatServer;
  let app: AppSession;
  test.beforeEach(async ({ page }) => {
    server = await startOpenAIChatServer();
    app = await openAggregatorChat(page, server);
  });
  test.afterEach(() => app.close());
  return {
    get server() {
      return server;
    },
    get app() {
      return app;
    },
  };
}

/**
 * The painter's setting: an OpenAI Images provider (its reference server started here) and a chat
 * provider that is never reached (only its kind matters), in the smallest window Holst supports.
 */
export async function openPainterApp(page: Page): Promise<{ app: AppSession; server: OpenAIImagesServer }> {
  const server = await startOpenAIImagesServer();
  const providers = [
    { id: 'img', kind: 'openai-images', name: 'Images API', baseUrl: server.baseUrl, models: ['gpt-image-1'] },
    { id: 'chat', kind: 'openai-chat', name: 'Chat models', baseUrl: 'http://127.0.0.1:9/v1', models: ['gpt-4o'] },
  ];
  const viewport = { width: 900, height: 600 };
  const app = await openApp(page, { providers, keys: { img: server.apiKey }, servers: [server], viewport });
  return { app, server };
}
