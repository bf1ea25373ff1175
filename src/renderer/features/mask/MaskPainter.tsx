import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ImageRecord, MaskRecord } from '../../../shared/library';
import { trapTab } from '../../app/modal-dialog';
import { holst, unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { formatNumber } from '../../i18n/format';
import { MaskCoverage, type Rect } from './coverage';
import { commandFor, isMac, stepSize, type MaskCommand } from './keys';
import { encodeMaskPng, loadMaskCoverage, rememberMask } from './mask-file';
import { MaskStage, type Tool } from './MaskStage';
import { MaskToolbar } from './MaskToolbar';
import { paintOverlay } from './overlay';
import { fitView, minScale, zoomAt, type Size, type View } from './view';
import '../../styles/mask.css';

interface MaskPainterProps {
  source: ImageRecord;
  /** A mask painted earlier over this source, to go on from. */
  initialMask?: MaskRecord | null;
  onCancel(): void;
  /** The mask was saved (beside the library's pictures). */
  onSave(mask: MaskRecord): void;
}

const ZOOM_STEP = 1.25;

/**
 * Paint the area of `source` a provider should change. The mask is kept at the source's exact pixel
 * size and saved in the format of src/shared/mask.ts; only the mask's own pixels are ever encoded.
 */
export function MaskPainter({ source, initialMask = null, onCancel, onSave }: MaskPainterProps) {
  const { t } = useTranslation(['mask', 'common']);
  const { width, height } = source;
  const ids = { title: useId(), help: useId() };
  const dialog = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [blank] = useState(() => new MaskCoverage(width, height));
  const coverage = useRef(blank);

  const maxSize = Math.max(16, Math.round(Math.max(width, height) / 4));
  const [tool, setTool] = useState<Tool>('brush');
  const [size, setSize] = useState(() => Math.max(1, Math.round(Math.max(width, height) / 12)));
  const [opacity, setOpacity] = useState(0.55);
  const [stage, setStage] = useState<Size | null>(null);
  /** The picture follows the window's size (fitted) until the user zooms or pans. */
  const [fitted, setFitted] = useState(true);
  const [chosenView, setChosenView] = useState<View | null>(null);
  const [panMode, setPanMode] = useState(false);
  const overStage = useRef(false);
  const [state, setState] = useState({ canUndo: false, canRedo: false, marked: 0 });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const refresh = useCallback(() => {
    const c = coverage.current;
    setState({ canUndo: c.canUndo, canRedo: c.canRedo, marked: c.count() });
  }, []);

  const show = useCallback((rect: Rect | null) => {
    const context = canvas.current?.getContext('2d');
    if (rect && context) paintOverlay(context, coverage.current, rect);
  }, []);

  // Focus moves in when the painter opens, and back to what had it when it closes (unless the
  // caller already sent it somewhere, such as the prompt box).
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    element?.querySelector<HTMLElement>('.mask-stage')?.focus({ preventScroll: true });
    return () => {
      const now = document.activeElement;
      const lost = !now || now === document.body || !now.isConnected || element?.contains(now);
      if (lost && opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);

  // Going on from an earlier mask.
  useEffect(() => {
    if (!initialMask) return;
    let stale = false;
    loadMaskCoverage(initialMask, width, height).then(
      (data) => {
        if (stale) return;
        coverage.current = new MaskCoverage(width, height, data);
        show(coverage.current.full);
        refresh();
      },
      (failure: unknown) => !stale && setNote(errorText(failure)),
    );
    return () => {
      stale = true;
    };
  }, [initialMask, width, height, show, refresh]);

  const view = fitted || !chosenView ? (stage ? fitView(stage, source) : null) : chosenView;
  const lowest = stage ? minScale(stage, source) : 0.01;
  const changeView = (next: View) => {
    setFitted(false);
    setChosenView(next);
  };
  const zoomBy = (factor: number) => view && stage && changeView(zoomAt(view, factor, stage.width / 2, stage.height / 2, lowest));

  const run = (command: MaskCommand) => {
    switch (command) {
      case 'undo':
        show(coverage.current.undo());
        return refresh();
      case 'redo':
        show(coverage.current.redo());
        return refresh();
      case 'smaller':
      case 'bigger':
        return setSize((s) => stepSize(s, command === 'bigger' ? 1 : -1, maxSize));
      case 'brush':
      case 'eraser':
        return setTool(command);
      case 'zoomIn':
        return zoomBy(ZOOM_STEP);
      case 'zoomOut':
        return zoomBy(1 / ZOOM_STEP);
      case 'fit':
        return setFitted(true);
      case 'actualSize':
        return view && zoomBy(1 / view.scale);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The painter is modal: nothing behind it (the viewer, the app's shortcuts) sees its keys.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!saving) onCancel();
      return;
    }
    if (event.key === 'Tab') {
      if (dialog.current) trapTab(event, dialog.current);
      return;
    }
    if (event.key === ' ' && (overStage.current || (event.target as HTMLElement).classList.contains('mask-stage'))) {
      // Space held over the picture pans (and must not press the focused button).
      event.preventDefault();
      setPanMode(true);
      return;
    }
    const command = commandFor(event.nativeEvent);
    if (!command) return;
    event.preventDefault();
    run(command);
  };

  const onKeyUp = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (event.key === ' ' && panMode) {
      event.preventDefault();
      setPanMode(false);
    }
  };

  useEffect(() => {
    const release = () => setPanMode(false);
    window.addEventListener('blur', release);
    return () => window.removeEventListener('blur', release);
  }, []);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const data = coverage.current.data;
      const base64 = await encodeMaskPng(data, width, height);
      const mask = await unwrap(holst.library.saveMask({ sourceId: source.id, base64 }));
      rememberMask(mask.id, data);
      onSave(mask);
    } catch (failure) {
      setError(errorText(failure));
      setSaving(false);
    }
  };

  const percent = state.marked === 0 ? 0 : Math.max(1, Math.round((state.marked / (width * height)) * 100));
  const name = source.originalName ?? t('common:imageN', { id: source.id });
  const mod = t(isMac ? 'keys.cmd' : 'keys.ctrl');

  return createPortal(
    <div className="mask-backdrop">
      <div
        ref={dialog}
        className="mask-painter"
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onKeyUp={onKeyUp}
      >
        <header className="mask-header">
          <div className="mask-heading">
            <h2 id={ids.title}>{t('painter.title')}</h2>
            <span className="mask-meta" title={name}>
              {name} · {width} × {height}
            </span>
          </div>
          <p className="mask-status" aria-live="polite">
            {state.marked === 0
              ? t('painter.statusEmpty')
              : t('painter.statusMarked', { percent: formatNumber(percent / 100, { style: 'percent' }) })}
          </p>
          <div className="mask-actions">
            <button type="button" onClick={onCancel} disabled={saving} title={t('painter.cancelHint')}>
              {t('common:cancel')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void save()}
              disabled={saving || state.marked === 0}
              title={state.marked === 0 ? t('painter.useHintEmpty') : t('painter.useHintReady')}
            >
              {saving ? t('painter.saving') : t('painter.use')}
            </button>
          </div>
        </header>

        <MaskStage
          source={source}
          coverage={coverage}
          canvas={canvas}
          tool={tool}
          size={size}
          opacity={opacity}
          view={view}
          minScale={lowest}
          panMode={panMode}
          label={t('painter.stageLabel', { name })}
          describedBy={ids.help}
          onView={changeView}
          onStageSize={setStage}
          onPointerOver={(over) => (overStage.current = over)}
          onStroke={refresh}
        />
        <p id={ids.help} className="visually-hidden">
          {t('painter.help', { mod })}
        </p>

        {(error || note) && (
          <p role="alert" className={error ? 'error mask-message' : 'warning mask-message'}>
            {error ?? note}
          </p>
        )}

        <MaskToolbar
          tool={tool}
          onTool={setTool}
          size={size}
          maxSize={maxSize}
          onSize={setSize}
          canUndo={state.canUndo}
          canRedo={state.canRedo}
          onUndo={() => run('undo')}
          onRedo={() => run('redo')}
          marked={state.marked > 0}
          onInvert={() => {
            show(coverage.current.invert());
            refresh();
          }}
          onClear={() => {
            show(coverage.current.clear());
            refresh();
          }}
          opacity={opacity}
          onOpacity={setOpacity}
          scale={view?.scale ?? null}
          onZoomIn={() => run('zoomIn')}
          onZoomOut={() => run('zoomOut')}
          onFit={() => run('fit')}
          onActualSize={() => run('actualSize')}
        />
      </div>
    </div>,
    document.body,
  );
}
