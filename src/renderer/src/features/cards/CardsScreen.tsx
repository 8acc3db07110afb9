import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CardFilters, CardItem, CardSortKey } from '../../../../shared/contract/card-models';
import { useApp } from '../../app-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { call } from '../../core-client/client';
import { plural } from '../../format';
import { MenuButton } from '../reader/MenuButton';
import { CardEditor } from './CardEditor';
import { CardFiltersPanel } from './CardFiltersPanel';
import { SetDueDialog } from './SetDueDialog';
import { FLAG_NAMES, KIND_NAMES, STATE_NAMES, SourceBadge, cardSummary, dueLabel } from './card-text';
import { useCardActions } from './use-card-actions';

const ROW_HEIGHT = 36;
const PAGE = 200;

const COLUMNS: { key: CardSortKey | null; label: string; className: string }[] = [
  { key: 'text', label: 'Card', className: 'col-text' },
  { key: 'position', label: 'Article · section', className: 'col-where' },
  { key: null, label: 'Kind', className: 'col-kind' },
  { key: 'due', label: 'Due', className: 'col-due' },
  { key: 'reps', label: 'Reviews', className: 'col-num' },
  { key: 'lapses', label: 'Lapses', className: 'col-num' },
  { key: 'created', label: 'Added', className: 'col-added' },
];

/** Pages of the current result, fetched as the table scrolls to them. */
function useCardPages(filters: CardFilters, sort: CardSortKey, descending: boolean, version: number) {
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, CardItem[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(new Set<number>());
  const key = JSON.stringify({ filters, sort, descending, version });
  const keyRef = useRef(key);

  const fetchPage = useCallback(
    (page: number) => {
      if (pending.current.has(page)) return;
      pending.current.add(page);
      const asked = keyRef.current;
      const query = JSON.parse(asked) as { filters: CardFilters; sort: CardSortKey; descending: boolean };
      call('cards.list', { ...query.filters, sort: query.sort, descending: query.descending, offset: page * PAGE, limit: PAGE }).then(
        (result) => {
          if (keyRef.current !== asked) return;
          setTotal(result.total);
          setError(null);
          setPages((old) => new Map(old).set(page, result.cards));
        },
        (e: Error) => {
          pending.current.delete(page);
          if (keyRef.current === asked) setError(e.message);
        },
      );
    },
    [],
  );

  // A new query (or a change to the collection) starts over from the first page.
  useEffect(() => {
    keyRef.current = key;
    pending.current = new Set();
    setPages(new Map());
    fetchPage(0);
  }, [key, fetchPage]);

  const cardAt = (index: number): CardItem | undefined => pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  const ensure = (from: number, to: number) => {
    for (let p = Math.floor(from / PAGE); p <= Math.floor(to / PAGE); p++) if (!pages.has(p)) fetchPage(p);
  };
  return { total, cardAt, ensure, error, loaded: pages };
}

/**
 * The card browser: search on top, filters beside, a dense virtualised table (only the rows in view
 * are in the page), multi-select with bulk suspend / tag / delete, and the editor beside the table.
 */
export function CardsScreen() {
  const app = useApp();
  const actions = useCardActions();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [filters, setFilters] = useState<CardFilters>({});
  const [sort, setSort] = useState<CardSortKey>('created');
  const [descending, setDescending] = useState(true);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [active, setActive] = useState(0);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [open, setOpen] = useState<CardItem | null>(null);
  const [focusEditor, setFocusEditor] = useState(false);
  const [tagging, setTagging] = useState(false);
  const [tagText, setTagText] = useState('');
  const [confirmForget, setConfirmForget] = useState(false);
  const [settingDue, setSettingDue] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(query), 180);
    return () => window.clearTimeout(timer);
  }, [query]);

  const effective = useMemo<CardFilters>(() => ({ ...filters, ...(debounced.trim() ? { query: debounced.trim() } : {}) }), [filters, debounced]);
  const { total, cardAt, ensure, error, loaded } = useCardPages(effective, sort, descending, app.version);
  const count = total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) ensure(first, last);
  });

  // A new result set starts at its top with nothing selected.
  useEffect(() => {
    setSelected(new Set());
    setActive(0);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [effective, sort, descending]);

  // The open card follows edits made elsewhere (or closes if it was deleted).
  useEffect(() => {
    if (!open) return;
    let live = true;
    call('card.get', { cardId: open.id }).then(
      (card) => live && setOpen((o) => (o && o.id === card.id ? card : o)),
      () => live && setOpen(null),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [app.version]);

  // "/" finds, as in most browsers of lists.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      event.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const selectedCards = useMemo(() => [...selected].map((id) => ({ id })), [selected]);
  const toggle = (index: number, range: boolean) => {
    const card = cardAt(index);
    if (!card) return;
    setSelected((old) => {
      const next = new Set(old);
      if (range && anchor !== null) {
        const on = !old.has(card.id);
        for (let i = Math.min(anchor, index); i <= Math.max(anchor, index); i++) {
          const c = cardAt(i);
          if (!c) continue;
          if (on) next.add(c.id);
          else next.delete(c.id);
        }
      } else if (next.has(card.id)) next.delete(card.id);
      else next.add(card.id);
      return next;
    });
    setAnchor(index);
  };

  const moveTo = (index: number) => {
    const clamped = Math.max(0, Math.min(count - 1, index));
    setActive(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${clamped}"]`)?.focus());
  };

  const onRowKey = (event: React.KeyboardEvent, index: number) => {
    const perPage = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const card = cardAt(index);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1),
      ArrowUp: () => moveTo(index - 1),
      PageDown: () => moveTo(index + perPage),
      PageUp: () => moveTo(index - perPage),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      ' ': () => toggle(index, event.shiftKey),
      Enter: () => {
        if (!card) return;
        setFocusEditor(true);
        setOpen(card);
      },
      Delete: () => void actions.remove(selected.size > 0 ? selectedCards : card ? [card] : []),
    };
    const run = keys[event.key];
    if (run) {
      event.preventDefault();
      run();
    }
  };

  const sortBy = (key: CardSortKey) => {
    if (sort === key) setDescending((d) => !d);
    else {
      setSort(key);
      setDescending(key === 'created' || key === 'reps' || key === 'lapses');
    }
  };

  const allLoadedIds = () => [...loaded.values()].flat().map((c) => c.id);
  const allSelected = count > 0 && selected.size === count;
  const now = Date.now();

  return (
    <section className="cards-screen" aria-labelledby="cards-title">
      <header className="cards-header">
        <h1 id="cards-title">Cards</h1>
        <div className="cards-search" role="search">
          <label className="visually-hidden" htmlFor="card-search">
            Search cards
          </label>
          <input
            id="card-search"
            ref={searchRef}
            type="search"
            placeholder="Search text, answers and tags  ( / )"
            value={query}
            aria-keyshortcuts="/"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && count > 0) {
                e.preventDefault();
                moveTo(active);
              }
            }}
          />
        </div>
        <p className="cards-count" aria-live="polite">
          {total === null ? 'Counting…' : `${count.toLocaleString()} ${plural(count, 'card', 'cards')}`}
        </p>
      </header>
      <div className={`cards-body ${open ? 'with-editor' : ''}`}>
        <CardFiltersPanel filters={filters} onChange={setFilters} />
        <div className="cards-main">
          <div className="cards-bulk" role="toolbar" aria-label="Selected cards">
            {selected.size === 0 ? (
              <span className="quiet">Space or click the box to select; Shift for a range. Enter opens a card.</span>
            ) : (
              <>
                <strong>{selected.size.toLocaleString()} selected</strong>
                <button type="button" className="button quiet-button" onClick={() => void actions.suspend(selectedCards, true)}>
                  Suspend
                </button>
                <button type="button" className="button quiet-button" onClick={() => void actions.suspend(selectedCards, false)}>
                  Unsuspend
                </button>
                {tagging ? (
                  <form
                    className="bulk-tag"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const words = tagText.split(/\s+/).filter(Boolean);
                      const add = words.filter((w) => !w.startsWith('-'));
                      const remove = words.filter((w) => w.startsWith('-') && w.length > 1).map((w) => w.slice(1));
                      setTagging(false);
                      setTagText('');
                      if (add.length + remove.length > 0) void actions.tag(selectedCards, add, remove);
                    }}
                  >
                    <label className="visually-hidden" htmlFor="bulk-tags">
                      Tags to add (prefix - to remove)
                    </label>
                    <input
                      id="bulk-tags"
                      className="editor-input"
                      placeholder="tag  -removed-tag"
                      autoFocus
                      value={tagText}
                      onChange={(e) => setTagText(e.target.value)}
                      onKeyDown={(e) => e.key === 'Escape' && setTagging(false)}
                    />
                    <button type="submit" className="button">
                      Apply
                    </button>
                  </form>
                ) : (
                  <button type="button" className="button quiet-button" onClick={() => setTagging(true)}>
                    Tag…
                  </button>
                )}
                <MenuButton
                  label="Flag…"
                  ariaLabel="Flag"
                  items={FLAG_NAMES.map((name, flag) => ({
                    label: flag === 0 ? 'No flag' : name,
                    content: (
                      <>
                        <span className={`flag-dot flag-${flag}`} aria-hidden="true" />
                        {flag === 0 ? 'No flag' : name}
                      </>
                    ),
                    onSelect: () => void actions.flag(selectedCards, flag),
                  }))}
                />
                <button type="button" className="button quiet-button" onClick={() => setConfirmForget(true)}>
                  Forget…
                </button>
                <button type="button" className="button quiet-button" onClick={() => setSettingDue(true)}>
                  Set due date…
                </button>
                <button
                  type="button"
                  className="button quiet-button danger-text"
                  onClick={() => void actions.remove(selectedCards).then((done) => done && setSelected(new Set()))}
                >
                  Delete
                </button>
                <button type="button" className="button quiet-button" onClick={() => setSelected(new Set())}>
                  Clear selection
                </button>
              </>
            )}
          </div>
          <div className="cards-table" role="table" aria-label="Cards" aria-rowcount={count + 1}>
            <div className="cards-row cards-head" role="row" aria-rowindex={1}>
              <span className="col-check" role="columnheader">
                <input
                  type="checkbox"
                  aria-label={allSelected ? 'Select none' : 'Select all loaded cards'}
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(allLoadedIds()))}
                />
              </span>
              {COLUMNS.map((col) => (
                <span
                  key={col.label}
                  className={col.className}
                  role="columnheader"
                  aria-sort={col.key && sort === col.key ? (descending ? 'descending' : 'ascending') : undefined}
                >
                  {col.key ? (
                    <button type="button" className="sort-button" onClick={() => sortBy(col.key!)}>
                      {col.label}
                      <span aria-hidden="true" className="sort-mark">
                        {sort === col.key ? (descending ? '▾' : '▴') : ''}
                      </span>
                    </button>
                  ) : (
                    col.label
                  )}
                </span>
              ))}
            </div>
            <div className="cards-scroll" ref={scrollRef} role="rowgroup">
              {error && (
                <p className="error cards-empty" role="alert">
                  {error}
                </p>
              )}
              {total === 0 && !error && (
                <p className="quiet cards-empty">
                  {effective.query || Object.keys(filters).length > 0
                    ? 'No card matches. Try fewer words or clear a filter.'
                    : 'No cards yet. Read an article and select a passage to make one (z for a cloze, q for a question).'}
                </p>
              )}
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((item) => {
                  const card = cardAt(item.index);
                  const isActive = item.index === active;
                  return (
                    <div
                      key={item.key}
                      role="row"
                      aria-rowindex={item.index + 2}
                      aria-selected={card ? selected.has(card.id) : false}
                      data-index={item.index}
                      tabIndex={isActive ? 0 : -1}
                      className={`cards-row ${card && selected.has(card.id) ? 'selected' : ''} ${card && open?.id === card.id ? 'open' : ''} ${
                        card?.suspended ? 'suspended' : ''
                      }`}
                      style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                      onFocus={() => setActive(item.index)}
                      onKeyDown={(e) => onRowKey(e, item.index)}
                      onClick={(e) => {
                        if ((e.target as HTMLElement).closest('input')) return;
                        setActive(item.index);
                        setFocusEditor(false);
                        if (card) setOpen(card);
                      }}
                    >
                      {card ? (
                        <>
                          <span className="col-check" role="cell">
                            <input
                              type="checkbox"
                              tabIndex={-1}
                              aria-label={`Select “${cardSummary(card).slice(0, 60)}”`}
                              checked={selected.has(card.id)}
                              onChange={(e) => toggle(item.index, (e.nativeEvent as MouseEvent).shiftKey)}
                            />
                          </span>
                          <span className="col-text" role="cell" title={cardSummary(card)}>
                            {card.flag > 0 && (
                              <span className={`flag-dot flag-${card.flag}`} role="img" aria-label={`${FLAG_NAMES[card.flag]} flag`} title={`${FLAG_NAMES[card.flag]} flag`} />
                            )}
                            {cardSummary(card)}
                          </span>
                          <span className="col-where" role="cell">
                            {card.articleTitle ?? 'No article'}
                            {card.sectionIndex !== null && <span className="quiet"> · {card.sectionHeading ?? 'Introduction'}</span>}
                          </span>
                          <span className="col-kind" role="cell">
                            {KIND_NAMES[card.kind]}
                            {card.suspended && <span className="badge">Suspended</span>}
                            {card.flag > 0 && (
                              <span className={`badge badge-flag flag-${card.flag}`} aria-hidden="true">
                                {FLAG_NAMES[card.flag]}
                              </span>
                            )}
                            <SourceBadge status={card.sourceStatus} />
                          </span>
                          <span className="col-due" role="cell" title={STATE_NAMES[card.state]}>
                            {dueLabel(card, now)}
                          </span>
                          <span className="col-num" role="cell">
                            {card.reps}
                          </span>
                          <span className="col-num" role="cell">
                            {card.lapses}
                          </span>
                          <span className="col-added" role="cell">
                            {new Date(card.createdAt).toLocaleDateString()}
                          </span>
                        </>
                      ) : (
                        <span className="col-loading quiet" role="cell">
                          Loading…
                        </span>
                      )}
                    </div>
                  );
                })}
              </div>
            </div>
          </div>
        </div>
        {open && (
          <aside className="cards-editor-pane" aria-label="Card">
            <div className="pane-actions">
              {open.articleId && open.sectionIndex !== null && (
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    app.read(
                      open.articleId!,
                      open.sectionIndex!,
                      open.source && open.sourceStatus !== 'missing'
                        ? { paragraph: open.source.paragraphIndex, start: open.source.start, end: open.source.end }
                        : undefined,
                    )
                  }
                >
                  Show in article
                </button>
              )}
              {(open.sourceStatus === 'changed' || open.sourceStatus === 'missing') && (
                <button type="button" className="button" onClick={() => void actions.keep(open)}>
                  Keep as is
                </button>
              )}
              <button type="button" className="button quiet-button danger-text" onClick={() => void actions.remove([open]).then((d) => d && setOpen(null))}>
                Delete
              </button>
              <span className="toolbar-spacer" />
              <button type="button" className="button quiet-button" aria-label="Close the card" onClick={() => setOpen(null)}>
                ×
              </button>
            </div>
            <CardEditor
              key={`${open.id}:${open.updatedAt}`}
              autoFocus={focusEditor}
              subject={{ mode: 'edit', card: open }}
              onCancel={() => {
                setOpen(null);
                scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
              }}
              onSaved={(card) => {
                setOpen(card);
                app.changed();
                app.notify({ message: 'Card saved.' });
              }}
            />
          </aside>
        )}
      </div>
      <ConfirmDialog
        open={confirmForget}
        title={`Forget ${selected.size.toLocaleString()} ${plural(selected.size, 'card', 'cards')}?`}
        body="They go back to being new cards, as if never studied. Their review history is kept and each reset is logged."
        confirmLabel="Forget"
        onConfirm={() => {
          setConfirmForget(false);
          void actions.forget(selectedCards);
        }}
        onCancel={() => setConfirmForget(false)}
      />
      <SetDueDialog
        open={settingDue}
        count={selected.size}
        onSet={(days) => {
          setSettingDue(false);
          void actions.setDue(selectedCards, days);
        }}
        onCancel={() => setSettingDue(false)}
      />
    </section>
  );
}
