import { useShallow } from 'zustand/react/shallow';
import { useLibraryStore } from '../../store/library-store';

/** Progress of pictures dropped or pasted on the library, then what came of them. */
export function FileImportStatus() {
  const { fileImport, cancel, dismiss } = useLibraryStore(
    useShallow((s) => ({ fileImport: s.fileImport, cancel: s.cancelFileImport, dismiss: s.dismissFileImport })),
  );
  if (!fileImport) return null;
  const { total, done, imported, problems, finished, cancelled } = fileImport;
  return (
    <div className={problems.length > 0 && finished ? 'file-import has-problems' : 'file-import'}>
      {!finished ? (
        <>
          <span role="status">
            Importing {done + 1 > total ? total : done + 1} of {total}…
          </span>
          <progress max={total} value={done} aria-label="Import progress" />
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </>
      ) : (
        <>
          <span role="status">
            {cancelled
              ? `Import stopped: ${imported} of ${total} imported.`
              : `Imported ${imported} of ${total} picture${total === 1 ? '' : 's'}.`}
          </span>
          <button type="button" className="link" onClick={dismiss}>
            Dismiss
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
