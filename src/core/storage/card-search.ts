/**
 * The card browser's reads: a WHERE condition (built by the search compiler and the filters) applied
 * with sorting and paging, plus the reader's per-section list. Times are epoch ms; the study day's
 * numbers come from the caller.
 */
import type { CardFilters, CardItem, CardSortKey } from '../../shared/contract/card-models';
import { contentOfRaw, type ContentColumns, type RawCardRow } from './cards';
import type { Db } from './database';

export interface DayBounds {
  /** Start and end of today's study day, and the ends of tomorrow and of the next 7 days. */
  todayStart: number;
  todayEnd: number;
  tomorrowEnd: number;
  weekEnd: number;
}

/** A condition over `cards c`, its values as named parameters. */
export interface Where {
  sql: string;
  params: Record<string, unknown>;
}

/** The study day of a due instant, as days from today (0 today, negative overdue). */
export type DueDayOf = (due: number) => number;

/** A card's content columns with the memory fields the browser shows, and its article's title and section heading. */
type ItemRow = ContentColumns &
  Pick<RawCardRow, 'state' | 'due' | 'reps' | 'lapses'> & {
    article_title: string | null;
    section_heading: string | null;
  };

const ITEM_COLUMNS = `c.id, c.deck_id, c.article_id, a.title AS article_title, c.section_index,
  CASE WHEN c.section_index IS NULL THEN NULL ELSE json_extract(a.sections, '$[' || c.section_index || '].heading') END AS section_heading,
  c.kind, c.text, c.front, c.back, c.source_paragraph, c.source_start, c.source_end, c.source_quote, c.source_prefix,
  c.source_suffix, c.source_status, c.tags, c.suspended, c.flag, c.state, c.due, c.reps, c.lapses, c.created_at, c.updated_at`;

function toItem(row: ItemRow, dueDay: DueDayOf): CardItem {
  const { id, deckId, articleId, sectionIndex, ...content } = contentOfRaw(row);
  return {
    id,
    deckId,
    articleId,
    articleTitle: row.article_title,
    sectionIndex,
    sectionHeading: row.section_heading,
    ...content,
    state: row.state,
    due: row.due,
    dueDay: row.state === 0 ? null : dueDay(row.due),
    reps: row.reps,
    lapses: row.lapses,
  };
}

const STATES = { new: 0, learning: 1, review: 2, relearning: 3 } as const;

/** The structured filters (the command's fields beside `query`) as a condition. */
export function filtersWhere(filters: CardFilters, day: DayBounds): Where {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filters.articleId !== undefined) {
    parts.push('c.article_id = @articleId');
    params.articleId = filters.articleId;
  }
  if (filters.sectionIndex !== undefined) {
    parts.push('c.section_index = @sectionIndex');
    params.sectionIndex = filters.sectionIndex;
  }
  if (filters.kind !== undefined) {
    parts.push('c.kind = @kind');
    params.kind = filters.kind;
  }
  if (filters.state !== undefined) {
    parts.push('c.state = @state');
    params.state = STATES[filters.state];
  }
  if (filters.flag !== undefined) {
    parts.push('c.flag = @flag');
    params.flag = filters.flag;
  }
  if (filters.suspended !== undefined) {
    parts.push('c.suspended = @suspended');
    params.suspended = filters.suspended ? 1 : 0;
  }
  if (filters.sourceStatus !== undefined) {
    if (filters.sourceStatus === 'none') parts.push('c.source_status IS NULL');
    else {
      parts.push('c.source_status = @sourceStatus');
      params.sourceStatus = filters.sourceStatus;
    }
  }
  if (filters.due !== undefined) {
    // New cards are not "due" on a date: they wait for their daily limit.
    const range = {
      overdue: ['c.due < @todayStart'],
      today: ['c.due < @todayEnd'],
      tomorrow: ['c.due >= @todayEnd', 'c.due < @tomorrowEnd'],
      week: ['c.due < @weekEnd'],
      later: ['c.due >= @weekEnd'],
    }[filters.due];
    parts.push('c.state <> 0', ...range);
    Object.assign(params, day);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1 = 1', params };
}

const ORDER: Record<CardSortKey, string[]> = {
  created: ['c.created_at'],
  updated: ['c.updated_at'],
  due: ['c.due'],
  position: ['c.article_id', 'c.section_index', 'c.source_paragraph', 'c.source_start'],
  text: ["coalesce(c.text, c.front, '') COLLATE NOCASE"],
  reps: ['c.reps'],
  lapses: ['c.lapses'],
};

function orderBy(sort: CardSortKey, descending: boolean): string {
  const dir = descending ? 'DESC' : 'ASC';
  return [...ORDER[sort], 'c.id'].map((part) => `${part} ${dir}`).join(', ');
}

export interface PageQuery {
  sort: CardSortKey;
  descending: boolean;
  offset: number;
  limit: number;
}

export function countCards(db: Db, where: Where): number {
  return (db.prepare(`SELECT count(*) AS n FROM cards c WHERE ${where.sql}`).get(where.params) as { n: number }).n;
}

/** Every matching card's id (a bulk action's cards), in creation order. */
export function matchingIds(db: Db, where: Where): string[] {
  return db.prepare(`SELECT c.id FROM cards c WHERE ${where.sql} ORDER BY c.created_at, c.id`).pluck().all(where.params) as string[];
}

/**
 * One page of the browser. The page's ids are found on the cards table alone (its indexes serve the
 * sort), then only those rows are joined to their articles.
 */
export function listCardPage(db: Db, where: Where, page: PageQuery, dueDay: DueDayOf): CardItem[] {
  const rows = db
    .prepare(
      `WITH page AS (SELECT c.rowid AS r FROM cards c WHERE ${where.sql} ORDER BY ${orderBy(page.sort, page.descending)}
                      LIMIT @limit OFFSET @offset)
       SELECT ${ITEM_COLUMNS} FROM page JOIN cards c ON c.rowid = page.r LEFT JOIN articles a ON a.id = c.article_id
        ORDER BY ${orderBy(page.sort, page.descending)}`,
    )
    .all({ ...where.params, limit: page.limit, offset: page.offset }) as ItemRow[];
  return rows.map((row) => toItem(row, dueDay));
}

/** A section's cards in reading order (the reader's card panel). */
export function listSectionCards(db: Db, articleId: string, sectionIndex: number, dueDay: DueDayOf): CardItem[] {
  const rows = db
    .prepare(
      `SELECT ${ITEM_COLUMNS} FROM cards c LEFT JOIN articles a ON a.id = c.article_id
        WHERE c.article_id = ? AND c.section_index = ?
        ORDER BY c.source_paragraph IS NULL, c.source_paragraph, c.source_start, c.created_at, c.id`,
    )
    .all(articleId, sectionIndex) as ItemRow[];
  return rows.map((row) => toItem(row, dueDay));
}

export function getCardItem(db: Db, id: string, dueDay: DueDayOf): CardItem | undefined {
  const row = db.prepare(`SELECT ${ITEM_COLUMNS} FROM cards c LEFT JOIN articles a ON a.id = c.article_id WHERE c.id = ?`).get(id) as
    | ItemRow
    | undefined;
  return row ? toItem(row, dueDay) : undefined;
}

/** Section headings of every article (untitled ones as null), for deck: and section: searches. */
export function listSectionHeadings(db: Db, articleIds?: readonly string[]): { articleId: string; index: number; heading: string | null }[] {
  const only = articleIds ? 'WHERE a.id IN (SELECT value FROM json_each(@ids))' : '';
  return db
    .prepare(
      `SELECT a.id AS articleId, CAST(j.key AS INTEGER) AS "index", json_extract(j.value, '$.heading') AS heading
         FROM articles a, json_each(a.sections) j ${only}`,
    )
    .all(articleIds ? { ids: JSON.stringify(articleIds) } : {}) as { articleId: string; index: number; heading: string | null }[];
}
