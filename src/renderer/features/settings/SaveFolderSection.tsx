import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings';
import { holst, unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { useAppStore } from '../../store/app-store';

/**
 * The folder every new generated or edited picture is also copied to. The desktop app chooses it
 * with the system's folder dialog; the browser has none, so there the path is typed.
 */
export function SaveFolderSection() {
  const { t } = useTranslation(['settings', 'common']);
  const folder = useAppStore((s) => s.settings?.library.saveFolder ?? null);
  const desktop = useAppStore((s) => s.info?.shell === 'electron');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  // Absent asks with the dialog; null turns it off.
  const change = async (path: string | null | undefined) => {
    setBusy(true);
    setError(null);
    try {
      const next: Settings = await unwrap(holst.settings.setSaveFolder(path === undefined ? {} : { path }));
      useAppStore.setState({ settings: next });
      if (path) setTyped('');
    } catch (e) {
      setError(e ?? new Error());
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim()) void change(typed.trim());
  };

  return (
    <section aria-labelledby={`${id}-title`} className="save-folder-settings">
      <h3 id={`${id}-title`}>{t('saveFolder.heading')}</h3>
      <p className="muted small">{t('saveFolder.lead')}</p>
      <p>
        <span>{t('saveFolder.current')} </span>
        <strong data-testid="save-folder-path">{folder ?? t('saveFolder.off')}</strong>
      </p>
      {!desktop && (
        <form className="field inline" onSubmit={submit} aria-label={t('saveFolder.formLabel')}>
          <label htmlFor={`${id}-path`}>{t('saveFolder.pathLabel')}</label>
          <input
            id={`${id}-path`}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            placeholder={t('saveFolder.pathPlaceholder')}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" disabled={busy || typed.trim() === ''}>
            {t('common:save')}
          </button>
        </form>
      )}
      {error !== null && (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      )}
      <div className="actions">
        {desktop && (
          <button type="button" onClick={() => void change(undefined)} disabled={busy}>
            {t('saveFolder.choose')}
          </button>
        )}
        {folder !== null && (
          <button type="button" onClick={() => void change(null)} disabled={busy}>
            {t('saveFolder.turnOff')}
          </button>
        )}
      </div>
    </section>
  );
}
