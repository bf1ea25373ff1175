import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportProgress, Selection } from '../../../shared/library';
import { holst, unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { useAppStore } from '../../store/app-store';
import { CloseIcon } from './icons';
import { useModalDialog } from '../../app/modal-dialog';

type Format = 'folder' | 'zip';

/**
 * Exports the selection to a folder or a ZIP, with readable names and the prompt kept in each
 * file. The desktop app asks where with its own dialog (Choose…); the browser harness has no
 * dialog, so the path is typed. Progress comes as `library.exportProgress`, with Cancel.
 */
export function ExportDialog({ selection, count, onClose }: { selection: Selection; count: number; onClose(): void }) {
  const { t } = useTranslation(['library', 'common']);
  const dialog = useRef<HTMLDivElement>(null);
  const onKeyDown = useModalDialog(dialog, onClose);
  const titleId = useId();
  const pathId = useId();
  const typed = useAppStore((s) => s.info?.shell) === 'browser';
  const [format, setFormat] = useState<Format>('folder');
  const [path, setPath] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Progress that arrived before the job's id did (the job starts before `exportMany` answers). */
  const early = useRef(new Map<string, ExportProgress>());

  /** The running job, read by the listener (subscribed once, so no event falls between two subscriptions). */
  const job = useRef<string | null>(null);
  useEffect(
    () =>
      holst.on('library.exportProgress', (event) => {
        if (job.current === null) early.current.set(event.jobId, event);
        else if (event.jobId === job.current) setProgress(event);
      }),
    [],
  );

  const running = jobId !== null && !progress?.finished;
  const start = async () => {
    setError(null);
    setProgress(null);
    job.current = null;
    try {
      const to = typed ? path.trim() : undefined;
      const { jobId: id } = await unwrap(
        holst.library.exportMany({ selection, format, ...(to ? { to } : {}), ...(overwrite ? { overwrite } : {}) }),
      );
      // No id: the user closed the desktop's folder dialog without choosing.
      if (id === null) return;
      job.current = id;
      setJobId(id);
      const seen = early.current.get(id);
      if (seen) setProgress(seen);
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  const finished = progress?.finished === true;
  const failures = progress?.failures ?? [];
  return (
    <div
      className="export-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && !running) onClose();
      }}
    >
      <div className="export-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={dialog} onKeyDown={onKeyDown}>
        <header>
          <h2 id={titleId}>{t('bulkExport.title', { count })}</h2>
          <button type="button" className="icon-button" aria-label={t('common:close')} onClick={onClose}>
            <CloseIcon />
          </button>
        </header>
        <fieldset disabled={running}>
          <legend>{t('bulkExport.format')}</legend>
          {(['folder', 'zip'] as const).map((value) => (
            <label key={value} className="export-choice">
              <input type="radio" name="export-format" checked={format === value} onChange={() => setFormat(value)} />
              {t(`bulkExport.${value}`)}
            </label>
          ))}
        </fieldset>
        {typed && (
          <div className="export-path">
            <label htmlFor={pathId}>{format === 'zip' ? t('bulkExport.zipPath') : t('bulkExport.folderPath')}</label>
            <input
              id={pathId}
              data-autofocus
              value={path}
              disabled={running}
              spellCheck={false}
              autoComplete="off"
              placeholder={format === 'zip' ? t('bulkExport.zipPlaceholder') : t('bulkExport.folderPlaceholder')}
              onChange={(event) => setPath(event.target.value)}
            />
          </div>
        )}
        <label className="export-choice">
          <input type="checkbox" checked={overwrite} disabled={running} onChange={(event) => setOverwrite(event.target.checked)} />
          {t('bulkExport.overwrite')}
        </label>

        {progress && (
          <div className="export-progress">
            <progress value={progress.done} max={Math.max(1, progress.total)} aria-label={t('bulkExport.progressLabel')} />
            <span className="muted" role="status">
              {finished ? '' : t('bulkExport.progress', { done: progress.done, total: progress.total })}
            </span>
          </div>
        )}
        {finished && (
          <div className="export-result" role="status">
            {progress.error ? (
              <p className="error">{errorText(progress.error)}</p>
            ) : progress.cancelled ? (
              <p>{t('bulkExport.cancelled', { done: progress.done, total: progress.total })}</p>
            ) : (
              <p>{t('bulkExport.done', { count: progress.done - failures.length, path: progress.path ?? '' })}</p>
            )}
            {failures.length > 0 && (
              <>
                <p className="error">{t('bulkExport.failures', { count: failures.length })}</p>
                <ul className="export-failures">
                  {failures.slice(0, 20).map((failure) => (
                    <li key={failure.id}>{t('bulkExport.failure', { id: failure.id, reason: failure.reason })}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}

        <div className="actions">
          {running ? (
            <button
              type="button"
              onClick={() => void unwrap(holst.library.cancelExport({ jobId })).catch((failure: unknown) => setError(errorText(failure)))}
            >
              {t('common:cancel')}
            </button>
          ) : (
            <>
              <button type="button" onClick={onClose}>
                {finished ? t('common:close') : t('common:cancel')}
              </button>
              <button type="button" className="primary" disabled={typed && !path.trim()} onClick={() => void start()}>
                {typed ? t('bulkExport.start') : t('bulkExport.choose')}
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
