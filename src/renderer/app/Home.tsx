import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';
import { useThread } from '../store/chat';
import { FirstRun } from './FirstRun';

export function Home() {
  const { settings, info, go } = useAppStore();
  const { t } = useTranslation('app');
  const providers = settings?.providers.length ?? 0;
  const firstRunOpen = useAppStore((s) => s.firstRunOpen);
  // Begun with no provider, the guide stays until it is finished or skipped (its second step saves one).
  const [guiding] = useState(() => providers === 0);
  if (guiding || firstRunOpen) return <FirstRun />;
  return (
    <section className="page">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      {providers === 0 ? (
        <p>
          {t('home.noProvider')}{' '}
          <button type="button" className="primary" onClick={() => go('settings')}>
            {t('home.addProvider')}
          </button>
        </p>
      ) : (
        <>
          <div className="actions home-actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                useThread.getState().newChat();
                go('chat');
              }}
            >
              {t('home.startChat')}
            </button>
            <button type="button" onClick={() => go('library')}>
              {t('home.openLibrary')}
            </button>
          </div>
          <p>
            {t('home.providers', { count: providers })}{' '}
            <button type="button" onClick={() => go('settings')}>
              {t('home.manageProviders')}
            </button>
          </p>
        </>
      )}
      {info && (
        <p className="muted small">
          {t('home.version', { version: info.version })} <code>{info.dataDir}</code>
        </p>
      )}
    </section>
  );
}
