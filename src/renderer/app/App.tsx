import { useEffect } from 'react';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useAppStore } from '../store/app-store';
import { Home } from './Home';
import { Notices } from './Notices';

export function App() {
  const { screen, go, start, started, startError, settings } = useAppStore();

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    const theme = settings?.appearance.theme ?? 'system';
    document.documentElement.dataset.theme = theme;
  }, [settings?.appearance.theme]);

  useEffect(() => {
    // Ctrl/Cmd+, opens Settings, as in most desktop apps.
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === ',') {
        event.preventDefault();
        go('settings');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  if (startError) {
    return (
      <main className="fatal" role="alert">
        <h1>Holst could not start</h1>
        <p>{startError}</p>
      </main>
    );
  }

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Holst</div>
        <button type="button" className="nav-item" aria-current={screen === 'library'} onClick={() => go('library')}>
          Library
        </button>
        <button type="button" className="nav-item" aria-current={screen === 'home'} onClick={() => go('home')}>
          Start
        </button>
        <button
          type="button"
          className="nav-item"
          aria-current={screen === 'settings'}
          onClick={() => go('settings')}
          title="Settings (Ctrl+,)"
        >
          Settings
        </button>
      </nav>
      <main className={screen === 'library' ? 'content content-fill' : 'content'}>
        <Notices />
        {!started ? null : screen === 'library' ? <LibraryScreen /> : screen === 'settings' ? <SettingsScreen /> : <Home />}
      </main>
    </div>
  );
}
