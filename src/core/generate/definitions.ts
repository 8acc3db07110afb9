import { countWords, MAX_PROMPT_WORDS, MAX_QA_ANSWER_WORDS, MIN_CONTEXT_WORDS, type Candidate, type Span, type TermStats, type Unit } from './model';
import { hasMarkup, tidy } from './text';
import { termValue } from './terms';
import { opensWithAnaphora } from './units';
import { badAnswer, isPlural, lowerFirst, qaCandidate } from './questions';

// ---------------------------------------------------------------------------------------------------------
// Definition paragraphs ("Term: description")

/** A definition paragraph (or a list item of that shape): a short term, a separator, a description. */
export function splitDefinition(text: string): { term: Span; description: Span } | undefined {
  const m = /^(\s*)([^\n:—–]{1,60}?)(\s*(?:\n|:\s|\s[—–-]\s|\t)\s*)(\S[\s\S]*)$/.exec(text);
  if (!m) return undefined;
  const term = m[2]!.trim();
  if (countWords(term) < 1 || countWords(term) > 6) return undefined;
  const start = m[1]!.length;
  const descStart = start + m[2]!.length + m[3]!.length;
  return { term: { start, end: start + term.length }, description: { start: descStart, end: text.trimEnd().length } };
}

export function definitionCandidates(unit: Unit, stats: TermStats, def: { term: Span; description: Span }): Candidate[] {
  const words = unit.words;
  const inside = (x: Span): number[] => words.flatMap((w, i) => (w.start >= x.start && w.end <= x.end ? [i] : []));
  const termIdx = inside(def.term);
  const descIdx = inside(def.description);
  if (termIdx.length === 0 || descIdx.length === 0) return [];
  const ta = termIdx[0]!;
  const tb = termIdx[termIdx.length - 1]!;
  const da = descIdx[0]!;
  let db = descIdx[descIdx.length - 1]!;
  if (hasMarkup(unit.para.text.slice(def.term.start, def.description.end))) return [];
  const termWords = words.slice(ta, tb + 1);
  const termText = lowerFirst(termWords, tidy(unit.para.text.slice(words[ta]!.start, words[tb]!.end)), stats, termWords);
  const value = termValue(termWords, stats) + 0.25;
  const out: Candidate[] = [];
  // the description's first sentence, without a bracket it leaves open
  const stop = words.findIndex((w, i) => i > da && i <= db && /^[.!?]$/.test(w.text));
  if (stop > da) db = stop - 1;
  while (db > da && words[db]!.pos === 'PUNCT') db--;
  const bracket = words.findIndex((w, i) => i > da && i <= db && w.text === '(');
  if (bracket > da && !words.slice(bracket, db + 1).some((w) => w.text === ')')) db = bracket - 1;
  while (db > da && words[db]!.pos === 'PUNCT') db--;
  // What is the term? The description, or its core before the first comma when the whole is too long.
  let end = db;
  if (countWords(tidy(unit.para.masked.slice(words[da]!.start, words[end]!.end))) > MAX_QA_ANSWER_WORDS) {
    const comma = words.findIndex((w, i) => i > da && i <= db && /^[,;(]$/.test(w.text));
    end = comma > da + 2 ? comma - 1 : -1;
  }
  if (end > da) {
    const q = qaCandidate(unit, `What ${isPlural(termWords) ? 'are' : 'is'} ${termText}?`, [da, end], value, stats, 'np', { rule: 'glossary', keyTerm: termText });
    if (q) out.push(q);
  }
  // Which term is described? The term is the answer.
  const description = tidy(unit.para.masked.slice(words[da]!.start, words[db]!.end));
  // a description that asks questions, points back or is a clause of its own defines nothing
  const describes = !/\?/.test(description) && !opensWithAnaphora(words.slice(da)) && !badAnswer(words.slice(da, db + 1), description, 'np', stats);
  if (out.length === 0 && describes && countWords(description) + 5 <= MAX_PROMPT_WORDS && countWords(description) >= MIN_CONTEXT_WORDS) {
    const q = qaCandidate(unit, `Which term is defined as: “${description}”?`, [ta, tb], value, stats, 'np', { rule: 'glossary' });
    if (q) out.push(q);
  }
  return out;
}
