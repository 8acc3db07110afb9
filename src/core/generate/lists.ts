import type { Word } from './analyze';
import { isStopword } from './lexicon';
import { countWords, HEAD, MAX_PROMPT_WORDS, MIN_CONTEXT_WORDS, span, type Candidate, type TermStats, type Unit } from './model';
import { clozeText, plainText } from './text';
import { termValue } from './terms';
import { answerKey, anaphoraPenalty, givenAway, outside, usable } from './checks';

// ---------------------------------------------------------------------------------------------------------
// List cloze

const ITEM_INNER_ADP = new Set(['of', 'to', 'for', 'in', 'on', 'across', 'against', 'with']);

export function isItemWord(w: Word): boolean {
  return w.pos === 'ADJ' || HEAD.has(w.pos) || (w.pos === 'VERB' && /(ing|ed)$/.test(w.lower));
}

/** Trims an item to start and end on content words; undefined if nothing is left. */
export function trimItem(words: Word[], a: number, b: number): [number, number] | undefined {
  while (a <= b && (isStopword(words[a]!.lower) || words[a]!.pos === 'DET' || words[a]!.pos === 'PUNCT')) a++;
  while (b >= a && (isStopword(words[b]!.lower) || words[b]!.pos === 'PUNCT' || words[b]!.pos === 'ADP')) b--;
  if (a > b) return undefined;
  if (b - a + 1 > 6) return undefined;
  return [a, b];
}

export function validItem(words: Word[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    const w = words[k]!;
    if (w.pos === 'VERB' && k > a && !(/ed$/.test(w.lower) && words[k + 1] && HEAD.has(words[k + 1]!.pos))) return false;
    if (isItemWord(w)) continue;
    if (k > a && k < b && (ITEM_INNER_ADP.has(w.lower) || w.pos === 'DET')) continue;
    return false;
  }
  const last = words[b]!;
  return HEAD.has(last.pos) || last.pos === 'ADJ';
}

/** Sentences enumerating three or more items ("A, B, and C"): all items hidden together. */
export function listCandidates(unit: Unit, stats: TermStats): Candidate[] {
  if (!usable(unit)) return [];
  const words = unit.words;
  if (countWords(plainText(unit)) > MAX_PROMPT_WORDS) return [];
  const out: Candidate[] = [];
  const startsWithGerund = (i: number): boolean => words[i]!.pos === 'VERB' && /ing$/.test(words[i]!.lower);
  for (let j = 1; j < words.length; j++) {
    const conj = words[j]!;
    if (conj.lower !== 'and' && conj.lower !== 'or') continue;
    // the last item: after the conjunction, while the words still belong to a phrase
    let b = j + 1;
    while (b < words.length && (words[b]!.pos === 'DET' || isStopword(words[b]!.lower)) && b - j < 3) b++;
    const lastStart = b;
    while (b < words.length) {
      const w = words[b]!;
      if (b > lastStart && w.pos === 'VERB' && HEAD.has(words[b - 1]!.pos)) break; // "populations living under …"
      if (isItemWord(w) && !(w.pos === 'VERB' && b > lastStart && !/(ing|ed)$/.test(w.lower))) {
        b++;
        continue;
      }
      if (w.lower === 'of' && b + 1 < words.length && b > lastStart) {
        b++;
        continue;
      }
      break;
    }
    const last = trimItem(words, lastStart, b - 1);
    if (!last || !validItem(words, last[0], last[1])) continue;
    const gerunds = startsWithGerund(last[0]);
    // the separators going back: the comma before the conjunction (Oxford) and the commas before it
    const k = words[j - 1]!.text === ',' ? j - 1 : j;
    const commas: number[] = [];
    for (let i = k - 1; i >= 0; i--) {
      if (words[i]!.text === ',') commas.push(i);
      else if (/^[;:()—–]$/.test(words[i]!.text) || words[i]!.pos === 'SCONJ' || ['and', 'or', 'as', 'because', 'since', 'while', 'whereas'].includes(words[i]!.lower)) break;
    }
    if (commas.length === 0) continue;
    const items: [number, number][] = [last];
    const seps = [k, ...commas];
    let firstEnd = -1;
    for (let s = 0; s < seps.length; s++) {
      const right = seps[s]!;
      const left = seps[s + 1];
      const t = left === undefined ? undefined : trimItem(words, left + 1, right - 1);
      if (left === undefined || !t || right - left - 1 > 7 || !validItem(words, t[0], t[1]) || startsWithGerund(t[0]) !== gerunds) {
        firstEnd = right - 1;
        break;
      }
      items.unshift(t);
    }
    if (firstEnd < 0) continue;
    // the first item: extend left from its separator while the words still belong to a phrase
    let a = firstEnd;
    let crossedAt = -1;
    while (a - 1 >= 0) {
      const w = words[a - 1]!;
      if (w.pos === 'VERB' && /ing$/.test(w.lower)) {
        if (gerunds) a--;
        break;
      }
      if (isItemWord(w)) {
        a--;
        continue;
      }
      // "clear attribution of aggression", but not "the importance of | sunset clauses" or "requires scrutiny of | …"
      const before = words[a - 2];
      const beforeThat = words[a - 3];
      if (w.lower === 'of' && before && isItemWord(before) && before.pos !== 'VERB' && !(beforeThat && (beforeThat.pos === 'DET' || beforeThat.pos === 'VERB'))) {
        a--;
        continue;
      }
      // "advocate clear rules on attribution, …": a noun's own prepositional phrase belongs to the item
      if (w.lower !== 'of' && ITEM_INNER_ADP.has(w.lower) && before && (before.pos === 'NOUN' || before.pos === 'PROPN') && firstEnd - a < 3 && crossedAt < 0) {
        crossedAt = a;
        a--;
        continue;
      }
      break;
    }
    // …but only when that noun is the verb's object ("advocate clear rules on …", not "calls for clearer guidelines on …")
    const verb = words[a - 1];
    if (crossedAt >= 0 && !(verb && verb.pos === 'VERB' && !/(ing|ed)$/.test(verb.lower))) a = crossedAt;
    const first = trimItem(words, a, firstEnd);
    if (!first || !validItem(words, first[0], first[1]) || startsWithGerund(first[0]) !== gerunds) continue;
    items.unshift(first);
    if (items.length < 3 || items.length > 7) continue;
    // a lone verb ("should be preferred, with …") is no item of an enumeration
    if (items.some(([x, y]) => x === y && (words[x]!.pos === 'VERB' || (words[x]!.pos === 'ADJ' && /ed$/.test(words[x]!.lower))))) continue;
    const gaps = items.map(([x, y]) => span(words, x, y));
    if (gaps.some((g) => unit.para.masked.slice(g.start, g.end) !== unit.para.text.slice(g.start, g.end))) continue;
    const itemWords = items.flatMap(([x, y]) => words.slice(x, y + 1));
    const context = outside(words, items);
    if (countWords(context.map((w) => w.text).join(' ')) < MIN_CONTEXT_WORDS) continue;
    if (givenAway(itemWords, context)) continue;
    const values = items.map(([x, y]) => termValue(words.slice(x, y + 1), stats));
    const mean = values.reduce((p, q) => p + q, 0) / values.length;
    const value = (mean + 0.12) * anaphoraPenalty(words);
    out.push({
      kind: 'list',
      unit,
      answers: gaps,
      text: clozeText(unit, gaps),
      value,
      score: 0,
      key: items.map(([x, y]) => answerKey(words.slice(x, y + 1))).join(' | '),
      rule: 'list',
      keyTerm: gaps.map((g) => unit.para.text.slice(g.start, g.end)).join(', '),
    });
  }
  return out;
}

