import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useFileImportStore } from '../../store/file-import-store';
import { importSummary } from './import-summary';

/** Progress of an import (dropped, pasted, or chosen in the desktop app's dialog), with Cancel; then what came of it. */
export function FileImportStatus() {
  const { t } = useTranslation(['library', 'common']);
  const { run, notice, cancel, dismiss } = useFileImportStore(
    useShallow((s) => ({ run: s.run, notice: s.notice, cancel: s.cancel, dismiss: s.dismiss })),
  );
  if (!run) {
    // No run to show: only why one did not start (the open dialog failed).
    return notice ? (
      <div className="file-import">
        <span role="alert" className="file-import-error">
          {notice}
        </span>
        <button type="button" className="link" onClick={dismiss}>
          {t('common:dismiss')}
        </button>
      </div>
    ) : null;
  }
  const { scanning, found, total, done, skipped, finished } = run;
  const problems = skipped.length > 0;

  return (
    <div className={finished && problems ? 'file-import has-problems' : 'file-import'}>
      {!finished ? (
        <>
          <span role="status">
            {scanning
              ? t('fileImport.scanning', { count: found })
              : t('fileImport.progress', { current: Math.min(done + 1, total), total })}
          </span>
          {scanning ? (
            <progress aria-label={t('fileImport.progressLabel')} />
          ) : (
            <progress max={Math.max(total, 1)} value={done} aria-label={t('fileImport.progressLabel')} />
          )}
          <button type="button" onClick={cancel}>
            {t('common:cancel')}
          </button>
        </>
      ) : (
        <>
          <span role="status">{importSummary(run)}</span>
          <button type="button" className="link" onClick={dismiss}>
            {t('common:dismiss')}
          </button>
        </>
      )}
      {notice && (
        <p role="alert" className="file-import-notice">
          {notice}
        </p>
      )}
      {finished && problems && (
        <details className="file-import-problems">
          <summary>{t('fileImport.showSkipped')}</summary>
          <ul aria-label={t('fileImport.skippedList')}>
            {skipped.map(({ name, reason }, index) => (
              <li key={`${index}:${name}`}>{t('fileImport.skippedItem', { name, reason })}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
