// The demo's providers: the reference servers of all four kinds on 127.0.0.1, drawing pictures
// from the prompt and failing on request, with demo keys. They run only inside `npm run demo`.
import { apiKeyEnvName } from '../main/core/secrets/secret-store';
import type { ProviderConfig } from '../shared/settings';
import { startGigaChatServer } from '../../tests/servers/gigachat-server';
import { startGivonServer } from '../../tests/servers/givon-server';
import { startOpenAIChatServer } from '../../tests/servers/openai-chat-server';
import { startOpenAIImagesServer } from '../../tests/servers/openai-images-server';

/** The demo's own keys: they open nothing but the demo servers. */
export const DEMO_KEYS = {
  gigachat: Buffer.from('holst-demo-client:holst-demo-secret').toString('base64'),
  openaiChat: 'sk-holst-demo-aggregator',
  openaiImages: 'sk-holst-demo-images',
  givon: 'gv-holst-demo',
};

/** A pause per streamed piece, so answers visibly stream. */
const STREAM_DELAY_MS = 25;

export interface DemoServers {
  providers: ProviderConfig[];
  /** HOLST_API_KEY_<ID> for each demo provider. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startDemoServers(): Promise<DemoServers> {
  const demo = { drawPrompt: true, errorsOnRequest: true };
  const [giga, chat, images, givon] = await Promise.all([
    startGigaChatServer({ ...demo, authorizationKey: DEMO_KEYS.gigachat }),
    startOpenAIChatServer({ ...demo, apiKey: DEMO_KEYS.openaiChat }),
    startOpenAIImagesServer({ ...demo, apiKey: DEMO_KEYS.openaiImages }),
    startGivonServer({ ...demo, apiKey: DEMO_KEYS.givon }),
  ]);
  giga.sse = { delayMs: STREAM_DELAY_MS };
  chat.sse = { delayMs: STREAM_DELAY_MS };
  // a job that is polled a few times, so its progress shows
  givon.mode = 'job';
  givon.pollsNeeded = 2;

  const providers: ProviderConfig[] = [
    {
      id: 'demo-gigachat',
      kind: 'gigachat',
      name: 'Demo GigaChat',
      baseUrl: giga.baseUrl,
      authUrl: giga.authUrl,
      scope: giga.scope,
      models: ['GigaChat-2-Max', 'GigaChat-2-Pro', 'GigaChat-2'],
    },
    {
      id: 'demo-openai-chat',
      kind: 'openai-chat',
      name: 'Demo aggregator (OpenAI-compatible chat)',
      baseUrl: chat.baseUrl,
      models: ['gpt-4o-image', 'nano-banana', 'flux-kontext-pro'],
    },
    {
      id: 'demo-openai-images',
      kind: 'openai-images',
      name: 'Demo Images API',
      baseUrl: images.baseUrl,
      models: ['gpt-image-1', 'dall-e-3'],
    },
    { id: 'demo-givon', kind: 'givon', name: 'Demo Givon', baseUrl: givon.baseUrl, models: ['gpt-image-2'] },
  ];
  const keys = [giga.authorizationKey, chat.apiKey, images.apiKey, givon.apiKey];
  return {
    providers,
    env: Object.fromEntries(providers.map((provider, i) => [apiKeyEnvName(provider.id), keys[i]!])),
    close: async () => {
      await Promise.all([giga, chat, images, givon].map((server) => server.close()));
    },
  };
}
