import { useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../../shared/contract';
import { useApp } from '../../app-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { JobProgress } from '../../components/JobProgress';
import { call } from '../../core-client/client';
import { useCommand } from '../../core-client/use-command';
import { formatDate, plural } from '../../format';
import { ExportDialog } from '../exchange/ExportDialog';
import { ReviewDueButton } from '../review/ReviewDueButton';
import { ImportDeckDialog } from '../exchange/ImportDeckDialog';
import { IMPORT_ACCEPT } from './importing';
import { PasteDialog } from './PasteDialog';
import { useImporter } from './use-importer';

type SortKey = 'added' | 'title' | 'opened' | 'due';

/** Import requests already answered; module-level so a request made from another screen survives the mount. */
let handledImportRequests = 0;
const sorters: Record<SortKey, (a: ArticleSummary, b: ArticleSummary) => number> = {
  added: (a, b) => b.createdAt - a.createdAt,
  title: (a, b) => a.title.localeCompare(b.title),
  opened: (a, b) => (b.lastOpenedAt ?? 0) - (a.lastOpenedAt ?? 0),
  due: (a, b) => b.dueToday - a.dueToday,
};

export function LibraryScreen() {
  const app = useApp();
  const { state } = useCommand('library.list', {}, app.version);
  const importer = useImporter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [sort, setSort] = useState<SortKey>('added');
  const [filter, setFilter] = useState('');
  const [toDelete, setToDelete] = useState<ArticleSummary | null>(null);
  const [exportFor, setExportFor] = useState<{ articleId?: string; title?: string } | null>(null);
  const [importDeckOpen, setImportDeckOpen] = useState(false);

  // Ctrl+O (or the menu's Import…) from any screen lands here with a request to open the picker.
  useEffect(() => {
    if (app.importRequests <= handledImportRequests) return;
    handledImportRequests = app.importRequests;
    fileInput.current?.click();
  }, [app.importRequests]);

  // "i" imports, as the shortcut sheet says.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== 'i' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      fileInput.current?.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const articles = useMemo(() => {
    if (state.status !== 'ready') return [];
    const needle = filter.trim().toLowerCase();
    return state.data.articles
      .filter((a) => !needle || a.title.toLowerCase().includes(needle) || (a.source ?? '').toLowerCase().includes(needle))
      .sort(sorters[sort]);
  }, [state, sort, filter]);

  const confirmDelete = async () => {
    const article = toDelete;
    setToDelete(null);
    if (!article) return;
    try {
      const { undoToken } = await call('article.delete', { articleId: article.id });
      app.changed();
      app.notify({
        message: `Deleted “${article.title}”.`,
        action: {
          label: 'Undo',
          run: () => {
            void call('article.undoDelete', { undoToken }).then(
              () => app.changed(),
              (error: Error) => app.notify({ message: error.message, tone: 'error' }),
            );
          },
        },
      });
    } catch (error) {
      app.notify({ message: (error as Error).message, tone: 'error' });
    }
  };

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Library</h1>
        {state.status === 'ready' && <DueSummary articles={state.data.articles} />}
      </header>

      <div className="toolbar">
        <button type="button" className="button primary" onClick={() => fileInput.current?.click()} aria-keyshortcuts="i">
          Import…
        </button>
        <button type="button" className="button" onClick={() => setPasteOpen(true)}>
          Paste text…
        </button>
        <button type="button" className="button" onClick={() => setImportDeckOpen(true)}>
          Import deck…
        </button>
        <button type="button" className="button" onClick={() => setExportFor({})}>
          Export…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={IMPORT_ACCEPT}
          multiple
          hidden
          aria-label="Choose files to import"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            void importer.importFiles(files);
          }}
        />
        <div className="toolbar-end">
          <label className="field field-grow">
            <span className="visually-hidden">Filter articles</span>
            <input type="search" placeholder="Filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Sort</span>
            <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
              <option value="added">Recently added</option>
              <option value="opened">Recently opened</option>
              <option value="title">Title</option>
              <option value="due">Most due</option>
            </select>
          </label>
        </div>
      </div>
      {importer.busy && <p className="quiet" role="status">Importing…</p>}
      {importer.job && importer.job.state === 'running' && <JobProgress status={importer.job} label="Writing cards" />}
      {importer.error && (
        <p className="error" role="alert">
          {importer.error}
        </p>
      )}

      {state.status === 'loading' && <p className="quiet">Opening your library…</p>}
      {state.status === 'error' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && state.data.articles.length === 0 && (
        <div className="empty">
          <p>Your library is empty.</p>
          <p className="quiet">Import an article (a text, Markdown or HTML file), drop one anywhere on this window, or paste text.</p>
        </div>
      )}
      {state.status === 'ready' && state.data.articles.length > 0 && articles.length === 0 && (
        <p className="quiet">No article matches “{filter}”.</p>
      )}
      {articles.length > 0 && (
        <ul className="article-list" aria-label="Articles">
          {articles.map((article) => (
            <ArticleRow
              key={article.id}
              article={article}
              onDelete={() => setToDelete(article)}
              onExport={() => setExportFor({ articleId: article.id, title: article.title })}
            />
          ))}
        </ul>
      )}

      <PasteDialog
        open={pasteOpen}
        onClose={() => setPasteOpen(false)}
        onImport={async (text, format) => {
          const ok = await importer.importText(text, format);
          if (ok) setPasteOpen(false);
        }}
        error={importer.error}
      />
      <ExportDialog
        open={exportFor !== null}
        onClose={() => setExportFor(null)}
        articleId={exportFor?.articleId ?? null}
        articleTitle={exportFor?.title}
      />
      <ImportDeckDialog open={importDeckOpen} onClose={() => setImportDeckOpen(false)} onImported={() => app.changed()} />
      <ConfirmDialog
        open={toDelete !== null}
        title="Delete this article?"
        body={toDelete ? `“${toDelete.title}” and its ${toDelete.cards} ${plural(toDelete.cards, 'card', 'cards')} with their review history will be deleted. You can undo this right after.` : ''}
        confirmLabel="Delete"
        onConfirm={() => void confirmDelete()}
        onCancel={() => setToDelete(null)}
      />
    </section>
  );
}

function DueSummary({ articles }: { articles: ArticleSummary[] }) {
  const due = articles.reduce((sum, a) => sum + a.dueToday, 0);
  const fresh = articles.reduce((sum, a) => sum + a.newCards, 0);
  return (
    <div className="due-header">
      <p className="due-summary" aria-live="polite">
        <strong>{due}</strong> {plural(due, 'card', 'cards')} due today
        {fresh > 0 && <span className="due-new"> · {fresh} new</span>}
      </p>
      {/* The one filled button of the screen is Import; this one fills only when cards are due. With only
          new cards it says so, without a number (the day's new-card limit decides how many come). */}
      {due + fresh > 0 && <ReviewDueButton primary={due > 0} due={due} label={due > 0 ? undefined : 'Study new cards'} />}
    </div>
  );
}

function ArticleRow({ article, onDelete, onExport }: { article: ArticleSummary; onDelete: () => void; onExport: () => void }) {
  const app = useApp();
  return (
    <li className="article-row">
      <div className="article-main">
        <h2 className="article-title">
          <button type="button" className="link-button" onClick={() => app.read(article.id)}>
            {article.title}
          </button>
        </h2>
        <p className="article-meta">
          {article.source && <span className="article-source">{displaySource(article.source)}</span>}
          <span>Added {formatDate(article.createdAt)}</span>
          <span>
            {article.sections} {plural(article.sections, 'section', 'sections')}
          </span>
          <span>
            {article.cards} {plural(article.cards, 'card', 'cards')}
          </span>
          <span>{article.newCards} new</span>
          <span className={article.dueToday > 0 ? 'due-count' : undefined}>{article.dueToday} due today</span>
          <span>{article.lastOpenedAt ? `Opened ${formatDate(article.lastOpenedAt)}` : 'Not opened yet'}</span>
        </p>
      </div>
      <div className="article-actions">
        <button type="button" className="button" onClick={() => app.read(article.id)}>
          {article.lastOpenedAt ? 'Continue reading' : 'Start reading'}
        </button>
        {article.cards > 0 && (
          <ReviewDueButton
            scope={{ articleId: article.id }}
            due={article.dueToday}
            title={article.title}
            label={article.lastOpenedAt || article.dueToday > 0 ? 'Review' : `Review its ${article.cards} ${plural(article.cards, 'card', 'cards')}`}
          />
        )}
        <button type="button" className="button quiet-button" onClick={onExport} aria-label={`Export “${article.title}”`}>
          Export
        </button>
        <button type="button" className="button quiet-button" onClick={onDelete} aria-label={`Delete “${article.title}”`}>
          Delete
        </button>
      </div>
    </li>
  );
}

function displaySource(source: string): string {
  if (source.startsWith('lectern:bundled/')) return 'Bundled with Lectern';
  return source.replace(/^file:/, '');
}
