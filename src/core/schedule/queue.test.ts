import { describe, expect, it } from 'vitest';
import { studyDay } from '../study-day';
import { buildQueue, interleave, type DeckAllowance, type QueueCandidate } from './queue';
import { DEFAULT_PRESET } from './types';

const MIN = 60_000;
const DAY = 86_400_000;
const day = { dayStartsAt: 4, timeZone: 'UTC' };
const now = Date.UTC(2026, 0, 10, 12);
const today = studyDay(now, day);

let seq = 0;
function card(partial: Partial<QueueCandidate>): QueueCandidate {
  seq += 1;
  return {
    id: `c${String(seq).padStart(3, '0')}`,
    deckId: 'd1',
    suspended: false,
    buriedUntil: null,
    state: 0,
    due: now - DAY,
    stability: 0,
    difficulty: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
    learningSteps: 0,
    ...partial,
  };
}
const review = (lastReviewDaysAgo: number, stability: number, p: Partial<QueueCandidate> = {}) =>
  card({ state: 2, stability, difficulty: 5, reps: 3, lastReview: now - lastReviewDaysAgo * DAY, due: today.start, ...p });
const allow = (newLeft = 20, reviewsLeft = 200): Map<string, DeckAllowance> => new Map([['d1', { preset: DEFAULT_PRESET, newLeft, reviewsLeft }]]);

describe('buildQueue', () => {
  it('serves due learning cards first, then reviews with new cards spread among them', () => {
    const l1 = card({ state: 1, due: now - 5 * MIN, stability: 1, lastReview: now - 10 * MIN });
    const l2 = card({ state: 3, due: now - 1 * MIN, stability: 1, lastReview: now - 10 * MIN });
    const lLater = card({ state: 1, due: now + 3 * 60 * MIN, stability: 1, lastReview: now });
    const reviews = [review(10, 5), review(4, 5), review(20, 5), review(30, 5)];
    const news = [card({}), card({})];
    const q = buildQueue({ candidates: [...news, lLater, ...reviews, l2, l1], now, today, decks: allow() });
    expect(q.cardIds.slice(0, 2)).toEqual([l1.id, l2.id]);
    expect(q.cardIds).not.toContain(lLater.id);
    expect(q.counts).toEqual({ new: 2, learning: 3, review: 4 });
    expect(q.nextLearningDue).toBe(lLater.due);
    // Reviews lowest retrievability first: the longest since review (same stability) first.
    const rest = q.cardIds.slice(2);
    const reviewOrder = rest.filter((id) => reviews.some((r) => r.id === id));
    expect(reviewOrder).toEqual([reviews[3]!.id, reviews[2]!.id, reviews[0]!.id, reviews[1]!.id]);
    // New cards are interleaved, not all at the end.
    expect(rest.indexOf(news[0]!.id)).toBeLessThan(rest.length - 2);
  });

  it('applies the daily limits per deck', () => {
    const news = Array.from({ length: 5 }, () => card({}));
    const reviews = Array.from({ length: 5 }, (_, i) => review(i + 1, 3));
    const q = buildQueue({ candidates: [...news, ...reviews], now, today, decks: allow(2, 3) });
    expect(q.counts).toEqual({ new: 2, learning: 0, review: 3 });
    expect(q.cardIds).toHaveLength(5);
    // New cards in order of introduction (due, then id).
    expect(q.cardIds.filter((id) => news.some((n) => n.id === id))).toEqual([news[0]!.id, news[1]!.id]);
  });

  it('excludes suspended, buried and not-yet-due cards', () => {
    const ok = review(5, 3);
    const suspended = review(5, 3, { suspended: true });
    const buried = review(5, 3, { buriedUntil: today.end });
    const unburied = review(5, 3, { buriedUntil: now - 1 });
    const tomorrow = review(5, 3, { due: today.end });
    const q = buildQueue({ candidates: [ok, suspended, buried, unburied, tomorrow], now, today, decks: allow() });
    expect(q.cardIds.sort()).toEqual([ok.id, unburied.id].sort());
  });

  it('learns ahead up to 20 minutes only when nothing else is left', () => {
    const soon = card({ state: 1, due: now + 15 * MIN, stability: 1, lastReview: now });
    const late = card({ state: 1, due: now + 40 * MIN, stability: 1, lastReview: now });
    expect(buildQueue({ candidates: [soon, late], now, today, decks: allow() }).cardIds).toEqual([soon.id]);
    const r = review(3, 3);
    expect(buildQueue({ candidates: [soon, late, r], now, today, decks: allow() }).cardIds).toEqual([r.id]);
  });

  it('applies each deck its own limits', () => {
    const a = Array.from({ length: 4 }, () => card({ deckId: 'd1' }));
    const b = Array.from({ length: 4 }, () => card({ deckId: 'd2' }));
    const decks = new Map<string, DeckAllowance>([
      ['d1', { preset: DEFAULT_PRESET, newLeft: 1, reviewsLeft: 10 }],
      ['d2', { preset: DEFAULT_PRESET, newLeft: 3, reviewsLeft: 10 }],
    ]);
    const q = buildQueue({ candidates: [...a, ...b], now, today, decks });
    expect(q.perDeck.get('d1')).toEqual({ new: 1, learning: 0, review: 0 });
    expect(q.perDeck.get('d2')).toEqual({ new: 3, learning: 0, review: 0 });
    expect(q.counts.new).toBe(4);
  });

  it('interleaves evenly', () => {
    expect(interleave(['r1', 'r2', 'r3', 'r4', 'r5'], ['n1', 'n2'])).toEqual(['r1', 'r2', 'n1', 'r3', 'r4', 'n2', 'r5']);
    expect(interleave([], ['n1'])).toEqual(['n1']);
  });
});
