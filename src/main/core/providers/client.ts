import type { RetryNotice } from '../../../shared/generation';
import type { ProviderConfig } from '../../../shared/settings';
import type { CoreServices } from '../services';
import { ProviderHttp } from '../net/provider-http';
import { PROXY_SECRET_ID } from '../secrets/secret-store';
import { requireProvider } from './provider-settings';
import { providerKind } from './registry';
import { uploadCacheFor } from './upload-cache';
import type { ProviderContext, ProviderKindModule } from './types';

/** A provider ready to call: its kind, its context (key, HTTP client) and a way to let go of its connections. */
export interface ProviderClient {
  config: ProviderConfig;
  kind: ProviderKindModule;
  ctx: ProviderContext;
  close(): Promise<void>;
}

/** What opening a client reads: the provider's settings and key, the network, the upload cache. */
export type ProviderClientDeps = Pick<CoreServices, 'settings' | 'secrets' | 'library' | 'logger'>;

/**
 * Opens a client for one provider with the user's network settings: proxy (its password from the
 * keychain), timeouts, and the provider's extra CA. Every secret involved is redacted from errors.
 */
export async function openProviderClient(
  core: ProviderClientDeps,
  id: string,
  options: { onRetry?: (notice: RetryNotice) => void; rateLimits?: 'retry' | 'report' } = {},
): Promise<ProviderClient> {
  const config = requireProvider(core.settings, id);
  const kind = providerKind(config.kind);
  const network = core.settings.get().network;
  const apiKey = await core.secrets.resolve(config.id);
  const proxyPassword = network.proxy?.username ? await core.secrets.resolve(PROXY_SECRET_ID) : null;
  const providerName = config.name ?? config.id;
  const http = new ProviderHttp({
    providerName,
    ...(config.caFile ? { caFile: config.caFile } : {}),
    ...(network.proxy
      ? {
          proxy: {
            url: network.proxy.url,
            ...(network.proxy.username ? { username: network.proxy.username } : {}),
            ...(proxyPassword ? { password: proxyPassword } : {}),
          },
        }
      : {}),
    timeouts: {
      connectMs: network.connectTimeoutSec * 1000,
      headersMs: network.responseTimeoutSec * 1000,
      bodyMs: network.responseTimeoutSec * 1000,
    },
    secrets: () => [apiKey, proxyPassword].filter((s): s is string => !!s),
    logger: core.logger,
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  const uploads = uploadCacheFor(core.library.db, config.id);
  return { config, kind, ctx: { config, http, apiKey, providerName, uploads }, close: () => http.close() };
}
