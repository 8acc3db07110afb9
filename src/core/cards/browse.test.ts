import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { openCollection, type Collection } from '../collection';
import { importArticle } from '../library/import';
import { setFlag, setSuspended, writeCardMemory } from '../storage/cards';
import { listCards, sectionCards } from './browse';
import { createCard, deleteCards, undoDeleteCards, updateCard } from './edit';

const NOW = Date.UTC(2026, 4, 1, 12);
const DAY = 86_400_000;
const encode = (text: string) => new TextEncoder().encode(text);

function setup(): { col: Collection; articleId: string } {
  const col = openCollection({ path: ':memory:', clock: manualClock(NOW) });
  const { articleId } = importArticle(col, {
    bytes: encode('# Birds\n\nIntro words here.\n\n## Flight\n\nBirds fly with feathers.\n'),
    fileName: 'birds.md',
    source: null,
  });
  col.db.prepare('DELETE FROM cards').run();
  return { col, articleId };
}

const page = { sort: 'created' as const, descending: false, offset: 0, limit: 100 };
const texts = (col: Collection, filters: Record<string, unknown>) =>
  listCards(col, { ...page, ...filters }).cards.map((c) => c.text ?? c.front);

describe('the card browser query', () => {
  it('finds cards by words of text, front and back (anywhere in a word, accents folded), tags by tag:, and follows edits and deletions', () => {
    const { col, articleId } = setup();
    const a = createCard(col, { articleId, sectionIndex: 1, kind: 'cloze', text: 'Birds fly with {{c1::feathers}}.', tags: ['anatomy'] });
    createCard(col, { articleId, sectionIndex: 1, kind: 'qa', front: 'What is a café?', back: 'A place for coffee' });
    expect(texts(col, { query: 'feath' })).toEqual(['Birds fly with {{c1::feathers}}.']);
    expect(texts(col, { query: 'cafe' })).toEqual(['What is a café?']);
    expect(texts(col, { query: 'coffee place' })).toEqual(['What is a café?']);
    expect(texts(col, { query: 'anatomy' })).toHaveLength(0);
    expect(texts(col, { query: 'tag:anatomy' })).toHaveLength(1);
    expect(() => texts(col, { query: '"{{ OR * ::' })).toThrow(/never closed/);
    expect(texts(col, { query: '  ' })).toHaveLength(2);

    updateCard(col, a.id, { text: 'Birds fly with {{c1::wings}}.' });
    expect(texts(col, { query: 'feathers' })).toEqual([]);
    expect(texts(col, { query: 'wings' })).toEqual(['Birds fly with {{c1::wings}}.']);
    const { undoToken } = deleteCards(col, [a.id]);
    expect(texts(col, { query: 'wings' })).toEqual([]);
    undoDeleteCards(col, undoToken);
    expect(texts(col, { query: 'wings' })).toHaveLength(1);
  });

  it('filters by article, section, kind, state, due, flag, suspended and source status, with a total', () => {
    const { col, articleId } = setup();
    const mk = (text: string, sectionIndex = 1) => createCard(col, { articleId, sectionIndex, kind: 'cloze', text: `${text} {{c1::x}}` });
    const fresh = mk('fresh', 0);
    const overdue = mk('overdue');
    const later = mk('later');
    const flagged = mk('flagged');
    const mem = (due: number) => ({ state: 2 as const, due, stability: 5, difficulty: 5, reps: 2, lapses: 0, lastReview: NOW - DAY, learningSteps: 0 });
    col.transact(() => {
      writeCardMemory(col.db, overdue.id, mem(NOW - 2 * DAY), NOW);
      writeCardMemory(col.db, later.id, mem(NOW + 30 * DAY), NOW);
      setFlag(col.db, [flagged.id], 3, NOW);
      setSuspended(col.db, [flagged.id], true, NOW);
      col.db.prepare("UPDATE cards SET source_status = 'changed' WHERE id = ?").run(later.id);
    });
    const only = (filters: Record<string, unknown>) => texts(col, filters).map((t) => t!.split(' ')[0]);
    expect(only({ sectionIndex: 0 })).toEqual(['fresh']);
    expect(only({ articleId, sectionIndex: 1 })).toEqual(['overdue', 'later', 'flagged']);
    expect(only({ state: 'new' })).toEqual(['fresh', 'flagged']);
    expect(only({ state: 'review' })).toEqual(['overdue', 'later']);
    expect(only({ due: 'overdue' })).toEqual(['overdue']);
    expect(only({ due: 'today' })).toEqual(['overdue']);
    expect(only({ due: 'later' })).toEqual(['later']);
    expect(only({ flag: 3 })).toEqual(['flagged']);
    expect(only({ suspended: true })).toEqual(['flagged']);
    expect(only({ sourceStatus: 'changed' })).toEqual(['later']);
    expect(only({ sourceStatus: 'none' })).toEqual(['fresh', 'overdue', 'flagged']);
    expect(only({ kind: 'qa' })).toEqual([]);
    expect(listCards(col, { ...page, limit: 1, offset: 1 })).toMatchObject({ total: 4, offset: 1, cards: [{ id: overdue.id }] });
    expect(fresh.sectionHeading).toBeNull();
    expect(overdue.sectionHeading).toBe('Flight');
  });

  it('sorts, pages and lists a section in reading order', () => {
    const { col, articleId } = setup();
    const made = ['b', 'c', 'a'].map((t) => createCard(col, { articleId, sectionIndex: 1, kind: 'cloze', text: `${t} {{c1::x}}` }));
    expect(texts(col, { sort: 'text' })).toEqual(['a {{c1::x}}', 'b {{c1::x}}', 'c {{c1::x}}']);
    expect(texts(col, { sort: 'text', descending: true, limit: 2 })).toEqual(['c {{c1::x}}', 'b {{c1::x}}']);
    expect(texts(col, { sort: 'text', offset: 2 })).toEqual(['c {{c1::x}}']);
    const selected = createCard(col, { articleId, sectionIndex: 1, kind: 'cloze', selection: { paragraphIndex: 0, start: 0, end: 5 } });
    expect(sectionCards(col, articleId, 1).map((c) => c.id)).toEqual([selected.id, ...made.map((c) => c.id)]);
  });
});

describe('the search migration', () => {
  it('indexes the cards a collection already had when it is upgraded', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { migrations } = await import('../storage/migrations');
    const dir = mkdtempSync(join(tmpdir(), 'lectern-fts-'));
    try {
      const path = join(dir, 'lectern.sqlite');
      const old = openCollection({ path, clock: manualClock(NOW), migrations: migrations.filter((m) => m.version === 1) });
      const { articleId } = importArticle(old, { bytes: encode('# Birds\n\nBirds fly with feathers.\n'), fileName: 'b.md', source: null });
      old.db.prepare('DELETE FROM cards').run();
      createCard(old, { articleId, sectionIndex: 0, kind: 'qa', front: 'How do birds fly?', back: 'With feathers', tags: ['wings'] });
      old.close();
      const upgraded = openCollection({ path, clock: manualClock(NOW) });
      expect(texts(upgraded, { query: 'feathers' })).toEqual(['How do birds fly?']);
      expect(texts(upgraded, { query: 'tag:wings' })).toEqual(['How do birds fly?']);
      expect(texts(upgraded, { query: 'irds fl' })).toEqual(['How do birds fly?']);
      const card = listCards(upgraded, page).cards[0]!;
      updateCard(upgraded, card.id, { back: 'By flapping' });
      expect(texts(upgraded, { query: 'feathers' })).toEqual([]);
      expect(texts(upgraded, { query: 'flapping' })).toEqual(['How do birds fly?']);
      upgraded.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
