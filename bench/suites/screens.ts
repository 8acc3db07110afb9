/**
 * What each screen reads when it opens, through the same dispatch the hosts use, at every collection
 * size: the goal is a flat line (100,000 cards as fast as 1,000).
 */
import { manualClock } from '../../src/core/clock';
import { openCollection } from '../../src/core/collection';
import { createDispatch } from '../../src/core/rpc/dispatch';
import type { CommandName } from '../../src/shared/contract';
import type { BenchSuite, Budget } from '../harness';
import { compare, type Comparison } from '../measure';
import { BENCH_NOW, syntheticCollectionFile } from '../synthetic';
import { join } from 'node:path';

export const EARLIEST_DUE = 'SELECT of the 200 earliest-due card ids';

/** A screen's read is "flat" when it takes at most twice its time at 1,000 cards, or under a frame. */
export function flatBudget(atSmallest: number | undefined): Budget | undefined {
  if (atSmallest === undefined) return undefined;
  return { maxMs: Math.max(2 * atSmallest, 16), text: 'flat: ≤ 2× its 1,000-card time, or ≤ 16 ms' };
}

interface Screen {
  name: string;
  command: CommandName;
  input: unknown;
}

const screens: Screen[] = [
  { name: 'Library: library.list', command: 'library.list', input: {} },
  { name: 'Review: review.queue', command: 'review.queue', input: { scope: {}, custom: false } },
  { name: 'Session end: review.summary', command: 'review.summary', input: { scope: {}, since: BENCH_NOW - 3_600_000, sessionKind: 'normal' } },
  { name: 'Stats: stats.overview', command: 'stats.overview', input: {} },
  { name: 'Cards browser, opening: cards.list first page', command: 'cards.list', input: { sort: 'created', descending: false, offset: 0, limit: 200 } },
  { name: 'Due counts: review.due', command: 'review.due', input: {} },
];

export const suite: BenchSuite = {
  name: 'screens',
  description: 'each screen’s opening read, at every collection size',
  async run(ctx) {
    const results = new Map<string, Map<number, Comparison>>();
    for (const size of ctx.sizes) {
      const path = join(ctx.dir, `screens-${size}.sqlite`);
      const info = syntheticCollectionFile(path, size);
      ctx.log(`  ${size} cards: ${info.articles} articles, ${info.reviewLogs} review logs`);
      const collection = openCollection({ path, clock: manualClock(BENCH_NOW) });
      const dispatch = createDispatch({ collection, dataDir: null });
      const earliest = collection.db.prepare('SELECT id FROM cards WHERE suspended = 0 ORDER BY due LIMIT 200').pluck();
      for (const screen of screens) {
        const call = async () => {
          const result = await dispatch(screen.command, screen.input);
          if (!result.ok) throw new Error(`${screen.command}: ${result.error.message}`);
        };
        const result = await compare(() => earliest.all(), call, ctx.runs(size >= 100_000 ? 5 : 9));
        results.set(screen.name, (results.get(screen.name) ?? new Map()).set(size, result));
      }
      collection.close();
    }
    const smallest = Math.min(...ctx.sizes);
    for (const screen of screens) {
      const bySize = results.get(screen.name)!;
      const budget = ctx.sizes.length > 1 ? flatBudget(bySize.get(smallest)?.subject.medianMs) : undefined;
      for (const [size, result] of bySize) ctx.compared(screen.name, size, EARLIEST_DUE, result, size === smallest ? undefined : budget);
    }
  },
};
