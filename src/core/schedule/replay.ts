/**
 * Recompute a card from its review log (INTERFACES.md): replay the `review` entries in time order
 * through the same scheduler wrapper, start over after a `reset`, re-apply a `manual` due date, and
 * ignore `preview` entries. The property tests hold every stored card to this.
 */
import type { DaySettings } from '../study-day';
import { answerCard, forgetCard, newCardMemory, previewAnswer, setDueDate } from './scheduler';
import type { CardMemory, LogEntry, LogKind, Preset, Rating } from './types';

/** The parts of a stored log entry a replay needs. */
export interface ReplayLog {
  id: string;
  kind: LogKind;
  rating: number;
  reviewedAt: number;
  scheduledDays: number;
}

/** Time order; entries at the same instant keep the order of their (time-ordered UUIDv7) ids. */
export function compareLogs(a: ReplayLog, b: ReplayLog): number {
  if (a.reviewedAt !== b.reviewedAt) return a.reviewedAt - b.reviewedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * One entry of the log applied to a card: the card after it, and the log entry the scheduler writes for
 * it (with the card's values before the event). The one place that says what each kind of entry does.
 */
export function replayStep(card: CardMemory, log: ReplayLog, preset: Preset, day: DaySettings, cardId: string): { card: CardMemory; log: LogEntry } {
  switch (log.kind) {
    case 'review':
      return answerCard(card, log.reviewedAt, log.rating as Rating, preset, day, cardId);
    case 'reset':
      return forgetCard(card, log.reviewedAt, day);
    case 'manual':
      return setDueDate(card, log.reviewedAt, log.scheduledDays, day);
    case 'preview':
      return { card, log: previewAnswer(card, log.reviewedAt, log.rating as Rating, day) };
  }
}

export function replayCard(logs: readonly ReplayLog[], preset: Preset, day: DaySettings, cardId: string, createdAt: number): CardMemory {
  let card = newCardMemory(createdAt);
  for (const log of [...logs].sort(compareLogs)) card = replayStep(card, log, preset, day, cardId).card;
  return card;
}
