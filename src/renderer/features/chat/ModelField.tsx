import { memo, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../shared/contract';
import { holst, unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { useComposer } from '../../store/chat';

/** The model to send to, typed or picked from those the provider lists (asked for once per provider, when the field is first used). */
function ModelFieldView({ provider, model }: { provider: ProviderView; model: string }) {
  const { t } = useTranslation('chat');
  const setModel = useComposer((s) => s.setModel);
  const ids = { model: useId(), models: useId() };
  const providerId = provider.config.id;
  const [listed, setListed] = useState<Record<string, string[]>>({});
  const [modelsError, setModelsError] = useState<{ id: string; message: string } | null>(null);
  const asked = useRef(new Set<string>());
  const askModels = () => {
    if (!providerId || asked.current.has(providerId)) return;
    asked.current.add(providerId);
    const id = providerId;
    unwrap(holst.providers.models({ id })).then(
      (models) => setListed((current) => ({ ...current, [id]: models })),
      (error: unknown) => setModelsError({ id, message: errorText(error) }),
    );
  };
  const modelOptions = useMemo(
    () => [...new Set([...(provider.config.models ?? []), ...(listed[providerId] ?? [])])],
    [provider, listed, providerId],
  );

  return (
    <span className="field-inline">
      <label htmlFor={ids.model} className="visually-hidden">
        {t('composer.model')}
      </label>
      <input
        id={ids.model}
        className="model-input"
        list={ids.models}
        value={model}
        placeholder={t('composer.model')}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        onFocus={askModels}
        onChange={(event) => setModel(providerId, event.target.value)}
        title={modelsError?.id === providerId ? t('composer.modelsError', { error: modelsError.message }) : t('composer.model')}
      />
      <datalist id={ids.models}>
        {modelOptions.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
    </span>
  );
}

/** Memoized: the composer re-renders on every key, and this does not change with the prompt. */
export const ModelField = memo(ModelFieldView);
