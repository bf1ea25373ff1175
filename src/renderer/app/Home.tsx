import { useAppStore } from '../store/app-store';

export function Home() {
  const { settings, info, go } = useAppStore();
  const providers = settings?.providers.length ?? 0;
  return (
    <section className="page">
      <h1>Welcome to Holst</h1>
      <p className="lead">Prompt, edit and keep every picture you make with your AI providers, privately on this computer.</p>
      {providers === 0 ? (
        <p>
          Start by adding a provider and its API key.{' '}
          <button type="button" className="primary" onClick={() => go('settings')}>
            Add a provider
          </button>
        </p>
      ) : (
        <p>
          {providers} provider{providers === 1 ? '' : 's'} configured.{' '}
          <button type="button" onClick={() => go('settings')}>
            Manage providers
          </button>
        </p>
      )}
      {info && (
        <p className="muted small">
          Holst {info.version} · data folder <code>{info.dataDir}</code>
        </p>
      )}
    </section>
  );
}
