import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface MenuItem {
  /** The item's accessible name (and its text, unless `content` is given). */
  label: string;
  content?: ReactNode;
  onSelect: () => void;
  disabled?: boolean;
  /** A key that does the same outside the menu, shown beside the item (e.g. "Ctrl+Alt+N"). */
  keys?: string;
  /** aria-keyshortcuts for the item. */
  shortcut?: string;
  danger?: boolean;
}

/**
 * A button that opens a small menu (WAI-ARIA menu button): Enter, Space or ↓ opens it on its first
 * item, ↑/↓/Home/End move, Enter or Space chooses, Esc or Tab closes it and gives the focus back.
 */
export function MenuButton(props: {
  label: ReactNode;
  /** The button's accessible name when `label` is not plain text. */
  ariaLabel?: string;
  items: (MenuItem | null | false)[];
  className?: string;
  buttonClassName?: string;
  disabled?: boolean;
  /** Open the menu's right edge under the button's right edge. */
  alignEnd?: boolean;
  /** Open upwards (for a menu at the bottom of the screen). */
  up?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const items = props.items.filter((i): i is MenuItem => Boolean(i));

  const menuItems = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
  const focusItem = (which: 'first' | 'last' | number) => {
    const all = menuItems();
    if (all.length === 0) return;
    const index = which === 'first' ? 0 : which === 'last' ? all.length - 1 : (which + all.length) % all.length;
    all[index]?.focus();
  };

  const [focusOnOpen, setFocusOnOpen] = useState<'first' | 'last'>('first');
  useEffect(() => {
    if (open) focusItem(focusOnOpen);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  // A click anywhere else closes the menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKey = (event: React.KeyboardEvent) => {
    const all = menuItems();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusItem(at + 1),
      ArrowUp: () => focusItem(at - 1),
      Home: () => focusItem('first'),
      End: () => focusItem('last'),
      Escape: () => close(true),
      Tab: () => close(false),
    };
    const move = moves[event.key];
    if (move) {
      if (event.key !== 'Tab') event.preventDefault();
      // Esc closes the menu only: the screen behind it must not back out as well.
      event.stopPropagation();
      move();
    } else if (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // A letter moves to the next item that starts with it; it is never a screen's single-key shortcut.
      event.preventDefault();
      event.stopPropagation();
      const start = at < 0 ? 0 : at + 1;
      for (let n = 0; n < all.length; n++) {
        const item = all[(start + n) % all.length]!;
        if ((item.getAttribute('aria-label') ?? item.textContent ?? '').trim().toLowerCase().startsWith(event.key.toLowerCase())) {
          item.focus();
          break;
        }
      }
    }
  };

  return (
    <div className={`menu-button ${props.className ?? ''}`} ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={props.buttonClassName ?? 'button quiet-button'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={props.ariaLabel}
        disabled={props.disabled}
        onClick={() => {
          setFocusOnOpen('first');
          setOpen((o) => !o);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            event.stopPropagation();
            setFocusOnOpen(event.key === 'ArrowDown' ? 'first' : 'last');
            if (open) focusItem(event.key === 'ArrowDown' ? 'first' : 'last');
            else setOpen(true);
          } else if (event.key === 'Escape' && open) {
            event.preventDefault();
            event.stopPropagation();
            close(true);
          }
        }}
      >
        {props.label}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={id}
          role="menu"
          aria-label={props.ariaLabel ?? (typeof props.label === 'string' ? props.label : undefined)}
          className={`menu ${props.alignEnd ? 'menu-end' : ''} ${props.up ? 'menu-up' : ''}`}
          onKeyDown={onMenuKey}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`menu-item ${item.danger ? 'menu-item-danger' : ''}`}
              disabled={item.disabled}
              aria-label={item.content ? item.label : undefined}
              aria-keyshortcuts={item.shortcut}
              onClick={() => {
                close(true);
                item.onSelect();
              }}
            >
              <span className="menu-item-label">{item.content ?? item.label}</span>
              {item.keys && (
                <kbd className="menu-item-keys" aria-hidden="true">
                  {item.keys}
                </kbd>
              )}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
