import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/errors';
import { useAppStore } from '../../store/app-store';
import { useProvidersStore } from '../../store/providers-store';
import '../../styles/settings.css';
import { AboutSection } from './AboutSection';
import { AppearanceSection } from './AppearanceSection';
import { NetworkSettings } from './NetworkSettings';
import { ProviderCard } from './ProviderCard';
import { ProviderForm } from './ProviderForm';
import { SaveFolderSection } from './SaveFolderSection';
import { SettingsSection, SettingsSectionList } from './SettingsSections';
import { UpdatesSection } from './UpdatesSection';

/** Settings: a list of its sections beside them (Providers, Network, Appearance, Library, Updates, About), each a card. */
export function SettingsScreen() {
  const { t } = useTranslation(['settings', 'app']);
  const { providers, loaded, load } = useProvidersStore();
  const info = useAppStore((s) => s.info);
  // The window's keychain notice already says it (with what to do): the hint here would say it twice.
  const keychainNotice = useAppStore((s) => s.notices.some((notice) => notice.id === 'keychain'));
  const openFirstRun = useAppStore((s) => s.openFirstRun);
  const [adding, setAdding] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    load().catch((error: unknown) => setLoadError(error ?? new Error()));
  }, [load]);

  return (
    <section className="page settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('title')}</h1>
      <div className="settings-layout">
        <SettingsSectionList />
        <div className="settings-body">
          <SettingsSection name="providers" heading={t('providers.heading')} plain>
            {loadError !== null && (
              <p role="alert" className="error">
                {errorText(loadError)}
              </p>
            )}
            {info?.secretBackend === 'unavailable' && !keychainNotice && <p className="warning">{t('providers.noKeychain')}</p>}
            {loaded && providers.length === 0 && !adding && <p className="card muted">{t('providers.none')}</p>}
            <ul className="provider-list" aria-label={t('providers.listLabel')}>
              {providers.map((view) => (
                <li key={view.config.id}>
                  <ProviderCard view={view} canStoreKeys={info?.secretBackend !== 'unavailable'} />
                </li>
              ))}
            </ul>
            {adding ? (
              <ProviderForm onDone={() => setAdding(false)} />
            ) : (
              <div className="actions">
                <button type="button" className="primary" onClick={() => setAdding(true)}>
                  {t('providers.add')}
                </button>
                {/* The first-run guide again: a known service with its addresses filled in, the key, a test. */}
                <button type="button" onClick={openFirstRun}>
                  {t('app:firstRun.reopen')}
                </button>
              </div>
            )}
          </SettingsSection>

          <SettingsSection name="network" heading={t('network.heading')} plain>
            <NetworkSettings />
          </SettingsSection>

          <SettingsSection name="appearance" heading={t('appearance.heading')}>
            <AppearanceSection />
          </SettingsSection>

          <SettingsSection name="library" heading={t('sections.library')}>
            <SaveFolderSection />
          </SettingsSection>

          <SettingsSection name="updates" heading={t('sections.updates')}>
            <UpdatesSection />
          </SettingsSection>

          {info && (
            <SettingsSection name="about" heading={t('about.heading')}>
              <AboutSection info={info} />
            </SettingsSection>
          )}
        </div>
      </div>
    </section>
  );
}
