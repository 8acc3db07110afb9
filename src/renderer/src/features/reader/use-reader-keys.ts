import { useEffect, useRef } from 'react';

export interface ReaderKeys {
  next(): void;
  previous(): void;
  toggleContents(): void;
  bigger(): void;
  smaller(): void;
  toggleEditing(): void;
  toggleCards(): void;
  /** Esc: close the card panel. */
  escape(): void;
}

/** The reader's single keys; the shell keeps "g …" and "?" for itself. */
export const readerShortcuts: { keys: string[]; action: string }[] = [
  { keys: ['n'], action: 'Next section' },
  { keys: ['p'], action: 'Previous section' },
  { keys: ['t'], action: 'Show or hide the contents' },
  { keys: ['+'], action: 'Larger text' },
  { keys: ['-'], action: 'Smaller text' },
  { keys: ['e'], action: 'Fix sections: rename, merge, split, not for study' },
  { keys: ['c'], action: 'Show or hide the cards of the current section' },
  { keys: ['z'], action: 'Make a cloze card of the selected text' },
  { keys: ['q'], action: 'Make a question-and-answer card about the selected text' },
];

export function useReaderKeys(keys: ReaderKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (document.querySelector('dialog[open]')) return;
      const action = {
        n: latest.current.next,
        p: latest.current.previous,
        t: latest.current.toggleContents,
        '+': latest.current.bigger,
        '=': latest.current.bigger,
        '-': latest.current.smaller,
        e: latest.current.toggleEditing,
        c: latest.current.toggleCards,
        Escape: latest.current.escape,
      }[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
