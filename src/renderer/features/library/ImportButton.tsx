import { useEffect, useState } from 'react';
import type { ImportProgress } from '../../../shared/library';
import { holst, inElectron, unwrap } from '../../bridge';

/** Import files and folders through the desktop app's open dialog, with progress and Cancel. */
export function ImportButton() {
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
      setError((e as Error).message);
    }
  };

  const running = job !== null && progress !== null && !progress.finished;
  const summary = (() => {
    if (!progress?.finished || !progress.results) return null;
    const count = (status: string) => progress.results!.filter((r) => r.status === status).length;
    return `${count('imported')} imported, ${count('duplicate')} already here, ${count('skipped') + count('failed')} skipped`;
  })();

  return (
    <div className="import-control">
      {running ? (
        <>
          <span role="status" className="muted small">
            Importing {progress.done}/{progress.total}…
          </span>
          <button type="button" onClick={() => void holst.library.cancelImport({ jobId: job })}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void start()}>
          Import…
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
