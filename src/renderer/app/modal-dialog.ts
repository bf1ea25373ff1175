import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog's keyboard: focus moves in when it opens and back to where it was when it closes,
 * Tab stays inside, Escape closes. Keys stop at the dialog, so a viewer beneath does not act on them.
 */
export function useModalDialog(dialog: RefObject<HTMLElement | null>, onClose: () => void): (event: KeyboardEvent) => void {
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    (element?.querySelector<HTMLElement>('[data-autofocus]') ?? element?.querySelector<HTMLElement>(FOCUSABLE) ?? element)?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, [dialog]);

  return (event) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab' && dialog.current) trapTab(event, dialog.current);
  };
}

/** Keeps Tab and Shift+Tab cycling inside `container`. */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  const focusable = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null);
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return event.preventDefault();
  const current = document.activeElement;
  if (event.shiftKey && (current === first || current === container || !container.contains(current))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (current === last || !container.contains(current))) {
    event.preventDefault();
    first.focus();
  }
}
