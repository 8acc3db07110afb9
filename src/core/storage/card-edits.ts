/**
 * The card writes of the card editor and browser: content, source position, tags, and whole-row
 * deletion (the undo stack keeps the rows). (Study flags and memory are in cards.ts.)
 */
import type { Db } from './database';

export interface CardSourceRow {
  id: string;
  sectionIndex: number | null;
  paragraphIndex: number | null;
  start: number | null;
  end: number | null;
  quote: string | null;
  prefix: string | null;
  suffix: string | null;
  status: 'ok' | 'changed' | 'missing' | null;
}

export function listArticleCardSources(db: Db, articleId: string): CardSourceRow[] {
  return db
    .prepare(
      `SELECT id, section_index AS sectionIndex, source_paragraph AS paragraphIndex, source_start AS start, source_end AS end,
              source_quote AS quote, source_prefix AS prefix, source_suffix AS suffix, source_status AS status
         FROM cards WHERE article_id = ? ORDER BY id`,
    )
    .all(articleId) as CardSourceRow[];
}

/** Writes a card's section and source (paragraph, span, quote, context and status). */
export function writeCardSource(db: Db, row: CardSourceRow, now: number): void {
  db.prepare(
    `UPDATE cards SET section_index = @sectionIndex, source_paragraph = @paragraphIndex, source_start = @start,
            source_end = @end, source_quote = @quote, source_prefix = @prefix, source_suffix = @suffix,
            source_status = @status, updated_at = @now
      WHERE id = @id`,
  ).run({ ...row, now });
}

export interface CardContent {
  text: string | null;
  front: string | null;
  back: string | null;
  tags: readonly string[];
}

export function writeCardContent(db: Db, id: string, content: CardContent, now: number): void {
  db.prepare('UPDATE cards SET text = ?, front = ?, back = ?, tags = ?, updated_at = ?, edited_at = ? WHERE id = ?').run(
    content.text,
    content.front,
    content.back,
    JSON.stringify(content.tags),
    now,
    now,
    id,
  );
}

export function writeCardTags(db: Db, id: string, tags: readonly string[], now: number): void {
  db.prepare('UPDATE cards SET tags = ?, updated_at = ?, edited_at = ? WHERE id = ?').run(JSON.stringify(tags), now, now, id);
}

export function readCardTags(db: Db, ids: readonly string[]): Map<string, string[]> {
  const stmt = db.prepare('SELECT tags FROM cards WHERE id = ?');
  const out = new Map<string, string[]>();
  for (const id of ids) {
    const row = stmt.get(id) as { tags: string } | undefined;
    if (row) out.set(id, JSON.parse(row.tags) as string[]);
  }
  return out;
}

/** Deletes cards (their logs go with them, by the foreign key). */
export function deleteCardRows(db: Db, ids: readonly string[]): number {
  const stmt = db.prepare('DELETE FROM cards WHERE id = ?');
  let deleted = 0;
  for (const id of ids) deleted += stmt.run(id).changes;
  return deleted;
}
