import { useId, useState, type FormEvent } from 'react';
import type { KeyStatus } from '../../../shared/contract';
import { useProvidersStore } from '../../store/providers-store';

/** Set, replace or clear a provider's key. The key is sent once and never read back. */
/** `canStore` is false when there is neither a keychain nor an encrypted fallback to keep keys in. */
export function ApiKeyField({ providerId, status, canStore }: { providerId: string; status: KeyStatus; canStore: boolean }) {
  const { setKey, clearKey } = useProvidersStore();
  const [editing, setEditing] = useState(!status.set);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
      setError((e as Error).message);
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
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const summary = status.set
    ? `key set ${status.last4 ? `••••${status.last4}` : '(hidden)'}${status.source === 'env' ? ' from the environment' : ''}`
    : 'no key';

  return (
    <div className="api-key">
      <p className="key-status" data-testid={`key-status-${providerId}`}>
        {summary}
      </p>
      {!canStore ? null : editing || !status.set ? (
        <form onSubmit={(event) => void submit(event)} className="key-form">
          <label htmlFor={inputId}>API key</label>
          <input
            id={inputId}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            placeholder={status.set ? 'New key' : 'Paste the key'}
          />
          <button type="submit" className="primary" disabled={busy || value.trim() === ''}>
            Save key
          </button>
          {status.set && (
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          )}
        </form>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)} disabled={busy}>
            Replace key
          </button>
          {status.source !== 'env' && (
            <button type="button" onClick={() => void clear()} disabled={busy}>
              Clear key
            </button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
