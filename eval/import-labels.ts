import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CardFace } from './cards';
import { DOCUMENTS, EVAL_DIR } from './documents';

export type Verdict = 'keep' | 'edit' | 'delete';

/** One blind label, stored with the card it labels (matched later by `key`). */
export interface StoredLabel {
  key: string;
  round: string;
  card: CardFace;
  verdict: Verdict;
  reason: string;
  note?: string;
  edited?: unknown;
}

export interface StoredIdeas {
  round: string;
  ideas: { id: string; idea: string }[];
  /** Idea id → keys of the cards the graders said cover it. */
  covered: Record<string, string[]>;
}

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as T);

export const labelsPath = (doc: string): string => join(EVAL_DIR, 'labels', `${doc}.jsonl`);
export const ideasPath = (doc: string, round: string): string => join(EVAL_DIR, 'ideas', `${doc}.${round}.json`);

/**
 * Joins a finished round's blind labels (`labels-<doc>.jsonl`, `ideas-<doc>.json` in the mailbox) to the cards
 * they label (`eval/rounds/<round>/cards-<doc>.jsonl`) and stores them in eval/labels and eval/ideas. A card
 * labelled again in a later round keeps its latest label.
 *
 *   node bin/run-ts.mjs eval/import-labels.ts --round r2 --from /work/grading/r2
 */
export function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { round: { type: 'string' }, from: { type: 'string' } } });
  if (!values.round || !values.from) {
    console.error('usage: import-labels.ts --round <name> --from <folder>');
    return 1;
  }
  const round = values.round;
  for (const doc of DOCUMENTS) {
    const mapping = join(EVAL_DIR, 'rounds', round, `cards-${doc.id}.jsonl`);
    const labelFile = join(values.from, `labels-${doc.id}.jsonl`);
    if (!existsSync(mapping) || !existsSync(labelFile)) continue;
    const cards = new Map(readJsonl<{ id: string; key: string; card: CardFace }>(mapping).map((c) => [c.id, c]));
    const stored = new Map<string, StoredLabel>();
    if (existsSync(labelsPath(doc.id))) for (const l of readJsonl<StoredLabel>(labelsPath(doc.id))) stored.set(l.key, l);
    let n = 0;
    for (const l of readJsonl<{ id: string; verdict: Verdict; reason: string; note?: string; edited?: unknown }>(labelFile)) {
      const card = cards.get(l.id);
      if (!card) continue;
      stored.set(card.key, {
        key: card.key,
        round,
        card: card.card,
        verdict: l.verdict,
        reason: l.reason,
        ...(l.note ? { note: l.note } : {}),
        ...(l.edited !== undefined ? { edited: l.edited } : {}),
      });
      n++;
    }
    const lines = [...stored.values()].sort((a, b) => (a.key < b.key ? -1 : 1)).map((l) => JSON.stringify(l));
    writeFileSync(labelsPath(doc.id), lines.join('\n') + '\n');
    const ideasFile = join(values.from, `ideas-${doc.id}.json`);
    if (existsSync(ideasFile)) {
      const raw = JSON.parse(readFileSync(ideasFile, 'utf8')) as { ideas: { id: string; idea: string }[]; covered: Record<string, string[]> };
      const covered: Record<string, string[]> = {};
      for (const [idea, ids] of Object.entries(raw.covered ?? {})) covered[idea] = ids.flatMap((id) => cards.get(id)?.key ?? []);
      const out: StoredIdeas = { round, ideas: raw.ideas, covered };
      writeFileSync(ideasPath(doc.id, round), JSON.stringify(out, null, 1) + '\n');
    }
    console.log(`${doc.id}: ${n} labels from ${round}`);
  }
  return 0;
}
