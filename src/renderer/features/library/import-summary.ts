import { i18n } from '../../i18n';
import type { FileImportRun } from '../../store/file-import-store';

type Head = 'imported' | 'stopped' | 'nothingAdded' | 'nothingNew';

const HEADS: Record<Head, () => string> = {
  imported: () => i18n.t('library:importSummary.imported'),
  stopped: () => i18n.t('library:importSummary.stopped'),
  nothingAdded: () => i18n.t('library:importSummary.nothingAdded'),
  nothingNew: () => i18n.t('library:importSummary.nothingNew'),
};
const ALONE: Record<Head, () => string> = {
  imported: () => i18n.t('library:importSummary.importedAlone'),
  stopped: () => i18n.t('library:importSummary.stoppedAlone'),
  nothingAdded: () => i18n.t('library:importSummary.nothingAddedAlone'),
  nothingNew: () => i18n.t('library:importSummary.nothingNewAlone'),
};

/**
 * What came of an import, in one short sentence: "Imported: 4 new pictures, 1 already in the
 * library, 1 file skipped." / "Nothing added: fake.png — not a picture." / "Import stopped: 3 new
 * pictures, 37 not imported."
 */
export function importSummary(run: Pick<FileImportRun, 'imported' | 'duplicates' | 'skipped' | 'cancelled' | 'total' | 'done'>): string {
  const { imported, duplicates, skipped, cancelled } = run;
  const left = cancelled ? Math.max(0, run.total - run.done) : 0;
  const only = skipped.length === 1 && imported === 0 && duplicates === 0 ? skipped[0] : undefined;
  const parts = only
    ? [i18n.t('library:importSummary.skippedFile', { name: only.name, reason: only.reason })]
    : [
        imported > 0 ? i18n.t('library:importSummary.new', { count: imported }) : null,
        duplicates > 0 ? i18n.t('library:importSummary.duplicates', { count: duplicates }) : null,
        skipped.length > 0 ? i18n.t('library:importSummary.skipped', { count: skipped.length }) : null,
        left > 0 ? i18n.t('library:importSummary.notImported', { count: left }) : null,
      ].filter((part): part is string => part !== null);
  const head: Head = cancelled ? 'stopped' : imported > 0 ? 'imported' : skipped.length > 0 ? 'nothingAdded' : 'nothingNew';
  if (parts.length === 0) return ALONE[head]();
  return i18n.t('library:importSummary.sentence', { head: HEADS[head](), parts: parts.join(', ') });
}
