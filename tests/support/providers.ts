// One provider of each kind wired to its reference server, for tests that run the same scenario
// against every kind: the server, a core with the key in HOLST_API_KEY_<ID> and the provider in
// its settings, and which paths the main API call and the image downloads use (to aim quirks).
import fs from 'node:fs/promises';
import type { AppCore } from '../../src/main/core/app-core';
import { GIVON_POLL } from '../../src/main/core/providers/givon';
import { apiKeyEnvName } from '../../src/main/core/secrets/secret-store';
import type { ProviderConfig } from '../../src/shared/settings';
import { startGigaChatServer, type GigaChatServer } from '../servers/gigachat-server';
import { startGivonServer, type GivonServer } from '../servers/givon-server';
import { startOpenAIChatServer, type OpenAIChatServer } from '../servers/openai-chat-server';
import { startOpenAIImagesServer, type OpenAIImagesServer } from '../servers/openai-images-server';
import type { ReferenceServer } from '../servers/reference-server';
import { sampleImage } from '../servers/sample-images';
import { openTestCore } from './core';

export const PROVIDER_KINDS = ['gigachat', 'openai-chat', 'openai-images', 'givon'] as const;
export type TestProviderKind = (typeof PROVIDER_KINDS)[number];

/** Kinds that stream their answer (SSE) when asked to. */
export const STREAMING_KINDS: readonly TestProviderKind[] = ['gigachat', 'openai-chat'];

export interface ProviderSetup {
  kind: TestProviderKind;
  server: ReferenceServer;
  core: AppCore;
  providerId: string;
  /** Part of the path of the main API call (the one `generate` sends the prompt to), for quirks. */
  apiPath: string;
  /** Part of the path of image downloads (always GET), for quirks. */
  filePath: string;
  /** Whether `stream: true` gets an SSE answer. */
  streams: boolean;
  /** The key the core was given (null when opened without one). */
  apiKey: string | null;
  /** Makes the next successful call answer one image, in the kind's usual way (OpenAI Images: inline base64). */
  willAnswerWithImage(): void;
  /** Makes the next successful call answer one image that is downloaded from `filePath` (not inline bytes). */
  willAnswerWithDownload(): Promise<void>;
  /** How many files are under the library's originals folder. */
  libraryFiles(): Promise<number>;
  close(): Promise<void>;
}

const PROVIDER_IDS: Record<TestProviderKind, string> = {
  gigachat: 'giga',
  'openai-chat': 'agg',
  'openai-images': 'images',
  givon: 'givon',
};

/**
 * Starts the reference server of `kind` and opens a core that knows it. `withKey: false` leaves the
 * key out (for `config` errors). Givon's polling is made fast until `close()`.
 */
export async function setUpProvider(kind: TestProviderKind, options: { withKey?: boolean } = {}): Promise<ProviderSetup> {
  const providerId = PROVIDER_IDS[kind];
  let server: ReferenceServer;
  let key: string;
  let config: ProviderConfig;
  let apiPath: string;
  let filePath: string;
  let willAnswerWithImage: () => void = () => {};
  let willAnswerWithDownload: () => Promise<void>;
  let restore = () => {};

  switch (kind) {
    case 'gigachat': {
      const giga: GigaChatServer = await startGigaChatServer();
      server = giga;
      key = giga.authorizationKey;
      config = {
        id: providerId,
        kind,
        name: 'GigaChat',
        baseUrl: giga.baseUrl,
        authUrl: giga.authUrl,
        scope: 'GIGACHAT_API_PERS',
        models: ['GigaChat-2-Max'],
      };
      // The token request (/api/v2/oauth) comes first; quirks on this path hit only the chat call.
      apiPath = '/chat/completions';
      filePath = '/content';
      willAnswerWithImage = () => void giga.nextAnswerWithImages(1);
      willAnswerWithDownload = () => Promise.resolve(willAnswerWithImage());
      break;
    }
    case 'openai-chat': {
      const agg: OpenAIChatServer = await startOpenAIChatServer();
      agg.answerShape = 'markdown'; // https links to /files/…, downloaded by Holst
      server = agg;
      key = agg.apiKey;
      config = { id: providerId, kind, name: 'Aggregator', baseUrl: agg.baseUrl, models: ['gpt-4o-image'] };
      apiPath = '/chat/completions';
      filePath = '/files/';
      willAnswerWithDownload = () => Promise.resolve();
      break;
    }
    case 'openai-images': {
      const images: OpenAIImagesServer = await startOpenAIImagesServer();
      server = images;
      key = images.apiKey;
      config = { id: providerId, kind, name: 'Images', baseUrl: images.baseUrl, models: ['gpt-image-1'] };
      apiPath = '/images/generations';
      filePath = '/files/';
      // Holst asks every model for b64_json, so a URL answer only comes from a service that ignores
      // response_format: the next generation answers one link to a real file on this server.
      willAnswerWithDownload = async () => {
        const file = images.files.add(await sampleImage('png'), 'image/png');
        images.quirks.push({
          method: 'POST',
          path: apiPath,
          status: 200,
          body: { created: Math.floor(Date.now() / 1000), data: [{ url: `${images.url}/files/${file.id}.png` }] },
        });
      };
      break;
    }
    case 'givon': {
      const givon: GivonServer = await startGivonServer();
      server = givon;
      key = givon.apiKey;
      config = { id: providerId, kind, name: 'Givon', baseUrl: givon.baseUrl, models: ['gpt-image-2'] };
      apiPath = '/api/v1/generations';
      filePath = '/files/';
      // 'immediate' mode answers a finished job with a download URL.
      willAnswerWithDownload = () => Promise.resolve();
      const saved = { ...GIVON_POLL };
      Object.assign(GIVON_POLL, { firstMs: 10, factor: 1.5, maxMs: 40, maxWaitMs: 10_000 });
      restore = () => Object.assign(GIVON_POLL, saved);
      break;
    }
  }

  const withKey = options.withKey ?? true;
  let core: AppCore;
  try {
    core = await openTestCore(undefined, withKey ? { [apiKeyEnvName(providerId)]: key } : {});
    await core.settings.update((s) => ({ ...s, providers: [config] }));
  } catch (error) {
    restore();
    await server.close();
    throw error;
  }
  return {
    kind,
    server,
    core,
    providerId,
    apiPath,
    filePath,
    streams: STREAMING_KINDS.includes(kind),
    apiKey: withKey ? key : null,
    willAnswerWithImage,
    willAnswerWithDownload,
    libraryFiles: async () =>
      (await fs.readdir(core.library.layout.originals, { recursive: true, withFileTypes: true }).catch(() => [])).filter((entry) =>
        entry.isFile(),
      ).length,
    close: async () => {
      restore();
      core.close();
      await server.close();
    },
  };
}
