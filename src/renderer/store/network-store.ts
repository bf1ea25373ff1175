import { create } from 'zustand';
import type { NetworkView } from '../../shared/contract';
import type { NetworkSettings } from '../../shared/settings';
import { holst, unwrap } from '../bridge';

interface NetworkState {
  /** The saved network settings and whether the proxy has a password; the password itself never comes back. */
  view: NetworkView | null;
  load(): Promise<NetworkView>;
  /** `proxyPassword`: a string sets it, null removes it, undefined leaves it as it is. */
  save(network: NetworkSettings, proxyPassword?: string | null): Promise<NetworkView>;
}

export const useNetworkStore = create<NetworkState>()((set) => ({
  view: null,
  async load() {
    const view = await unwrap(holst.network.get());
    set({ view });
    return view;
  },
  async save(network, proxyPassword) {
    // The password goes to the main process once and is never kept in renderer state.
    const view = await unwrap(holst.network.save(proxyPassword === undefined ? { network } : { network, proxyPassword }));
    set({ view });
    return view;
  },
}));
