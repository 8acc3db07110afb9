/**
 * The schedule is its log: after any sequence of answers, undos, clock jumps and card actions, in any
 * time zone, every card's stored memory equals a replay of its remaining review log (fuzz on).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRawCard, memoryOfRaw } from '../storage/cards';
import { listLogsForCard } from '../storage/review-logs';
import { answer, bury, forget, setDue, suspend } from './answering';
import { replayCard } from './replay';
import { studyQueue } from './session';
import { createTestCollection, DAY, HOUR, MINUTE } from './test-support';
import type { Preset, Rating } from './types';
import { undo } from './undo';

type Command =
  | { kind: 'answer'; card: number; rating: Rating; preview: boolean; duration: number }
  | { kind: 'undo' }
  | { kind: 'advance'; ms: number }
  | { kind: 'forget'; card: number }
  | { kind: 'setDue'; card: number; days: number }
  | { kind: 'suspend'; card: number; on: boolean }
  | { kind: 'bury'; card: number };

const CARDS = 4;
const cardIndex = fc.integer({ min: 0, max: CARDS - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('answer' as const), card: cardIndex, rating: fc.constantFrom<Rating>(1, 2, 3, 4), preview: fc.integer({ min: 0, max: 9 }).map((n) => n < 2), duration: fc.nat(60_000) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
  {
    weight: 5,
    arbitrary: fc
      .oneof(
        fc.integer({ min: 1, max: 120 }).map((m) => m * MINUTE),
        fc.integer({ min: 1, max: 48 }).map((h) => h * HOUR + 7 * MINUTE),
        fc.integer({ min: 1, max: 40 }).map((d) => d * DAY + 3 * HOUR),
        fc.integer({ min: 30, max: 400 }).map((d) => d * DAY + 11 * HOUR),
      )
      .map((ms) => ({ kind: 'advance' as const, ms })),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forget' as const), card: cardIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('setDue' as const), card: cardIndex, days: fc.integer({ min: 0, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('suspend' as const), card: cardIndex, on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bury' as const), card: cardIndex }) },
);

const presetArb: fc.Arbitrary<Partial<Preset>> = fc.record({
  desiredRetention: fc.constantFrom(0.7, 0.85, 0.9, 0.97),
  learningSteps: fc.constantFrom(['1m', '10m'], [], ['10m', '1h', '1d'], ['5m']),
  relearningSteps: fc.constantFrom(['10m'], [], ['10m', '2h']),
  maximumInterval: fc.constantFrom(36500, 100),
  enableFuzz: fc.constant(true),
  burySiblings: fc.boolean(),
  leechThreshold: fc.constantFrom(2, 8),
});

describe('property: stored cards equal a replay of their log', () => {
  it('holds for random answers, undos, clock jumps and card actions in several time zones', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Auckland', 'Europe/London', 'UTC', 'Australia/Lord_Howe'),
        fc.constantFrom(0, 4, 23),
        // Starts spread over 2026, which crosses every zone's daylight-saving changes.
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 1) }),
        presetArb,
        fc.array(command, { minLength: 1, maxLength: 60 }),
        (timeZone, dayStartsAt, start, preset, commands) => {
          const t = createTestCollection({ start, day: { dayStartsAt, timeZone }, preset });
          try {
            // Two siblings share a passage so burying is exercised.
            const ids = [...t.addCards(2, { paragraph: 1 }), ...t.addCards(CARDS - 2)];
            const check = () => {
              for (const id of ids) {
                const raw = getRawCard(t.collection.db, id)!;
                const replayed = replayCard(listLogsForCard(t.collection.db, id), t.preset, t.day, id, raw.created_at);
                expect(memoryOfRaw(raw)).toEqual(replayed);
              }
            };
            for (const c of commands) {
              switch (c.kind) {
                case 'answer':
                  answer(t.collection, { cardId: ids[c.card]!, rating: c.rating, durationMs: c.duration, sessionKind: c.preview ? 'preview' : 'normal' });
                  break;
                case 'undo':
                  undo(t.collection);
                  break;
                case 'advance':
                  t.clock.advance(c.ms);
                  break;
                case 'forget':
                  forget(t.collection, [ids[c.card]!]);
                  break;
                case 'setDue':
                  setDue(t.collection, [ids[c.card]!], c.days);
                  break;
                case 'suspend':
                  suspend(t.collection, [ids[c.card]!], c.on);
                  break;
                case 'bury':
                  bury(t.collection, [ids[c.card]!]);
                  break;
              }
              check();
              studyQueue(t.collection);
            }
          } finally {
            t.collection.close();
          }
        },
      ),
      { numRuns: 300 },
    );
    // 300 runs are CPU-bound: on two shared cores they can take longer than the default 30 s.
  }, 180_000);
});
