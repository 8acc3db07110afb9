/**
 * Card rows: content, memory state (the scheduler's fields), and the study flags (suspended, buried,
 * flag, tags). SQL lives here; the rules about when to change what live in core/schedule. Decks are
 * in decks.ts, presets (a card's preset is its deck's preset) in presets.ts.
 */
import type { CardMemory, CardState } from '../schedule/types';
import type { Db } from './database';

export type CardKind = 'cloze' | 'qa' | 'list';

export interface CardSource {
  paragraphIndex: number;
  start: number;
  end: number;
  quote: string;
  prefix?: string | null;
  suffix?: string | null;
}

export interface CardRow extends CardMemory {
  id: string;
  deckId: string;
  articleId: string | null;
  sectionIndex: number | null;
  kind: CardKind;
  text: string | null;
  front: string | null;
  back: string | null;
  source: CardSource | null;
  sourceStatus: 'ok' | 'changed' | 'missing' | null;
  tags: string[];
  suspended: boolean;
  buriedUntil: number | null;
  /** 0 = none, 1-7 = Anki's flag colours. */
  flag: number;
  createdAt: number;
  updatedAt: number;
}

/** A row exactly as SQLite stores it: what undo snapshots and restores byte for byte. */
export interface RawCardRow {
  id: string;
  deck_id: string;
  article_id: string | null;
  section_index: number | null;
  kind: CardKind;
  text: string | null;
  front: string | null;
  back: string | null;
  source_paragraph: number | null;
  source_start: number | null;
  source_end: number | null;
  source_quote: string | null;
  source_prefix: string | null;
  source_suffix: string | null;
  source_status: 'ok' | 'changed' | 'missing' | null;
  tags: string;
  suspended: number;
  buried_until: number | null;
  flag: number;
  state: number;
  due: number;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  last_review: number | null;
  learning_steps: number;
  created_at: number;
  updated_at: number;
}

const CARD_COLUMNS: readonly (keyof RawCardRow)[] = [
  'id', 'deck_id', 'article_id', 'section_index', 'kind', 'text', 'front', 'back', 'source_paragraph',
  'source_start', 'source_end', 'source_quote', 'source_prefix', 'source_suffix', 'source_status', 'tags',
  'suspended', 'buried_until', 'flag', 'state', 'due', 'stability', 'difficulty', 'reps', 'lapses',
  'last_review', 'learning_steps', 'created_at', 'updated_at',
];

/** The columns the scheduler reads: a card's memory state. */
export type MemoryColumns = Pick<RawCardRow, 'state' | 'due' | 'stability' | 'difficulty' | 'reps' | 'lapses' | 'last_review' | 'learning_steps'>;

export function memoryOfRaw(raw: MemoryColumns): CardMemory {
  return {
    state: raw.state as CardState,
    due: raw.due,
    stability: raw.stability,
    difficulty: raw.difficulty,
    reps: raw.reps,
    lapses: raw.lapses,
    lastReview: raw.last_review,
    learningSteps: raw.learning_steps,
  };
}

/** The columns of a card's content and study flags: everything but its memory state and burial. */
export type ContentColumns = Omit<RawCardRow, keyof MemoryColumns | 'buried_until'>;

/** A card's content and study flags, without its memory state and burial. */
export type CardContent = Omit<CardRow, keyof CardMemory | 'buriedUntil'> & { source: Required<CardSource> | null };

/** The one mapping from a card's content columns to its fields (the card browser's items use it too). */
export function contentOfRaw(raw: ContentColumns): CardContent {
  return {
    id: raw.id,
    deckId: raw.deck_id,
    articleId: raw.article_id,
    sectionIndex: raw.section_index,
    kind: raw.kind,
    text: raw.text,
    front: raw.front,
    back: raw.back,
    source:
      raw.source_paragraph === null
        ? null
        : {
            paragraphIndex: raw.source_paragraph,
            start: raw.source_start ?? 0,
            end: raw.source_end ?? 0,
            quote: raw.source_quote ?? '',
            prefix: raw.source_prefix,
            suffix: raw.source_suffix,
          },
    sourceStatus: raw.source_status,
    tags: JSON.parse(raw.tags) as string[],
    suspended: raw.suspended === 1,
    flag: raw.flag,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

export function fromRawCard(raw: RawCardRow): CardRow {
  return { ...contentOfRaw(raw), buriedUntil: raw.buried_until, ...memoryOfRaw(raw) };
}

export interface NewCard {
  id: string;
  deckId: string;
  articleId: string | null;
  sectionIndex: number | null;
  kind: CardKind;
  text?: string | null;
  front?: string | null;
  back?: string | null;
  source?: CardSource | null;
  sourceStatus?: 'ok' | 'changed' | 'missing' | null;
  tags?: string[];
  /** Creation instant; a new card is due from then on. */
  now: number;
}

export function insertCard(db: Db, card: NewCard): void {
  db.prepare(
    `INSERT INTO cards (id, deck_id, article_id, section_index, kind, text, front, back, source_paragraph,
       source_start, source_end, source_quote, source_prefix, source_suffix, source_status, tags, due,
       created_at, updated_at)
     VALUES (@id, @deckId, @articleId, @sectionIndex, @kind, @text, @front, @back, @paragraph, @start, @end,
       @quote, @prefix, @suffix, @sourceStatus, @tags, @now, @now, @now)`,
  ).run({
    id: card.id,
    deckId: card.deckId,
    articleId: card.articleId,
    sectionIndex: card.sectionIndex,
    kind: card.kind,
    text: card.text ?? null,
    front: card.front ?? null,
    back: card.back ?? null,
    paragraph: card.source?.paragraphIndex ?? null,
    start: card.source?.start ?? null,
    end: card.source?.end ?? null,
    quote: card.source?.quote ?? null,
    prefix: card.source?.prefix ?? null,
    suffix: card.source?.suffix ?? null,
    sourceStatus: card.sourceStatus ?? null,
    tags: JSON.stringify(card.tags ?? []),
    now: card.now,
  });
}

export function getRawCard(db: Db, id: string): RawCardRow | undefined {
  return db.prepare('SELECT * FROM cards WHERE id = ?').get(id) as RawCardRow | undefined;
}

export function getCard(db: Db, id: string): CardRow | undefined {
  const raw = getRawCard(db, id);
  return raw ? fromRawCard(raw) : undefined;
}

/** Puts a snapshot back exactly as it was (UPDATE, not REPLACE: a REPLACE would cascade-delete the card's logs). */
export function restoreRawCard(db: Db, raw: RawCardRow): void {
  const columns = CARD_COLUMNS.filter((c) => c !== 'id');
  const result = db
    .prepare(`UPDATE cards SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`)
    .run(raw);
  if (result.changes !== 1) throw new Error(`card ${raw.id} no longer exists`);
}

export function writeCardMemory(db: Db, id: string, memory: CardMemory, now: number): void {
  db.prepare(
    `UPDATE cards SET state = @state, due = @due, stability = @stability, difficulty = @difficulty, reps = @reps,
       lapses = @lapses, last_review = @lastReview, learning_steps = @learningSteps, updated_at = @now
     WHERE id = @id`,
  ).run({ id, now, ...memory });
}

export function setSuspended(db: Db, ids: readonly string[], suspended: boolean, now: number): void {
  const stmt = db.prepare('UPDATE cards SET suspended = ?, updated_at = ? WHERE id = ?');
  for (const id of ids) stmt.run(suspended ? 1 : 0, now, id);
}

/** `until` null unburies. */
export function setBuriedUntil(db: Db, ids: readonly string[], until: number | null, now: number): void {
  const stmt = db.prepare('UPDATE cards SET buried_until = ?, updated_at = ? WHERE id = ?');
  for (const id of ids) stmt.run(until, now, id);
}

export function setFlag(db: Db, ids: readonly string[], flag: number, now: number): void {
  const stmt = db.prepare('UPDATE cards SET flag = ?, updated_at = ? WHERE id = ?');
  for (const id of ids) stmt.run(flag, now, id);
}

export function setTags(db: Db, id: string, tags: readonly string[], now: number): void {
  db.prepare('UPDATE cards SET tags = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(tags), now, id);
}

/** Cards from the same passage (same article, section and source paragraph), the card itself excluded. */
export function findSiblingIds(db: Db, card: Pick<CardRow, 'id' | 'articleId' | 'sectionIndex' | 'source'>): string[] {
  if (card.articleId === null || card.sectionIndex === null || card.source === null) return [];
  const rows = db
    .prepare(
      `SELECT id FROM cards WHERE article_id = ? AND section_index = ? AND source_paragraph = ? AND id <> ?
       ORDER BY id`,
    )
    .all(card.articleId, card.sectionIndex, card.source.paragraphIndex, card.id) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Which cards a study session covers. Empty: the whole collection. */
export interface CardScope {
  deckId?: string;
  articleId?: string;
  sectionIndex?: number;
}

function scopeWhere(scope: CardScope): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.deckId !== undefined) {
    parts.push('deck_id = @deckId');
    params.deckId = scope.deckId;
  }
  if (scope.articleId !== undefined) {
    parts.push('article_id = @articleId');
    params.articleId = scope.articleId;
  }
  if (scope.sectionIndex !== undefined) {
    parts.push('section_index = @sectionIndex');
    params.sectionIndex = scope.sectionIndex;
  }
  return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
}

/** What the queue needs of a card: its memory state and whether it may be studied now. */
export type QueueRow = MemoryColumns & Pick<RawCardRow, 'id' | 'deck_id' | 'suspended' | 'buried_until'>;

/**
 * Study candidates: unsuspended, unburied cards in scope that fall due before `dueBefore`. Every
 * (re)learning card comes back, but of each deck's reviews and new cards only the first `perDeckCap`
 * in queue order: lowest retrievability first for reviews (on one forgetting curve it falls as whole
 * days since the last review grow against stability, the order ts-fsrs's retrievability gives), and
 * due order for new cards. No daily limit is above the cap, so the queue is the same as if every
 * due card were read, while a backlog of 100,000 cards costs a few hundred rows.
 */
export function listQueueCandidates(db: Db, scope: CardScope, now: number, dueBefore: number, perDeckCap = 9999): QueueRow[] {
  const where = scopeWhere(scope);
  const columns = 'id, deck_id, suspended, buried_until, state, due, stability, difficulty, reps, lapses, last_review, learning_steps';
  const available = `${where.sql} AND suspended = 0 AND (buried_until IS NULL OR buried_until <= @now) AND due < @dueBefore`;
  const params = { ...where.params, now, dueBefore, perDeckCap };
  // One small query per deck and state walks the (deck_id, due) index instead of sorting every due card;
  // the index is named because, without statistics, SQLite would pick the due index and scan every deck.
  const learning = db.prepare(`SELECT ${columns} FROM cards WHERE ${available} AND state IN (1, 3)`).all(params) as QueueRow[];
  const reviews = db.prepare(
    `SELECT ${columns} FROM cards INDEXED BY cards_deck_due WHERE ${available} AND deck_id = @eachDeck AND state = 2
      ORDER BY ((@now - last_review) / 86400000) / max(stability, 0.001) DESC, due, id LIMIT @perDeckCap`,
  );
  const fresh = db.prepare(
    `SELECT ${columns} FROM cards INDEXED BY cards_deck_due WHERE ${available} AND deck_id = @eachDeck AND state = 0 ORDER BY due, id LIMIT @perDeckCap`,
  );
  const decks = db.prepare('SELECT id FROM decks ORDER BY id').pluck().all() as string[];
  const rows = [...learning];
  for (const deckId of decks) {
    rows.push(...(reviews.all({ ...params, eachDeck: deckId }) as QueueRow[]), ...(fresh.all({ ...params, eachDeck: deckId }) as QueueRow[]));
  }
  return rows;
}

/** Every card in scope, in the article's order: what a custom (ahead-of-schedule) session studies. */
export function listCardsInScope(db: Db, scope: CardScope): RawCardRow[] {
  const where = scopeWhere(scope);
  return db
    .prepare(
      `SELECT * FROM cards WHERE ${where.sql}
        ORDER BY article_id, section_index, source_paragraph, source_start, created_at, id`,
    )
    .all(where.params) as RawCardRow[];
}

/** The earliest due instant among studiable cards in scope due at or after `from` (for "next cards due"). */
export function nextDueAfter(db: Db, scope: CardScope, from: number): number | null {
  const where = scopeWhere(scope);
  const row = db
    .prepare(`SELECT min(due) AS due FROM cards WHERE ${where.sql} AND suspended = 0 AND state <> 0 AND due >= @from`)
    .get({ ...where.params, from }) as { due: number | null };
  return row.due;
}
