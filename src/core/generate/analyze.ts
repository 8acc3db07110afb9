import { createRequire } from 'node:module';
import type { ItemSentence, ItemToken, ItsFunction, WinkMethods } from 'wink-nlp';
import { joinCodeTokens } from './tokens';

/** One word of a paragraph: wink-nlp tokens, with hyphenated compounds ("self-defense") joined back. */
export interface Word {
  text: string;
  lower: string;
  lemma: string;
  /** Universal POS tag from wink-nlp (after a few repairs, see `repairClauseVerb`). */
  pos: string;
  /** UTF-16 offsets into the paragraph string. */
  start: number;
  end: number;
  /** A technical token (identifier, path, flag, version), kept whole: see `tokens.ts`. */
  code?: boolean;
}

/** A sentence of a paragraph, as wink-nlp splits it. */
export interface Sentence {
  words: Word[];
  start: number;
  end: number;
}

export interface AnalyzedParagraph {
  text: string;
  /** The paragraph with citation markers blanked out (same length, same offsets). */
  masked: string;
  sentences: Sentence[];
}

let nlp: WinkMethods | undefined;

/** Loads wink-nlp and its English model once, on first use. */
export function winkNlp(): WinkMethods {
  if (nlp) return nlp;
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods;
  const model = require('wink-eng-lite-web-model') as unknown;
  nlp = winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/** Citation markers such as [12], [3–5], [a], [citation needed]. */
const CITATION = /\[(?:\d+(?:\s*[-–,]\s*\d+)*|[a-z]|citation needed|note \d+|clarification needed|\d+:\d+)\]/gi;

export function maskCitations(text: string): string {
  return text.replace(CITATION, (m) => ' '.repeat(m.length));
}

const HYPHENS = new Set(['-', '‐', '‑']);

/** Splits a paragraph into sentences and words, with offsets, parts of speech and lemmas. */
export function analyzeParagraph(text: string): AnalyzedParagraph {
  const masked = maskCitations(text);
  const winkDoc = winkNlp().readDoc(masked);
  const its = winkNlp().its;
  const sentences: Sentence[] = [];
  let cursor = 0;
  const out = (token: ItemToken, f: unknown): string => String(token.out(f as ItsFunction<string>));
  winkDoc.sentences().each((sentence: ItemSentence) => {
    const raw: Word[] = [];
    sentence.tokens().each((token: ItemToken) => {
      const type = out(token, its.type);
      if (type === 'tabCRLF' || type === 'space') return;
      const value = out(token, its.value);
      let at = masked.indexOf(value, cursor);
      if (at < 0) at = cursor;
      cursor = at + value.length;
      raw.push({
        text: value,
        lower: value.toLowerCase(),
        lemma: out(token, its.lemma).toLowerCase(),
        pos: out(token, its.pos),
        start: at,
        end: at + value.length,
      });
    });
    const words = joinHyphens(raw);
    if (words.length === 0) return;
    sentences.push({ words, start: words[0]!.start, end: words[words.length - 1]!.end });
  });
  // a "sentence" that starts right where the previous one ended ("Node." + "js", "choosealicense." + "com")
  // was cut inside a word: it is joined back to the previous one
  for (let i = sentences.length - 1; i > 0; i--) {
    const prev = sentences[i - 1]!;
    const cur = sentences[i]!;
    if (cur.start === prev.end && /[\p{L}\p{N}]/u.test(masked[cur.start] ?? '')) {
      sentences.splice(i - 1, 2, { words: [...prev.words, ...cur.words], start: prev.start, end: cur.end });
    }
  }
  const joined = joinCodeTokens(masked, sentences);
  for (const s of joined) {
    repairDefinitionSubject(s.words);
    repairClauseVerb(s.words);
    repairNounVerbs(s.words);
    repairVerbLists(s.words);
  }
  return { text, masked, sentences: joined };
}

/** "self" "-" "defense" written without spaces → one word "self-defense" (a noun), "time-bound" → an adjective. */
function joinHyphens(tokens: Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (
      HYPHENS.has(t.text) &&
      prev &&
      next &&
      prev.end === t.start &&
      t.end === next.start &&
      /[\p{L}\p{N}]$/u.test(prev.text) &&
      /^[\p{L}\p{N}]/u.test(next.text)
    ) {
      const text = `${prev.text}-${next.text}`;
      const pos = next.pos === 'VERB' || next.pos === 'ADJ' ? 'ADJ' : next.pos === 'NUM' ? 'NOUN' : next.pos;
      out[out.length - 1] = {
        text,
        lower: text.toLowerCase(),
        lemma: `${prev.lower}-${next.lemma}`,
        pos: pos === 'PUNCT' ? 'NOUN' : pos,
        start: prev.start,
        end: next.end,
      };
      i++;
      continue;
    }
    out.push({ ...t });
  }
  return out;
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ']);
const AFTER_VERB = new Set(['DET', 'ADP', 'ADJ', 'SCONJ', 'PRON', 'PART', 'NUM']);

/**
 * The tagger sometimes reads the verb of a short clause-opening subject as a noun ("The concept hinges on",
 * "Legal scholars advocate clear rules", "Legal analyses stress the"). When a sentence (or the clause after an
 * opening comma) starts with a run of nominal words holding no auxiliary, and the run is followed by what
 * typically follows a verb, the run's last word is taken as the verb.
 */
function repairClauseVerb(words: Word[]): void {
  const starts = [0];
  const comma = words.findIndex((w) => w.text === ',');
  if (comma > 0 && comma <= 6) starts.push(comma + 1);
  for (const from of starts) {
    let i = from;
    if (words[i]?.pos === 'DET') i++;
    const runStart = i;
    let verbs = 0;
    while (i < words.length) {
      const w = words[i]!;
      const prev = words[i - 1];
      if (w.pos === 'VERB' && i > runStart) {
        verbs++;
      } else if (!NOMINAL.has(w.pos)) break;
      // an adjective after a noun opens a new phrase: "law grounds | collective self-defense"
      if (w.pos === 'ADJ' && i > runStart && prev && (prev.pos === 'NOUN' || prev.pos === 'PROPN')) break;
      i++;
    }
    const length = i - runStart;
    const last = words[i - 1];
    const next = words[i];
    if (length < 2 || !last || !next) continue;
    if (last.pos !== 'NOUN' || !AFTER_VERB.has(next.pos) || next.lower === 'of') continue;
    if (next.pos === 'PART' && next.lower !== 'to') continue;
    if (verbs > 0 && words[i - 1]!.pos === 'VERB') continue;
    // a real verb right after the run means the run is a noun phrase
    if (words.slice(i, i + 3).some((w) => w.pos === 'AUX')) continue;
    last.pos = 'VERB';
    for (let k = runStart; k < i - 1; k++) if (words[k]!.pos === 'VERB') words[k]!.pos = 'NOUN';
    if (from === starts[starts.length - 1]) break;
  }
}

function pluralForm(w: Word): boolean {
  return w.pos === 'NOUN' && /[^s]s$/.test(w.lower) && w.lemma !== w.lower;
}

const AFTER_INNER_VERB = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'ADP', 'PRON', 'PART', 'SCONJ']);

/**
 * Inside a sentence, a noun-tagged word that can only be a verb in its place: an -s form after a singular noun
 * ("collective self-defense balances immediacy"), or a base form after a plural noun ("cyber operations amount
 * to", "commentators aim to"), when followed by what follows a verb.
 */
function repairNounVerbs(words: Word[]): void {
  const fits = (z: Word | undefined): boolean =>
    !!z &&
    AFTER_INNER_VERB.has(z.pos) &&
    z.lower !== 'of' &&
    !(z.pos === 'PRON' && ['that', 'which', 'who'].includes(z.lower)) &&
    !(z.pos === 'PART' && z.lower !== 'to');
  // a base form after a plural noun: "cyber operations amount to", "commentators aim to"
  for (let i = 1; i + 1 < words.length; i++) {
    const x = words[i - 1]!;
    const y = words[i]!;
    if (y.pos !== 'NOUN' || x.pos !== 'NOUN' || !pluralForm(x) || !fits(words[i + 1])) continue;
    if (/s$/.test(y.lower) || NOUN_SUFFIX.test(y.lower)) continue;
    y.pos = 'VERB';
    y.lemma = y.lower;
  }
  // an -s form after a singular noun, before an object: "collective self-defense balances immediacy"
  for (let i = 1; i + 1 < words.length; i++) {
    const x = words[i - 1]!;
    const y = words[i]!;
    const z = words[i + 1]!;
    if (y.pos !== 'NOUN' || !(x.pos === 'NOUN' || x.pos === 'PROPN') || pluralForm(x) || !pluralForm(y)) continue;
    if (!fits(z) || z.pos === 'ADP' || z.pos === 'PART') continue;
    y.pos = 'VERB';
  }
}

const NOUN_SUFFIX = /(tion|sion|ity|ness|ment|ance|ence|acy|cy|ism|ist|ship|hood|ery|ure|age|al|ics)$/;

/** "uphold civilian protection, minimize displacement, and respect proportionality": the last verb of a verb list. */
function repairVerbLists(words: Word[]): void {
  for (let i = 1; i + 2 < words.length; i++) {
    const conj = words[i]!;
    const w = words[i + 1]!;
    if ((conj.lower !== 'and' && conj.lower !== 'or') || w.pos !== 'NOUN' || w.lower !== w.lemma) continue;
    if (!['NOUN', 'ADJ', 'DET'].includes(words[i + 2]!.pos)) continue;
    let c = i - 1;
    if (words[c]?.text === ',') c--;
    while (c >= 0 && words[c]!.text !== ',') c--;
    const head = words[c + 1];
    if (c >= 0 && head && head.pos === 'VERB' && head.lower === head.lemma) {
      w.pos = 'VERB';
      w.lemma = w.lower;
    }
  }
}

/**
 * "An upstream branch is the …": the words between an opening article and "is a/an/the" name the thing the
 * sentence defines, whatever the tagger made of them (it reads "upstream branch" as an adverb and a verb).
 */
function repairDefinitionSubject(words: Word[]): void {
  const det = words[0];
  if (!det || !['a', 'an', 'the'].includes(det.lower)) return;
  const copula = words.findIndex((w, i) => i > 1 && i <= 4 && (w.lower === 'is' || w.lower === 'are'));
  if (copula < 0 || !['a', 'an', 'the', 'any', 'one'].includes(words[copula + 1]?.lower ?? '')) return;
  const subject = words.slice(1, copula);
  if (!subject.every((w) => /^[\p{L}-]+$/u.test(w.text))) return;
  subject.forEach((w, i) => {
    if (i === subject.length - 1) w.pos = w.pos === 'PROPN' ? 'PROPN' : 'NOUN';
    else if (w.pos === 'ADV' || w.pos === 'VERB') w.pos = 'ADJ';
  });
}
