/**
 * Times the card browser's list query on a seeded collection of 100,000 cards: first page, last page,
 * searches in Anki's language, and filters, each with its total.
 *
 *   node bin/run-ts.mjs bench/card-list.ts [count]
 */
import { manualClock } from '../src/core/clock';
import { openCollection } from '../src/core/collection';
import { listCards } from '../src/core/cards';
import { seedCards } from './seed-cards';

export function main(argv: string[]): number {
  const count = Number(argv[0] ?? 100_000);
  const collection = openCollection({ path: ':memory:', clock: manualClock(Date.UTC(2026, 4, 1, 12)) });
  seedCards(collection, count);
  const base = { sort: 'created' as const, descending: false, offset: 0, limit: 100 };
  const cases: [string, Parameters<typeof listCards>[1]][] = [
    ['first page', base],
    ['last page', { ...base, offset: count - 100 }],
    ['last page by due, descending', { ...base, sort: 'due', descending: true, offset: count - 100 }],
    ['search "glacier"', { ...base, query: 'glacier' }],
    ['search "glac tide" sorted by text', { ...base, query: 'glac tide', sort: 'text' }],
    ['search `"card 99*"` (a phrase, a wildcard)', { ...base, query: '"card 99*"' }],
    ['search "is:due -tag:tenth"', { ...base, query: 'is:due -tag:tenth' }],
    ['search "deck:*::Part 7 is:review"', { ...base, query: 'deck:"*::Part 7" is:review' }],
    ['overdue, review state', { ...base, due: 'overdue', state: 'review' }],
    ['section 7, by position', { ...base, sectionIndex: 7, sort: 'position' }],
  ];
  for (const [name, query] of cases) {
    listCards(collection, query);
    const runs = 5;
    const started = performance.now();
    let total = 0;
    for (let i = 0; i < runs; i++) total = listCards(collection, query).total;
    console.log(`${name.padEnd(36)} ${((performance.now() - started) / runs).toFixed(1).padStart(7)} ms   (${total} match)`);
  }
  collection.close();
  return 0;
}
