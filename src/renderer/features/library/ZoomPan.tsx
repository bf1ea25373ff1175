import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageRecord } from '../../../shared/library';
import { inElectron } from '../../bridge';
import { largeUrl, mediaUrl } from '../../bridge/media';
import { formatNumber } from '../../i18n/format';
import { startDragOut } from './FileActions';
import { imageLabel } from './format';
import { clampView, cssTransform, fitView, pannable, rescale, zoomTo, ZOOM_STEP, type Size, type View } from './viewer-zoom';
import { MinusIcon, PlusIcon } from '../../icons';

export interface ZoomHandle {
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  actualSize(): void;
}

type Gesture = { kind: 'pan'; x: number; y: number; from: View } | { kind: 'pinch'; distance: number; mid: Point; from: View } | null;
interface Point {
  x: number;
  y: number;
}

/**
 * The viewer's picture, zoomed and panned with CSS transforms on the <img> (pixels are never read:
 * in the desktop app pictures come from another origin). Wheel or trackpad pinch zooms around the
 * pointer, two fingers pinch, a drag pans once the picture is larger than the stage.
 */
export const ZoomPan = forwardRef<ZoomHandle, { image: ImageRecord; children?: ReactNode }>(function ZoomPan({ image, children }, ref) {
  const { t } = useTranslation('library');
  const stageRef = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState<Size>({ width: 0, height: 0 });
  /** Null while fitted: the picture re-fits as the stage changes size. */
  const [zoomed, setZoomed] = useState<View | null>(null);
  const [previewWidth, setPreviewWidth] = useState(0);
  const [useOriginal, setUseOriginal] = useState(!image.hasPreview);
  const [loaded, setLoaded] = useState(false);
  const [dragging, setDragging] = useState(false);
  const picture: Size = { width: Math.max(1, image.width), height: Math.max(1, image.height) };
  const fit = fitView(stage, picture);
  const view = zoomed ?? fit;
  const canPan = zoomed !== null && pannable(view, stage, picture);

  // Handlers attached outside React's render read the latest values from here.
  const latest = useRef({ view, stage, picture });
  latest.current = { view, stage, picture };
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<Gesture>(null);

  useLayoutEffect(() => {
    const element = stageRef.current;
    if (!element) return;
    const measure = () => setStage({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A zoomed view stays on the stage when the window changes size.
  useEffect(() => setZoomed((current) => current && clampView(current, stage, latest.current.picture)), [stage]);

  // Past the preview's resolution the original takes over (kept once loaded for this picture).
  useEffect(() => {
    if (useOriginal || previewWidth === 0) return;
    if (view.scale * picture.width * (window.devicePixelRatio || 1) > previewWidth * 1.05) setUseOriginal(true);
  }, [useOriginal, previewWidth, view.scale, picture.width]);

  const zoomBy = (factor: number, point?: Point) => {
    const { view: from, stage: size, picture: pic } = latest.current;
    setZoomed(zoomTo(from, factor, point?.x ?? size.width / 2, point?.y ?? size.height / 2, size, pic));
  };
  const actualSize = (point?: Point) => {
    const { view: from, stage: size, picture: pic } = latest.current;
    const next = clampView(rescale(from, 1, point?.x ?? size.width / 2, point?.y ?? size.height / 2), size, pic);
    setZoomed(Math.abs(fitView(size, pic).scale - 1) < 1e-6 ? null : next);
  };

  useImperativeHandle(ref, () => ({
    zoomIn: () => zoomBy(ZOOM_STEP),
    zoomOut: () => zoomBy(1 / ZOOM_STEP),
    fit: () => setZoomed(null),
    actualSize: () => actualSize(),
  }));

  const local = (clientX: number, clientY: number): Point => {
    const rect = stageRef.current!.getBoundingClientRect();
    return { x: clientX - rect.left, y: clientY - rect.top };
  };

  // Wheel and trackpad pinch (Chromium sends it as a wheel with ctrlKey); not passive, to keep the page still.
  useEffect(() => {
    const element = stageRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? latest.current.stage.height : 1;
      const amount = event.deltaY * unit * (event.ctrlKey ? 0.01 : 0.0015);
      zoomBy(Math.exp(-Math.max(-0.3, Math.min(0.3, amount))), local(event.clientX, event.clientY));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const startGesture = () => {
    const points = [...pointers.current.values()];
    const from = latest.current.view;
    if (points.length >= 2) {
      const [a, b] = points as [Point, Point];
      gesture.current = { kind: 'pinch', distance: Math.hypot(a.x - b.x, a.y - b.y) || 1, mid: middle(a, b), from };
    } else if (points.length === 1) gesture.current = { kind: 'pan', x: points[0]!.x, y: points[0]!.y, from };
    else gesture.current = null;
    setDragging(gesture.current?.kind === 'pan' && pannable(from, latest.current.stage, latest.current.picture));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('button')) return;
    // A mouse drags only a zoomed picture (at fit, the desktop app drags the file out instead).
    if (event.pointerType === 'mouse' && (event.button !== 0 || !canPan)) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, local(event.clientX, event.clientY));
    startGesture();
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!pointers.current.has(event.pointerId)) return;
    pointers.current.set(event.pointerId, local(event.clientX, event.clientY));
    const current = gesture.current;
    const { stage: size, picture: pic } = latest.current;
    if (current?.kind === 'pan') {
      const point = pointers.current.get(event.pointerId)!;
      if (!pannable(current.from, size, pic)) return;
      setZoomed(
        clampView({ ...current.from, x: current.from.x + point.x - current.x, y: current.from.y + point.y - current.y }, size, pic),
      );
    } else if (current?.kind === 'pinch') {
      const [a, b] = [...pointers.current.values()] as [Point, Point];
      const mid = middle(a, b);
      const next = zoomTo(current.from, Math.hypot(a.x - b.x, a.y - b.y) / current.distance, current.mid.x, current.mid.y, size, pic);
      setZoomed(next && clampView({ ...next, x: next.x + mid.x - current.mid.x, y: next.y + mid.y - current.mid.y }, size, pic));
    }
  };

  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    if (!pointers.current.delete(event.pointerId)) return;
    startGesture();
  };

  const percent = Math.round(view.scale * 100);
  const placed = { width: picture.width, height: picture.height, transform: cssTransform(view) };
  const label = imageLabel(image);

  return (
    <div
      ref={stageRef}
      className={['viewer-stage', canPan ? 'pannable' : '', dragging ? 'dragging' : ''].join(' ').trim()}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onDoubleClick={(event) => {
        if ((event.target as HTMLElement).closest('button, .zoom-bar')) return;
        if (zoomed === null) actualSize(local(event.clientX, event.clientY));
        else setZoomed(null);
      }}
    >
      {!loaded && <img className="viewer-placeholder" style={placed} src={mediaUrl('thumb', image.id)} alt="" aria-hidden="true" />}
      <img
        className="viewer-image"
        style={placed}
        src={useOriginal ? mediaUrl('original', image.id) : largeUrl(image)}
        alt={label}
        draggable={inElectron() && !canPan}
        onDragStart={canPan ? (event) => event.preventDefault() : startDragOut(image.id)}
        onLoad={(event) => {
          setLoaded(true);
          if (!useOriginal) setPreviewWidth(event.currentTarget.naturalWidth);
        }}
      />
      {children}
      <div className="zoom-bar" role="group" aria-label={t('zoom.label')}>
        <button
          type="button"
          className="zoom-button"
          aria-label={t('zoom.out')}
          title={t('zoom.outTitle')}
          onClick={() => zoomBy(1 / ZOOM_STEP)}
        >
          <MinusIcon />
        </button>
        <output className="zoom-percent" aria-label={t('zoom.level')}>
          {t('zoom.percent', { value: formatNumber(percent) })}
        </output>
        <button type="button" className="zoom-button" aria-label={t('zoom.in')} title={t('zoom.inTitle')} onClick={() => zoomBy(ZOOM_STEP)}>
          <PlusIcon />
        </button>
        <span className="zoom-divider" aria-hidden="true" />
        <button type="button" aria-pressed={zoomed === null} title={t('zoom.fitTitle')} onClick={() => setZoomed(null)}>
          {t('zoom.fit')}
        </button>
        <button
          type="button"
          aria-pressed={percent === 100}
          aria-label={t('zoom.actual')}
          title={t('zoom.actualTitle')}
          onClick={() => actualSize()}
        >
          {t('zoom.actualShort')}
        </button>
      </div>
    </div>
  );
});

const middle = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
