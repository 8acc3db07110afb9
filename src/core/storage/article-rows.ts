import { DEFAULT_PRESET_ID } from '../ids';
import type { Db } from './database';

/**
 * Whole-row copies of an article and everything hanging off it (its deck, cards and review logs), so
 * a deleted article can be put back exactly as it was.
 */
export interface ArticleRows {
  articles: Record<string, unknown>[];
  decks: Record<string, unknown>[];
  cards: Record<string, unknown>[];
  review_logs: Record<string, unknown>[];
}

export function copyArticleRows(db: Db, articleId: string): ArticleRows {
  const all = (sql: string) => db.prepare(sql).all(articleId) as Record<string, unknown>[];
  return {
    articles: all('SELECT * FROM articles WHERE id = ?'),
    decks: all('SELECT * FROM decks WHERE article_id = ?'),
    cards: all('SELECT * FROM cards WHERE article_id = ?'),
    review_logs: all('SELECT l.* FROM review_logs l JOIN cards c ON c.id = l.card_id WHERE c.article_id = ?'),
  };
}

export function restoreArticleRows(db: Db, rows: ArticleRows): void {
  for (const table of ['articles', 'decks', 'cards', 'review_logs'] as const) {
    for (const copy of rows[table]) {
      // The deck's preset may have been deleted since: the deck goes back to the default preset.
      const presetGone = table === 'decks' && !db.prepare('SELECT 1 FROM presets WHERE id = ?').get(copy.preset_id);
      const row = presetGone ? { ...copy, preset_id: DEFAULT_PRESET_ID } : copy;
      const columns = Object.keys(row);
      db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
    }
  }
}

export interface SectionCounts {
  cards: number;
  /** Cards not studied yet. */
  new: number;
  /** Studied cards that fall due before the end of the study day. */
  due: number;
}

/** Card counts per section of an article (see listArticles for what "new" and "due" mean). */
export function sectionCardCounts(db: Db, articleId: string, now: number, dueBefore: number): Map<number, SectionCounts> {
  const rows = db
    .prepare(
      `SELECT section_index AS section, count(*) AS cards,
              sum(CASE WHEN state = 0 AND suspended = 0 THEN 1 ELSE 0 END) AS new,
              sum(CASE WHEN state <> 0 AND suspended = 0 AND due < @dueBefore AND (buried_until IS NULL OR buried_until <= @now) THEN 1 ELSE 0 END) AS due
         FROM cards WHERE article_id = @articleId AND section_index IS NOT NULL GROUP BY section_index`,
    )
    .all({ articleId, now, dueBefore }) as ({ section: number } & SectionCounts)[];
  return new Map(rows.map((r) => [r.section, { cards: r.cards, new: r.new, due: r.due }]));
}

/** Moves cards' source positions after sections were merged or split. */
export function moveCardSources(
  db: Db,
  articleId: string,
  move: (section: number, paragraph: number) => { section: number; paragraph: number },
): void {
  const cards = db
    .prepare('SELECT id, section_index AS section, source_paragraph AS paragraph FROM cards WHERE article_id = ? AND section_index IS NOT NULL')
    .all(articleId) as { id: string; section: number; paragraph: number | null }[];
  const update = db.prepare('UPDATE cards SET section_index = ?, source_paragraph = ? WHERE id = ?');
  for (const card of cards) {
    const to = move(card.section, card.paragraph ?? 0);
    if (to.section !== card.section || (card.paragraph !== null && to.paragraph !== card.paragraph)) {
      update.run(to.section, card.paragraph === null ? null : to.paragraph, card.id);
    }
  }
}

/** The content of an article's cards, to tell a new draft from a card that already exists. */
export function existingCardContents(db: Db, articleId: string): { kind: string; text: string | null; front: string | null; back: string | null }[] {
  return db.prepare('SELECT kind, text, front, back FROM cards WHERE article_id = ?').all(articleId) as {
    kind: string;
    text: string | null;
    front: string | null;
    back: string | null;
  }[];
}
