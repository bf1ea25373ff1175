/** The painter's keyboard shortcuts, as commands. */
export type MaskCommand = 'undo' | 'redo' | 'smaller' | 'bigger' | 'brush' | 'eraser' | 'zoomIn' | 'zoomOut' | 'fit' | 'actualSize';

/** Whether the modifier is Cmd (named in hints by the catalogue's mask:keys.cmd, else mask:keys.ctrl). */
export const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'> & { code?: string };

/** Keys that type another letter on a non-Latin layout (Russian: B is И, [ is Х), by their place. */
const BY_CODE: Record<string, string> = { KeyB: 'b', KeyE: 'e', KeyY: 'y', KeyZ: 'z', BracketLeft: '[', BracketRight: ']' };

/** The key as on a Latin layout: the typed character, or for a non-Latin letter the key's place. */
function latinKey(event: Keys): string {
  if (event.key.length !== 1) return event.key;
  const key = event.key.toLowerCase();
  return /^\p{L}$/u.test(key) && !/^[a-z]$/.test(key) ? (BY_CODE[event.code ?? ''] ?? key) : key;
}

/** The command a key press asks for, or null. Ctrl/Cmd with 0, 1, + and − work too, as in image editors. */
export function commandFor(event: Keys): MaskCommand | null {
  if (event.altKey) return null;
  const modifier = isMac ? event.metaKey : event.ctrlKey;
  const key = latinKey(event);
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
