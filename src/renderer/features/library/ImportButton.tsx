import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../shared/library';
import { holst, inElectron, unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';

/** Import files and folders through the desktop app's open dialog, with progress and Cancel. */
export function ImportButton() {
  const { t } = useTranslation(['library', 'common']);
  const [job, setJob] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(
    () => holst.on('library.importProgress', (p) => setProgress((current) => (job === null || p.jobId === job ? p : current))),
    [job],
  );

  if (!inElectron) return null;

  const start = async () => {
    setError(null);
    setProgress(null);
    try {
      setJob((await unwrap(holst.library.import({}))).jobId);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const running = job !== null && progress !== null && !progress.finished;
  const summary = (() => {
    if (!progress?.finished || !progress.results) return null;
    const count = (status: string) => progress.results!.filter((r) => r.status === status).length;
    return t('import.summary', {
      imported: count('imported'),
      duplicates: count('duplicate'),
      skipped: count('skipped') + count('failed'),
    });
  })();

  return (
    <div className="import-control">
      {running ? (
        <>
          <span role="status" className="muted small">
            {t('import.progress', { done: progress.done, total: progress.total })}
          </span>
          <button type="button" onClick={() => void holst.library.cancelImport({ jobId: job })}>
            {t('common:cancel')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void start()}>
          {t('import.button')}
        </button>
      )}
      {summary && !running && (
        <span role="status" className="muted small">
          {summary}
        </span>
      )}
      {error && (
        <span role="alert" className="error small">
          {error}
        </span>
      )}
    </div>
  );
}
