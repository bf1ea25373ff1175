import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A small popover opened by a button: a click outside closes it, Esc closes it and gives the
 * focus back to its button, and its first button takes the focus when it opens.
 */
export function usePopover(focusKey: unknown = null) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      // A press on the button (or the icon in it) is the button's own toggle.
      if (!popover.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  useEffect(() => {
    if (open) popover.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open, focusKey]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };

  return { open, setOpen, button, popover, onKeyDown };
}
