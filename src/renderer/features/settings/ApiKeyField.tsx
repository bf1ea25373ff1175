import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyStatus } from '../../../shared/contract';
import { errorText } from '../../i18n/errors';
import { useProvidersStore } from '../../store/providers-store';

/** Set, replace or clear a provider's key. The key is sent once and never read back. */
/** `canStore` is false when there is neither a keychain nor an encrypted fallback to keep keys in. */
export function ApiKeyField({ providerId, status, canStore }: { providerId: string; status: KeyStatus; canStore: boolean }) {
  const { t } = useTranslation(['settings', 'common']);
  const { setKey, clearKey } = useProvidersStore();
  const [editing, setEditing] = useState(!status.set);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inputId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await setKey(providerId, value);
      setValue('');
      setEditing(false);
    } catch (e) {
      setError(e ?? new Error());
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    setBusy(true);
    setError(null);
    try {
      await clearKey(providerId);
      setEditing(true);
    } catch (e) {
      setError(e ?? new Error());
    } finally {
      setBusy(false);
    }
  };

  const masked = status.last4 ? `••••${status.last4}` : t('key.hidden');
  const summary = !status.set ? t('key.none') : status.source === 'env' ? t('key.setFromEnv', { masked }) : t('key.set', { masked });

  return (
    <div className="api-key">
      <p className="key-status" data-testid={`key-status-${providerId}`}>
        {summary}
      </p>
      {!canStore ? null : editing || !status.set ? (
        <form onSubmit={(event) => void submit(event)} className="key-form">
          <label htmlFor={inputId}>{t('key.label')}</label>
          <input
            id={inputId}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            placeholder={status.set ? t('key.placeholderNew') : t('key.placeholderFirst')}
          />
          <button type="submit" className="primary" disabled={busy || value.trim() === ''}>
            {t('key.save')}
          </button>
          {status.set && (
            <button type="button" onClick={() => setEditing(false)}>
              {t('common:cancel')}
            </button>
          )}
        </form>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)} disabled={busy}>
            {t('key.replace')}
          </button>
          {status.source !== 'env' && (
            <button type="button" onClick={() => void clear()} disabled={busy}>
              {t('key.clear')}
            </button>
          )}
        </div>
      )}
      {error !== null && (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      )}
    </div>
  );
}
