import { useState } from 'react';
import type { ProviderView } from '../../../shared/contract';
import { useProvidersStore } from '../../store/providers-store';
import { ApiKeyField } from './ApiKeyField';
import { kindLabel } from './provider-kinds';
import { ProviderForm } from './ProviderForm';

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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </article>
  );
}
