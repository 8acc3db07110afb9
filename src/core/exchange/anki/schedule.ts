/**
 * Lectern's FSRS schedule in Anki's card and revlog columns (ANKI-FORMAT.md §6–7). Lectern states and
 * Anki card types use the same numbers (0 new, 1 learning, 2 review, 3 relearning). Due dates: new cards
 * get a queue position, intraday learning epoch seconds, everything else a day number since `col.crt`.
 */
import type { AnkiCardSchedule, AnkiReviewEvent } from '../model';

export const DAY_MS = 86_400_000;
const U32_MAX = 0xffff_ffff;

export interface CardColumns {
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  data: string;
}

export interface RevlogColumns {
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

/** Turns an instant into Anki's day number relative to `col.crt` (the collection's study days). */
export type DayIndex = (instant: number) => number;

const clampU32 = (n: number) => Math.min(U32_MAX, Math.max(0, Math.round(n)));
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** A card without its schedule: what Anki shows as new, at queue position `position`. */
export function newCardColumns(position: number): CardColumns {
  return { type: 0, queue: 0, due: Math.min(position, 999_999), ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, data: '' };
}

/** FSRS difficulty 1–10 as Anki stores it in revlog `factor`: (d − 1) / 9 + 0.1, ×1000 → 100–1100. */
export function difficultyFactor(difficulty: number): number {
  if (!(difficulty >= 1 && difficulty <= 10)) return 0;
  return Math.round(((difficulty - 1) / 9 + 0.1) * 1000);
}

/** Card `data`: the FSRS memory state, used by Anki (23.10+) only when both `s` and `d` are there. */
export function cardData(s: AnkiCardSchedule): string {
  if (s.state === 0 || !(s.stability > 0) || !(s.difficulty >= 1 && s.difficulty <= 10)) return '';
  const data: Record<string, number> = { s: round(s.stability, 4), d: round(s.difficulty, 3), dr: round(s.desiredRetention, 2) };
  if (s.lastReview !== null) data.lrt = Math.floor(s.lastReview / 1000);
  return JSON.stringify(data);
}

/** Whether a learning step is shorter than a day: Anki keeps those in queue 1 with a due in seconds. */
const isIntraday = (s: AnkiCardSchedule) => s.due - (s.lastReview ?? s.due) < DAY_MS;

export function scheduledCardColumns(s: AnkiCardSchedule, position: number, dayIndex: DayIndex, now: number): CardColumns {
  if (s.state === 0) return { ...newCardColumns(position), reps: clampU32(s.reps), lapses: clampU32(s.lapses), queue: hiddenQueue(s, now) ?? 0 };
  const common = { reps: clampU32(s.reps), lapses: clampU32(s.lapses), factor: 2500, data: cardData(s) };
  let columns: CardColumns;
  if (s.state === 2) {
    const days = s.lastReview !== null ? (s.due - s.lastReview) / DAY_MS : s.stability;
    columns = { ...common, type: 2, queue: 2, due: dayIndex(s.due), ivl: Math.max(1, clampU32(days)), left: 0 };
  } else {
    const stepsLeft = Math.max(1, Math.min(999, Math.round(s.stepsLeft)));
    // A relearning card keeps the (post-lapse) interval it graduates to; FSRS at ~90% gives about S days.
    const ivl = s.state === 3 ? Math.max(1, clampU32(s.stability)) : 0;
    const intraday = isIntraday(s);
    columns = {
      ...common,
      type: s.state,
      queue: intraday ? 1 : 3,
      due: intraday ? Math.floor(s.due / 1000) : dayIndex(s.due),
      ivl,
      left: stepsLeft * 1000 + stepsLeft,
    };
  }
  const hidden = hiddenQueue(s, now);
  return hidden === null ? columns : { ...columns, queue: hidden };
}

/** Suspended wins over buried; a Lectern bury ends at a day boundary, like Anki's user bury (−3). */
function hiddenQueue(s: AnkiCardSchedule, now: number): number | null {
  if (s.suspended) return -1;
  if (s.buriedUntil !== null && s.buriedUntil > now) return -3;
  return null;
}

interface After {
  state: number;
  due: number;
  difficulty: number;
}

/** Anki interval encoding: days when positive, seconds when negative (learning steps), 0 for new. */
function encodeInterval(after: After, at: number): number {
  if (after.state === 0) return 0;
  const ms = after.due - at;
  if (after.state === 2 || ms >= DAY_MS) return Math.max(1, Math.round(ms / DAY_MS));
  return -Math.max(1, Math.round(ms / 1000));
}

function revlogType(event: AnkiReviewEvent): number {
  switch (event.kind) {
    case 'preview':
      return 3;
    case 'manual':
    case 'reset':
      return 4;
    case 'review':
      return event.state === 2 ? 1 : event.state === 3 ? 2 : 0;
  }
}

/**
 * Revlog rows for a card's events (time order). A Lectern log holds the card *before* the event, Anki
 * the interval *after* it: so the "after" of event i is the "before" of event i+1, and the card itself
 * for the last event.
 */
export function revlogColumns(events: readonly AnkiReviewEvent[], card: AnkiCardSchedule): RevlogColumns[] {
  const rows: RevlogColumns[] = [];
  let lastIvl = 0;
  events.forEach((event, i) => {
    const next = events[i + 1];
    const after: After = next ?? card;
    const manual = event.kind === 'manual' || event.kind === 'reset';
    const ivl = event.kind === 'reset' ? 0 : encodeInterval(after, event.reviewedAt);
    rows.push({
      ease: manual ? 0 : Math.min(4, Math.max(1, Math.round(event.rating))),
      ivl,
      lastIvl,
      factor: event.kind === 'reset' ? 0 : difficultyFactor(after.difficulty),
      time: manual ? 0 : clampU32(event.durationMs),
      type: revlogType(event),
    });
    lastIvl = ivl;
  });
  return rows;
}
