import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { trapTab } from '../../app/modal-dialog';
import { useCompareStore, type ComparePair } from './compare-store';
import { CompareSlider } from './CompareSlider';
import '../../styles/compare.css';
import { CloseIcon } from '../../icons';

/** Shows the slider comparison that `openCompare` asked for, as a modal dialog. Mount it once. */
export function CompareHost() {
  const pair = useCompareStore((s) => s.pair);
  const close = useCompareStore((s) => s.close);
  return pair ? <CompareDialog key={`${pair.a}:${pair.b}`} pair={pair} onClose={close} /> : null;
}

function CompareDialog({ pair, onClose }: { pair: ComparePair; onClose(): void }) {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const { t } = useTranslation(['compare', 'common']);
  const [swapped, setSwapped] = useState(false);
  const named = {
    a: pair.a,
    b: pair.b,
    labelA: pair.labelA ?? t('common:imageN', { id: pair.a }),
    labelB: pair.labelB ?? t('common:imageN', { id: pair.b }),
  };
  const shown = swapped ? { a: named.b, b: named.a, labelA: named.labelB, labelB: named.labelA } : named;

  // The divider takes focus so the arrow keys work at once; focus goes back where it was on close.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.querySelector<HTMLElement>('[role="slider"]')?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab' && dialog.current) {
      trapTab(event, dialog.current);
    }
  };

  return (
    <div
      className="compare-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="compare-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={dialog} onKeyDown={onKeyDown}>
        <header className="compare-header">
          <h2 id={titleId}>{t('dialog.title', { a: shown.labelA, b: shown.labelB })}</h2>
          <button type="button" onClick={() => setSwapped(!swapped)} title={t('dialog.swapHint')}>
            {t('dialog.swap')}
          </button>
          <button type="button" className="icon-button" aria-label={t('common:close')} title={t('dialog.closeHint')} onClick={onClose}>
            <CloseIcon />
          </button>
        </header>
        <CompareSlider key={String(swapped)} {...shown} />
        <p className="muted small compare-hint">{t('dialog.hint')}</p>
      </div>
    </div>
  );
}
