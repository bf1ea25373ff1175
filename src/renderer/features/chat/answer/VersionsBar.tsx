import { ChevronIcon } from '../../library/icons';
import { CompareIcon } from './icons';

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
  return (
    <div className="versions" role="group" aria-label="Versions">
      <button
        type="button"
        className="icon-button"
        aria-label="Previous version"
        disabled={versions.index === 0}
        onClick={versions.previous}
      >
        <ChevronIcon direction="left" />
      </button>
      <span className="small muted" aria-live="polite">
        Version {versions.index + 1} of {versions.count}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label="Next version"
        disabled={versions.index === versions.count - 1}
        onClick={versions.next}
      >
        <ChevronIcon direction="right" />
      </button>
      <button
        type="button"
        className="link-button versions-compare-toggle"
        aria-pressed={versions.comparing}
        title={versions.comparing ? 'Back to one version' : 'Show every version side by side'}
        onClick={versions.toggleCompare}
      >
        <CompareIcon />
        Compare
      </button>
    </div>
  );
}
