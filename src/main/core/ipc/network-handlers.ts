import type { NamespaceHandlers } from './dispatcher';
import type { HandlerCore } from './handler-core';

/** `network.*`: the proxy and timeouts every provider call goes through. */
export function createNetworkHandlers({ providers }: Pick<HandlerCore, 'providers'>): NamespaceHandlers<'network'> {
  return {
    'network.get': () => providers.network(),
    'network.save': ({ network, proxyPassword }) => providers.saveNetwork(network, proxyPassword),
  };
}
