import { createContext, useContext } from 'react';
import type { ScreenId } from './screens';
import type { ThemeChoice } from './theme';

export interface Toast {
  message: string;
  action?: { label: string; run: () => void };
  tone?: 'info' | 'error';
}

export interface AppActions {
  go(screen: ScreenId): void;
  /** Opens the reader at an article (and, optionally, a section, and a passage of it to highlight). */
  read(articleId: string, sectionIndex?: number, passage?: { paragraph: number; start: number; end: number }): void;
  notify(toast: Toast): void;
  /** Grows after every change to the collection, so screens reload what they show. */
  version: number;
  changed(): void;
  /** Grows each time the user asks to import a file from anywhere (Ctrl+O, the menu). */
  importRequests: number;
  theme: ThemeChoice;
  setTheme(choice: ThemeChoice): void;
}

export const AppContext = createContext<AppActions | null>(null);

export function useApp(): AppActions {
  const actions = useContext(AppContext);
  if (!actions) throw new Error('useApp outside the app shell');
  return actions;
}
