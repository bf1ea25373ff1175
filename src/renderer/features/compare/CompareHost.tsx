import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { CloseIcon } from '../library/icons';
import { useCompareStore, type ComparePair } from './compare-store';
import { CompareSlider } from './CompareSlider';
import '../../styles/compare.css';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** Shows the slider comparison that `openCompare` asked for, as a modal dialog. Mount it once. */
export function CompareHost() {
  const pair = useCompareStore((s) => s.pair);
  const close = useCompareStore((s) => s.close);
  return pair ? <CompareDialog key={`${pair.a}:${pair.b}`} pair={pair} onClose={close} /> : null;
}

function CompareDialog({ pair, onClose }: { pair: ComparePair; onClose(): void }) {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const [swapped, setSwapped] = useState(false);
  const shown = swapped ? { a: pair.b, b: pair.a, labelA: pair.labelB, labelB: pair.labelA } : pair;

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
      // Keep Tab inside the dialog.
      const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = focusable[0];
      const last = focusable.at(-1);
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
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
          <h2 id={titleId}>
            Compare {shown.labelA} and {shown.labelB}
          </h2>
          <button type="button" onClick={() => setSwapped(!swapped)} title="Put the other picture on the left">
            Swap sides
          </button>
          <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={onClose}>
            <CloseIcon />
          </button>
        </header>
        <CompareSlider key={String(swapped)} {...shown} />
        <p className="muted small compare-hint">Drag the line, or focus it and use ← → (Home and End for the edges).</p>
      </div>
    </div>
  );
}
