/**
 * Helper process for crash.test.ts: answers cards in an endless loop against a real collection file
 * and prints the id of each answer's log entry once its transaction has committed. The test kills it
 * with SIGKILL and checks that every id printed is in the log.
 *
 * Usage: node --import tsx src/core/schedule/crash-child.ts <collection file> <start instant ms>
 */
import { writeSync } from 'node:fs';
import { openCollection } from '../collection';
import { manualClock } from '../clock';
import { listCardsInScope } from '../storage/cards';
import { answer } from './answering';
import { studyQueue } from './session';
import type { Rating } from './types';

const [path, start] = process.argv.slice(2);
if (!path || !start) {
  process.stderr.write('usage: crash-child <collection file> <start instant ms>\n');
  process.exit(1);
}
const clock = manualClock(Number(start));
const collection = openCollection({ path, clock });
const all = listCardsInScope(collection.db, {}).map((c) => c.id);
writeSync(1, 'ready\n');
for (let i = 0; ; i++) {
  // Study what is due; when nothing is, answer any card (early reviews are legal answers too).
  const next = studyQueue(collection).cardIds[0] ?? all[i % all.length]!;
  const rating = ([3, 3, 1, 4, 2] as Rating[])[i % 5]!;
  const { logId } = answer(collection, { cardId: next, rating, durationMs: 1000 + (i % 7) * 100, sessionKind: 'normal' });
  // Acknowledge only after the commit: fd 1 is written synchronously, so no acknowledgement is lost in a buffer.
  writeSync(1, `${logId}\n`);
  clock.advance(((i * 7919) % 600) * 60_000 + 1000);
}
