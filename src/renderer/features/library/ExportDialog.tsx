import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportProgress, Selection } from '../../../shared/library';
import { holst, unwrap } from '../../bridge';
import { coreText } from '../../i18n/core-text';
import { errorText } from '../../i18n/errors';
import { followJob, type FollowedJob } from '../../lib/follow-job';
import { useAppStore } from '../../store/app-store';
import { useModalDialog } from '../../app/modal-dialog';
import { CloseIcon } from '../../icons';

type Format = 'folder' | 'zip';

/**
 * Exports the selection to a folder or a ZIP, with readable names and the prompt kept in each
 * file. The desktop app asks where with its own dialog (Choose…); the browser harness has no
 * dialog, so the path is typed. Progress comes as `library.exportProgress` (followed by lib/follow-job),
 * with Cancel.
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

  /** The export started last; the dialog stops following it when it goes (the export goes on). */
  const job = useRef<FollowedJob<ExportProgress> | null>(null);
  useEffect(() => () => job.current?.unfollow(), []);

  const running = jobId !== null && !progress?.finished;
  const start = async () => {
    setError(null);
    setProgress(null);
    setJobId(null);
    job.current?.unfollow();
    const to = typed ? path.trim() : undefined;
    const following = followJob(
      holst,
      'library.exportProgress',
      () => unwrap(holst.library.exportMany({ selection, format, ...(to ? { to } : {}), ...(overwrite ? { overwrite } : {}) })),
      { started: setJobId, progress: setProgress },
    );
    job.current = following;
    try {
      // Null: the user closed the desktop's folder dialog without choosing.
      const final = await following.result;
      if (final) setProgress(final);
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
                    <li key={failure.id}>
                      {t('bulkExport.failure', { id: failure.id, reason: coreText({ ...failure, message: failure.reason }) })}
                    </li>
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
            <button type="button" onClick={() => void job.current?.cancel().catch((failure: unknown) => setError(errorText(failure)))}>
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
