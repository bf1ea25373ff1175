import { useTranslation } from 'react-i18next';
import { ChevronIcon, CompareIcon } from '../../../icons';

export interface Versions {
  index: number;
  count: number;
  previous(): void;
  next(): void;
  /** Whether all versions are shown side by side. */
  comparing: boolean;
  toggleCompare(): void;
}

/** "Version 2 of 3" with previous / next, and Compare to see them all side by side. */
export function VersionsBar({ versions }: { versions: Versions }) {
  const { t } = useTranslation('chat');
  return (
    <div className="versions" role="group" aria-label={t('versions.label')}>
      <button
        type="button"
        className="icon-button"
        aria-label={t('versions.previous')}
        disabled={versions.index === 0}
        onClick={versions.previous}
      >
        <ChevronIcon direction="left" />
      </button>
      <span className="small muted" aria-live="polite">
        {t('versions.position', { n: versions.index + 1, total: versions.count })}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('versions.next')}
        disabled={versions.index === versions.count - 1}
        onClick={versions.next}
      >
        <ChevronIcon direction="right" />
      </button>
      <button
        type="button"
        className="link-button versions-compare-toggle"
        aria-pressed={versions.comparing}
        title={t(versions.comparing ? 'versions.back' : 'versions.compareTitle')}
        onClick={versions.toggleCompare}
      >
        <CompareIcon />
        {t('versions.compare')}
      </button>
    </div>
  );
}
