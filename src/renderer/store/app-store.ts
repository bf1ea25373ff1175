import { create } from 'zustand';
import type { AppInfo, Notice } from '../../shared/contract';
import type { LanguageChoice } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { holst, unwrap } from '../bridge';

export type Screen = 'chat' | 'library' | 'home' | 'settings';

interface AppState {
  info: AppInfo | null;
  settings: Settings | null;
  notices: Notice[];
  screen: Screen;
  /** Start-up has finished: the first screen is chosen. */
  started: boolean;
  /** The user picked a screen; start-up no longer chooses one. */
  navigated: boolean;
  /** A failure to reach the core at start-up; the UI shows it instead of a blank window. */
  startError: string | null;
  start(): Promise<void>;
  go(screen: Screen): void;
  /** The first-run guide is shown on the Start screen (always while there is no provider). */
  firstRunOpen: boolean;
  openFirstRun(): void;
  closeFirstRun(): void;
  dismissNotice(id: string): Promise<void>;
  setTheme(theme: Settings['appearance']['theme']): Promise<void>;
  /** 'system' follows the OS; App applies the saved choice to every screen at once. */
  setLanguage(language: LanguageChoice): Promise<void>;
}

export const useAppStore = create<AppState>()((set, get) => ({
  info: null,
  settings: null,
  notices: [],
  screen: 'chat',
  started: false,
  navigated: false,
  startError: null,
  async start() {
    holst.on('settings.changed', (settings) => set({ settings }));
    holst.on('app.notice', (notice) => set({ notices: [...get().notices.filter((n) => n.id !== notice.id), notice] }));
    holst.on('app.noticeRemoved', ({ id }) => set({ notices: get().notices.filter((n) => n.id !== id) }));
    try {
      const [info, settings, notices, hasImages] = await Promise.all([
        unwrap(holst.app.info()),
        unwrap(holst.settings.get()),
        unwrap(holst.app.notices()),
        // A library that cannot be read is the library screen's to report, not start-up's.
        unwrap(holst.library.list({ limit: 1 })).then(
          (page) => page.items.length > 0,
          () => false,
        ),
      ]);
      // A provider ready: straight to a chat; otherwise the library when it has pictures, else the first-run guide.
      const first: Screen = settings.providers.length > 0 ? 'chat' : hasImages ? 'library' : 'home';
      set({ info, settings, notices, started: true, screen: get().navigated ? get().screen : first });
    } catch (error) {
      set({ startError: (error as Error).message });
    }
  },
  go: (screen) => set({ screen, navigated: true }),
  firstRunOpen: false,
  openFirstRun: () => set({ firstRunOpen: true, screen: 'home', navigated: true }),
  closeFirstRun: () => set({ firstRunOpen: false }),
  async dismissNotice(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
    await unwrap(holst.app.dismissNotice({ id }));
  },
  async setTheme(theme) {
    set({ settings: await unwrap(holst.settings.setTheme({ theme })) });
  },
  async setLanguage(language) {
    set({ settings: await unwrap(holst.settings.setLanguage({ language })) });
  },
}));
