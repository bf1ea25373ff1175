import type { AppCore } from '../app-core';
import { openProviderClient, type ProviderClient } from '../providers/client';
import { testConnection } from '../providers/connection-test';
import type { Handlers } from './dispatcher';

type GenerationChannels = Extract<keyof Handlers, `chat.${string}` | 'providers.test' | 'providers.models' | 'providers.countTokens'>;

/** Chat generation and the provider calls the settings and the composer make. */
export function createGenerationHandlers(core: AppCore): Pick<Handlers, GenerationChannels> {
  /** Runs one call with a provider's client and lets go of its connections after. */
  const withClient = async <T>(id: string, use: (client: ProviderClient) => Promise<T>): Promise<T> => {
    const client = await openProviderClient(core, id);
    try {
      return await use(client);
    } finally {
      await client.close();
    }
  };

  return {
    'chat.send': (input) => core.chat.send(input),
    'chat.retry': ({ messageId, singleTurn }) => core.chat.retry(messageId, singleTurn),
    'chat.cancel': ({ generationId }) => {
      core.chat.cancel(generationId);
      return null;
    },
    'chat.running': () => core.chat.list(),
    'providers.test': ({ id }) => testConnection(core, id),
    'providers.models': ({ id }) => withClient(id, ({ kind, ctx }) => kind.listModels(ctx)),
    'providers.countTokens': ({ id, model, text }) =>
      withClient(id, async ({ kind, ctx, config }) => {
        const chosen = model ?? config.models?.[0];
        if (!kind.countTokens || !chosen || text.trim() === '') return { tokens: null };
        return { tokens: await kind.countTokens(ctx, chosen, [text]) };
      }),
  };
}
