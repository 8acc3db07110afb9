/**
 * The Stats screen's numbers, all counted from the cards and the review log: nothing estimated.
 *
 * - Cards by state: each card in exactly one group; suspended and buried first, then its FSRS state.
 * - Reviews: `review` log entries (answers that moved the schedule). Retention is measured as Anki's
 *   "true retention": among answers to cards that were in the Review state, the share not answered
 *   Again. Custom-session answers (`preview`) are counted apart and never in retention.
 * - Due in the next 7 study days: cards that are not new and not suspended, by the study day of their
 *   due date; today's count includes overdue cards.
 */
import type { DayCount, PeriodStats, StatsOverview } from '../../shared/contract/review-models';
import type { Collection } from '../collection';
import { listLogsSince, type StoredLog } from '../storage/review-logs';
import { readDaySettings } from '../storage/settings';
import { studyDay, studyDayByNumber, type StudyDay } from '../study-day';
import { cardStateCounts, dueInstants } from './queries';

export function periodStats(logs: readonly StoredLog[]): PeriodStats {
  let reviews = 0;
  let matureReviews = 0;
  let lapses = 0;
  let newCards = 0;
  let previews = 0;
  let timeMs = 0;
  for (const log of logs) {
    if (log.kind === 'review') {
      reviews += 1;
      timeMs += log.durationMs;
      if (log.state === 0) newCards += 1;
      if (log.state === 2) {
        matureReviews += 1;
        if (log.rating === 1) lapses += 1;
      }
    } else if (log.kind === 'preview') {
      previews += 1;
      timeMs += log.durationMs;
    }
  }
  return {
    reviews,
    matureReviews,
    lapses,
    retention: matureReviews === 0 ? null : (matureReviews - lapses) / matureReviews,
    newCards,
    previews,
    timeMs,
  };
}

/** Index of the day whose [start, end) holds `instant`, or -1. Days are consecutive and sorted. */
function dayIndex(days: readonly StudyDay[], instant: number): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = days[mid]!;
    if (instant < d.start) hi = mid - 1;
    else if (instant >= d.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export function statsOverview(collection: Collection): StatsOverview {
  const { db } = collection;
  const now = collection.clock.now();
  const settings = readDaySettings(db);
  const today = studyDay(now, settings);
  const past = Array.from({ length: 30 }, (_, i) => studyDayByNumber(today.dayNumber - 29 + i, settings));
  const logs = listLogsSince(db, past[0]!.start, today.end);
  const todayLogs = logs.filter((l) => l.reviewedAt >= today.start);

  const perDay: DayCount[] = past.map((d) => ({ date: d.date, start: d.start, count: 0 }));
  for (const log of logs) {
    if (log.kind !== 'review') continue;
    const i = dayIndex(past, log.reviewedAt);
    if (i >= 0) perDay[i]!.count += 1;
  }

  const next = Array.from({ length: 7 }, (_, i) => studyDayByNumber(today.dayNumber + i, settings));
  const due: DayCount[] = next.map((d) => ({ date: d.date, start: d.start, count: 0 }));
  for (const at of dueInstants(db, next[6]!.end)) {
    const i = at < today.end ? 0 : dayIndex(next, at);
    if (i >= 0) due[i]!.count += 1;
  }

  return {
    cardsByState: cardStateCounts(db, now),
    today: periodStats(todayLogs),
    last30Days: periodStats(logs),
    reviewsPerDay: perDay,
    dueNext7Days: due,
    now,
  };
}
