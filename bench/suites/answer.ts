/**
 * Answering in the core, at every collection size, against the raw work an answer cannot avoid: one
 * ts-fsrs next(), one prepared UPDATE of the card and one INSERT into the log, in one transaction.
 */
import { join } from 'node:path';
import { fsrs, Rating, type Card as FsrsCard } from 'ts-fsrs';
import { manualClock } from '../../src/core/clock';
import { openCollection } from '../../src/core/collection';
import { createDispatch } from '../../src/core/rpc/dispatch';
import { answer, studyQueue } from '../../src/core/schedule';
import type { ReviewQueue } from '../../src/shared/contract/review-models';
import type { BenchSuite } from '../harness';
import { compare } from '../measure';
import { BENCH_NOW, syntheticCollectionFile } from '../synthetic';

export const RAW_ANSWER = 'raw: ts-fsrs next() + prepared UPDATE + INSERT, one transaction';

const ratings = [3, 3, 1, 3, 4, 3, 2, 3] as const;

export const suite: BenchSuite = {
  name: 'answer',
  description: 'answering a card in the core, and answer + next card through dispatch',
  async run(ctx) {
    for (const size of ctx.sizes) {
      const path = join(ctx.dir, `answer-${size}.sqlite`);
      syntheticCollectionFile(path, size);
      const clock = manualClock(BENCH_NOW);
      const collection = openCollection({ path, clock });
      const { db } = collection;
      const dispatch = createDispatch({ collection, dataDir: null });

      // The raw baseline works on review cards due far ahead, which no queue shows.
      const pool = db
        .prepare('SELECT id, due, stability, difficulty, reps, lapses, last_review FROM cards WHERE state = 2 ORDER BY due DESC LIMIT 400')
        .all() as { id: string; due: number; stability: number; difficulty: number; reps: number; lapses: number; last_review: number }[];
      const scheduler = fsrs({ enable_fuzz: true });
      const update = db.prepare(
        'UPDATE cards SET state = ?, due = ?, stability = ?, difficulty = ?, reps = ?, lapses = ?, last_review = ?, learning_steps = ?, updated_at = ? WHERE id = ?',
      );
      const insert = db.prepare(
        `INSERT INTO review_logs (id, card_id, kind, rating, reviewed_at, state, due, stability, difficulty, elapsed_days, scheduled_days, duration_ms)
         VALUES (?, ?, 'review', 3, ?, 2, ?, ?, ?, ?, ?, 4000)`,
      );
      let rawCount = 0;
      const raw = db.transaction(() => {
        const row = pool[rawCount++ % pool.length]!;
        const now = clock.now();
        const card: FsrsCard = {
          due: new Date(row.due),
          stability: row.stability,
          difficulty: row.difficulty,
          elapsed_days: 0,
          scheduled_days: 0,
          learning_steps: 0,
          reps: row.reps,
          lapses: row.lapses,
          state: 2,
          last_review: new Date(row.last_review),
        };
        const next = scheduler.next(card, new Date(now), Rating.Good).card;
        update.run(next.state, next.due.getTime(), next.stability, next.difficulty, next.reps, next.lapses, now, next.learning_steps, now, row.id);
        insert.run(`raw-${size}-${rawCount}`, row.id, now, row.due, row.stability, row.difficulty, 0, next.scheduled_days);
      });

      let answered = 0;
      const answerNext = () => {
        const cardId = studyQueue(collection).cardIds[0];
        if (!cardId) throw new Error(`the queue of ${size} cards ran dry`);
        clock.advance(6_000);
        return { cardId, rating: ratings[answered++ % ratings.length]! };
      };
      // Pick the card outside the timed part: the subject is answer() alone.
      let next = answerNext();
      const answerOnly = () => {
        answer(collection, { ...next, durationMs: 5000, sessionKind: 'normal' });
        next = answerNext();
      };
      const runs = ctx.runs(size >= 100_000 ? 41 : 61);
      ctx.compared('answer a card in the core: answer()', size, RAW_ANSWER, await compare(raw, answerOnly, runs), {
        maxMs: 1,
        maxRatio: 1.5,
        text: '≤ 1 ms median and ≤ 1.5× raw',
      });

      // What the reviewer asks per answer: review.answer, then review.queue for the next card.
      const queueInput = { scope: {}, custom: false };
      const nextCard = async () => {
        const result = await dispatch('review.queue', queueInput);
        if (!result.ok) throw new Error(result.error.message);
        return (result.data as ReviewQueue).card;
      };
      let shown = await nextCard();
      const answerAndNext = async () => {
        if (!shown) throw new Error(`the queue of ${size} cards ran dry`);
        clock.advance(6_000);
        const answeredResult = await dispatch('review.answer', { cardId: shown.id, rating: ratings[answered++ % ratings.length]!, durationMs: 5000, sessionKind: 'normal' });
        if (!answeredResult.ok) throw new Error(answeredResult.error.message);
        shown = await nextCard();
      };
      ctx.compared('answer + next card: review.answer + review.queue (dispatch)', size, RAW_ANSWER, await compare(raw, answerAndNext, runs));
      collection.close();
    }
  },
};
