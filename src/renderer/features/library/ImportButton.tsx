import { useTranslation } from 'react-i18next';
import { inElectron } from '../../bridge';
import { useFileImportStore } from '../../store/file-import-store';

/** Import files and folders through the desktop app's open dialog; FileImportStatus shows the run, as for a drop. */
export function ImportButton() {
  const { t } = useTranslation('library');
  const importPaths = useFileImportStore((s) => s.importPaths);
  if (!inElectron()) return null;
  return (
    <button type="button" onClick={() => void importPaths()}>
      {t('import.button')}
    </button>
  );
}
