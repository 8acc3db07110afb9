import type { Word } from './analyze';
import { isStopword } from './lexicon';
import { HEAD, MAX_ANSWER_WORDS } from './model';

const GERUND_OK_AFTER = new Set(['DET', 'ADJ', 'CCONJ', 'NUM']);

export function isPremod(w: Word, next: Word | undefined, prev: Word | undefined): boolean {
  if (isStopword(w.lower) || !/[\p{L}\p{N}]/u.test(w.text)) return false;
  const ing = /ing$/.test(w.lower) && w.lower.length > 5;
  // "…, guiding actions", "by strengthening customary law": a gerund, not an adjective
  if (ing && (w.pos === 'ADJ' || w.pos === 'VERB') && (!prev || prev.text === ',' || prev.pos === 'ADV' || prev.pos === 'SCONJ')) {
    return false;
  }
  if (w.pos === 'ADJ' || HEAD.has(w.pos)) return true;
  if (w.pos !== 'VERB' || !next || !(next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')) return false;
  if (ing) return !!prev && GERUND_OK_AFTER.has(prev.pos) && next.pos !== 'ADJ';
  return /ed$/.test(w.lower) && !(prev && (prev.pos === 'NOUN' || prev.pos === 'PROPN'));
}

// ---------------------------------------------------------------------------------------------------------
// Noun phrases

export interface Chunk {
  a: number;
  b: number;
  starts: number[];
}

/** Noun-phrase chunks from the parts of speech: premodifiers then a head, split where an adjective follows a noun. */
export function chunks(words: Word[]): { chunks: Chunk[]; adjRuns: Chunk[] } {
  const out: Chunk[] = [];
  const adjRuns: Chunk[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isPremod(words[i]!, words[i + 1], words[i - 1])) {
      i++;
      continue;
    }
    const a = i;
    let j = i;
    while (j + 1 < words.length && isPremod(words[j + 1]!, words[j + 2], words[j])) {
      const next = words[j + 1]!;
      const cur = words[j]!;
      if (next.pos === 'ADJ' && (cur.pos === 'NOUN' || cur.pos === 'PROPN')) break;
      j++;
    }
    let b = j;
    while (b >= a && !HEAD.has(words[b]!.pos)) b--;
    if (b >= a) {
      const starts = [a];
      for (let k = a + 1; k <= b; k++) {
        const prev = words[k - 1]!;
        if (prev.pos === 'ADJ' || prev.pos === 'VERB') starts.push(k);
      }
      out.push({ a, b, starts });
    } else {
      adjRuns.push({ a, b: j, starts: [a] });
    }
    i = j + 1;
  }
  return { chunks: out, adjRuns };
}


/** Candidate answer phrases of a unit, as word-index ranges. */
export function phrases(words: Word[]): [number, number, boolean][] {
  const { chunks: cs, adjRuns } = chunks(words);
  const byStart = new Map<number, Chunk>();
  for (const c of cs) byStart.set(c.a, c);
  const found: [number, number][] = [];
  const named = new Set<string>();
  const add = (a: number, b: number): void => {
    const n = b - a + 1;
    if (n < 1 || n > MAX_ANSWER_WORDS) return;
    if (isStopword(words[a]!.lower) || isStopword(words[b]!.lower)) return;
    found.push([a, b]);
  };
  const following = (idx: number): Chunk | undefined => {
    let k = idx;
    if (words[k]?.pos === 'DET' && !['this', 'these', 'those', 'that', 'such'].includes(words[k]!.lower)) k++;
    return byStart.get(k);
  };
  for (const c of cs) {
    for (const s of c.starts) {
      add(s, c.b);
      // the modifiers alone, when they are adjectives: the cloze maker keeps them only before a generic head
      if (s < c.b && words.slice(s, c.b).every((w) => w.pos === 'ADJ' || /\w-\w/.test(w.text))) add(s, c.b - 1);
      const next = words[c.b + 1];
      if (next?.lower === 'of') {
        const c2 = following(c.b + 2);
        if (c2) {
          add(s, c2.b);
          if (words[c2.b]!.pos === 'PROPN' || words[c.b]!.pos === 'PROPN' || words[c.b]!.pos === 'NUM') named.add(`${s}:${c2.b}`);
          const conj = words[c2.b + 1];
          if (conj && (conj.lower === 'and' || conj.lower === 'or')) {
            const c3 = following(c2.b + 2);
            if (c3 && c3.b - c3.a < 3 && c2.b - c2.a < 3) add(s, c3.b);
          }
        }
      }
      if (next && (next.lower === 'and' || next.lower === 'or')) {
        const c2 = byStart.get(c.b + 2);
        // like with like: "necessity and proportionality", not "the UN Charter and evolving jurisprudence"
        const named = (x: Chunk): boolean => words[x.b]!.pos === 'PROPN';
        if (c2 && s === c.a && c.b - s < 4 && c2.b - c2.a < 4 && named(c) === named(c2) && words[c2.a]!.pos !== 'VERB') add(s, c2.b);
      }
    }
  }
  for (const r of adjRuns) {
    const conj = words[r.b + 1];
    if (conj && (conj.lower === 'and' || conj.lower === 'or')) {
      const c2 = byStart.get(r.b + 2);
      if (c2 && words[c2.a]!.pos === 'ADJ') add(r.a, c2.b);
    }
  }
  // a technical token is an answer of its own, without the noun that names its kind ("the {{c1::--debug}} flag")
  words.forEach((w, i) => {
    if (w.code && !found.some(([a, b]) => a === i && b === i)) add(i, i);
  });
  return found.map(([a, b]) => [a, b, named.has(`${a}:${b}`)]);
}

