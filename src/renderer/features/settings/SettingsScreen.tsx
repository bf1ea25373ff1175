import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/settings';
import { useAppStore } from '../../store/app-store';
import { useProvidersStore } from '../../store/providers-store';
import '../../styles/settings.css';
import { NetworkSettings } from './NetworkSettings';
import { AboutSection } from './AboutSection';
import { ProviderCard } from './ProviderCard';
import { ProviderForm } from './ProviderForm';

export function SettingsScreen() {
  const { providers, loaded, load } = useProvidersStore();
  const { settings, setTheme, info } = useAppStore();
  const [adding, setAdding] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    load().catch((error: Error) => setLoadError(error.message));
  }, [load]);

  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>

      <h2>Providers</h2>
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      {info?.secretBackend === 'unavailable' && (
        <p className="warning">
          API keys cannot be saved here: no system keychain. You can still set HOLST_API_KEY_&lt;ID&gt; in the environment.
        </p>
      )}
      {loaded && providers.length === 0 && !adding && <p className="muted">No providers yet.</p>}
      <ul className="provider-list" aria-label="Providers">
        {providers.map((view) => (
          <li key={view.config.id}>
            <ProviderCard view={view} canStoreKeys={info?.secretBackend !== 'unavailable'} />
          </li>
        ))}
      </ul>
      {adding ? (
        <ProviderForm onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add provider
        </button>
      )}

      <NetworkSettings />

      <h2>Appearance</h2>
      <label className="field inline">
        <span>Theme</span>
        <select
          value={settings?.appearance.theme ?? 'system'}
          onChange={(event) => void setTheme(event.target.value as Settings['appearance']['theme'])}
        >
          <option value="system">Same as the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>

      {info && <AboutSection info={info} />}
    </section>
  );
}
