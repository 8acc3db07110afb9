/**
 * Reading the schedule of a collection: the study queue of a scope, the counts left today per deck,
 * the button labels for a card, and the cards of a custom session. Reads only; writes are in ./answering.
 */
import { LecternError } from '../../shared/contract';
import type { Collection } from '../collection';
import { getRawCard, listCardsInScope, listQueueCandidates, memoryOfRaw, nextDueAfter, type CardScope, type QueueRow } from '../storage/cards';
import { listDecks } from '../storage/decks';
import { getDeckPreset, largestDailyLimit } from '../storage/presets';
import { countDoneSince } from '../storage/review-logs';
import { readDaySettings } from '../storage/settings';
import { studyDay, type DaySettings, type StudyDay } from '../study-day';
import { formatInterval } from './format';
import { buildQueue, type DeckAllowance, type Queue, type QueueCandidate, type QueueCounts } from './queue';
import { nextStates } from './scheduler';
import { ALL_RATINGS, type Preset, type Rating } from './types';

export interface DayContext {
  now: number;
  day: DaySettings;
  today: StudyDay;
}

export function dayContext(collection: Collection): DayContext {
  const now = collection.clock.now();
  const day = readDaySettings(collection.db);
  return { now, day, today: studyDay(now, day) };
}

function toCandidate(raw: QueueRow): QueueCandidate {
  return {
    id: raw.id,
    deckId: raw.deck_id,
    suspended: raw.suspended === 1,
    buriedUntil: raw.buried_until,
    ...memoryOfRaw(raw),
  };
}

/** Each deck's preset and what is left of its daily limits, counted from today's review log. */
function allowances(collection: Collection, deckIds: Iterable<string>, today: StudyDay): Map<string, DeckAllowance> {
  const done = countDoneSince(collection.db, today.start);
  const result = new Map<string, DeckAllowance>();
  for (const deckId of deckIds) {
    if (result.has(deckId)) continue;
    const preset = getDeckPreset(collection.db, deckId);
    if (!preset) continue;
    const used = done.get(deckId) ?? { newDone: 0, reviewsDone: 0 };
    result.set(deckId, {
      preset,
      newLeft: Math.max(0, preset.newPerDay - used.newDone),
      reviewsLeft: Math.max(0, preset.reviewsPerDay - used.reviewsDone),
    });
  }
  return result;
}

/** The queue for a scope ({} = everything due): rebuild it after every answer. */
export function studyQueue(collection: Collection, scope: CardScope = {}): Queue {
  const { now, today } = dayContext(collection);
  const candidates = listQueueCandidates(collection.db, scope, now, today.end, largestDailyLimit(collection.db)).map(toCandidate);
  const decks = allowances(collection, candidates.map((c) => c.deckId), today);
  return buildQueue({ candidates, now, today, decks });
}

/** New, learning and review cards left today in a scope, within the daily limits. */
export function todayCounts(collection: Collection, scope: CardScope = {}): QueueCounts {
  return studyQueue(collection, scope).counts;
}

export interface DeckDueCounts extends QueueCounts {
  deckId: string;
  name: string;
  articleId: string | null;
}

/** Per deck, what is left today: `lectern due`. Every deck is listed, with zeros when nothing is due. */
export function dueCounts(collection: Collection): DeckDueCounts[] {
  const { now, today } = dayContext(collection);
  const decks = listDecks(collection.db);
  const candidates = listQueueCandidates(collection.db, {}, now, today.end, largestDailyLimit(collection.db)).map(toCandidate);
  const queue = buildQueue({ candidates, now, today, decks: allowances(collection, decks.map((d) => d.id), today) });
  return decks.map((d) => ({
    deckId: d.id,
    name: d.name,
    articleId: d.articleId,
    ...(queue.perDeck.get(d.id) ?? { new: 0, learning: 0, review: 0 }),
  }));
}

export interface ButtonPreview {
  rating: Rating;
  intervalMs: number;
  label: string;
}

/** What each answer button would do to the card now: the labels the reviewer shows. */
export function answerButtons(collection: Collection, cardId: string): ButtonPreview[] {
  const raw = getRawCard(collection.db, cardId);
  if (!raw) throw new LecternError('not_found', `No card with id ${cardId}`);
  const preset: Preset | undefined = getDeckPreset(collection.db, raw.deck_id);
  if (!preset) throw new LecternError('internal', `The deck of card ${cardId} has no preset`);
  const { now, day } = dayContext(collection);
  const outcomes = nextStates(memoryOfRaw(raw), now, preset, day, raw.id);
  return ALL_RATINGS.map((rating) => ({
    rating,
    intervalMs: outcomes[rating].intervalMs,
    label: formatInterval(outcomes[rating].intervalMs),
  }));
}

/**
 * A custom session studies a scope (typically a section) ahead of schedule: every unsuspended card,
 * in the article's order, whatever its due date. Answer them with sessionKind 'preview'.
 */
export function customSessionCards(collection: Collection, scope: CardScope): string[] {
  return listCardsInScope(collection.db, scope)
    .filter((r) => r.suspended === 0)
    .map((r) => r.id);
}

/** When the next card in scope falls due after today (for the end-of-session summary). */
export function nextDueAfterToday(collection: Collection, scope: CardScope = {}): number | null {
  const { today } = dayContext(collection);
  return nextDueAfter(collection.db, scope, today.end);
}

