import { useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaUrl } from '../../bridge/media';
import { formatNumber } from '../../i18n/format';

interface CompareSliderProps {
  a: number;
  b: number;
  labelA: string;
  labelB: string;
}

const STEP = 5;
const clamp = (value: number) => Math.min(100, Math.max(0, value));
const asPercent = (value: number) => formatNumber(value / 100, { style: 'percent' });

/**
 * Two pictures stacked, A over B, with a divider to drag: A shows left of it, B right. Pure CSS
 * (clip-path on the upper <img>): no canvas, so no pixels are read, which the desktop app's
 * cross-origin holst-media: images would refuse.
 */
export function CompareSlider({ a, b, labelA, labelB }: CompareSliderProps) {
  const { t } = useTranslation('compare');
  const [split, setSplit] = useState(50);
  const stage = useRef<HTMLDivElement>(null);
  const handle = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  const follow = (clientX: number) => {
    const box = stage.current?.getBoundingClientRect();
    if (box && box.width > 0) setSplit(clamp(((clientX - box.left) / box.width) * 100));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    dragging.current = true;
    follow(event.clientX);
    handle.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next: Record<string, number> = {
      ArrowLeft: split - STEP,
      ArrowDown: split - STEP,
      ArrowRight: split + STEP,
      ArrowUp: split + STEP,
      PageDown: split - 25,
      PageUp: split + 25,
      Home: 0,
      End: 100,
    };
    const value = next[event.key];
    if (value === undefined) return;
    event.preventDefault();
    setSplit(clamp(Math.round(value)));
  };

  const percent = Math.round(split);
  return (
    <div
      className="compare-slider"
      ref={stage}
      style={{ '--split': `${split}%` } as CSSProperties}
      onPointerDown={onPointerDown}
      onPointerMove={(event) => dragging.current && follow(event.clientX)}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
    >
      <img className="compare-image" src={mediaUrl('preview', b)} alt={labelB} draggable={false} />
      <img className="compare-image compare-image-a" src={mediaUrl('preview', a)} alt={labelA} draggable={false} />
      <span className="compare-label compare-label-a" aria-hidden="true">
        {t('slider.labelA', { label: labelA })}
      </span>
      <span className="compare-label compare-label-b" aria-hidden="true">
        {t('slider.labelB', { label: labelB })}
      </span>
      <div
        ref={handle}
        className="compare-divider"
        role="slider"
        tabIndex={0}
        aria-label={t('slider.divider', { a: labelA, b: labelB })}
        aria-orientation="horizontal"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('slider.value', { percentA: asPercent(percent), a: labelA, percentB: asPercent(100 - percent), b: labelB })}
        onKeyDown={onKeyDown}
      >
        <span className="compare-grip" aria-hidden="true">
          <svg
            width="18"
            height="18"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth={2.2}
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="m9 7-5 5 5 5M15 7l5 5-5 5" />
          </svg>
        </span>
      </div>
    </div>
  );
}
