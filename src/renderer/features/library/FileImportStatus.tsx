import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useLibraryStore } from '../../store/library-store';

/** Progress of pictures dropped or pasted on the library, then what came of them. */
export function FileImportStatus() {
  const { t } = useTranslation(['library', 'common']);
  const { fileImport, cancel, dismiss } = useLibraryStore(
    useShallow((s) => ({ fileImport: s.fileImport, cancel: s.cancelFileImport, dismiss: s.dismissFileImport })),
  );
  if (!fileImport) return null;
  const { total, done, imported, problems, finished, cancelled } = fileImport;
  return (
    <div className={problems.length > 0 && finished ? 'file-import has-problems' : 'file-import'}>
      {!finished ? (
        <>
          <span role="status">{t('fileImport.progress', { current: Math.min(done + 1, total), total })}</span>
          <progress max={total} value={done} aria-label={t('fileImport.progressLabel')} />
          <button type="button" onClick={cancel}>
            {t('common:cancel')}
          </button>
        </>
      ) : (
        <>
          <span role="status">
            {cancelled ? t('fileImport.stopped', { imported, total }) : t('fileImport.done', { imported, count: total })}
          </span>
          <button type="button" className="link" onClick={dismiss}>
            {t('common:dismiss')}
          </button>
        </>
      )}
      {problems.length > 0 && (
        <ul className="file-import-problems" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
