import { openProviderClient, type ProviderClient } from '../providers/client';
import { testConnection } from '../providers/connection-test';
import type { NamespaceHandlers } from './dispatcher';
import type { HandlerCore } from './handler-core';

type Deps = Pick<HandlerCore, 'providers' | 'settings' | 'secrets' | 'library' | 'logger'>;

/** `providers.*`: the configured providers (rules in providers/provider-settings.ts) and the calls settings and the composer make. */
export function createProvidersHandlers(core: Deps): NamespaceHandlers<'providers'> {
  const { providers } = core;
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
    'providers.list': () => providers.list(),
    'providers.save': ({ provider, previousId }) => providers.save(provider, previousId),
    'providers.remove': async ({ id }) => {
      await providers.remove(id);
      return null;
    },
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
