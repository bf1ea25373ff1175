import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePopover } from '../../app/use-popover';
import { PauseIcon, QueueNavIcon } from '../../icons/queue';
import { useQueue } from '../../store/queue';
import { QueuePanel } from './QueuePanel';
import '../../styles/queue.css';

/** How long after the panel opens it asks for the queue again: after its first frames, not in them. */
const RELIST_AFTER_MS = 300;

/**
 * The main menu's Queue: a badge with how many jobs wait or run (none shown when none do; a pause
 * mark while the queue is paused), seen from every screen, opening the queue panel beside the menu.
 */
export function QueueButton() {
  const { t } = useTranslation('queue');
  const active = useQueue((s) => s.active);
  const paused = useQueue((s) => s.paused);
  const init = useQueue((s) => s.init);
  const { open, setOpen, button, popover, onKeyDown } = usePopover();
  const close = useCallback(() => setOpen(false), [setOpen]);

  useEffect(() => {
    void init();
  }, [init]);

  const label =
    active > 0 ? t(paused ? 'button.paused' : 'button.active', { jobs: active }) : paused ? t('button.pausedIdle') : t('button.label');

  return (
    <div className="queue-anchor">
      <button
        type="button"
        ref={button}
        className="nav-item queue-button"
        aria-label={label}
        aria-expanded={open}
        aria-haspopup="dialog"
        title={t('button.title')}
        onClick={() => {
          // Listed again once it shows (jobs of a conversation deleted meanwhile are gone from the
          // core); rows that did not change are not drawn again.
          if (!open) setTimeout(() => void useQueue.getState().load(), RELIST_AFTER_MS);
          setOpen(!open);
        }}
      >
        <QueueNavIcon />
        <span className="nav-label" aria-hidden="true">
          {t('button.label')}
        </span>
        {/* Read as "Queue 3", which the name begins with (axe's label-content-name-mismatch). */}{' '}
        {(active > 0 || paused) && (
          <span className={paused ? 'queue-count paused' : 'queue-count'} aria-hidden="true">
            {paused && <PauseIcon size={10} />}
            {active > 0 && active}
          </span>
        )}
      </button>
      {open && (
        <div ref={popover} className="queue-panel" role="dialog" aria-label={t('panel.title')} onKeyDown={onKeyDown}>
          <QueuePanel onClose={close} />
        </div>
      )}
    </div>
  );
}
