import type { Candidate } from './model';

/**
 * Selection: fewer, better cards. Candidates are taken best first while they are good enough and add a concept
 * the section's chosen cards do not ask yet; there is no quota per 100 words, only a ceiling. The next-best
 * candidates are kept as the section's reserve ("More cards for this section", learned re-ranking).
 */

/** Least score of a chosen card. */
export const MIN_SCORE = 0.55;
/** A section with no card that good still gets its best card when it scores at least this. */
export const SECTION_FLOOR = 0.35;
/** Most cards per 100 words of study text. */
export const MAX_CARDS_PER_100_WORDS = 5;
/** Least score of the card of a sentence that states a rule or defines a term, when nothing better asks it. */
export const KEY_SENTENCE_FLOOR = 0.45;
/** How many reserve candidates a section keeps, and the least score of one. */
export const RESERVE_PER_SECTION = 8;
export const RESERVE_FLOOR = 0.3;
/** How much a candidate loses per share of its concept already asked by a chosen card. */
export const NOVELTY_PENALTY = 0.2;

const sentenceKey = (c: Candidate): string => `${c.unit.paragraph}:${c.unit.quoteStart}`;
const promptOf = (c: Candidate): string => c.text ?? c.front ?? '';

function conceptOf(c: Candidate): Set<string> {
  return new Set(c.key.split(/[\s|]+/).filter(Boolean));
}

/** Share of a candidate's concept that a chosen card already asks, in [0, 1]. */
function overlap(concept: Set<string>, chosen: Set<string>[]): number {
  if (concept.size === 0) return 0;
  let best = 0;
  for (const other of chosen) {
    let shared = 0;
    for (const k of concept) if (other.has(k)) shared++;
    best = Math.max(best, shared / concept.size);
  }
  return best;
}

/** Reading order, then the answer's place, then the kind: the tie-break that keeps selection deterministic. */
function readingOrder(a: Candidate, b: Candidate): number {
  return a.unit.order - b.unit.order || (a.answers[0]?.start ?? 0) - (b.answers[0]?.start ?? 0) || a.kind.localeCompare(b.kind);
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || readingOrder(a, b);
}

/** Chooses a section's cards from its scored candidates; the rest that are good enough become its reserve. */
export function selectSection(candidates: Candidate[], studyWords: number): { chosen: Candidate[]; reserve: Candidate[] } {
  const ceiling = Math.max(1, Math.floor((studyWords * MAX_CARDS_PER_100_WORDS) / 100));
  const pool = [...candidates].sort(byScore);
  const chosen: Candidate[] = [];
  const concepts: Set<string>[] = [];
  const keys = new Set<string>();
  const prompts = new Set<string>();
  const perSentence = new Map<string, Candidate[]>();
  // one card per sentence: a second gap in the same sentence tests the same fact again, or a lesser one
  const allowed = (c: Candidate): boolean => !keys.has(c.key) && !prompts.has(promptOf(c)) && !perSentence.has(sentenceKey(c));
  const adjusted = (c: Candidate): number => c.score - NOVELTY_PENALTY * overlap(conceptOf(c), concepts);
  const take = (c: Candidate): void => {
    chosen.push(c);
    concepts.push(conceptOf(c));
    keys.add(c.key);
    prompts.add(promptOf(c));
    perSentence.set(sentenceKey(c), [...(perSentence.get(sentenceKey(c)) ?? []), c]);
  };
  while (chosen.length < ceiling) {
    let best: Candidate | undefined;
    let bestScore = -Infinity;
    for (const c of pool) {
      if (c.score < MIN_SCORE) break; // sorted: nothing after it can qualify
      if (!allowed(c)) continue;
      const s = adjusted(c);
      if (s >= MIN_SCORE && (s > bestScore || (s === bestScore && best !== undefined && readingOrder(c, best) < 0))) {
        best = c;
        bestScore = s;
      }
    }
    if (!best) break;
    take(best);
  }
  // a sentence that states a rule or defines a term is a key idea: it gets its best card when that card asks a
  // fact, even below the usual bar
  for (const c of pool) {
    if (chosen.length >= ceiling || c.score < KEY_SENTENCE_FLOOR) break;
    const f = c.features ?? {};
    if ((f.normative === 1 || f.definitional === 1) && !f.weak && allowed(c)) take(c);
  }
  if (chosen.length === 0) {
    const best = pool.find((c) => c.score >= SECTION_FLOOR);
    if (best) take(best);
  }
  const reserve: Candidate[] = [];
  const reserved = new Set<string>();
  for (const c of pool) {
    if (reserve.length >= RESERVE_PER_SECTION || c.score < RESERVE_FLOOR) break;
    const k = `${sentenceKey(c)}|${c.key}`;
    if (keys.has(c.key) || prompts.has(promptOf(c)) || reserved.has(k) || reserved.has(promptOf(c))) continue;
    reserved.add(k);
    reserved.add(promptOf(c));
    reserve.push(c);
  }
  return { chosen: chosen.sort(readingOrder), reserve };
}
