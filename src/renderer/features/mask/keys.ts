/** The painter's keyboard shortcuts, as commands. */
export type MaskCommand = 'undo' | 'redo' | 'smaller' | 'bigger' | 'brush' | 'eraser' | 'zoomIn' | 'zoomOut' | 'fit' | 'actualSize';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
/** How the modifier key is named in hints. */
export const mod = isMac ? 'Cmd' : 'Ctrl';

type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** The command a key press asks for, or null. Ctrl/Cmd with 0, 1, + and − work too, as in image editors. */
export function commandFor(event: Keys): MaskCommand | null {
  if (event.altKey) return null;
  const modifier = isMac ? event.metaKey : event.ctrlKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (modifier && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (event.ctrlKey && key === 'y' && !event.shiftKey) return 'redo';
  if (event.ctrlKey || event.metaKey) {
    if (!modifier) return null;
    return zoomKey(key);
  }
  if (key === '[') return 'smaller';
  if (key === ']') return 'bigger';
  if (key === 'b') return 'brush';
  if (key === 'e') return 'eraser';
  return zoomKey(key);
}

function zoomKey(key: string): MaskCommand | null {
  if (key === '+' || key === '=') return 'zoomIn';
  if (key === '-' || key === '_' || key === '−') return 'zoomOut';
  if (key === '0') return 'fit';
  if (key === '1') return 'actualSize';
  return null;
}

/** The next brush size for [ and ]: about a sixth smaller or larger, at least one pixel of change. */
export function stepSize(size: number, direction: -1 | 1, max: number): number {
  const next = direction > 0 ? Math.max(size + 1, Math.round(size * 1.2)) : Math.min(size - 1, Math.round(size / 1.2));
  return Math.min(max, Math.max(1, next));
}
