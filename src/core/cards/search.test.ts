import { describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../clock';
import { openCollection, type Collection } from '../collection';
import { importArticle } from '../library/import';
import { answer, bury, forget, suspend } from '../schedule/answering';
import { writeCardMemory } from '../storage/cards';
import { nextUndo, undo } from '../undo';
import { listCards, matchingCardIds } from './browse';
import { applyToCards } from './bulk';
import { createCard, updateCard } from './edit';
import { changeSavedSearch, removeSavedSearch, saveSearch, savedSearches } from './saved-searches';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 4, 1, 12);
const encode = (text: string) => new TextEncoder().encode(text);

interface World {
  col: Collection;
  clock: ManualClock;
  articleId: string;
  card(text: string, options?: { section?: number; kind?: 'cloze' | 'qa'; tags?: string[]; back?: string }): string;
  find(query: string): string[];
}

/** An article "Field Notes on Glaciers" (sections: untitled, Formation, Movement) with no generated cards. */
function world(): World {
  const clock = manualClock(NOW);
  const col = openCollection({ path: ':memory:', clock });
  col.db.prepare("UPDATE collection_settings SET day_starts_at = 4, time_zone = 'UTC' WHERE id = 1").run();
  const { articleId } = importArticle(col, {
    bytes: encode('---\ntitle: Field Notes on Glaciers\n---\n\nIntro.\n\n## Formation\n\nSnow turns to firn.\n\n## Movement\n\nIce flows.\n'),
    fileName: 'glaciers.md',
    source: null,
  });
  col.db.prepare('DELETE FROM cards').run();
  const names = new Map<string, string>();
  return {
    col,
    clock,
    articleId,
    card(text, options = {}) {
      const kind = options.kind ?? 'cloze';
      const made = createCard(col, {
        articleId,
        sectionIndex: options.section ?? 1,
        kind,
        ...(kind === 'qa' ? { front: text, back: options.back ?? 'answer' } : { text: text.includes('{{') ? text : `${text} {{c1::x}}` }),
        tags: options.tags,
      });
      names.set(made.id, text);
      return made.id;
    },
    find(query) {
      return listCards(col, { query, sort: 'created', descending: false, offset: 0, limit: 500 }).cards.map((c) => names.get(c.id) ?? c.id);
    },
  };
}

const review = (due: number, extra: Partial<{ stability: number; difficulty: number; lapses: number; reps: number; lastReview: number; state: 0 | 1 | 2 | 3 }> = {}) => ({
  state: 2 as 0 | 1 | 2 | 3,
  due,
  stability: 10,
  difficulty: 5,
  reps: 3,
  lapses: 0,
  lastReview: due - 10 * DAY,
  learningSteps: 0,
  ...extra,
});

describe('words and phrases', () => {
  it('match anywhere in a card, ignoring case, accents and cloze markup; "-" excludes', () => {
    const w = world();
    w.card('The {{c1::rule}} of law');
    w.card('A rule that is {{c1::phony}}');
    w.card('Subglacial {{c1::lakes}} under the ice');
    w.card('What is a café?', { kind: 'qa', back: 'A coffee place' });
    w.card('A glacier is a body of {{c1::dense ice}} that moves');
    expect(w.find('rule -phony')).toEqual(['The {{c1::rule}} of law']);
    expect(w.find('rule phony')).toEqual(['A rule that is {{c1::phony}}']);
    expect(w.find('glac')).toEqual(['Subglacial {{c1::lakes}} under the ice', 'A glacier is a body of {{c1::dense ice}} that moves']);
    expect(w.find('"body of dense ice"')).toEqual(['A glacier is a body of {{c1::dense ice}} that moves']);
    expect(w.find('"dense body"')).toEqual([]);
    expect(w.find('CAFE')).toEqual(['What is a café?']);
    expect(w.find('coffee')).toEqual(['What is a café?']);
    expect(w.find('c1')).toEqual([]);
    expect(w.find('den*e ice')).toEqual(['A glacier is a body of {{c1::dense ice}} that moves']);
    expect(w.find('l_w')).toEqual(['The {{c1::rule}} of law']);
    expect(w.find('rule or café')).toEqual(['The {{c1::rule}} of law', 'A rule that is {{c1::phony}}', 'What is a café?']);
    expect(w.find('(rule or ice) -(phony or lakes)')).toEqual(['The {{c1::rule}} of law', 'A glacier is a body of {{c1::dense ice}} that moves']);
    expect(w.find('front:*café*')).toEqual(['What is a café?']);
    expect(w.find('back:coffee')).toEqual([]);
    expect(w.find('back:"a coffee place"')).toEqual(['What is a café?']);
    expect(w.find('text:*phony')).toEqual(['A rule that is {{c1::phony}}']);
  });
});

describe('states, flags and properties', () => {
  it('is:new|learn|review|due|suspended|buried mean what they mean in Anki', () => {
    const w = world();
    const fresh = w.card('fresh');
    const dueReview = w.card('due review');
    const laterReview = w.card('later review');
    const learning = w.card('learning soon');
    const learningLater = w.card('learning later');
    const relearning = w.card('relearning');
    const suspended = w.card('suspended due');
    const buried = w.card('buried due');
    w.col.transact(() => {
      writeCardMemory(w.col.db, dueReview, review(NOW - DAY), NOW);
      writeCardMemory(w.col.db, laterReview, review(NOW + 3 * DAY), NOW);
      writeCardMemory(w.col.db, learning, review(NOW + 10 * 60_000, { state: 1 }), NOW);
      writeCardMemory(w.col.db, learningLater, review(NOW + 2 * HOUR, { state: 1 }), NOW);
      writeCardMemory(w.col.db, relearning, review(NOW - 60_000, { state: 3 }), NOW);
      writeCardMemory(w.col.db, suspended, review(NOW - DAY), NOW);
      writeCardMemory(w.col.db, buried, review(NOW - DAY), NOW);
    });
    suspend(w.col, [suspended]);
    bury(w.col, [buried]);
    expect(w.find('is:new')).toEqual(['fresh']);
    expect(w.find('is:learn')).toEqual(['learning soon', 'learning later', 'relearning']);
    expect(w.find('is:review')).toEqual(['due review', 'later review', 'relearning', 'suspended due', 'buried due']);
    expect(w.find('is:due')).toEqual(['due review', 'learning soon', 'relearning']);
    expect(w.find('is:suspended')).toEqual(['suspended due']);
    expect(w.find('is:buried')).toEqual(['buried due']);
    expect(w.find('-is:new -is:suspended -is:buried')).toHaveLength(5);
    expect(fresh).toBeTruthy();
  });

  it('is:new finds every new card of a large deck, not a few', () => {
    const w = world();
    for (let i = 0; i < 220; i++) w.card(`card ${i} {{c1::x}}`);
    expect(w.find('is:new')).toHaveLength(220);
  });

  it('prop: compares intervals, due days, reps, lapses, ease, stability, difficulty and recall', () => {
    const w = world();
    const today = w.card('today');
    const tomorrow = w.card('tomorrow');
    const overdue = w.card('overdue');
    const easy = w.card('easy');
    w.card('fresh');
    w.col.transact(() => {
      // Due dates at the start of study days (04:00 UTC here), as the scheduler writes them.
      const dayStart = (offset: number) => Date.UTC(2026, 4, 1 + offset, 4);
      writeCardMemory(w.col.db, today, review(dayStart(0), { lastReview: dayStart(0) - 10 * DAY + 5 * HOUR, reps: 2 }), NOW);
      writeCardMemory(w.col.db, tomorrow, review(dayStart(1), { lastReview: dayStart(1) - 3 * DAY + 20 * HOUR, lapses: 2, difficulty: 9.5 }), NOW);
      writeCardMemory(w.col.db, overdue, review(dayStart(-2), { lastReview: dayStart(-2) - 30 * DAY, stability: 40, difficulty: 2 }), NOW);
      writeCardMemory(w.col.db, easy, review(dayStart(30), { lastReview: NOW - HOUR, stability: 100, difficulty: 1 }), NOW);
    });
    expect(w.find('prop:due=0')).toEqual(['today']);
    expect(w.find('prop:due=1')).toEqual(['tomorrow']);
    expect(w.find('prop:due<0')).toEqual(['overdue']);
    expect(w.find('prop:due<=1')).toEqual(['today', 'tomorrow', 'overdue']);
    expect(w.find('prop:due>1')).toEqual(['easy']);
    expect(w.find('prop:due=-2')).toEqual(['overdue']);
    // ivl: study days between the last review and the due day (new cards: 0).
    expect(w.find('prop:ivl=10')).toEqual(['today']);
    expect(w.find('prop:ivl=3')).toEqual(['tomorrow']); // reviewed at 00:00 UTC, before the 04:00 day start: on the day before
    expect(w.find('prop:ivl>=30')).toEqual(['overdue', 'easy']);
    expect(w.find('prop:ivl=0')).toEqual(['fresh']);
    expect(w.find('prop:reps=2')).toEqual(['today']);
    expect(w.find('prop:lapses>1')).toEqual(['tomorrow']);
    expect(w.find('prop:lapses=0')).toEqual(['today', 'overdue', 'easy', 'fresh']);
    // ease: 1.3 + (10 − D) × 2.2 / 9; new cards have none.
    expect(w.find('prop:ease=3.5')).toEqual(['easy']);
    expect(w.find('prop:ease<1.5')).toEqual(['tomorrow']);
    expect(w.find('prop:ease>2')).toEqual(['today', 'overdue', 'easy']);
    expect(w.find('prop:d>0.9')).toEqual(['tomorrow']);
    expect(w.find('prop:d=0')).toEqual(['easy']);
    expect(w.find('prop:s>=40')).toEqual(['overdue', 'easy']);
    expect(w.find('prop:s=10')).toEqual(['today', 'tomorrow']);
    // Recall now: an hour after a review it is near 1; after S days it is 0.9 (FSRS's definition of stability).
    expect(w.find('prop:r>0.995')).toEqual(['easy']);
    expect(w.find('prop:r=0.9')).toEqual(['today']);
    expect(w.find('prop:r<0.95')).toEqual(['today', 'overdue']);
    expect(w.find('prop:r>0')).not.toContain('fresh');
    // Suspended and buried cards have no due day in Anki's sense.
    suspend(w.col, [today]);
    expect(w.find('prop:due=0')).toEqual([]);
  });

  it('flag:, card: and passage:', () => {
    const w = world();
    const red = w.card('red');
    w.card('question', { kind: 'qa' });
    applyToCards(w.col, { cardIds: [red] }, { kind: 'flag', flag: 1 });
    expect(w.find('flag:1')).toEqual(['red']);
    expect(w.find('flag:0')).toEqual(['question']);
    expect(w.find('card:cloze')).toEqual(['red']);
    expect(w.find('card:basic')).toEqual(['question']);
    expect(w.find('card:q*')).toEqual(['question']);
    expect(w.find('card:1')).toEqual(['red', 'question']);
    expect(w.find('card:2')).toEqual([]);
    expect(w.find('passage:none')).toEqual(['red', 'question']);
    expect(w.find('passage:changed')).toEqual([]);
  });
});

describe('decks, sections and tags', () => {
  it('deck: with quotes, wildcards and sections as child decks; section:', () => {
    const w = world();
    w.card('formation card', { section: 1 });
    w.card('movement card', { section: 2 });
    w.card('intro card', { section: 0 });
    const all = ['formation card', 'movement card', 'intro card'];
    expect(w.find('deck:"Field Notes on Glaciers"')).toEqual(all);
    expect(w.find('"deck:field notes on glaciers"')).toEqual(all);
    expect(w.find('deck:Field*')).toEqual(all);
    expect(w.find('deck:Field')).toEqual([]);
    expect(w.find('deck:*')).toEqual(all);
    expect(w.find('deck:"Field Notes on Glaciers::Movement"')).toEqual(['movement card']);
    expect(w.find('deck:*::Introduction')).toEqual(['intro card']);
    expect(w.find('-deck:"Field Notes on Glaciers::Formation"')).toEqual(['movement card', 'intro card']);
    expect(w.find('section:formation')).toEqual(['formation card']);
    expect(w.find('section:M*')).toEqual(['movement card']);
    expect(w.find('section:nothing')).toEqual([]);
  });

  it('tag: matches a tag and its children, with wildcards, and tag:none', () => {
    const w = world();
    w.card('rivers', { tags: ['Geo::Rivers'] });
    w.card('geology', { tags: ['geology'] });
    w.card('untagged');
    expect(w.find('tag:geo')).toEqual(['rivers']);
    expect(w.find('tag:geo::rivers')).toEqual(['rivers']);
    expect(w.find('tag:geo*')).toEqual(['rivers', 'geology']);
    expect(w.find('tag:none')).toEqual(['untagged']);
    expect(w.find('-tag:none')).toEqual(['rivers', 'geology']);
    expect(w.find('tag:*')).toEqual(['rivers', 'geology', 'untagged']);
  });
});

describe('history: rated, added, edited', () => {
  it('counts study days back, today being 1, by the collection’s day boundary', () => {
    const w = world();
    w.clock.set(NOW - 2 * DAY);
    const old = w.card('old');
    w.clock.set(NOW - DAY);
    const yesterday = w.card('yesterday');
    answer(w.col, { cardId: old, rating: 1, durationMs: 1000, sessionKind: 'normal' });
    w.clock.set(NOW);
    const today = w.card('today');
    answer(w.col, { cardId: today, rating: 3, durationMs: 1000, sessionKind: 'normal' });
    forget(w.col, [yesterday]); // a manual reset is not a rating
    expect(w.find('added:1')).toEqual(['today']);
    expect(w.find('added:2')).toEqual(['yesterday', 'today']);
    expect(w.find('rated:1')).toEqual(['today']);
    expect(w.find('rated:2')).toEqual(['old', 'today']);
    expect(w.find('rated:2:1')).toEqual(['old']);
    expect(w.find('rated:7:3')).toEqual(['today']);
    // Editing moves edited:, studying does not.
    expect(w.find('edited:1')).toEqual(['today']);
    updateCard(w.col, old, { text: 'old, {{c1::edited}}' });
    expect(w.find('edited:1')).toEqual(['old', 'today']);
    // 03:59 the next morning is still the same study day.
    w.clock.set(Date.UTC(2026, 4, 2, 3, 59));
    expect(w.find('added:1')).toEqual(['today']);
    w.clock.set(Date.UTC(2026, 4, 2, 4, 1));
    expect(w.find('added:1')).toEqual([]);
  });
});

describe('refusals', () => {
  it('refuse a malformed search with the parser’s sentence, changing nothing', () => {
    const w = world();
    expect(() => w.find('(rule')).toThrow(/never closed/);
    expect(() => w.find('is:nw')).toThrow(/not a state/);
  });
});

describe('bulk actions and undo', () => {
  it('apply to every card a search finds in one step, and undo as one', () => {
    const w = world();
    const ids = Array.from({ length: 43 }, (_, i) => w.card(`card ${i} {{c1::x}}`));
    const other = w.card('other');
    const suspended = applyToCards(w.col, { search: { query: 'card -"card 0 "' } }, { kind: 'suspend', suspended: true });
    expect(suspended.cards).toBe(42);
    expect(nextUndo(w.col)).toMatchObject({ stepId: suspended.undoToken, action: 'suspend', cards: 42 });
    expect(w.find('is:suspended')).toHaveLength(42);
    const deleted = applyToCards(w.col, { search: { query: 'card' }, exceptIds: [ids[1]!] }, { kind: 'delete' });
    expect(deleted.cards).toBe(42);
    expect(w.find('')).toEqual(['card 1 {{c1::x}}', 'other']);
    undo(w.col, deleted.undoToken!);
    expect(w.find('')).toHaveLength(44);
    expect(w.find('is:suspended')).toHaveLength(42);
    undo(w.col);
    expect(w.find('is:suspended')).toHaveLength(0);
    expect(other).toBeTruthy();
  });

  it('undoes edits, tags, flags, creations and deletions step by step, sharing the reviewer’s stack', () => {
    const w = world();
    const a = w.card('alpha {{c1::one}}');
    const steps = [
      () => updateCard(w.col, a, { text: 'alpha {{c1::two}}' }),
      () => applyToCards(w.col, { cardIds: [a] }, { kind: 'tag', add: ['greek'], remove: [] }),
      () => applyToCards(w.col, { cardIds: [a] }, { kind: 'flag', flag: 2 }),
      () => answer(w.col, { cardId: a, rating: 3, durationMs: 500, sessionKind: 'normal' }),
      () => w.card('beta'),
      () => applyToCards(w.col, { cardIds: [a] }, { kind: 'delete' }),
    ];
    const dump = () => JSON.stringify([w.col.db.prepare('SELECT * FROM cards ORDER BY id').all(), w.col.db.prepare('SELECT * FROM review_logs ORDER BY id').all()]);
    const snapshots = [dump()];
    for (const step of steps) {
      w.clock.advance(60_000);
      step();
      snapshots.push(dump());
    }
    for (let i = steps.length - 1; i >= 0; i--) {
      expect(undo(w.col)).not.toBeNull();
      expect(dump()).toBe(snapshots[i]);
    }
    expect(w.find('alpha')).toEqual(['alpha {{c1::one}}']);
  });

  it('refuses to undo over a later change, and undoes an older step by its token when nothing conflicts', () => {
    const w = world();
    const a = w.card('alpha');
    const b = w.card('beta');
    const suspendA = applyToCards(w.col, { cardIds: [a] }, { kind: 'suspend', suspended: true });
    applyToCards(w.col, { cardIds: [b] }, { kind: 'flag', flag: 3 });
    undo(w.col, suspendA.undoToken!);
    expect(w.find('is:suspended')).toEqual([]);
    expect(w.find('flag:3')).toEqual(['beta']);
    updateCard(w.col, b, { text: 'beta {{c1::edited}}' });
    const flagged = applyToCards(w.col, { cardIds: [b] }, { kind: 'flag', flag: 1 });
    updateCard(w.col, b, { text: 'beta {{c1::again}}' });
    expect(() => undo(w.col, flagged.undoToken!)).toThrow(/cannot be undone/);
    expect(w.find('flag:1')).toEqual(['beta {{c1::again}}'.replace(/.*/, 'beta')]);
  });

  it('matches the search the table shows', () => {
    const w = world();
    w.card('one');
    w.card('two');
    expect(matchingCardIds(w.col, { query: 'one or two' })).toHaveLength(2);
  });
});

describe('saved searches', () => {
  it('are created, renamed and deleted; a malformed search or a taken name is refused', () => {
    const w = world();
    const saved = saveSearch(w.col, '  Due  soon ', 'is:due or prop:due<=1');
    expect(saved).toMatchObject({ name: 'Due soon', query: 'is:due or prop:due<=1' });
    expect(() => saveSearch(w.col, 'due SOON', 'is:new')).toThrow(/already a saved search named “Due soon”/);
    expect(() => saveSearch(w.col, 'Broken', '(is:new')).toThrow(/cannot be saved: .*never closed/);
    expect(() => saveSearch(w.col, ' ', 'is:new')).toThrow(/name/);
    saveSearch(w.col, 'Another', 'tag:x');
    changeSavedSearch(w.col, saved.id, { name: 'Today' });
    expect(savedSearches(w.col).map((s) => s.name)).toEqual(['Another', 'Today']);
    removeSavedSearch(w.col, saved.id);
    expect(savedSearches(w.col).map((s) => s.name)).toEqual(['Another']);
    expect(() => removeSavedSearch(w.col, saved.id)).toThrow(/not in your collection/);
  });
});
