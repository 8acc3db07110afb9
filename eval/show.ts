import { parseArgs } from 'node:util';
import { generateWithReserve } from '../src/core/generate';
import type { CardDraft } from '../src/shared/contract/card-draft';
import { loadDocument, selectDocuments } from './documents';

/**
 * Prints each document's chosen cards (and, with --reserve, the reserve) with the rule, key term and score
 * that made them: for the generator's engineer, never for graders.
 *
 *   node bin/run-ts.mjs eval/show.ts [--docs a,b] [--reserve]
 */
function line(d: CardDraft): string {
  const face = d.kind === 'qa' ? `${d.front} → ${d.back}` : d.text;
  return `${d.score?.toFixed(2)} ${d.rule?.padEnd(11)} [${d.keyTerm}] ${face}`;
}

export function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { docs: { type: 'string' }, reserve: { type: 'boolean' } } });
  for (const doc of selectDocuments(values.docs)) {
    const loaded = loadDocument(doc);
    const { cards, reserve } = generateWithReserve(loaded.article, { kinds: loaded.kinds });
    console.log(`## ${doc.id}: ${cards.length} cards`);
    for (const d of cards) console.log(`  ${d.sectionIndex} ${line(d)}`);
    if (values.reserve) for (const d of reserve) console.log(`  r${d.sectionIndex} ${line(d)}`);
  }
  return 0;
}
