/**
 * The review log: one row per answer, preview answer, manual due date and reset (INTERFACES.md).
 * Rows are only inserted, and deleted by undo; nothing else rewrites history.
 */
import type { CardState, LogEntry, LogKind } from '../schedule/types';
import type { Db } from './database';

export interface StoredLog extends LogEntry {
  id: string;
  cardId: string;
  durationMs: number;
}

interface RawLogRow {
  id: string;
  card_id: string;
  kind: LogKind;
  rating: number;
  reviewed_at: number;
  state: number;
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  duration_ms: number;
}

function fromRaw(raw: RawLogRow): StoredLog {
  return {
    id: raw.id,
    cardId: raw.card_id,
    kind: raw.kind,
    rating: raw.rating as StoredLog['rating'],
    reviewedAt: raw.reviewed_at,
    state: raw.state as CardState,
    due: raw.due,
    stability: raw.stability,
    difficulty: raw.difficulty,
    elapsedDays: raw.elapsed_days,
    scheduledDays: raw.scheduled_days,
    durationMs: raw.duration_ms,
  };
}

export function insertLog(db: Db, log: StoredLog): void {
  db.prepare(
    `INSERT INTO review_logs (id, card_id, kind, rating, reviewed_at, state, due, stability, difficulty, elapsed_days,
       scheduled_days, duration_ms)
     VALUES (@id, @cardId, @kind, @rating, @reviewedAt, @state, @due, @stability, @difficulty, @elapsedDays,
       @scheduledDays, @durationMs)`,
  ).run({ ...log, durationMs: Math.max(0, Math.round(log.durationMs)) });
}

export function deleteLogs(db: Db, ids: readonly string[]): number {
  const stmt = db.prepare('DELETE FROM review_logs WHERE id = ?');
  let deleted = 0;
  for (const id of ids) deleted += stmt.run(id).changes;
  return deleted;
}

export function getLog(db: Db, id: string): StoredLog | undefined {
  const raw = db.prepare('SELECT * FROM review_logs WHERE id = ?').get(id) as RawLogRow | undefined;
  return raw ? fromRaw(raw) : undefined;
}

/** A card's whole history, oldest first. */
export function listLogsForCard(db: Db, cardId: string): StoredLog[] {
  const rows = db
    .prepare('SELECT * FROM review_logs WHERE card_id = ? ORDER BY reviewed_at, id')
    .all(cardId) as RawLogRow[];
  return rows.map(fromRaw);
}

/** Every entry at or after `since` (optionally before `until`), oldest first: stats and session summaries. */
export function listLogsSince(db: Db, since: number, until = Number.MAX_SAFE_INTEGER): StoredLog[] {
  const rows = db
    .prepare('SELECT * FROM review_logs WHERE reviewed_at >= ? AND reviewed_at < ? ORDER BY reviewed_at, id')
    .all(since, until) as RawLogRow[];
  return rows.map(fromRaw);
}

export interface DoneToday {
  /** New cards introduced: `review` entries whose card was New before the answer. */
  newDone: number;
  /** Reviews done: `review` entries whose card was in the Review state before the answer. */
  reviewsDone: number;
}

/**
 * What each deck has used of its daily limits since `since` (the start of the study day). Counted from
 * the log, so the limits survive a restart and an undo gives the allowance back.
 */
export function countDoneSince(db: Db, since: number): Map<string, DoneToday> {
  const rows = db
    .prepare(
      `SELECT c.deck_id AS deckId, sum(l.state = 0) AS newDone, sum(l.state = 2) AS reviewsDone
         FROM review_logs l JOIN cards c ON c.id = l.card_id
        WHERE l.kind = 'review' AND l.reviewed_at >= ?
        GROUP BY c.deck_id`,
    )
    .all(since) as { deckId: string; newDone: number; reviewsDone: number }[];
  return new Map(rows.map((r) => [r.deckId, { newDone: r.newDone, reviewsDone: r.reviewsDone }]));
}
