/** The SQL the Stats screen needs (reads only). */
import type { Db } from '../storage/database';

export interface CardStateCounts {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
  buried: number;
  total: number;
}

/** Each card counted once: suspended, else buried (until after `now`), else by its state. */
export function cardStateCounts(db: Db, now: number): CardStateCounts {
  const row = db
    .prepare(
      `SELECT count(*) AS total,
              coalesce(sum(suspended = 1), 0) AS suspended,
              coalesce(sum(suspended = 0 AND buried_until > @now), 0) AS buried,
              coalesce(sum(suspended = 0 AND (buried_until IS NULL OR buried_until <= @now) AND state = 0), 0) AS new,
              coalesce(sum(suspended = 0 AND (buried_until IS NULL OR buried_until <= @now) AND state = 1), 0) AS learning,
              coalesce(sum(suspended = 0 AND (buried_until IS NULL OR buried_until <= @now) AND state = 2), 0) AS review,
              coalesce(sum(suspended = 0 AND (buried_until IS NULL OR buried_until <= @now) AND state = 3), 0) AS relearning
         FROM cards`,
    )
    .get({ now }) as CardStateCounts;
  return row;
}

/** Due instants of studied (not new), unsuspended cards due before `before`. */
export function dueInstants(db: Db, before: number): number[] {
  return (db.prepare('SELECT due FROM cards WHERE suspended = 0 AND state <> 0 AND due < ?').all(before) as { due: number }[]).map(
    (r) => r.due,
  );
}
