/**
 * Recompute a card from its review log (INTERFACES.md): replay the `review` entries in time order
 * through the same scheduler wrapper, start over after a `reset`, re-apply a `manual` due date, and
 * ignore `preview` entries. The property tests hold every stored card to this.
 */
import type { DaySettings } from '../study-day';
import { answerCard, forgetCard, newCardMemory, setDueDate } from './scheduler';
import type { CardMemory, LogKind, Preset, Rating } from './types';

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

export function replayCard(logs: readonly ReplayLog[], preset: Preset, day: DaySettings, cardId: string, createdAt: number): CardMemory {
  let card = newCardMemory(createdAt);
  for (const log of [...logs].sort(compareLogs)) {
    switch (log.kind) {
      case 'review':
        card = answerCard(card, log.reviewedAt, log.rating as Rating, preset, day, cardId).card;
        break;
      case 'reset':
        card = forgetCard(card, log.reviewedAt, day).card;
        break;
      case 'manual':
        card = setDueDate(card, log.reviewedAt, log.scheduledDays, day).card;
        break;
      case 'preview':
        break;
    }
  }
  return card;
}
