import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { inElectron } from '../../bridge';
import { useFileImportStore } from '../../store/file-import-store';

const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'].join(',');

/**
 * Import pictures: the desktop app's open dialog (files and folders), or in the browser the page's
 * own file picker; FileImportStatus shows the run, as for a drop. `label` names it where the
 * toolbar's "Import…" would read too short (the empty library's invitation).
 */
export function ImportButton({ label, className }: { label?: string; className?: string }) {
  const { t } = useTranslation('library');
  const importPaths = useFileImportStore((s) => s.importPaths);
  const importFiles = useFileImportStore((s) => s.importFiles);
  const picker = useRef<HTMLInputElement>(null);
  const desktop = inElectron();
  return (
    <>
      <button type="button" className={className} onClick={() => (desktop ? void importPaths() : picker.current?.click())}>
        {label ?? t('import.button')}
      </button>
      {!desktop && (
        <input
          ref={picker}
          type="file"
          multiple
          accept={PICTURE_TYPES}
          hidden
          aria-hidden="true"
          tabIndex={-1}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) void importFiles(files.map((file) => ({ file, path: file.name })));
          }}
        />
      )}
    </>
  );
}
