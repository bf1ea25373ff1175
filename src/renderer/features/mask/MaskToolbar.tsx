import { useId, type ReactNode } from 'react';
import { mod } from './keys';
import type { Tool } from './MaskStage';
import { BrushIcon, ClearIcon, EraserIcon, FitIcon, InvertIcon, RedoIcon, UndoIcon, ZoomInIcon, ZoomOutIcon } from './icons';

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
  const ids = { size: useId(), opacity: useId() };
  const tool = (value: Tool, name: string, key: string, icon: ReactNode) => (
    <button
      type="button"
      className="mask-tool"
      aria-pressed={props.tool === value}
      aria-label={name}
      title={`${name} (${key})`}
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
    <div className="mask-toolbar" role="toolbar" aria-label="Mask tools">
      <div className="mask-group mask-segmented">
        {tool('brush', 'Brush', 'B', <BrushIcon />)}
        {tool('eraser', 'Eraser', 'E', <EraserIcon />)}
      </div>

      <div className="mask-group">
        <label htmlFor={ids.size} className="mask-label">
          Size
        </label>
        <input
          id={ids.size}
          type="range"
          className="mask-slider"
          min={1}
          max={props.maxSize}
          step={1}
          value={props.size}
          title="Brush size in image pixels ([ and ])"
          aria-valuetext={`${props.size} pixels`}
          onChange={(event) => props.onSize(Number(event.target.value))}
        />
        <output htmlFor={ids.size} className="mask-value" aria-hidden="true">
          {props.size}
        </output>
      </div>

      <div className="mask-group">
        {action('Undo', `Undo (${mod}+Z)`, <UndoIcon />, props.onUndo, props.canUndo)}
        {action('Redo', `Redo (${mod}+Shift+Z)`, <RedoIcon />, props.onRedo, props.canRedo)}
      </div>

      <div className="mask-group">
        {action('Invert', 'Invert: change everything except what is painted', <InvertIcon />, props.onInvert)}
        {action('Clear', 'Clear the mask', <ClearIcon />, props.onClear, props.marked)}
      </div>

      <div className="mask-group">
        <label htmlFor={ids.opacity} className="mask-label">
          Tint
        </label>
        <input
          id={ids.opacity}
          type="range"
          className="mask-slider mask-slider-short"
          min={10}
          max={100}
          step={5}
          value={Math.round(props.opacity * 100)}
          title="How strongly the painted area is tinted"
          aria-valuetext={`${Math.round(props.opacity * 100)}%`}
          onChange={(event) => props.onOpacity(Number(event.target.value) / 100)}
        />
      </div>

      <div className="mask-group">
        {action('Zoom out', 'Zoom out (−)', <ZoomOutIcon />, props.onZoomOut)}
        <span className="mask-zoom" title="Zoom">
          {props.scale === null ? '–' : `${Math.round(props.scale * 100)}%`}
        </span>
        {action('Zoom in', 'Zoom in (+)', <ZoomInIcon />, props.onZoomIn)}
        {action('Fit', 'Fit the picture in the window (0)', <FitIcon />, props.onFit)}
        <button
          type="button"
          className="mask-tool mask-tool-text"
          aria-label="Actual size"
          title="Actual size, 1:1 (1)"
          onClick={props.onActualSize}
        >
          1:1
        </button>
      </div>
    </div>
  );
}
