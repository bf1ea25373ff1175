import { create } from 'zustand';
import type { ProviderView } from '../../shared/contract';
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
  };
});
