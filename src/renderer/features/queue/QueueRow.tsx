import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueJob } from '../../../shared/queue';
import { formatElapsedSeconds } from '../../i18n/format';
import { coreText } from '../../i18n/core-text';
import { errorText } from '../../i18n/errors';
import { RetryIcon } from '../../icons';
import { ArrowIcon } from '../../icons/queue';
import { useThread } from '../../store/chat';
import { useProviderName } from '../../store/providers-store';

export type RowState = QueueJob['state'] | 'waiting';

interface QueueRowProps {
  job: QueueJob;
  /** Its state as the panel says it: `waiting` for a job held by the answer above. */
  state: RowState;
  /** The panel's clock (ms) for a job still waiting or running; 0 for an ended one, whose time is fixed. */
  now: number;
  /** Its place among the waiting jobs: whether it can go up or down. */
  canMoveUp: boolean;
  canMoveDown: boolean;
  onOpen(job: QueueJob): void;
  onCancel(job: QueueJob): void;
  onMove(job: QueueJob, direction: 'up' | 'down'): void;
  onRetry(job: QueueJob): void;
}

/** How long it has waited (queued), run (running) or took (ended). */
function elapsedMs(job: QueueJob, now: number): number {
  if (job.state === 'queued') return now - job.createdAt;
  const from = job.startedAt ?? job.createdAt;
  return (job.finishedAt ?? now) - from;
}

const RETRYABLE = new Set<QueueJob['state']>(['failed', 'cancelled', 'interrupted']);

/**
 * One job: its provider and model, its prompt on one line, where it stands (with the provider's
 * progress line while it runs) and its time; the row opens its conversation, and its actions are
 * the ones its state allows.
 */
function QueueRowView({ job, state, now, canMoveUp, canMoveDown, onOpen, onCancel, onMove, onRetry }: QueueRowProps) {
  const { t } = useTranslation('queue');
  const provider = useProviderName(job.provider) ?? job.provider;
  // Only a running job's progress line; the selector answers null at once for the others.
  const progress = useThread((s) => (job.state === 'running' ? (s.live[job.generationId]?.progress ?? null) : null));
  const prompt = job.prompt.replace(/\s+/g, ' ').trim() || t('untitled');
  const seconds = Math.max(0, Math.floor(elapsedMs(job, now) / 1000));
  const detail = job.state === 'failed' && job.error ? errorText(job.error) : progress ? coreText(progress) : null;

  return (
    <li className={`queue-row state-${state}`}>
      <button type="button" className="queue-row-open" title={t('panel.openTitle')} onClick={() => onOpen(job)}>
        <span className="queue-row-provider">{[provider, job.model].filter(Boolean).join(' · ')}</span>
        <span className="queue-row-prompt">{prompt}</span>
        <span className="queue-row-state">
          <span className={`queue-state queue-state-${state}`}>{t(`state.${state}`)}</span>
          <span className="queue-row-time">{formatElapsedSeconds(seconds)}</span>
          {detail && <span className="queue-row-detail">{detail}</span>}
        </span>
      </button>
      <span className="queue-row-actions">
        {job.state === 'queued' && (
          <>
            <button
              type="button"
              className="queue-icon-button"
              disabled={!canMoveUp}
              aria-label={t('action.upLabel', { prompt })}
              title={t('action.up')}
              onClick={() => onMove(job, 'up')}
            >
              <ArrowIcon direction="up" />
            </button>
            <button
              type="button"
              className="queue-icon-button"
              disabled={!canMoveDown}
              aria-label={t('action.downLabel', { prompt })}
              title={t('action.down')}
              onClick={() => onMove(job, 'down')}
            >
              <ArrowIcon direction="down" />
            </button>
          </>
        )}
        {(job.state === 'queued' || job.state === 'running') && (
          <button type="button" className="queue-action" aria-label={t('action.cancelLabel', { prompt })} onClick={() => onCancel(job)}>
            {t('action.cancel')}
          </button>
        )}
        {RETRYABLE.has(job.state) && (
          <button type="button" className="queue-action" aria-label={t('action.retryLabel', { prompt })} onClick={() => onRetry(job)}>
            <RetryIcon />
            {t('action.retry')}
          </button>
        )}
      </span>
    </li>
  );
}

/** Memoized: the panel's clock ticks every second, and only rows still waiting or running take it. */
export const QueueRow = memo(QueueRowView);
