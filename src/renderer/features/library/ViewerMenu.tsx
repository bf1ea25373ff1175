import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MoreIcon } from '../../icons';

export interface ViewerMenuItem {
  /** Unique within the menu. */
  id: string;
  label: string;
  icon: ReactNode;
  run(): void;
  danger?: boolean;
  disabled?: boolean;
  /** A line above it: set the destructive item apart from the rest. */
  separated?: boolean;
}

const enabledItems = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];

/**
 * The viewer's "…" button and the less frequent actions behind it. Enter, Space or ↓ open it on
 * the first item (↑ on the last); ↑ ↓ Home End move; Esc closes it and gives the focus back to the
 * button; a click elsewhere or Tab closes it. Keys pressed in it never reach the viewer's shortcuts.
 */
export function ViewerMoreMenu({ items }: { items: ViewerMenuItem[] }) {
  const { t } = useTranslation('library');
  const [open, setOpen] = useState<'first' | 'last' | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const entries = enabledItems(menu.current);
    (open === 'last' ? entries.at(-1) : entries[0])?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(null);
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [open]);

  const close = () => {
    setOpen(null);
    button.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
    else if (event.key === 'Escape' && open) setOpen(null);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Tab') {
      // The focus goes on from the button, as if the menu had not been there.
      close();
      return;
    }
    // Enter and Space press the focused item as a button; nothing else here is a viewer shortcut.
    event.stopPropagation();
    const entries = enabledItems(menu.current);
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => entries[(to + entries.length) % entries.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at < 0 ? -1 : at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(entries.length - 1);
    else if (event.key === 'Escape') close();
    else return;
    event.preventDefault();
  };

  return (
    <span className="viewer-more">
      <button
        type="button"
        ref={button}
        className="viewer-tool"
        aria-label={t('viewer.more')}
        title={t('viewer.more')}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(open ? null : 'first')}
        onKeyDown={onButtonKeyDown}
      >
        <MoreIcon />
      </button>
      {open && (
        <div id={menuId} ref={menu} className="viewer-menu" role="menu" aria-label={t('viewer.more')} onKeyDown={onMenuKeyDown}>
          {items.map((item) => (
            <Fragment key={item.id}>
              {item.separated && <div className="viewer-menu-separator" role="separator" />}
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.danger ? 'viewer-menu-item danger' : 'viewer-menu-item'}
                disabled={item.disabled}
                onClick={() => {
                  close();
                  item.run();
                }}
              >
                {item.icon}
                <span>{item.label}</span>
              </button>
            </Fragment>
          ))}
        </div>
      )}
    </span>
  );
}
