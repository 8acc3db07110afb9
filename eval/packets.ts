import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateFor } from './cards';
import { EVAL_DIR, loadDocument, plainText, selectDocuments } from './documents';

/**
 * Writes one blind-grading round (see eval/README.md): per document a shuffled packet of cards with their
 * passages and nothing that tells how a card was made, the document as text, and READY. A private copy
 * with each card's id, key and draft stays in eval/rounds/<round>/ so the labels can be joined back.
 *
 *   node bin/run-ts.mjs eval/packets.ts --round r2 --out /work/grading/r2 [--docs a,b] [--max 80]
 */
export function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { round: { type: 'string' }, out: { type: 'string' }, docs: { type: 'string' }, max: { type: 'string' } },
  });
  if (!values.round || !values.out) {
    console.error('usage: packets.ts --round <name> --out <folder> [--docs a,b] [--max n]');
    return 1;
  }
  const max = values.max ? Number(values.max) : Infinity;
  const privateDir = join(EVAL_DIR, 'rounds', values.round);
  mkdirSync(values.out, { recursive: true });
  mkdirSync(privateDir, { recursive: true });
  for (const doc of selectDocuments(values.docs)) {
    const loaded = loadDocument(doc);
    const rank = (key: string): string => createHash('sha256').update(`${values.round}:${key}`).digest('hex');
    // a deterministic shuffle; when a document has more cards than a round grades, a deterministic sample
    const cards = generateFor(loaded)
      .sort((a, b) => (rank(a.key) < rank(b.key) ? -1 : 1))
      .slice(0, max);
    const packet = cards.map((c, i) => ({ id: `${doc.id}-${i + 1}`, doc: loaded.article.title, passage: c.passage, card: c.face }));
    writeFileSync(join(values.out, `packet-${doc.id}.jsonl`), packet.map((p) => JSON.stringify(p)).join('\n') + '\n');
    writeFileSync(join(values.out, `doc-${doc.id}.txt`), plainText(loaded.article));
    const mapping = cards.map((c, i) => ({ id: `${doc.id}-${i + 1}`, key: c.key, card: c.face, draft: c.draft }));
    writeFileSync(join(privateDir, `cards-${doc.id}.jsonl`), mapping.map((m) => JSON.stringify(m)).join('\n') + '\n');
    console.log(`${doc.id}: ${cards.length} cards`);
  }
  writeFileSync(join(values.out, 'READY'), '');
  return 0;
}
