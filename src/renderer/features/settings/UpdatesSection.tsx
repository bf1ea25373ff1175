import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../../shared/update';
import { holst, unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';

/** Settings → About: "Check for updates…" and where the update stands (the main process asks before restarting). */
export function UpdatesSection() {
  const { t } = useTranslation('settings');
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    const off = holst.on('app.updateChanged', setStatus);
    void unwrap(holst.app.updateStatus()).then(setStatus, setFailure);
    return off;
  }, []);

  const check = async () => {
    setFailure(null);
    try {
      setStatus(await unwrap(holst.app.checkForUpdates()));
    } catch (error) {
      setFailure(error);
    }
  };

  const busy = status?.state === 'checking' || status?.state === 'downloading';
  const text = (s: UpdateStatus): string | null => {
    switch (s.state) {
      case 'idle':
        return null;
      case 'unavailable':
        return t('about.updates.unavailable');
      case 'checking':
        return t('about.updates.checking');
      case 'up-to-date':
        return t('about.updates.upToDate', { version: s.version });
      case 'downloading':
        return t('about.updates.downloading', { version: s.version, percent: Math.floor(s.percent) });
      case 'ready':
        return t('about.updates.ready', { version: s.version });
      case 'error':
        return t(`about.updates.failed.${s.reason}`);
    }
  };
  const said = status && text(status);

  return (
    <div className="updates" data-testid="updates">
      <div className="row-actions">
        <button type="button" disabled={busy} onClick={() => void check()}>
          {status?.state === 'ready' ? t('about.updates.restart') : t('about.updates.check')}
        </button>
      </div>
      {status?.state === 'downloading' && (
        <progress max={100} value={Math.floor(status.percent)} aria-label={t('about.updates.progressLabel')} />
      )}
      {said && (
        <p role={status.state === 'error' ? 'alert' : 'status'} className={status.state === 'error' ? 'error' : 'small'}>
          {said}
          {status.state === 'error' && <span className="small muted"> ({status.detail})</span>}
        </p>
      )}
      {failure !== null && (
        <p role="alert" className="error">
          {errorText(failure)}
        </p>
      )}
    </div>
  );
}
