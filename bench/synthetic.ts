import type { Clock } from '../src/core/clock';
import { openCollection, type Collection } from '../src/core/collection';
import { DEFAULT_PRESET_ID, newId } from '../src/core/ids';

/**
 * A synthetic collection for benchmarks: `articles` articles with a deck each, `cards` cards spread over
 * them in every state, due dates spread over the past and next months, and a review log per seen card.
 */
export function syntheticCollection(path: string, options: { cards: number; articles?: number; now: number; clock?: Clock }): Collection {
  const col = openCollection({ path, clock: options.clock });
  const articles = options.articles ?? 50;
  const day = 86_400_000;
  col.transact(() => {
    const insertArticle = col.db.prepare(
      `INSERT INTO articles (id, title, sections, paragraph_kinds, format, source_hash, created_at, updated_at)
       VALUES (?, ?, ?, '[]', 'text', ?, ?, ?)`,
    );
    const insertDeck = col.db.prepare('INSERT INTO decks (id, name, article_id, preset_id) VALUES (?, ?, ?, ?)');
    const insertCard = col.db.prepare(
      `INSERT INTO cards (id, deck_id, article_id, section_index, kind, text, source_paragraph, source_start, source_end,
         source_quote, state, due, stability, difficulty, reps, lapses, last_review, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'cloze', ?, 0, 0, 5, 'quote', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertLog = col.db.prepare(
      `INSERT INTO review_logs (id, card_id, kind, rating, reviewed_at, state, due, stability, difficulty, elapsed_days, scheduled_days)
       VALUES (?, ?, 'review', 3, ?, 0, ?, 0, 0, 0, 1)`,
    );
    const decks: { deck: string; article: string }[] = [];
    for (let a = 0; a < articles; a++) {
      const article = newId();
      const deck = newId();
      const sections = JSON.stringify([{ heading: null, level: 1, study: true, paragraphs: ['p'] }]);
      insertArticle.run(article, `Synthetic article ${a}`, sections, `hash-${a}-${article}`, options.now, options.now);
      insertDeck.run(deck, `Synthetic article ${a}`, article, DEFAULT_PRESET_ID);
      decks.push({ deck, article });
    }
    for (let i = 0; i < options.cards; i++) {
      const { deck, article } = decks[i % decks.length]!;
      const id = newId();
      const state = i % 10 === 0 ? 0 : i % 17 === 0 ? 1 : 2;
      const due = options.now + ((i * 7919) % (120 * day)) - 60 * day;
      const lastReview = state === 0 ? null : due - 5 * day;
      insertCard.run(
        id, deck, article, 0, `Card number ${i} about {{c1::topic ${i % 997}}} in a synthetic deck`,
        state, due, state === 0 ? 0 : 5 + (i % 30), state === 0 ? 0 : 3 + (i % 6), state === 0 ? 0 : 3, 0, lastReview,
        options.now, options.now,
      );
      if (lastReview !== null) insertLog.run(newId(), id, lastReview, due);
    }
  });
  return col;
}
