import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageRecord } from '../../../shared/library';
import { largeUrl, mediaUrl } from '../../bridge/media';
import { union, type MaskCoverage, type Rect } from './coverage';
import { paintOverlay } from './overlay';
import { toSourcePoint, zoomAt, type Size, type View } from './view';

export type Tool = 'brush' | 'eraser';

interface MaskStageProps {
  source: ImageRecord;
  coverage: RefObject<MaskCoverage>;
  canvas: RefObject<HTMLCanvasElement | null>;
  tool: Tool;
  /** Brush diameter in source pixels. */
  size: number;
  /** How strongly the marked area is tinted, 0–1. */
  opacity: number;
  view: View | null;
  minScale: number;
  /** Space is held: a drag pans instead of painting. */
  panMode: boolean;
  label: string;
  describedBy: string;
  onView(view: View): void;
  onStageSize(size: Size): void;
  onPointerOver(over: boolean): void;
  /** A stroke ended (it may have changed the mask). */
  onStroke(): void;
}

type Drag =
  | { kind: 'paint'; pointerId: number; last: { x: number; y: number; r: number } }
  | { kind: 'pan'; pointerId: number; startX: number; startY: number; from: View };

/** Pen pressure scales the brush; mouse and touch paint at full size. */
function radiusFor(event: PointerEvent, size: number): number {
  const pressure = event.pointerType === 'pen' && event.pressure > 0 ? Math.max(0.15, event.pressure) : 1;
  return (size / 2) * pressure;
}

/**
 * The picture large, with the mask's overlay canvas (exactly the source's pixel size, scaled by CSS)
 * on top, a brush ring under the pointer, and the pointer doing the painting, zooming and panning.
 * The picture is an <img> and is never drawn into a canvas.
 */
export function MaskStage(props: MaskStageProps) {
  const { source, coverage, canvas, tool, size, opacity, view, minScale, panMode, label, describedBy } = props;
  const { t } = useTranslation('mask');
  const stage = useRef<HTMLDivElement>(null);
  const ring = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const pending = useRef<Rect | null>(null);
  const frame = useRef(0);
  const [dragging, setDragging] = useState<Drag['kind'] | null>(null);
  const [loaded, setLoaded] = useState(false);
  const shown = view !== null;
  const latest = useRef({ view, minScale, props });
  useEffect(() => {
    latest.current = { view, minScale, props };
  });

  // The stage's size, for fitting the picture.
  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    const observer = new ResizeObserver(() =>
      latest.current.props.onStageSize({ width: element.clientWidth, height: element.clientHeight }),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The wheel zooms around the pointer; a passive listener could not stop the page from scrolling.
  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const current = latest.current.view;
      if (!current) return;
      const box = element.getBoundingClientRect();
      const delta = event.deltaMode === 1 ? event.deltaY * 33 : event.deltaY;
      latest.current.props.onView(
        zoomAt(current, Math.exp(-delta * 0.0015), event.clientX - box.left, event.clientY - box.top, latest.current.minScale),
      );
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // The overlay canvas appears once the stage is measured: show what is already marked on it.
  useEffect(() => {
    const context = shown ? canvas.current?.getContext('2d') : null;
    if (context) paintOverlay(context, coverage.current, coverage.current.full);
  }, [shown, canvas, coverage]);

  /** Shows the changed pixels at the next frame (many pointer events arrive per frame). */
  const repaint = (rect: Rect | null) => {
    if (!rect) return;
    pending.current = union(pending.current, rect);
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const context = canvas.current?.getContext('2d');
      if (context && pending.current) paintOverlay(context, coverage.current, pending.current);
      pending.current = null;
    });
  };

  const sourcePoint = (event: PointerEvent) => {
    const box = canvas.current!.getBoundingClientRect();
    return toSourcePoint(event.clientX, event.clientY, box, source);
  };

  const moveRing = (event: PointerEvent) => {
    const element = ring.current;
    const box = stage.current?.getBoundingClientRect();
    if (!element || !box || !view) return;
    const diameter = Math.max(4, radiusFor(event, size) * 2 * view.scale);
    element.style.width = `${diameter}px`;
    element.style.height = `${diameter}px`;
    element.style.translate = `${event.clientX - box.left - diameter / 2}px ${event.clientY - box.top - diameter / 2}px`;
    element.hidden = event.pointerType === 'touch';
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (drag.current || !view || !canvas.current) return;
    const native = event.nativeEvent;
    if (event.button === 1 || (event.button === 0 && panMode)) {
      event.preventDefault();
      drag.current = { kind: 'pan', pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, from: view };
    } else if (event.button === 0) {
      const point = sourcePoint(native);
      const r = radiusFor(native, size);
      coverage.current.begin(tool === 'brush' ? 1 : 0);
      repaint(coverage.current.line(point.x, point.y, r, point.x, point.y, r));
      drag.current = { kind: 'paint', pointerId: event.pointerId, last: { ...point, r } };
    } else {
      return;
    }
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragging(drag.current.kind);
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    moveRing(event.nativeEvent);
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    if (current.kind === 'pan') {
      props.onView({
        ...current.from,
        x: current.from.x + event.clientX - current.startX,
        y: current.from.y + event.clientY - current.startY,
      });
      return;
    }
    // Every sample since the last event, so a fast stroke stays smooth.
    const samples = event.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const sample of samples.length > 0 ? samples : [event.nativeEvent]) {
      const point = sourcePoint(sample);
      const r = radiusFor(sample, size);
      repaint(coverage.current.line(current.last.x, current.last.y, current.last.r, point.x, point.y, r));
      current.last = { ...point, r };
    }
  };

  const endDrag = (event: ReactPointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    drag.current = null;
    setDragging(null);
    if (current.kind === 'paint') {
      coverage.current.end();
      props.onStroke();
    }
  };

  const classes = [
    'mask-stage',
    panMode || dragging === 'pan' ? 'is-panning' : '',
    dragging === 'pan' ? 'is-dragging' : '',
    `tool-${tool}`,
  ];
  return (
    <div
      ref={stage}
      className={classes.filter(Boolean).join(' ')}
      tabIndex={0}
      role="application"
      aria-roledescription={t('painter.stageRole')}
      aria-label={label}
      aria-describedby={describedBy}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onPointerEnter={() => props.onPointerOver(true)}
      onPointerLeave={(event) => {
        props.onPointerOver(false);
        if (ring.current && !drag.current && event.pointerType !== 'touch') ring.current.hidden = true;
      }}
      onAuxClick={(event) => event.preventDefault()}
      onContextMenu={(event) => drag.current && event.preventDefault()}
    >
      {view && (
        <div
          className="mask-world"
          style={{ width: source.width, height: source.height, transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
        >
          {!loaded && <img className="mask-picture" src={mediaUrl('thumb', source.id)} alt="" aria-hidden="true" draggable={false} />}
          <img className="mask-picture" src={largeUrl(source)} alt="" draggable={false} onLoad={() => setLoaded(true)} />
          <canvas
            ref={canvas}
            className={view.scale >= 2 ? 'mask-overlay pixelated' : 'mask-overlay'}
            width={source.width}
            height={source.height}
            style={{ opacity }}
          />
        </div>
      )}
      <div ref={ring} className={`mask-ring mask-ring-${tool}`} hidden aria-hidden="true" />
    </div>
  );
}
