import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateFor } from './cards';
import { EVAL_DIR, loadDocument, selectDocuments } from './documents';
import { labelsPath, type StoredIdeas, type StoredLabel } from './import-labels';

/** One document's figures: the generator's cards now, scored by the stored blind labels. */
export interface DocumentScore {
  doc: string;
  heldOut: boolean;
  cards: number;
  labelled: number;
  unlabelled: number;
  keep: number;
  edit: number;
  delete: number;
  deletesByReason: Record<string, number>;
  ideas: number;
  ideasCovered: number;
  ideasRound?: string;
}

const pct = (n: number, d: number): string => (d === 0 ? '–' : `${Math.round((100 * n) / d)}%`);

function latestIdeas(doc: string): StoredIdeas | undefined {
  const dir = join(EVAL_DIR, 'ideas');
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`${doc}.`) && f.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const last = files[files.length - 1];
  return last ? (JSON.parse(readFileSync(join(dir, last), 'utf8')) as StoredIdeas) : undefined;
}

export function scoreDocuments(ids?: string): DocumentScore[] {
  return selectDocuments(ids).map((doc) => {
    const cards = generateFor(loadDocument(doc));
    const labels = new Map<string, StoredLabel>();
    if (existsSync(labelsPath(doc.id))) {
      for (const line of readFileSync(labelsPath(doc.id), 'utf8').split('\n')) {
        if (line.trim()) {
          const l = JSON.parse(line) as StoredLabel;
          labels.set(l.key, l);
        }
      }
    }
    const score: DocumentScore = { doc: doc.id, heldOut: doc.heldOut, cards: cards.length, labelled: 0, unlabelled: 0, keep: 0, edit: 0, delete: 0, deletesByReason: {}, ideas: 0, ideasCovered: 0 };
    const kept = new Set<string>();
    for (const c of cards) {
      const l = labels.get(c.key);
      if (!l) {
        score.unlabelled++;
        continue;
      }
      score.labelled++;
      score[l.verdict]++;
      if (l.verdict === 'delete') score.deletesByReason[l.reason] = (score.deletesByReason[l.reason] ?? 0) + 1;
      else kept.add(c.key);
    }
    const ideas = latestIdeas(doc.id);
    if (ideas) {
      score.ideasRound = ideas.round;
      score.ideas = ideas.ideas.length;
      score.ideasCovered = ideas.ideas.filter((i) => (ideas.covered[i.id] ?? []).some((k) => kept.has(k))).length;
    }
    return score;
  });
}

/**
 * `npm run eval:cards`: generates the labelled set's documents, matches each card to its stored blind label,
 * and reports per document the keep rate (keep or small edit), deletes by reason, unlabelled cards (relabel
 * them after a generator change) and key-idea coverage (ideas of the latest round covered by a kept card now).
 */
export function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { docs: { type: 'string' }, json: { type: 'boolean' } } });
  const scores = scoreDocuments(values.docs);
  if (values.json) {
    console.log(JSON.stringify(scores, null, 2));
    return 0;
  }
  const rows = [['document', 'cards', 'labelled', 'kept', 'keep+edit', 'ideas covered', 'deletes by reason']];
  const total = { cards: 0, labelled: 0, keep: 0, edit: 0, ideas: 0, covered: 0, reasons: {} as Record<string, number> };
  for (const s of scores) {
    const kept = s.keep + s.edit;
    rows.push([
      `${s.doc}${s.heldOut ? ' (held out)' : ''}`,
      String(s.cards),
      `${s.labelled}${s.unlabelled ? ` (${s.unlabelled} unlabelled)` : ''}`,
      `${s.keep}+${s.edit}`,
      pct(kept, s.labelled),
      s.ideas ? `${s.ideasCovered}/${s.ideas} (${pct(s.ideasCovered, s.ideas)})` : '–',
      Object.entries(s.deletesByReason)
        .sort((a, b) => b[1] - a[1])
        .map(([r, n]) => `${r} ${n}`)
        .join(', '),
    ]);
    total.cards += s.cards;
    total.labelled += s.labelled;
    total.keep += s.keep;
    total.edit += s.edit;
    total.ideas += s.ideas;
    total.covered += s.ideasCovered;
    for (const [r, n] of Object.entries(s.deletesByReason)) total.reasons[r] = (total.reasons[r] ?? 0) + n;
  }
  rows.push([
    'all',
    String(total.cards),
    String(total.labelled),
    `${total.keep}+${total.edit}`,
    pct(total.keep + total.edit, total.labelled),
    total.ideas ? `${total.covered}/${total.ideas} (${pct(total.covered, total.ideas)})` : '–',
    Object.entries(total.reasons)
      .sort((a, b) => b[1] - a[1])
      .map(([r, n]) => `${r} ${n}`)
      .join(', '),
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  if (total.labelled < total.cards) console.log(`\n${total.cards - total.labelled} cards have no label: the generator changed since the last round; grade them in a new round.`);
  return 0;
}
