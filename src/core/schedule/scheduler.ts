/**
 * The one scheduler wrapper around ts-fsrs. Pure: no database, no clock; the caller passes `now`.
 *
 * Day arithmetic. ts-fsrs counts elapsed days as differences of UTC calendar dates, which is wrong for
 * anyone not living at UTC with a midnight rollover (two reviews 90 minutes apart on a Tokyo morning
 * would count as a day apart). We therefore never show ts-fsrs a real instant: it receives virtual
 * instants at UTC midnight of the study-day numbers (from `studyDay`, which knows the time zone and the
 * "day starts at" hour), so its UTC-date difference IS the number of study days. Its answers are
 * mapped back: a (re)learning step keeps its exact minutes from the real `now`; a review-state
 * interval of N days becomes "due at the start of study day today + N", as in Anki.
 */
import {
  type AbstractScheduler,
  type Card,
  type FSRS,
  type Grade,
  type StepUnit,
  StrategyMode,
  default_w,
  forgetting_curve,
  fsrs,
} from 'ts-fsrs';
import { studyDay, studyDayByNumber, type DaySettings } from '../study-day';
import {
  ALL_RATINGS,
  CardStates,
  type CardMemory,
  type CardState,
  type LogEntry,
  type Outcome,
  type Outcomes,
  type Preset,
  type Rating,
} from './types';

export const MS_PER_DAY = 86_400_000;

/** A card that has never been studied, introduced at `createdAt`. */
export function newCardMemory(createdAt: number): CardMemory {
  return { state: 0, due: createdAt, stability: 0, difficulty: 0, reps: 0, lapses: 0, lastReview: null, learningSteps: 0 };
}

// ts-fsrs's `this.current` is protected in its types; the seed strategy must read it all the same.
function seedFromCardId(this: AbstractScheduler): string {
  const current = Reflect.get(this, 'current') as Card & { cardId?: string };
  // Anki seeds fuzz with card id + reps: the same card answered the same way gets the same interval on
  // every machine and on every replay, while different cards spread out.
  return `${current.cardId ?? ''}:${current.reps}`;
}

const schedulers = new Map<string, FSRS>();

/** One ts-fsrs instance per distinct set of parameters (creating one computes the interval modifier). */
function schedulerFor(preset: Preset): FSRS {
  const key = JSON.stringify([
    preset.desiredRetention,
    preset.maximumInterval,
    preset.learningSteps,
    preset.relearningSteps,
    preset.enableFuzz,
    preset.weights,
  ]);
  let f = schedulers.get(key);
  if (!f) {
    f = fsrs({
      request_retention: preset.desiredRetention,
      maximum_interval: preset.maximumInterval,
      enable_fuzz: preset.enableFuzz,
      enable_short_term: true,
      learning_steps: preset.learningSteps as StepUnit[],
      relearning_steps: preset.relearningSteps as StepUnit[],
      w: preset.weights ?? default_w,
    });
    f.useStrategy(StrategyMode.SEED, seedFromCardId);
    if (schedulers.size > 64) schedulers.clear();
    schedulers.set(key, f);
  }
  return f;
}

/** Study days between the card's last review and `now` (0 for a card never reviewed, never negative). */
export function elapsedStudyDays(card: CardMemory, now: number, day: DaySettings): number {
  if (card.lastReview === null || card.state === CardStates.New) return 0;
  return Math.max(0, studyDay(now, day).dayNumber - studyDay(card.lastReview, day).dayNumber);
}

function beforeValues(card: CardMemory, now: number, day: DaySettings) {
  return {
    reviewedAt: now,
    state: card.state,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: elapsedStudyDays(card, now, day),
  };
}

/** The four possible answers for `card` at `now`: the new memory, the log entry and the label interval. */
export function nextStates(card: CardMemory, now: number, preset: Preset, day: DaySettings, cardId: string): Outcomes {
  const today = studyDay(now, day).dayNumber;
  const elapsed = elapsedStudyDays(card, now, day);
  const virtualNow = new Date(today * MS_PER_DAY);
  const input: Card & { cardId: string } = {
    cardId,
    due: virtualNow,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.lastReview === null ? undefined : new Date((today - elapsed) * MS_PER_DAY),
  };
  const preview = schedulerFor(preset).repeat(input, virtualNow);
  const before = beforeValues(card, now, day);
  const outcomes = {} as Outcomes;
  for (const rating of ALL_RATINGS) {
    const next = preview[rating as Grade].card;
    const state = next.state as CardState;
    let due: number;
    let scheduledDays: number;
    let intervalMs: number;
    if (state === CardStates.Review) {
      scheduledDays = Math.max(1, next.scheduled_days);
      due = studyDayByNumber(today + scheduledDays, day).start;
      intervalMs = scheduledDays * MS_PER_DAY;
    } else {
      // A (re)learning step: ts-fsrs added whole minutes to the virtual instant; add them to the real one.
      scheduledDays = 0;
      intervalMs = next.due.getTime() - virtualNow.getTime();
      due = now + intervalMs;
    }
    const memory: CardMemory = {
      state,
      due,
      stability: next.stability,
      difficulty: next.difficulty,
      reps: next.reps,
      lapses: next.lapses,
      lastReview: now,
      learningSteps: next.learning_steps,
    };
    const log: LogEntry = { kind: 'review', rating, ...before, scheduledDays };
    outcomes[rating] = { rating, card: memory, log, intervalMs };
  }
  return outcomes;
}

/** One answer: the card after it, and its `review` log entry. */
export function answerCard(card: CardMemory, now: number, rating: Rating, preset: Preset, day: DaySettings, cardId: string): Outcome {
  return nextStates(card, now, preset, day, cardId)[rating];
}

/** An answer in a custom (ahead-of-schedule) session: logged as `preview`, the card does not change. */
export function previewAnswer(card: CardMemory, now: number, rating: Rating, day: DaySettings): LogEntry {
  return { kind: 'preview', rating, ...beforeValues(card, now, day), scheduledDays: 0 };
}

/**
 * Forget: back to New, due now, memory and counters cleared (a forgotten card starts over, so its
 * replay starts over at the reset entry and a past leech gets a fresh count).
 */
export function forgetCard(card: CardMemory, now: number, day: DaySettings): { card: CardMemory; log: LogEntry } {
  return {
    card: newCardMemory(now),
    log: { kind: 'reset', rating: 0, ...beforeValues(card, now, day), scheduledDays: 0 },
  };
}

/**
 * Set a due date by hand, `days` study days from today (0 = today), as Anki's "Set due date". The
 * card is due at the start of that study day. A (re)learning card becomes a review card (its memory
 * state is kept); a new card stays new and is simply not introduced before that day. The log keeps
 * `days` in `scheduledDays`, which is what a replay re-applies.
 */
export function setDueDate(card: CardMemory, now: number, days: number, day: DaySettings): { card: CardMemory; log: LogEntry } {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number >= 0, got ${days}`);
  const due = studyDayByNumber(studyDay(now, day).dayNumber + days, day).start;
  const learning = card.state === CardStates.Learning || card.state === CardStates.Relearning;
  const next: CardMemory = learning ? { ...card, state: CardStates.Review, learningSteps: 0, due } : { ...card, due };
  return { card: next, log: { kind: 'manual', rating: 0, ...beforeValues(card, now, day), scheduledDays: days } };
}

/**
 * Probability of recall now (0 for a new card), exactly as ts-fsrs's get_retrievability computes it
 * (whole days since the last review on the preset's forgetting curve), without building its Card and
 * Date objects: the queue asks this of every due card, and a backlog can be tens of thousands.
 */
export function retrievability(card: CardMemory, now: number, preset: Preset): number {
  if (card.state === CardStates.New || card.lastReview === null) return 0;
  const elapsedDays = Math.max(0, Math.floor((now - card.lastReview) / 86_400_000));
  return forgetting_curve(preset.weights ?? default_w, elapsedDays, card.stability);
}

/**
 * Anki's leech rule: a card becomes a leech when its lapses reach the threshold, and again every half
 * threshold after that (so an unsuspended leech is not re-suspended on every single lapse).
 */
export function isLeechLapse(lapsesBefore: number, lapsesAfter: number, threshold: number): boolean {
  if (lapsesAfter <= lapsesBefore || lapsesAfter < threshold) return false;
  const every = Math.max(1, Math.ceil(threshold / 2));
  return (lapsesAfter - threshold) % every === 0;
}
