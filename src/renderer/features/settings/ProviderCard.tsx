import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../shared/contract';
import { errorText } from '../../i18n/errors';
import { useProvidersStore } from '../../store/providers-store';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { ApiKeyField } from './ApiKeyField';
import { ConnectionTest } from './ConnectionTest';
import { kindLabel } from './provider-kinds';
import { ProviderForm } from './ProviderForm';

const SHOWN_MODELS = 6;

export function ProviderCard({ view, canStoreKeys }: { view: ProviderView; canStoreKeys: boolean }) {
  const { t } = useTranslation('settings');
  const { config } = view;
  const remove = useProvidersStore((s) => s.remove);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);

  if (editing) return <ProviderForm existing={config} onDone={() => setEditing(false)} />;

  const name = config.name ?? config.id;

  const models = config.models ?? [];
  const list = models.slice(0, SHOWN_MODELS).join(', ');
  const modelsSummary =
    models.length === 0
      ? t('card.modelsDefault')
      : models.length > SHOWN_MODELS
        ? t('card.modelsMore', { list, count: models.length - SHOWN_MODELS })
        : t('card.models', { list });

  return (
    <article className="card" aria-label={t('card.label', { name })}>
      <header className="card-header">
        <div>
          <h3>{name}</h3>
          <p className="muted small">
            {kindLabel(config.kind)} · <code>{config.id}</code> · {config.baseUrl}
          </p>
          <p className="muted small provider-models" data-testid={`models-${config.id}`}>
            {modelsSummary}
          </p>
        </div>
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)}>
            {t('card.edit')}
          </button>
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('card.remove')}
          </button>
        </div>
      </header>
      <ApiKeyField providerId={config.id} status={view.key} canStore={canStoreKeys} />
      <ConnectionTest config={config} />
      {error !== null && (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('card.confirmRemoveTitle', { name })}
          body={t('card.confirmRemove', { name })}
          confirmLabel={t('card.remove')}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            // A failure is said on the card (the dialog closes either way).
            setError(null);
            try {
              await remove(config.id);
            } catch (e) {
              setError(e ?? new Error());
            }
            setConfirming(false);
          }}
        />
      )}
    </article>
  );
}
