import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { openCollection, type Collection } from '../collection';
import { newId } from '../ids';
import { articleView, deleteArticle, editLayout, undoDeleteArticle } from './articles';
import { importArticle } from './import';
import { mergeWithNext, splitSection } from './sections';

const text = `Rivers

Rivers carry water from high ground to the sea along channels they carve over time.

Deltas

Where a river meets the sea it drops its sediment and builds a delta of new land.

A second paragraph about deltas describes how distributary channels spread across the plain.
`;

function setup(): { col: Collection; articleId: string } {
  const col = openCollection({ path: ':memory:', clock: manualClock(Date.UTC(2026, 4, 1, 12)) });
  const { articleId } = importArticle(col, { bytes: new TextEncoder().encode(text), fileName: 'rivers.txt', source: null });
  // Start from no cards, so each test counts exactly the cards it adds.
  col.db.prepare('DELETE FROM cards').run();
  return { col, articleId };
}

/** A card on a given passage, as card generation stores it; state 2 is a card already in review. */
function addCard(col: Collection, articleId: string, section: number, paragraph: number, due: number, state = 0): string {
  const id = newId();
  const deck = col.db.prepare('SELECT id FROM decks WHERE article_id = ?').get(articleId) as { id: string };
  col.db
    .prepare(
      `INSERT INTO cards (id, deck_id, article_id, section_index, kind, text, source_paragraph, source_start, source_end, source_quote, state, due, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'cloze', 'x {{c1::y}}', ?, 0, 1, 'y', ?, ?, 0, 0)`,
    )
    .run(id, deck.id, articleId, section, paragraph, state, due);
  return id;
}

const position = (col: Collection, id: string) =>
  col.db.prepare('SELECT section_index AS section, source_paragraph AS paragraph FROM cards WHERE id = ?').get(id);

describe('articles in the library', () => {
  it('shows each section with its cards, the new ones, and the studied ones due today', () => {
    const { col, articleId } = setup();
    addCard(col, articleId, 1, 0, Date.UTC(2026, 4, 1, 8), 2);
    addCard(col, articleId, 1, 1, Date.UTC(2026, 4, 9), 2);
    addCard(col, articleId, 1, 1, Date.UTC(2026, 4, 1, 8), 0);
    const view = articleView(col, articleId);
    expect(view.sections.map((s) => [s.heading, s.cards, s.new, s.due])).toEqual([
      [null, 0, 0, 0],
      ['Deltas', 3, 1, 1],
    ]);
    expect(view.sections[1]!.kinds).toEqual(['prose', 'prose']);
  });

  it('moves cards with their paragraphs when sections are split and merged', () => {
    const { col, articleId } = setup();
    const card = addCard(col, articleId, 1, 1, 0);
    editLayout(col, articleId, (layout) => splitSection(layout, 1, 1, 'Channels'));
    expect(position(col, card)).toEqual({ section: 2, paragraph: 0 });
    editLayout(col, articleId, (layout) => mergeWithNext(layout, 0));
    expect(position(col, card)).toEqual({ section: 1, paragraph: 0 });
    expect(articleView(col, articleId).sections.map((s) => s.heading)).toEqual([null, 'Channels']);
  });

  it('puts a deleted article back exactly as it was, cards and history included', () => {
    const { col, articleId } = setup();
    const card = addCard(col, articleId, 1, 0, 0);
    col.db
      .prepare(
        `INSERT INTO review_logs (id, card_id, kind, rating, reviewed_at, state, due, stability, difficulty, elapsed_days, scheduled_days)
         VALUES (?, ?, 'review', 3, 1, 0, 0, 0, 0, 0, 0)`,
      )
      .run(newId(), card);
    const dump = () => JSON.stringify(['articles', 'decks', 'cards', 'review_logs'].map((t) => col.db.prepare(`SELECT * FROM ${t}`).all()));
    const before = dump();
    const token = deleteArticle(col, articleId);
    expect(col.db.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 0 });
    expect(undoDeleteArticle(col, token)).toBe(articleId);
    expect(dump()).toBe(before);
    expect(() => undoDeleteArticle(col, token)).toThrow(/nothing to undo/);
  });

  it('cannot bring an article back over a new import of the same text', () => {
    const { col, articleId } = setup();
    const token = deleteArticle(col, articleId);
    importArticle(col, { bytes: new TextEncoder().encode(text), fileName: 'rivers.txt', source: null });
    expect(() => undoDeleteArticle(col, token)).toThrow(/imported again/);
  });
});
