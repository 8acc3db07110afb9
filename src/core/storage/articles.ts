import type { Article, ArticleMeta, ParagraphKind, Section } from '../../shared/contract';

/**
 * paragraph_kinds stores, parallel to the sections' paragraphs, what each paragraph was ("prose",
 * "code"…) and, with a "!" suffix, that the user marked it as not for study.
 */
function encodeKinds(kinds: ParagraphKind[][], excluded: boolean[][]): string {
  return JSON.stringify(kinds.map((row, s) => row.map((kind, p) => (excluded[s]?.[p] ? `${kind}!` : kind))));
}

function decodeKinds(raw: string): { kinds: ParagraphKind[][]; excluded: boolean[][] } {
  const rows = JSON.parse(raw) as string[][];
  return {
    kinds: rows.map((row) => row.map((k) => k.replace(/!$/, '') as ParagraphKind)),
    excluded: rows.map((row) => row.map((k) => k.endsWith('!'))),
  };
}
import type { Db } from './database';

export interface ArticleRow {
  id: string;
  title: string;
  meta: ArticleMeta;
  sections: Section[];
  /** Parallel to sections[i].paragraphs[j]: what each paragraph was (prose, code, table row…). */
  kinds: ParagraphKind[][];
  /** Parallel likewise: paragraphs the user marked as not for study. */
  excluded: boolean[][];
  readingPosition: string | null;
  format: string;
  source: string | null;
  sourceHash: string;
  bundled: boolean;
  createdAt: number;
  updatedAt: number;
  lastOpenedAt: number | null;
}

interface RawArticleRow {
  id: string;
  title: string;
  meta: string;
  sections: string;
  paragraph_kinds: string;
  reading_position: string | null;
  format: string;
  source: string | null;
  source_hash: string;
  bundled: number;
  created_at: number;
  updated_at: number;
  last_opened_at: number | null;
}

function fromRaw(raw: RawArticleRow): ArticleRow {
  return {
    id: raw.id,
    title: raw.title,
    meta: JSON.parse(raw.meta) as ArticleMeta,
    sections: JSON.parse(raw.sections) as Section[],
    ...decodeKinds(raw.paragraph_kinds),
    readingPosition: raw.reading_position,
    format: raw.format,
    source: raw.source,
    sourceHash: raw.source_hash,
    bundled: raw.bundled === 1,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    lastOpenedAt: raw.last_opened_at,
  };
}

export interface NewArticle {
  id: string;
  article: Article;
  paragraphKinds: ParagraphKind[][];
  format: string;
  source: string | null;
  sourceHash: string;
  bundled: boolean;
  now: number;
}

export function insertArticle(db: Db, row: NewArticle): void {
  db.prepare(
    `INSERT INTO articles (id, title, meta, sections, paragraph_kinds, format, source, source_hash, bundled, created_at, updated_at)
     VALUES (@id, @title, @meta, @sections, @kinds, @format, @source, @sourceHash, @bundled, @now, @now)`,
  ).run({
    id: row.id,
    title: row.article.title,
    meta: JSON.stringify(row.article.meta),
    sections: JSON.stringify(row.article.sections),
    kinds: encodeKinds(row.paragraphKinds, []),
    format: row.format,
    source: row.source,
    sourceHash: row.sourceHash,
    bundled: row.bundled ? 1 : 0,
    now: row.now,
  });
}

export function findArticleByHash(db: Db, sourceHash: string): ArticleRow | undefined {
  const raw = db.prepare('SELECT * FROM articles WHERE source_hash = ?').get(sourceHash) as RawArticleRow | undefined;
  return raw ? fromRaw(raw) : undefined;
}

/** The article last imported from this file path or URL, if any. */
export function findArticleBySource(db: Db, source: string): ArticleRow | undefined {
  const raw = db.prepare('SELECT * FROM articles WHERE source = ? ORDER BY updated_at DESC LIMIT 1').get(source) as
    | RawArticleRow
    | undefined;
  return raw ? fromRaw(raw) : undefined;
}

/** Replaces an article's content after a changed version of its source was imported. */
export function replaceArticleContent(
  db: Db,
  id: string,
  content: { article: Article; paragraphKinds: ParagraphKind[][]; excluded?: boolean[][]; format: string; sourceHash: string; now: number },
): void {
  db.prepare(
    `UPDATE articles SET title = @title, meta = @meta, sections = @sections, paragraph_kinds = @kinds, format = @format,
            source_hash = @sourceHash, updated_at = @now WHERE id = @id`,
  ).run({
    id,
    title: content.article.title,
    meta: JSON.stringify(content.article.meta),
    sections: JSON.stringify(content.article.sections),
    kinds: encodeKinds(content.paragraphKinds, content.excluded ?? []),
    format: content.format,
    sourceHash: content.sourceHash,
    now: content.now,
  });
}

/** Saves edited sections (rename, merge, split, study flags) with their paragraph kinds. */
export function updateLayout(
  db: Db,
  id: string,
  layout: { sections: Section[]; kinds: ParagraphKind[][]; excluded: boolean[][] },
  now: number,
): void {
  db.prepare('UPDATE articles SET sections = ?, paragraph_kinds = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(layout.sections),
    encodeKinds(layout.kinds, layout.excluded),
    now,
    id,
  );
}

export function markOpened(db: Db, id: string, now: number, readingPosition: string | null): void {
  db.prepare('UPDATE articles SET last_opened_at = ?, reading_position = coalesce(?, reading_position) WHERE id = ?').run(
    now,
    readingPosition,
    id,
  );
}

export function deleteArticleRow(db: Db, id: string): void {
  db.prepare('DELETE FROM articles WHERE id = ?').run(id);
}

export function getArticle(db: Db, id: string): ArticleRow | undefined {
  const raw = db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as RawArticleRow | undefined;
  return raw ? fromRaw(raw) : undefined;
}

export interface ArticleListRow {
  id: string;
  title: string;
  source: string | null;
  createdAt: number;
  updatedAt: number;
  lastOpenedAt: number | null;
  sections: number;
  cards: number;
  newCards: number;
  dueToday: number;
}

/**
 * The library: every article with its counts. `dueBefore` is the end of the current study day; "due"
 * counts cards already studied that fall due today, as Anki does; unseen cards are counted as new.
 */
export function listArticles(db: Db, now: number, dueBefore: number): ArticleListRow[] {
  return db
    .prepare(
      `SELECT a.id, a.title, a.source, a.created_at AS createdAt, a.updated_at AS updatedAt,
              a.last_opened_at AS lastOpenedAt, json_array_length(a.sections) AS sections,
              (SELECT count(*) FROM cards c WHERE c.article_id = a.id) AS cards,
              (SELECT count(*) FROM cards c WHERE c.article_id = a.id AND c.state = 0 AND c.suspended = 0) AS newCards,
              (SELECT count(*) FROM cards c WHERE c.article_id = a.id AND c.state <> 0 AND c.suspended = 0
                 AND (c.buried_until IS NULL OR c.buried_until <= @now) AND c.due < @dueBefore) AS dueToday
         FROM articles a
        ORDER BY a.created_at DESC, a.id DESC`,
    )
    .all({ now, dueBefore }) as ArticleListRow[];
}

export function countRows(db: Db): { articles: number; cards: number; reviewLogs: number } {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM cards) AS cards,
              (SELECT count(*) FROM review_logs) AS reviewLogs`,
    )
    .get() as { articles: number; cards: number; reviewLogs: number };
}
