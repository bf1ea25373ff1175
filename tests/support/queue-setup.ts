// Two providers side by side for the generation queue's tests: GigaChat with the personal scope
// (one stream at a time, as the real service allows) and an OpenAI-compatible aggregator, each on
// its reference server, in a core opened the way the app opens it (and reopened on the same folder
// to check what survives a restart). Answers can be held open until a test lets them finish.
import { openCore, type AppCore } from '../../src/main/core/app-core';
import type { Logger } from '../../src/main/core/logging/log';
import { apiKeyEnvName } from '../../src/main/core/secrets/secret-store';
import type { QueueJob } from '../../src/shared/queue';
import type { ProviderConfig } from '../../src/shared/settings';
import { gigaChatProvider, startGigaChatServer, type GigaChatServer } from '../servers/gigachat-server';
import { startOpenAIChatServer, type OpenAIChatServer } from '../servers/openai-chat-server';
import { ChatDriver } from './chat-driver';
import { call } from './core';
import { testKeychainService } from './keychain';
import { tempDir } from './temp-dir';

/** A promise a test settles when it wants a held answer to end. */
export function gate(): { held: Promise<void>; release: () => void } {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  return { held, release };
}

/** A logger that keeps its lines, for checking what the core said about a row it skipped. */
export function keptLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => void lines.push(`info ${message}`),
    warn: (message) => void lines.push(`warn ${message}`),
    error: (message) => void lines.push(`error ${message}`),
  };
}

export interface QueueSetup {
  giga: GigaChatServer;
  agg: OpenAIChatServer;
  dataDir: string;
  /** The core now open (a new one after `restart`), and a driver of its chat. */
  readonly core: AppCore;
  readonly chat: ChatDriver;
  log: ReturnType<typeof keptLog>;
  providers: ProviderConfig[];
  /** Closes the core (as the app quitting does) and opens a new one on the same folder; `meanwhile` runs in between. */
  restart(meanwhile?: () => void | Promise<void>): Promise<void>;
  /** The queue as `queue.list` answers it. */
  jobs(): Promise<QueueJob[]>;
  /** Waits until `check` holds (polling every 20 ms, at most 10 s). */
  until(check: () => boolean | Promise<boolean>): Promise<void>;
  close(): Promise<void>;
}

/** More providers beside the two (their servers started by the test), with their keys by provider id. */
export interface MoreProviders {
  providers: ProviderConfig[];
  keys: Record<string, string>;
}

export async function setUpQueue(more: MoreProviders = { providers: [], keys: {} }): Promise<QueueSetup> {
  const [giga, agg] = await Promise.all([startGigaChatServer(), startOpenAIChatServer()]);
  const dataDir = await tempDir();
  const providers: ProviderConfig[] = [
    gigaChatProvider(giga),
    { id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: agg.baseUrl, models: ['gpt-4o-image'] },
    ...more.providers,
  ];
  const env = {
    HOLST_KEYCHAIN_SERVICE: testKeychainService(),
    [apiKeyEnvName('giga')]: giga.authorizationKey,
    [apiKeyEnvName('agg')]: agg.apiKey,
    ...Object.fromEntries(Object.entries(more.keys).map(([id, key]) => [apiKeyEnvName(id), key])),
  };
  const log = keptLog();
  const open = () => openCore({ dataDir, shell: 'browser', settingsPolicy: 'recover', env, logger: log });
  let core = await open();
  let chat = new ChatDriver(core);
  await core.settings.update((s) => ({ ...s, providers }));
  const setup: QueueSetup = {
    giga,
    agg,
    dataDir,
    get core() {
      return core;
    },
    get chat() {
      return chat;
    },
    log,
    providers,
    restart: async (meanwhile) => {
      core.close();
      await meanwhile?.();
      core = await open();
      chat = new ChatDriver(core);
    },
    jobs: async () => {
      const result = await call(core, 'queue.list', {});
      if (!result.ok) throw new Error(`queue.list failed: ${result.error.message}`);
      return result.value.jobs;
    },
    until: async (check) => {
      for (let i = 0; i < 500; i++) {
        if (await check()) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('the queue did not get there in 10 s');
    },
    close: async () => {
      core.close();
      await Promise.all([giga.close(), agg.close()]);
    },
  };
  return setup;
}

/** The state of a generation's job in the queue. */
export async function stateOf(setup: QueueSetup, generationId: string): Promise<QueueJob['state'] | undefined> {
  return (await setup.jobs()).find((job) => job.generationId === generationId)?.state;
}
