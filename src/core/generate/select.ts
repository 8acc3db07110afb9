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
/** How many reserve candidates a section keeps, and the least score of one. */
export const RESERVE_PER_SECTION = 8;
export const RESERVE_FLOOR = 0.3;
/** A sentence of this many words or more may give a second card, when it asks a different concept. */
export const LONG_SENTENCE = 28;
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

function spansOverlap(a: Candidate, b: Candidate): boolean {
  return a.answers.some((x) => b.answers.some((y) => x.start < y.end && y.start < x.end));
}

/** Reading order, then the answer's place, then the kind: the tie-break that keeps selection deterministic. */
function readingOrder(a: Candidate, b: Candidate): number {
  return a.unit.order - b.unit.order || (a.answers[0]?.start ?? 0) - (b.answers[0]?.start ?? 0) || a.kind.localeCompare(b.kind);
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || readingOrder(a, b);
}

function longSentence(c: Candidate): boolean {
  return c.unit.words.filter((w) => /[\p{L}\p{N}]/u.test(w.text)).length >= LONG_SENTENCE;
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
  const allowed = (c: Candidate): boolean => {
    if (keys.has(c.key) || prompts.has(promptOf(c))) return false;
    const same = perSentence.get(sentenceKey(c)) ?? [];
    if (same.length === 0) return true;
    if (same.length >= 2 || !longSentence(c)) return false;
    const concept = conceptOf(c);
    return !same.some((x) => spansOverlap(x, c) || overlap(concept, [conceptOf(x)]) > 0);
  };
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
