import { useState } from 'react';
import type { ProviderView } from '../../../shared/contract';
import { useProvidersStore } from '../../store/providers-store';
import { ApiKeyField } from './ApiKeyField';
import { ConnectionTest } from './ConnectionTest';
import { kindLabel } from './provider-kinds';
import { ProviderForm } from './ProviderForm';

const SHOWN_MODELS = 6;

function modelsSummary(models: readonly string[] | undefined): string {
  if (!models || models.length === 0) return 'Models: the provider’s list';
  const shown = models.slice(0, SHOWN_MODELS).join(', ');
  return `Models: ${shown}${models.length > SHOWN_MODELS ? ` and ${models.length - SHOWN_MODELS} more` : ''}`;
}

export function ProviderCard({ view, canStoreKeys }: { view: ProviderView; canStoreKeys: boolean }) {
  const { config } = view;
  const remove = useProvidersStore((s) => s.remove);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (editing) return <ProviderForm existing={config} onDone={() => setEditing(false)} />;

  const onRemove = async () => {
    if (!window.confirm(`Remove the provider "${config.name ?? config.id}" and its stored key?`)) return;
    try {
      await remove(config.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <article className="card" aria-label={`Provider ${config.name ?? config.id}`}>
      <header className="card-header">
        <div>
          <h3>{config.name ?? config.id}</h3>
          <p className="muted small">
            {kindLabel(config.kind)} · <code>{config.id}</code> · {config.baseUrl}
          </p>
          <p className="muted small provider-models" data-testid={`models-${config.id}`}>
            {modelsSummary(config.models)}
          </p>
        </div>
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="danger" onClick={() => void onRemove()}>
            Remove
          </button>
        </div>
      </header>
      <ApiKeyField providerId={config.id} status={view.key} canStore={canStoreKeys} />
      <ConnectionTest config={config} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </article>
  );
}
