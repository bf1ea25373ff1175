import { create } from 'zustand';
import type { AppInfo, Notice } from '../../shared/contract';
import type { Settings } from '../../shared/settings';
import { holst, unwrap } from '../bridge';

export type Screen = 'home' | 'settings';

interface AppState {
  info: AppInfo | null;
  settings: Settings | null;
  notices: Notice[];
  screen: Screen;
  /** A failure to reach the core at start-up; the UI shows it instead of a blank window. */
  startError: string | null;
  start(): Promise<void>;
  go(screen: Screen): void;
  dismissNotice(id: string): Promise<void>;
  setTheme(theme: Settings['appearance']['theme']): Promise<void>;
}

export const useAppStore = create<AppState>()((set, get) => ({
  info: null,
  settings: null,
  notices: [],
  screen: 'home',
  startError: null,
  async start() {
    holst.on('settings.changed', (settings) => set({ settings }));
    holst.on('app.notice', (notice) => set({ notices: [...get().notices.filter((n) => n.id !== notice.id), notice] }));
    try {
      const [info, settings, notices] = await Promise.all([
        unwrap(holst.app.info()),
        unwrap(holst.settings.get()),
        unwrap(holst.app.notices()),
      ]);
      set({ info, settings, notices, screen: settings.providers.length === 0 ? 'home' : get().screen });
    } catch (error) {
      set({ startError: (error as Error).message });
    }
  },
  go: (screen) => set({ screen }),
  async dismissNotice(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
    await unwrap(holst.app.dismissNotice({ id }));
  },
  async setTheme(theme) {
    set({ settings: await unwrap(holst.settings.setTheme({ theme })) });
  },
}));
