import type { NamespaceHandlers } from './dispatcher';
import type { HandlerCore } from './handler-core';

/** `secrets.*`: a provider's key, kept by the main process; the window only learns whether it is set. */
export function createSecretsHandlers({ providers }: Pick<HandlerCore, 'providers'>): NamespaceHandlers<'secrets'> {
  return {
    'secrets.status': ({ providerId }) => providers.keyStatus(providerId),
    'secrets.set': ({ providerId, key }) => providers.setKey(providerId, key),
    'secrets.clear': ({ providerId }) => providers.clearKey(providerId),
  };
}
