import type { KeyStatus, NetworkView, ProviderView } from '../../../shared/contract';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { NetworkSettings, ProviderConfig } from '../../../shared/settings';
import { PROXY_SECRET_ID } from '../secrets/secret-store';
import type { CoreServices } from '../services';

type Deps = Pick<CoreServices, 'settings' | 'secrets' | 'events'>;

/** A configured provider, or a `not_found` error that says where to add it (the one wording for app and CLI). */
export function requireProvider(settings: CoreServices['settings'], id: string): ProviderConfig {
  const config = settings.get().providers.find((p) => p.id === id);
  if (!config) throw HolstError.said('not_found', say('providerNotFound', { id, file: settings.file }));
  return config;
}

/**
 * The rules for the providers the user configured and the network they are reached through:
 * what a save, a rename (the key moves along), a removal (the key goes) or a key change may do.
 * The IPC handlers and the CLI both call these, so the same mistake reads the same everywhere.
 */
export class ProviderSettings {
  constructor(private readonly deps: Deps) {}

  /** Every configured provider with where its key comes from. */
  async list(): Promise<ProviderView[]> {
    const { settings, secrets } = this.deps;
    return Promise.all(settings.get().providers.map(async (config) => ({ config, key: await secrets.status(config.id) })));
  }

  require(id: string): ProviderConfig {
    return requireProvider(this.deps.settings, id);
  }

  /** Adds a provider, or replaces `previousId` with it; a new id takes the old one's key along. */
  async save(provider: ProviderConfig, previousId?: string | null): Promise<ProviderView> {
    const { settings, secrets } = this.deps;
    const replacing = previousId ?? null;
    if (replacing !== null) this.require(replacing);
    if (provider.id !== replacing && settings.get().providers.some((p) => p.id === provider.id)) {
      throw HolstError.said('invalid_input', say('providerIdTaken', { id: provider.id }), { field: 'provider.id' });
    }
    await settings.update((draft) => {
      const providers =
        replacing === null ? [...draft.providers, provider] : draft.providers.map((p) => (p.id === replacing ? provider : p));
      return { ...draft, providers };
    });
    if (replacing !== null && replacing !== provider.id) await this.moveKey(replacing, provider.id);
    await this.announce();
    return { config: provider, key: await secrets.status(provider.id) };
  }

  /** Removes a provider and its stored key. */
  async remove(id: string): Promise<void> {
    const { settings, secrets } = this.deps;
    this.require(id);
    await settings.update((draft) => ({ ...draft, providers: draft.providers.filter((p) => p.id !== id) }));
    if (await secrets.canStore()) await secrets.clear(id);
    await this.announce();
  }

  keyStatus(id: string): Promise<KeyStatus> {
    return this.deps.secrets.status(id);
  }

  /** Stores a configured provider's key in the keychain. */
  async setKey(id: string, key: string): Promise<KeyStatus> {
    this.require(id);
    const status = await this.deps.secrets.set(id, key);
    await this.announce();
    return status;
  }

  /** Removes a configured provider's stored key (one from the environment stays). */
  async clearKey(id: string): Promise<KeyStatus> {
    this.require(id);
    const status = await this.deps.secrets.clear(id);
    await this.announce();
    return status;
  }

  /** The network settings, and whether a proxy password is stored (never the password). */
  async network(): Promise<NetworkView> {
    const { settings, secrets } = this.deps;
    return { network: settings.get().network, proxyPasswordSet: (await secrets.status(PROXY_SECRET_ID)).set };
  }

  /** Saves the network settings; a string password is stored, null removes it, absent keeps it. */
  async saveNetwork(network: NetworkSettings, proxyPassword?: string | null): Promise<NetworkView> {
    const { settings, secrets } = this.deps;
    if (typeof proxyPassword === 'string' && proxyPassword !== '' && !network.proxy?.username) {
      throw HolstError.said('invalid_input', say('proxyPasswordNeedsUser', {}), { field: 'network.proxy.username' });
    }
    await settings.update((draft) => ({ ...draft, network }));
    // Without a proxy user there is nothing for a password to belong to.
    if (!network.proxy?.username || proxyPassword === null) {
      if (await secrets.canStore()) await secrets.clear(PROXY_SECRET_ID);
    } else if (typeof proxyPassword === 'string' && proxyPassword !== '') {
      await secrets.set(PROXY_SECRET_ID, proxyPassword);
    }
    return this.network();
  }

  private async announce(): Promise<void> {
    // The list reads every provider's key status from the keychain: not for a core nobody listens to (the CLI).
    if (!this.deps.events.heard) return;
    this.deps.events.emit('providers.changed', await this.list());
  }

  /** A renamed provider keeps its key: it moves to the keychain entry of the new id. */
  private async moveKey(fromId: string, toId: string): Promise<void> {
    const { secrets } = this.deps;
    if (!(await secrets.canStore())) return;
    const status = await secrets.status(fromId);
    if (!status.set || status.source === 'env') return;
    const key = await secrets.resolve(fromId);
    if (key) await secrets.set(toId, key);
    await secrets.clear(fromId);
  }
}
