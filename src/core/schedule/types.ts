/**
 * The scheduler's vocabulary. Everything here is plain data: times are integer epoch milliseconds,
 * states and ratings use ts-fsrs's numbers so stored rows and exported logs read the same everywhere.
 */

/** 0 New, 1 Learning, 2 Review, 3 Relearning (as in ts-fsrs and the review log). */
export type CardState = 0 | 1 | 2 | 3;
export const CardStates = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;

/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Rating = 1 | 2 | 3 | 4;
export const Ratings = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export const ALL_RATINGS: readonly Rating[] = [1, 2, 3, 4];

/** INTERFACES.md: review moved the schedule; preview did not; manual = set due date; reset = forget. */
export type LogKind = 'review' | 'preview' | 'manual' | 'reset';

/** Study settings shared by decks (one preset per deck). */
export interface Preset {
  id: string;
  name: string;
  /** 0.70 to 0.99. */
  desiredRetention: number;
  /** In days. */
  maximumInterval: number;
  /** Anki-style steps such as "1m", "10m", "1h", "1d". */
  learningSteps: string[];
  relearningSteps: string[];
  enableFuzz: boolean;
  newPerDay: number;
  reviewsPerDay: number;
  /** Bury cards from the same passage until the next study day once one of them is answered. */
  burySiblings: boolean;
  /** Lapses at which a card becomes a leech (tagged and suspended). */
  leechThreshold: number;
  /** 21 FSRS-6 weights, or null for ts-fsrs's defaults. */
  weights: number[] | null;
}

export const DEFAULT_PRESET: Preset = {
  id: 'default',
  name: 'Default',
  desiredRetention: 0.9,
  maximumInterval: 36500,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  enableFuzz: true,
  newPerDay: 20,
  reviewsPerDay: 200,
  burySiblings: true,
  leechThreshold: 8,
  weights: null,
};

/** A card's memory state: exactly what the scheduler reads and writes, and what a replay of the log rebuilds. */
export interface CardMemory {
  state: CardState;
  due: number;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
  /** Index of the current (re)learning step. */
  learningSteps: number;
}

/**
 * One review-log entry as the scheduler produces it (the id, card id and answer time are added when it
 * is stored). `state`, `due`, `stability` and `difficulty` are the card's values BEFORE the event.
 * `elapsedDays` counts study days since the previous review; `scheduledDays` is the interval the event
 * set, in study days (0 for a (re)learning step, a reset or a preview; the chosen offset for a manual
 * due date, which is what lets a replay re-apply it).
 */
export interface LogEntry {
  kind: LogKind;
  /** 1-4 for review and preview, 0 for manual and reset. */
  rating: 0 | Rating;
  reviewedAt: number;
  state: CardState;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
}

/** What one rating would do to a card. */
export interface Outcome {
  rating: Rating;
  card: CardMemory;
  log: LogEntry;
  /**
   * The interval a button label shows: for a review-state result, whole study days × 24 h (the card
   * is due on study day today + scheduledDays); for a (re)learning step, the exact time until due.
   */
  intervalMs: number;
}

export type Outcomes = Record<Rating, Outcome>;
