import { useEffect, useRef } from 'react';
import { readerShortcuts } from './features/reader/use-reader-keys';
import { reviewShortcuts } from './features/review/review-session';
import { screens, type ScreenId } from './screens';

export interface ShortcutHandlers {
  go(screen: ScreenId): void;
  showHelp(): void;
  importFile(): void;
}

/** Every shortcut the shell knows, for the `?` sheet. */
export const shellShortcuts: { keys: string[]; action: string }[] = [
  ...screens.map((s) => ({ keys: ['g', s.key], action: `Go to ${s.label}` })),
  { keys: ['?'], action: 'Show these shortcuts' },
  { keys: ['Esc'], action: 'Close a dialog or back out' },
  { keys: ['Tab'], action: 'Move to the next control (Shift+Tab: the previous one)' },
  { keys: ['Ctrl+O'], action: 'Import a file (also "i" in the Library)' },
  ...readerShortcuts.map((s) => ({ ...s, action: `Reader: ${s.action.charAt(0).toLowerCase()}${s.action.slice(1)}` })),
  ...reviewShortcuts,
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Two-key "g then letter" navigation (as in Gmail or GitHub), so single keys stay free for screens. */
export function useShellShortcuts(handlers: ShortcutHandlers): void {
  const pendingG = useRef<number | null>(null);
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        latest.current.importFile();
        return;
      }
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (pendingG.current !== null) {
        window.clearTimeout(pendingG.current);
        pendingG.current = null;
        const screen = screens.find((s) => s.key === event.key.toLowerCase());
        if (screen) {
          event.preventDefault();
          latest.current.go(screen.id);
        }
        return;
      }
      if (event.key === 'g') {
        pendingG.current = window.setTimeout(() => (pendingG.current = null), 1500);
        return;
      }
      if (event.key === '?') {
        event.preventDefault();
        latest.current.showHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
