import type { AnalyzedParagraph, Sentence, Word } from './analyze';
import { ANAPHORA, ANAPHORIC_OPENERS, CONNECTIVES } from './lexicon';
import { MAX_PROMPT_WORDS, type Unit } from './model';

// ---------------------------------------------------------------------------------------------------------
// Units

const LEADING_CONNECTIVES = [...CONNECTIVES].sort((a, b) => b.length - a.length);

/** Splits the analysed paragraphs of one section into prompt units. */
export function buildUnits(section: number, paragraphs: { index: number; para: AnalyzedParagraph; kind?: string }[]): Unit[] {
  const units: Unit[] = [];
  let parentItem = false;
  paragraphs.forEach(({ index, para, kind }, k) => {
    const item = kind === 'list';
    const previous = paragraphs[k - 1];
    // an item right after a short item that does not end as a sentence ("Minor release (might break your
    // lint build)") is one of its sub-items
    if (!item) parentItem = false;
    else if (previous?.kind === 'list' && previous.index === index - 1 && isHeadingItem(previous.para.text)) parentItem = true;
    else if (previous?.kind !== 'list' || previous.index !== index - 1) parentItem = false;
    para.sentences.forEach((sentence, si) => {
      for (const piece of clauses(sentence)) {
        const unit = makeUnit(section, index, para, piece, si === 0 && piece.words[0] === sentence.words[0]);
        if (unit) {
          unit.order = units.length;
          if (item && (parentItem || !unit.words.some((w) => w.pos === 'VERB' || w.pos === 'AUX'))) unit.dependentItem = true;
          units.push(unit);
        }
      }
    });
  });
  return units;
}

/** A list item that names a group of the items after it: short, and not ending as a sentence. */
function isHeadingItem(text: string): boolean {
  const t = text.trim();
  return t.split(/\s+/).length <= 12 && !/[.!?;]["”)]?$/.test(t);
}

/** A sentence longer than a prompt may be is cut at its strongest clause boundaries. */
export function clauses(sentence: Sentence): { words: Word[]; clause: boolean }[] {
  if (sentence.words.filter((w) => /[\p{L}\p{N}]/u.test(w.text)).length <= MAX_PROMPT_WORDS) {
    return [{ words: sentence.words, clause: false }];
  }
  const pieces: { words: Word[]; clause: boolean }[] = [];
  let from = 0;
  const words = sentence.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const strong = w.text === ';' || w.text === ':';
    const weak =
      w.text === ',' && !!next && ['while', 'whereas', 'although', 'though', 'but', 'yet', 'which'].includes(next.lower);
    if ((strong || weak) && i - from >= 6) {
      pieces.push({ words: words.slice(from, i + 1), clause: true });
      from = i + 1;
    }
  }
  if (from < words.length) pieces.push({ words: words.slice(from), clause: pieces.length > 0 });
  // a later clause opening with a subordinator ("…, while its plume …") leans on the one before
  return pieces.filter((p, i) => i === 0 || !['while', 'whereas', 'although', 'though', 'but', 'yet', 'which'].includes(p.words[0]?.lower ?? ''));
}

export function makeUnit(
  section: number,
  paragraph: number,
  para: AnalyzedParagraph,
  piece: { words: Word[]; clause: boolean },
  firstInParagraph: boolean,
): Unit | undefined {
  let words = piece.words;
  const quoteStart = words[0]!.start;
  const last = words[words.length - 1]!;
  let quoteEnd = last.end;
  let promptEnd = last.end;
  let clause = false;
  if (/^[,;:]$/.test(last.text)) {
    // a clause cut before its end: the quote stops before the punctuation, the prompt ends with "…"
    words = words.slice(0, -1);
    quoteEnd = words[words.length - 1]?.end ?? quoteEnd;
    promptEnd = quoteEnd;
    clause = true;
  }
  let capitalise = false;
  // "(Note: If you see …", "Note that …": an aside's bracket and its label are no part of what it says
  if (words[0]?.text === '(' && !words.some((w) => w.text === ')')) words = words.slice(1);
  if (words[0] && /^note$/i.test(words[0].text) && (words[1]?.text === ':' || words[1]?.lower === 'that') && words.length > 3) {
    words = words.slice(2);
    capitalise = true;
  }
  // "No, ESLint and Prettier have different jobs": the answer to a question the card does not ask
  if (words[0] && /^(?:no|yes)$/i.test(words[0].text) && words[1]?.text === ',' && words.length > 4) {
    words = words.slice(2);
    capitalise = true;
  }
  // Drop an opening connective, or an opening phrase that points back ("To counteract this, …").
  const lowerText = para.masked.slice(words[0]?.start ?? quoteStart, promptEnd).toLowerCase();
  for (const c of LEADING_CONNECTIVES) {
    if ((lowerText.startsWith(`${c} `) && !lowerText.startsWith(`${c} of `)) || lowerText.startsWith(`${c},`)) {
      const n = c.split(' ').length;
      let k = n;
      if (words[k]?.text === ',') k++;
      // "Equally important is …" is an inversion, not a connective
      else if (words[k] && (words[k]!.pos === 'ADJ' || words[k]!.pos === 'AUX' || words[k]!.pos === 'VERB')) break;
      words = words.slice(k);
      capitalise = true;
      break;
    }
  }
  if (!capitalise) {
    const comma = words.findIndex((w) => w.text === ',');
    if (comma > 0 && comma <= 6 && words.slice(0, comma).some((w) => ANAPHORA.has(w.lower) || w.lower === 'that')) {
      const opener = words.slice(0, comma);
      // only an adverbial opener ("To counteract this", "After that"), never the subject itself
      if (opener[0] && (opener[0].pos === 'ADP' || opener[0].pos === 'PART' || opener[0].pos === 'ADV')) {
        words = words.slice(comma + 1);
        capitalise = true;
      }
    }
  }
  if (words.length === 0) return undefined;
  return {
    section,
    paragraph,
    order: 0,
    para,
    words,
    start: words[0]!.start,
    end: promptEnd,
    quoteStart,
    quoteEnd,
    capitalise,
    clause,
    firstInParagraph,
    centrality: 0,
  };
}

/** A prompt opening with a pronoun or demonstrative needs the previous sentence. */
export function opensWithAnaphora(words: Word[]): boolean {
  const first = words[0];
  if (!first) return true;
  if (ANAPHORIC_OPENERS.has(first.lower)) return !expletiveIt(words);
  if (first.lower === 'the' && words[1] && ['latter', 'former', 'same', 'above'].includes(words[1].lower)) return true;
  if (['some', 'others', 'one', 'both', 'many', 'most', 'few', 'several'].includes(first.lower)) {
    const next = words[1];
    return !!next && (next.pos === 'VERB' || next.pos === 'AUX');
  }
  return false;
}

/** "It is the policy of GitHub … to …", "It is recommended that …": an "it" that points forward, at nothing before. */
export function expletiveIt(words: Word[]): boolean {
  if (words[0]?.lower !== 'it' || !['is', 'was'].includes(words[1]?.lower ?? '')) return false;
  const rest = words.slice(2, 24).map((w) => w.lower);
  return rest.includes('to') || rest.includes('that') || rest.includes('whether');
}
