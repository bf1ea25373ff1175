import { useEffect } from 'react';
import { create } from 'zustand';
import type { ProviderView } from '../../shared/contract';
import type { ConnectionReport } from '../../shared/generation';
import type { ProviderConfig } from '../../shared/settings';
import { holst, unwrap } from '../bridge';

interface ProvidersState {
  providers: ProviderView[];
  loaded: boolean;
  load(): Promise<void>;
  save(provider: ProviderConfig, previousId?: string): Promise<ProviderView>;
  remove(id: string): Promise<void>;
  setKey(providerId: string, key: string): Promise<void>;
  clearKey(providerId: string): Promise<void>;
  /** Runs "Test connection" on a saved provider: DNS, connect, TLS, the key, the model list. */
  test(id: string): Promise<ConnectionReport>;
  /** Saves `models` as the provider's model list, keeping the rest of its configuration. */
  setModels(config: ProviderConfig, models: string[]): Promise<ProviderView>;
}

export const useProvidersStore = create<ProvidersState>()((set) => {
  holst.on('providers.changed', (providers) => set({ providers, loaded: true }));
  return {
    providers: [],
    loaded: false,
    async load() {
      set({ providers: await unwrap(holst.providers.list()), loaded: true });
    },
    async save(provider, previousId) {
      return unwrap(holst.providers.save(previousId ? { provider, previousId } : { provider }));
    },
    async remove(id) {
      await unwrap(holst.providers.remove({ id }));
    },
    // The key goes to the main process and is never kept in renderer state.
    async setKey(providerId, key) {
      await unwrap(holst.secrets.set({ providerId, key }));
    },
    async clearKey(providerId) {
      await unwrap(holst.secrets.clear({ providerId }));
    },
    async test(id) {
      return unwrap(holst.providers.test({ id }));
    },
    async setModels(config, models) {
      const view = await unwrap(holst.providers.save({ provider: { ...config, models }, previousId: config.id }));
      // The core also pushes `providers.changed`; updating here keeps the card right if that event is late.
      set((state) => ({ providers: state.providers.map((p) => (p.config.id === config.id ? view : p)) }));
      return view;
    },
  };
});

/**
 * A provider's name for display (its id when it has none or is no longer set up); asks for the
 * provider list once if no screen has loaded it yet.
 */
export function useProviderName(id: string | null): string | null {
  const name = useProvidersStore((s) => (id === null ? null : (s.providers.find((p) => p.config.id === id)?.config.name ?? id)));
  const loaded = useProvidersStore((s) => s.loaded);
  useEffect(() => {
    if (!loaded && id !== null)
      void useProvidersStore
        .getState()
        .load()
        .catch(() => undefined);
  }, [loaded, id]);
  return name;
}
