import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { isMac } from './keys';
import type { Tool } from './MaskStage';
import { BrushIcon, EraserIcon, FitIcon, InvertIcon, RedoIcon, TrashIcon, UndoIcon, ZoomInIcon, ZoomOutIcon } from '../../icons';

interface MaskToolbarProps {
  tool: Tool;
  onTool(tool: Tool): void;
  size: number;
  maxSize: number;
  onSize(size: number): void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  marked: boolean;
  onInvert(): void;
  onClear(): void;
  opacity: number;
  onOpacity(opacity: number): void;
  scale: number | null;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
  onActualSize(): void;
}

/** The painter's tools: brush and eraser, size, undo, invert and clear, tint, zoom. */
export function MaskToolbar(props: MaskToolbarProps) {
  const { t } = useTranslation('mask');
  const ids = { size: useId(), opacity: useId() };
  const mod = t(isMac ? 'keys.cmd' : 'keys.ctrl');
  const tool = (value: Tool, name: string, key: string, icon: ReactNode) => (
    <button
      type="button"
      className="mask-tool"
      aria-pressed={props.tool === value}
      aria-label={name}
      title={t('toolbar.toolHint', { name, key })}
      onClick={() => props.onTool(value)}
    >
      {icon}
    </button>
  );
  const action = (name: string, hint: string, icon: ReactNode, onClick: () => void, enabled = true) => (
    <button type="button" className="mask-tool" aria-label={name} title={hint} onClick={onClick} disabled={!enabled}>
      {icon}
    </button>
  );

  return (
    <div className="mask-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="mask-group mask-segmented">
        {tool('brush', t('toolbar.brush'), 'B', <BrushIcon />)}
        {tool('eraser', t('toolbar.eraser'), 'E', <EraserIcon />)}
      </div>

      <div className="mask-group">
        <label htmlFor={ids.size} className="mask-label">
          {t('toolbar.size')}
        </label>
        <input
          id={ids.size}
          type="range"
          className="mask-slider"
          min={1}
          max={props.maxSize}
          step={1}
          value={props.size}
          title={t('toolbar.sizeHint')}
          aria-valuetext={t('toolbar.sizeValue', { count: props.size })}
          onChange={(event) => props.onSize(Number(event.target.value))}
        />
        <output htmlFor={ids.size} className="mask-value" aria-hidden="true">
          {props.size}
        </output>
      </div>

      <div className="mask-group">
        {action(t('toolbar.undo'), t('toolbar.undoHint', { mod }), <UndoIcon />, props.onUndo, props.canUndo)}
        {action(t('toolbar.redo'), t('toolbar.redoHint', { mod }), <RedoIcon />, props.onRedo, props.canRedo)}
      </div>

      <div className="mask-group">
        {action(t('toolbar.invert'), t('toolbar.invertHint'), <InvertIcon />, props.onInvert)}
        {action(t('toolbar.clear'), t('toolbar.clearHint'), <TrashIcon size={18} strokeWidth={1.9} />, props.onClear, props.marked)}
      </div>

      <div className="mask-group">
        <label htmlFor={ids.opacity} className="mask-label">
          {t('toolbar.tint')}
        </label>
        <input
          id={ids.opacity}
          type="range"
          className="mask-slider mask-slider-short"
          min={10}
          max={100}
          step={5}
          value={Math.round(props.opacity * 100)}
          title={t('toolbar.tintHint')}
          aria-valuetext={formatNumber(Math.round(props.opacity * 100) / 100, { style: 'percent' })}
          onChange={(event) => props.onOpacity(Number(event.target.value) / 100)}
        />
      </div>

      <div className="mask-group">
        {action(t('toolbar.zoomOut'), t('toolbar.zoomOutHint'), <ZoomOutIcon />, props.onZoomOut)}
        <span className="mask-zoom" title={t('toolbar.zoom')}>
          {props.scale === null ? '–' : formatNumber(Math.round(props.scale * 100) / 100, { style: 'percent', useGrouping: false })}
        </span>
        {action(t('toolbar.zoomIn'), t('toolbar.zoomInHint'), <ZoomInIcon />, props.onZoomIn)}
        {action(t('toolbar.fit'), t('toolbar.fitHint'), <FitIcon />, props.onFit)}
        <button
          type="button"
          className="mask-tool mask-tool-text"
          aria-label={t('toolbar.actualSize')}
          title={t('toolbar.actualSizeHint')}
          onClick={props.onActualSize}
        >
          1:1
        </button>
      </div>
    </div>
  );
}
