import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppContext, type AppActions, type Toast } from './app-context';
import { DropZone } from './components/DropZone';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { ToastArea } from './components/ToastArea';
import { LibraryScreen } from './features/library/LibraryScreen';
import { CardsScreen } from './features/cards/CardsScreen';
import { ReaderScreen } from './features/reader/ReaderScreen';
import { ReviewScreen } from './features/review/ReviewScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { StatsScreen } from './features/stats/StatsScreen';
import { isScreenId, screens, type ScreenId } from './screens';
import { useShellShortcuts } from './shortcuts';
import { useTheme } from './theme';

const SCREEN_KEY = 'lectern.screen';
const READING_KEY = 'lectern.reading';


export function App() {
  const [screen, setScreen] = useState<ScreenId>(() => {
    const saved = sessionStorage.getItem(SCREEN_KEY);
    return isScreenId(saved) ? saved : 'library';
  });
  const [reading, setReading] = useState<{
    articleId: string;
    section?: number;
    passage?: { paragraph: number; start: number; end: number };
  } | null>(() => {
    const saved = sessionStorage.getItem(READING_KEY);
    return saved ? { articleId: saved } : null;
  });
  const [helpOpen, setHelpOpen] = useState(false);
  const [toast, setToast] = useState<Toast | null>(null);
  const [version, setVersion] = useState(0);
  const [importRequests, setImportRequests] = useState(0);
  const [theme, setTheme] = useTheme();
  const mainRef = useRef<HTMLElement>(null);

  const go = useCallback((next: ScreenId) => {
    setScreen(next);
    sessionStorage.setItem(SCREEN_KEY, next);
  }, []);

  const actions: AppActions = useMemo(
    () => ({
      go,
      read: (articleId, section, passage) => {
        setReading({ articleId, section, passage });
        sessionStorage.setItem(READING_KEY, articleId);
        go('read');
      },
      notify: setToast,
      version,
      changed: () => setVersion((v) => v + 1),
      importRequests,
      theme,
      setTheme,
    }),
    [go, version, importRequests, theme, setTheme],
  );

  // Moving to a screen moves focus to it, so keyboard and screen-reader users land on its content.
  useEffect(() => {
    mainRef.current?.focus({ preventScroll: true });
  }, [screen]);

  useShellShortcuts({
    go,
    showHelp: () => setHelpOpen(true),
    importFile: () => {
      go('library');
      setImportRequests((n) => n + 1);
    },
  });
  const dismissToast = useCallback(() => setToast(null), []);
  const showLibrary = useCallback(() => go('library'), [go]);

  return (
    <AppContext.Provider value={actions}>
      <div className="app">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <nav className="sidebar" aria-label="Main">
          <div className="brand" aria-hidden="true">
            Lectern
          </div>
          <ul className="nav-list">
            {screens.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={screen === s.id ? 'page' : undefined}
                  aria-keyshortcuts={`g ${s.key}`}
                  onClick={() => go(s.id)}
                >
                  <span>{s.label}</span>
                  <kbd className="nav-key" aria-hidden="true">
                    g {s.key}
                  </kbd>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="nav-help" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
          </button>
        </nav>
        <main id="main" className={`content content-${screen}`} ref={mainRef} tabIndex={-1}>
          {screen === 'library' && <LibraryScreen />}
          {screen === 'read' &&
            (reading ? (
              <ReaderScreen
                key={`${reading.articleId}:${reading.section ?? ''}:${reading.passage ? JSON.stringify(reading.passage) : ''}`}
                articleId={reading.articleId}
                sectionIndex={reading.section}
                passage={reading.passage}
              />
            ) : (
              <section className="screen" aria-labelledby="screen-title">
                <header className="screen-header">
                  <h1 id="screen-title">Read</h1>
                </header>
                <p className="not-yet">Choose an article in the Library to read it.</p>
                <button type="button" className="button primary" onClick={() => go('library')}>
                  Open the Library
                </button>
              </section>
            ))}
          {screen === 'review' && <ReviewScreen />}
          {screen === 'cards' && <CardsScreen />}
          {screen === 'stats' && <StatsScreen />}
          {screen === 'settings' && <SettingsScreen />}
        </main>
        <DropZone onImported={showLibrary} />
        <ToastArea toast={toast} onDismiss={dismissToast} />
        <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      </div>
    </AppContext.Provider>
  );
}
