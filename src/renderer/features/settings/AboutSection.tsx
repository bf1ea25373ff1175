import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract';
import { holst, unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';

/** What the last action said, worded when shown (so it follows a change of language). */
type Status = { kind: 'logsAt'; path: string } | { kind: 'noLogs' | 'copied' | 'copyBelow' } | { kind: 'error'; error: unknown };

/** Version, where things are kept, the logs folder and "Copy diagnostics" for a problem report (Updates is its own section). */
export function AboutSection({ info }: { info: AppInfo }) {
  const { t } = useTranslation('settings');
  const [status, setStatus] = useState<Status | null>(null);
  const [diagnostics, setDiagnostics] = useState<string | null>(null);

  const openLogs = async () => {
    setStatus(null);
    try {
      const { path, opened } = await unwrap(holst.app.openLogsFolder());
      if (!opened) setStatus(path ? { kind: 'logsAt', path } : { kind: 'noLogs' });
    } catch (error) {
      setStatus({ kind: 'error', error });
    }
  };

  const copyDiagnostics = async () => {
    setStatus(null);
    setDiagnostics(null);
    try {
      const { text } = await unwrap(holst.app.diagnostics());
      try {
        await navigator.clipboard.writeText(text);
        setStatus({ kind: 'copied' });
      } catch {
        // Without clipboard access, show the text so it can be copied by hand.
        setDiagnostics(text);
        setStatus({ kind: 'copyBelow' });
      }
    } catch (error) {
      setStatus({ kind: 'error', error });
    }
  };

  const statusText = (s: Status): string => {
    if (s.kind === 'error') return errorText(s.error);
    if (s.kind === 'logsAt') return t('about.logsAt', { path: s.path });
    return t(`about.${s.kind}`);
  };

  return (
    <>
      <p className="small">
        Holst <span data-testid="app-version">{info.version}</span> · {info.platform} ·{' '}
        {info.shell === 'electron' ? t('about.shell.electron') : t('about.shell.browser')}
        <br />
        {t('about.dataFolder')} <code>{info.dataDir}</code>
        <br />
        {t('about.settingsFile')} <code>{info.settingsFile}</code>
      </p>
      <div className="row-actions">
        <button type="button" onClick={() => void openLogs()}>
          {t('about.openLogs')}
        </button>
        <button type="button" onClick={() => void copyDiagnostics()}>
          {t('about.copyDiagnostics')}
        </button>
      </div>
      <p className="small muted">{t('about.diagnosticsNote')}</p>
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'error' : 'small'}>
          {statusText(status)}
        </p>
      )}
      {diagnostics !== null && (
        <textarea className="diagnostics" aria-label={t('about.diagnosticsLabel')} readOnly rows={12} value={diagnostics} />
      )}
    </>
  );
}
