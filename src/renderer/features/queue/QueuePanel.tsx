import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueJob } from '../../../shared/queue';
import { PauseIcon, PlayIcon } from '../../icons/queue';
import { useAppStore } from '../../store/app-store';
import { useThread } from '../../store/chat';
import { useQueue } from '../../store/queue';
import { isOpen, waitsForAnswerAbove, type QueueJobs } from '../../store/queue/jobs';
import { QueueRow, type RowState } from './QueueRow';

/** Rows drawn when the panel opens (it opens at once with a thousand jobs in the history); Show more draws more. */
export const FIRST_ROWS = 40;
const MORE_ROWS = 100;

/** The panel's one clock: a tick a second while it is open and some job waits or runs; none otherwise. */
function usePanelClock(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

/** Up and Down go from row to row (Tab goes through each row's actions too). */
function moveFocus(event: KeyboardEvent<HTMLUListElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const rows = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.queue-row-open')];
  const at = rows.findIndex((row) => row.parentElement?.contains(document.activeElement));
  const next = rows[event.key === 'ArrowDown' ? Math.min(rows.length - 1, at + 1) : Math.max(0, at - 1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/** What the panel shows (the queue store's state) and what its controls do. */
export interface QueuePanelViewProps extends QueueJobs {
  paused: boolean;
  moreHistory: boolean;
  error: string | null;
  onOpen(job: QueueJob): void;
  onCancel(job: QueueJob): void;
  onMove(job: QueueJob, direction: 'up' | 'down'): void;
  onRetry(job: QueueJob): void;
  onPause(paused: boolean): void;
  /** More ended jobs are wanted than the store holds. */
  onMoreHistory(): void;
}

/** The queue panel on the queue store: a job opens its conversation, Run again is the answer's own retry. */
export function QueuePanel({ onClose }: { onClose(): void }) {
  const { byId, order, active, paused, moreHistory, error } = useQueue();
  const onOpen = useCallback(
    (job: QueueJob) => {
      onClose();
      useAppStore.getState().go('chat');
      const thread = useThread.getState();
      if (thread.currentId !== job.conversationId) void thread.select(job.conversationId);
    },
    [onClose],
  );
  const onCancel = useCallback((job: QueueJob) => void useQueue.getState().cancel(job.generationId), []);
  const onMove = useCallback((job: QueueJob, direction: 'up' | 'down') => void useQueue.getState().move(job.generationId, direction), []);
  // The same path as the answer's own Run again: a new version of that prompt's answer.
  const onRetry = useCallback((job: QueueJob) => void useThread.getState().retry(job.userMessageId), []);
  return (
    <QueuePanelView
      {...{ byId, order, active, paused, moreHistory, error, onOpen, onCancel, onMove, onRetry }}
      onPause={(pause) => void useQueue.getState().setPaused(pause)}
      onMoreHistory={() => void useQueue.getState().showMore()}
    />
  );
}

/**
 * The queue panel: Pause/Resume for the whole queue, then every job, waiting and running ones in
 * queue order and the ended ones after them, newest first.
 */
export function QueuePanelView(props: QueuePanelViewProps) {
  const { byId, order, active, paused, moreHistory, error, onOpen, onCancel, onMove, onRetry, onPause, onMoreHistory } = props;
  const { t } = useTranslation('queue');
  const [shown, setShown] = useState(FIRST_ROWS);
  const now = usePanelClock(active > 0);

  const rows = useMemo(() => {
    const jobs = { byId, order, active };
    const waitingIds = order.filter((id) => byId[id]!.state === 'queued');
    return order.slice(0, shown).map((id) => {
      const job = byId[id]!;
      const state: RowState = waitsForAnswerAbove(jobs, job) ? 'waiting' : job.state;
      const place = job.state === 'queued' ? waitingIds.indexOf(id) : -1;
      return { job, state, canMoveUp: place > 0, canMoveDown: place >= 0 && place < waitingIds.length - 1 };
    });
  }, [byId, order, active, shown]);
  const running = order.filter((id) => byId[id]!.state === 'running').length;

  const showMore = () => {
    setShown(shown + MORE_ROWS);
    if (shown + MORE_ROWS > order.length && moreHistory) onMoreHistory();
  };

  return (
    <>
      <header className="queue-panel-header">
        <h2>{t('panel.title')}</h2>
        <span className="muted small queue-panel-summary">
          {active > 0 ? t('panel.summary', { running, waiting: active - running }) : t('panel.idle')}
        </span>
        <button
          type="button"
          className={paused ? 'queue-pause paused' : 'queue-pause'}
          title={t(paused ? 'panel.resumeTitle' : 'panel.pauseTitle')}
          onClick={() => onPause(!paused)}
        >
          {paused ? <PlayIcon /> : <PauseIcon />}
          {t(paused ? 'panel.resume' : 'panel.pause')}
        </button>
      </header>
      {paused && <p className="queue-paused-note">{t('panel.paused')}</p>}
      {error && (
        <p role="alert" className="error small queue-error">
          {error}
        </p>
      )}
      {order.length === 0 ? (
        <p className="muted queue-empty">{t('panel.empty')}</p>
      ) : (
        <ul className="queue-list" aria-label={t('panel.list')} onKeyDown={moveFocus}>
          {rows.map(({ job, state, canMoveUp, canMoveDown }) => (
            <QueueRow
              key={job.generationId}
              job={job}
              state={state}
              now={isOpen(job.state) ? now : 0}
              canMoveUp={canMoveUp}
              canMoveDown={canMoveDown}
              onOpen={onOpen}
              onCancel={onCancel}
              onMove={onMove}
              onRetry={onRetry}
            />
          ))}
        </ul>
      )}
      {(shown < order.length || moreHistory) && (
        <div className="queue-more">
          <button type="button" className="link" onClick={showMore}>
            {t('panel.showMore')}
          </button>
        </div>
      )}
    </>
  );
}
