/**
 * Building the study queue from candidate cards. Pure: the caller loads the candidates and today's
 * counts (from the review log, so limits survive a restart) and rebuilds the queue after every answer.
 *
 * Order, as in Anki's v3 scheduler: (re)learning cards as soon as they are due; then due reviews and
 * new cards, the new ones spread evenly among the reviews. Reviews are served lowest retrievability
 * first, so a backlog starts with what is closest to being forgotten. When nothing else is left,
 * learning cards due within the learn-ahead window are shown early (Anki: 20 minutes).
 */
import type { StudyDay } from '../study-day';
import { retrievability } from './scheduler';
import { CardStates, type CardMemory, type Preset } from './types';

export const LEARN_AHEAD_MS = 20 * 60_000;

export interface QueueCandidate extends CardMemory {
  id: string;
  deckId: string;
  suspended: boolean;
  buriedUntil: number | null;
}

/** What is left of a deck's daily limits: the preset's limit minus today's count from the log. */
export interface DeckAllowance {
  preset: Preset;
  newLeft: number;
  reviewsLeft: number;
}

export interface QueueInput {
  candidates: readonly QueueCandidate[];
  now: number;
  today: StudyDay;
  decks: ReadonlyMap<string, DeckAllowance>;
  learnAheadMs?: number;
}

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

export interface Queue {
  /** Cards to show, in order; the first one is next. */
  cardIds: string[];
  /** What is left today (Anki's three numbers). */
  counts: QueueCounts;
  /** Counts per deck. */
  perDeck: Map<string, QueueCounts>;
  /** When the next (re)learning card that is not yet due becomes due, if any is due later today. */
  nextLearningDue: number | null;
}

/** A card can be studied unless it is suspended or buried (a burial lasts until `buriedUntil`). */
export function isAvailable(card: QueueCandidate, now: number): boolean {
  return !card.suspended && (card.buriedUntil === null || card.buriedUntil <= now);
}

const byDueThenId = (a: QueueCandidate, b: QueueCandidate) => a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Spread `extra` evenly through `main` (each keeps its own order). */
export function interleave<T>(main: readonly T[], extra: readonly T[]): T[] {
  const keyed = [
    ...main.map((item, i) => ({ item, key: (i + 1) / (main.length + 1), rank: 0 })),
    ...extra.map((item, i) => ({ item, key: (i + 1) / (extra.length + 1), rank: 1 })),
  ];
  keyed.sort((a, b) => a.key - b.key || a.rank - b.rank);
  return keyed.map((k) => k.item);
}

export function buildQueue(input: QueueInput): Queue {
  const { now, today } = input;
  const learnAhead = input.learnAheadMs ?? LEARN_AHEAD_MS;
  const learning: QueueCandidate[] = [];
  const reviews: { card: QueueCandidate; r: number }[] = [];
  const fresh: QueueCandidate[] = [];
  for (const card of input.candidates) {
    if (!isAvailable(card, now) || card.due >= today.end) continue;
    const allowance = input.decks.get(card.deckId);
    if (!allowance) continue;
    if (card.state === CardStates.Learning || card.state === CardStates.Relearning) learning.push(card);
    else if (card.state === CardStates.Review) reviews.push({ card, r: retrievability(card, now, allowance.preset) });
    else fresh.push(card);
  }

  const perDeck = new Map<string, QueueCounts>();
  const countsOf = (deckId: string) => {
    let c = perDeck.get(deckId);
    if (!c) perDeck.set(deckId, (c = { new: 0, learning: 0, review: 0 }));
    return c;
  };

  reviews.sort((a, b) => a.r - b.r || byDueThenId(a.card, b.card));
  const takenReviews: QueueCandidate[] = [];
  for (const { card } of reviews) {
    const c = countsOf(card.deckId);
    if (c.review < input.decks.get(card.deckId)!.reviewsLeft) {
      c.review += 1;
      takenReviews.push(card);
    }
  }
  fresh.sort(byDueThenId);
  const takenNew: QueueCandidate[] = [];
  for (const card of fresh) {
    const c = countsOf(card.deckId);
    if (c.new < input.decks.get(card.deckId)!.newLeft) {
      c.new += 1;
      takenNew.push(card);
    }
  }
  learning.sort(byDueThenId);
  for (const card of learning) countsOf(card.deckId).learning += 1;

  const dueNow = learning.filter((c) => c.due <= now);
  const main = interleave(takenReviews, takenNew);
  const ahead = dueNow.length + main.length === 0 ? learning.filter((c) => c.due > now && c.due <= now + learnAhead) : [];
  const later = learning.find((c) => c.due > now);

  const counts: QueueCounts = { new: takenNew.length, learning: learning.length, review: takenReviews.length };
  return {
    cardIds: [...dueNow, ...main, ...ahead].map((c) => c.id),
    counts,
    perDeck,
    nextLearningDue: later ? later.due : null,
  };
}
