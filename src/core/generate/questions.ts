import type { CardRule } from '../../shared/contract/card-draft';
import type { Word } from './analyze';
import { ANAPHORA, ASIDE_OPENERS, CONNECTIVES, isStopword, PREPOSITIONAL_PARTICIPLES, specificity, stem } from './lexicon';
import { countWords, HEAD, isContent, MAX_PROMPT_WORDS, MAX_QA_ANSWER_WORDS, span, type Candidate, type TermStats, type Unit } from './model';
import { chunks } from './phrases';
import { tidy } from './text';
import { isGenericPhrase, termValue } from './terms';
import { answerKey, givenAway, usable } from './checks';
import { opensWithAnaphora } from './units';
import { trimItem } from './lists';

// ---------------------------------------------------------------------------------------------------------
// Question and answer

/** Verbs that define, explain or relate (`X requires Y`, `X hinges on Y`); general English, not topic words. */
const EXPLAIN_VERBS = new Set(
  (
    'require demand need involve include comprise contain consist mean denote refer define describe explain ' +
    'clarify determine depend hinge rely rest ground base emphasize emphasise stress highlight underline ' +
    'underscore advocate urge insist favor favour prefer recognize recognise allow permit prohibit forbid ' +
    'prevent enable cause produce provide ensure measure represent call argue propose recommend establish ' +
    'govern regulate protect reduce increase undermine complicate shape identify distinguish combine replace ' +
    'generate create convert store return accept support implement compute calculate encode compare apply ' +
    'contend hold maintain state assert claim point limit restrict grant confer impose entail imply constitute ' +
    'form become raise treat use'
  ).split(/\s+/),
);

const PARTICLES = new Set(['on', 'to', 'for', 'in', 'of', 'as', 'between', 'with', 'into', 'from', 'against', 'upon']);
const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would', 'has', 'have', 'had', 'does', 'do', 'did']);

export function lowerFirst(words: Word[], text: string, stats: TermStats, unitWords: Word[]): string {
  const first = words[0];
  if (!first || first !== unitWords[0]) return text;
  if (!/^\p{Lu}(?:\p{Ll}|$)/u.test(first.text)) return text;
  if (stats.properWords.has(first.lower)) return text;
  return first.lower + text.slice(first.text.length);
}

/** The noun phrase a clause opens with: DET? chunk (of DET? chunk)? — at most 8 words, not anaphoric. */
export function subjectAt(words: Word[], from: number): number | undefined {
  let i = from;
  const det = words[i];
  if (det && det.pos === 'DET') {
    if (['this', 'these', 'those', 'that', 'such', 'some', 'any', 'each', 'another'].includes(det.lower)) return undefined;
    i++;
  }
  const first = words[i];
  if (i === from && first && first.pos === 'VERB' && /ing$/.test(first.lower) && words[i + 1]?.pos === 'AUX') return i;
  const { chunks: cs } = chunks(words.slice(i, i + 9));
  const c = cs[0];
  if (!c || c.a !== 0) return undefined;
  let end = i + c.b;
  if (words[end + 1]?.lower === 'of') {
    let k = end + 2;
    if (words[k]?.pos === 'DET') k++;
    const { chunks: c2 } = chunks(words.slice(k, k + 6));
    if (c2[0] && c2[0].a === 0) end = k + c2[0].b;
  }
  if (end - from + 1 > 8) return undefined;
  if (words.slice(from, end + 1).some((w) => ANAPHORA.has(w.lower))) return undefined;
  return end;
}

/**
 * The object after a verb: up to a clause boundary, lists included. With `whole`, a relative or purpose clause
 * that completes the object ("a command line tool that searches your files for patterns", "the activity of cells
 * … to maintain …") is taken to the clause's end when the whole fits in an answer, never cut after its verb.
 */
export function objectFrom(words: Word[], from: number, whole = false): [number, number] | undefined {
  if (from >= words.length) return undefined;
  let clauseObject = false;
  if (words[from]!.lower === 'that' && words[from]!.pos === 'SCONJ') {
    from++;
    clauseObject = true;
  }
  let k = from;
  while (k < words.length) {
    const w = words[k]!;
    const next = words[k + 1];
    if (/^[.;:?!—–()]$/.test(w.text)) break;
    if (whole && k > from + 1 && (['that', 'which', 'who'].includes(w.lower) || (w.lower === 'to' && next?.pos === 'VERB'))) {
      let end = k + 1;
      while (end < words.length && !/^[.;:?!—–(),]$/.test(words[end]!.text)) end++;
      if (countWords(words.slice(from, end).map((x) => x.text).join(' ')) <= MAX_QA_ANSWER_WORDS) k = end;
      break;
    }
    if (!clauseObject) {
      if (w.pos === 'SCONJ' || (w.pos === 'PRON' && k > from) || (w.pos === 'ADV' && ['when', 'where', 'while', 'as'].includes(w.lower))) break;
      if (w.lower === 'to' && next && next.pos === 'VERB' && !/ing$/.test(next.lower)) break;
      if (w.text === ',' && next && (next.pos === 'VERB' || next.pos === 'SCONJ' || next.pos === 'ADV' || next.pos === 'PRON' || /ing$/.test(next.lower))) break;
      if (w.lower === 'not' || w.lower === 'but') break;
      if (w.pos === 'VERB' && k > from && !/(ing|ed)$/.test(w.lower)) break;
      if (w.pos === 'VERB' && k > from && HEAD.has(words[k - 1]!.pos) && !(next && HEAD.has(next.pos))) break;
    } else if (w.text === ',' && next && (next.pos === 'VERB' || next.pos === 'SCONJ')) break;
    k++;
  }
  let b = k - 1;
  // commas inside an answer only as a list: "A, B, and C"
  const commas = words.slice(from, b + 1).map((w, i) => (w.text === ',' ? from + i : -1)).filter((i) => i >= 0);
  const lastComma = commas[commas.length - 1];
  if (lastComma !== undefined && !words.slice(lastComma + 1, b + 1).some((w) => w.lower === 'and' || w.lower === 'or')) {
    b = commas[0]! - 1;
  }
  while (b >= from && (isStopword(words[b]!.lower) || words[b]!.pos === 'PUNCT' || words[b]!.pos === 'ADP')) b--;
  if (b < from) return undefined;
  return [from, b];
}

export function verbPhrase(
  words: Word[],
  subjectEnd: number,
): { aux?: Word; verb: Word; verbIndex: number; adverbs: Word[]; particle?: Word; objectStart: number } | undefined {
  let i = subjectEnd + 1;
  let aux: Word | undefined;
  const adverbs: Word[] = [];
  while (i < words.length && words[i]!.pos === 'ADV' && adverbs.length < 2) adverbs.push(words[i++]!);
  if (words[i] && words[i]!.pos === 'AUX' && MODALS.has(words[i]!.lower)) aux = words[i++];
  while (i < words.length && words[i]!.pos === 'ADV' && adverbs.length < 3) adverbs.push(words[i++]!);
  const verb = words[i];
  if (!verb || verb.pos !== 'VERB') return undefined;
  const verbIndex = i;
  let particle: Word | undefined;
  const next = words[i + 1];
  if (next && next.pos === 'ADP' && PARTICLES.has(next.lower)) particle = next;
  const objectStart = particle ? i + 2 : i + 1;
  return { ...(aux ? { aux } : {}), verb, verbIndex, adverbs, ...(particle ? { particle } : {}), objectStart };
}

export function isPlural(words: Word[]): boolean {
  const head = words[words.length - 1];
  if (!head) return false;
  if (words.some((w) => w.lower === 'and')) return true;
  return (head.lower !== head.lemma || stem(head.lower) !== head.lower) && /s$/.test(head.lower) && !/(ss|us|is)$/.test(head.lower);
}

/**
 * What a question's answer must be: a term (a name, an expansion), a noun phrase that says what something is,
 * or any complete clause ("… emphasize that X").
 */
export type AnswerShape = 'term' | 'np' | 'clause';

const RELATIVIZERS = new Set(['who', 'whom', 'whose', 'which', 'that', 'what', 'how', 'whether', 'where', 'when', 'why']);

/**
 * Why an answer is a fragment rather than something to recall: it opens with a preposition, a participle used as
 * one, an adverb or an aside ("e.g.", "see"); it ends on a function word; it runs over a sentence end or leaves a
 * bracket open; a noun-phrase answer holds a finite verb of its own ("Something is broken", "contributors confirm"),
 * or is a generic phrase ("an unusual circumstance").
 */
export function badAnswer(answer: Word[], back: string, shape: AnswerShape, stats: TermStats): boolean {
  const first = answer[0];
  const last = answer[answer.length - 1];
  if (!first || !last) return true;
  if (/[.!?]\s+\S/.test(back) || /\[/.test(back) || /,\s*(?:and|but|or)\s+(?:is|are|was|were|has|have|had)\b/.test(back)) return true;
  if ((back.match(/\(/g) ?? []).length !== (back.match(/\)/g) ?? []).length) return true;
  if ((back.match(/["“”]/g) ?? []).length % 2 === 1) return true;
  if (isStopword(last.lower) || ['ADP', 'DET', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'PART'].includes(last.pos)) return true;
  if (shape === 'term') return false;
  const opener = first.lower.replace(/[,:;]$/, '');
  if (ASIDE_OPENERS.has(opener) || PREPOSITIONAL_PARTICIPLES.has(opener)) return true;
  if (['ADP', 'SCONJ', 'ADV', 'PART', 'AUX', 'CCONJ', 'PUNCT'].includes(first.pos)) return true;
  if (shape === 'clause') return false;
  if (first.pos === 'PRON' && !(first.lower.endsWith('one') || first.lower.endsWith('thing'))) return true;
  if (first.pos === 'VERB' && !/ing$/.test(first.lower)) return true;
  // a predicate adjective ("available for …"), not a noun phrase
  if (first.pos === 'ADJ' && answer[1]?.pos === 'ADP') return true;
  for (let i = 1; i < answer.length; i++) {
    const w = answer[i]!;
    if (RELATIVIZERS.has(w.lower) || w.text === ',') break;
    if (w.pos === 'AUX' || (w.pos === 'VERB' && !/(ing|ed|en)$/.test(w.lower))) return true;
  }
  if (!answer.some((w) => HEAD.has(w.pos)) && !(first.pos === 'VERB' && /ing$/.test(first.lower))) return true;
  return answer.filter(isContent).length <= 2 && isGenericPhrase(answer, stats, first);
}

export function qaCandidate(
  unit: Unit,
  front: string,
  answer: [number, number],
  valueBase: number,
  stats: TermStats,
  shape: AnswerShape = 'np',
  why: { rule: CardRule; keyTerm?: string } = { rule: 'relation' },
): Candidate | undefined {
  const words = unit.words;
  const [a, b] = answer;
  const answerWords = words.slice(a, b + 1);
  const s = span(words, a, b);
  const back = unit.para.text.slice(s.start, s.end);
  if (unit.para.masked.slice(s.start, s.end) !== back) return undefined;
  if (badAnswer(answerWords, back, shape, stats)) return undefined;
  if (countWords(back) > MAX_QA_ANSWER_WORDS || countWords(back) < 1) return undefined;
  if (countWords(front) > MAX_PROMPT_WORDS) return undefined;
  const content = answerWords.filter(isContent);
  if (content.length === 0) return undefined;
  if (content.length === 1 && specificity(content[0]!.text, content[0]!.lemma) < 0.6) return undefined;
  const frontWords = front
    .replace(/[?]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((t): Word => ({ text: t, lower: t.toLowerCase(), lemma: t.toLowerCase(), pos: 'X', start: 0, end: 0 }));
  if (givenAway(answerWords, frontWords)) return undefined;
  let value = valueBase * 0.35 + termValue(answerWords, stats, false) * 0.65;
  if (content.length === 1) value *= 0.65;
  return { kind: 'qa', unit, answers: [s], front, back, value, score: 0, key: answerKey(answerWords), rule: why.rule, keyTerm: why.keyTerm ?? back };
}

export function qaCandidates(unit: Unit, stats: TermStats): Candidate[] {
  if (!usable(unit)) return [];
  const words = unit.words;
  const text = unit.para.masked;
  const out: Candidate[] = [];
  const subjectEnd = subjectAt(words, 0);
  const phraseText = (a: number, b: number): string => tidy(text.slice(words[a]!.start, words[b]!.end));

  // 1. Appositive definitions: "X — Y —", "X (Y)"
  for (let i = 1; i < words.length - 2; i++) {
    const open = words[i]!.text;
    if (!['—', '–', '('].includes(open)) continue;
    const close = open === '(' ? ')' : open;
    const j = words.findIndex((w, k) => k > i && w.text === close);
    if (j < 0) continue;
    const termEnd = i - 1;
    const { chunks: cs } = chunks(words.slice(0, i));
    const c = cs.find((x) => x.b === termEnd);
    if (!c) continue;
    let termStart = c.a;
    if (words[termStart - 1]?.pos === 'DET' && words[termStart - 1]!.lower === 'the') termStart--;
    const inner = words.slice(i + 1, j);
    if (inner.length === 1 && /^\p{Lu}{2,}$/u.test(inner[0]!.text)) {
      // an acronym: "Coordinated Universal Time (UTC)"
      const initials = words
        .slice(c.a, termEnd + 1)
        .map((w) => w.text[0])
        .join('');
      if (initials.toUpperCase() === inner[0]!.text) {
        const q = qaCandidate(unit, `What does ${inner[0]!.text} stand for?`, [c.a, termEnd], 0.8, stats, 'term', { rule: 'acronym', keyTerm: inner[0]!.text });
        if (q) out.push(q);
      }
      continue;
    }
    if (inner.length < 2 || ANAPHORA.has(inner[0]!.lower)) continue;
    // in brackets, a definition reads "X (a …)" or "X (Y's …)"; anything else is an example or an aside
    if (open === '(' && !(['a', 'an', 'the'].includes(inner[0]!.lower) || /^['’]s$/.test(inner[1]?.text ?? ''))) continue;
    const t = trimItem(words, i + 1, j - 1) ?? [i + 1, j - 1];
    const def = [i + 1, j - 1] as [number, number];
    if (t[0] !== def[0]) continue;
    const termWords = words.slice(termStart, termEnd + 1);
    if (isGenericPhrase(termWords, stats, words[0])) continue;
    const termText = lowerFirst(termWords, phraseText(termStart, termEnd), stats, words);
    const q = qaCandidate(unit, `What ${isPlural(termWords) ? 'are' : 'is'} ${termText}?`, def, 0.95, stats, 'np', { rule: 'definition', keyTerm: termText });
    if (q) out.push(q);
  }

  if (subjectEnd === undefined || opensWithAnaphora(words)) return out;
  const subjectWords = words.slice(0, subjectEnd + 1);
  // "What is the function?", "What do projects rely on?": a bare common noun is no subject to ask about
  if (isGenericPhrase(subjectWords, stats, words[0])) return out;
  const subjectText = lowerFirst(subjectWords, phraseText(0, subjectEnd), stats, words);
  const subjectValue = termValue(subjectWords, stats);

  // 2. Copula definitions: "X is a Y …"; naming: "X is known as Y"
  let c = subjectEnd + 1;
  while (words[c]?.pos === 'ADV') c++;
  const cop = words[c];
  if (cop && cop.lemma === 'be' && cop.pos === 'AUX' && ['is', 'are', 'was', 'were'].includes(cop.lower)) {
    const after = words[c + 1];
    const named = after && ['known', 'called', 'termed', 'named', 'referred', 'defined'].includes(after.lower);
    if (named) {
      let k = c + 2;
      if (words[k] && ['as', 'to'].includes(words[k]!.lower)) k++;
      if (words[k]?.lower === 'as') k++;
      const obj = objectFrom(words, k);
      if (obj) {
        const particle = after.lower === 'referred' ? ' to as' : after.lower === 'defined' ? ' as' : words[c + 2]?.lower === 'as' ? ' as' : '';
        const q = qaCandidate(unit, `What ${cop.lower} ${subjectText} ${after.lower}${particle}?`, obj, subjectValue + 0.1, stats, 'np', { rule: 'naming', keyTerm: subjectText });
        if (q) out.push(q);
      }
    } else if (after && (after.pos === 'DET' || after.pos === 'NOUN' || after.pos === 'ADJ' || after.pos === 'PROPN')) {
      const obj = /^(?:a|an) (?:bit|lot|little|kind|sort|way)\b/i.test(`${after.lower} ${words[c + 2]?.lower ?? ''}`) ? undefined : objectFrom(words, c + 1, true);
      if (obj && words.slice(obj[0], obj[1] + 1).some((w) => HEAD.has(w.pos)) && words[obj[1]]!.pos !== 'ADJ') {
        const q = qaCandidate(unit, `What ${cop.lower} ${subjectText}?`, obj, subjectValue + 0.05, stats, 'np', { rule: 'definition', keyTerm: subjectText });
        if (q) out.push(q);
      }
    }
    return out;
  }

  // 3. "X requires Y", "X hinges on Y", "X emphasizes that Y"
  const vp = verbPhrase(words, subjectEnd);
  if (!vp || !EXPLAIN_VERBS.has(vp.verb.lemma)) return out;
  const obj = objectFrom(words, vp.objectStart);
  if (!obj) return out;
  const adv = vp.adverbs
    .filter((w) => !isStopword(w.lower) && !CONNECTIVES.includes(w.lower))
    .map((w) => `${w.lower} `)
    .join('');
  const particle = vp.particle ? ` ${vp.particle.lower}` : '';
  let front: string;
  if (vp.aux) {
    front = `What ${vp.aux.lower} ${subjectText} ${adv}${vp.verb.lower}${particle}?`;
  } else {
    const past = /ed$/.test(vp.verb.lower) && vp.verb.lower !== vp.verb.lemma;
    const third = !past && vp.verb.lower !== vp.verb.lemma;
    const doVerb = past ? 'did' : third || !isPlural(subjectWords) ? (third ? 'does' : 'do') : 'do';
    front = `What ${doVerb} ${subjectText} ${adv}${vp.verb.lemma}${particle}?`;
  }
  const clauseObject = words[vp.objectStart]?.lower === 'that' && words[vp.objectStart]!.pos === 'SCONJ';
  const q = qaCandidate(unit, front, obj, subjectValue, stats, clauseObject ? 'clause' : 'np', { rule: 'relation', keyTerm: subjectText });
  if (q) out.push(q);
  return out;
}

