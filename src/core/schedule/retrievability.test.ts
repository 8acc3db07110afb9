import { fsrs, generatorParameters, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { retrievability } from './scheduler';
import { DEFAULT_PRESET, type CardMemory } from './types';

describe('retrievability', () => {
  it('equals ts-fsrs’s own get_retrievability for review cards of every age and stability', () => {
    const f = fsrs(generatorParameters({ w: undefined }));
    const now = Date.UTC(2026, 6, 1, 15, 30);
    for (const stability of [0.3, 1, 4.2, 30, 365]) {
      for (const hoursAgo of [1, 23, 25, 24 * 3 + 5, 24 * 40, 24 * 400]) {
        const lastReview = now - hoursAgo * 3_600_000;
        const card: CardMemory = { state: 2, due: now, stability, difficulty: 5, reps: 4, lapses: 0, lastReview, learningSteps: 0 };
        const expected = f.get_retrievability(
          { due: new Date(now), stability, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 4, lapses: 0, state: State.Review, last_review: new Date(lastReview) },
          new Date(now),
          false,
        );
        expect(retrievability(card, now, DEFAULT_PRESET)).toBeCloseTo(expected, 12);
      }
    }
  });

  it('is 0 for a new card', () => {
    expect(retrievability({ state: 0, due: 0, stability: 0, difficulty: 0, reps: 0, lapses: 0, lastReview: null, learningSteps: 0 }, 1, DEFAULT_PRESET)).toBe(0);
  });
});
