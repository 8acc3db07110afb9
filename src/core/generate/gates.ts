import type { Sentence, Word } from './analyze';
import { ANAPHORA, isStopword, specificity, stem } from './lexicon';
import { countWords, isContent, MAX_PROMPT_WORDS, type Candidate, type TermStats, type Unit } from './model';
import { isWeakWord } from './focus';
import { figureKeys, templateOf, termKey } from './stats';
import { isGenericPhrase, termhood } from './terms';
import { plainText } from './text';
import { expletiveIt, opensWithAnaphora } from './units';

/**
 * The gates every card passes, each a named rule (docs/card-generation.md). Unit gates judge a sentence before
 * any card is cut from it; candidate gates judge one card.
 */
export type GateName =
  | 'boilerplate'
  | 'self-contained'
  | 'reversal'
  | 'template'
  | 'token-boundary'
  | 'giveaway'
  | 'question-support'
  | 'trivial'
  | 'duplicate';

/** What a unit gate needs to know beyond the sentence: its section's heading and the article's title. */
export interface UnitContext {
  heading: string | null;
  title: string;
  stats: TermStats;
}

// ---------------------------------------------------------------------------------------------------------
// boilerplate: licences, navigation, the document talking about itself, narration and rhetoric

const LICENCE =
  /\b(?:all rights reserved|permission is hereby granted|licen[cs]ed under|released under the|provided\s+["“]?as is|without warranty|warranties of|creative commons|cc[- ]by(?:-[a-z]{2})*\b|copyright \(c\)|copyright \d{4})|©/i;
const NAVIGATION =
  /\b(?:table of contents|skip to (?:the )?(?:main )?(?:content|navigation|end|bottom|top)|click here|back to top|edit this page|read more|learn more|see also|next chapter|previous chapter|follow us|subscribe to)\b/i;
const SELF_REFERENCE =
  /\b(?:this|the present|our) (?:guide|manual|page|document|book|tutorial|article|readme|chapter|section|website|site|post|faq|specification)\b|\bthe (?:following|next|previous|above|preceding) (?:example|examples|section|chapter|command|listing|figure|table|code|snippet|output)\b|\bas (?:shown|seen|noted|described|mentioned|discussed|explained) (?:below|above|earlier|previously|before|in)\b|\b(?:in|from) the (?:previous|last|next) (?:section|chapter|example)\b/i;
const NARRATION =
  /^(?:maybe|perhaps|let's|let us|here's|here is|here are|now,? (?:we|let)|so what|we(?:'ll| will| can) (?:now )?(?:look|see|discuss|show|talk|cover|learn|use|try|start|build|focus|concentrate|get)|you(?:'ll| will) (?:learn|see|find|notice)|i (?:propose|call|would|think)|the (?:good|bad) news|in this (?:example|case)|for (?:example|instance),? (?:let's|we|if you|you might)|it is beyond the scope|it's beyond the scope)\b/i;
/**
 * A tutorial's narration anywhere in the sentence ("let's say we wanted to …", "If we wanted, we could …"),
 * a greeting ("Welcome to …"), a pointer elsewhere ("please see man gitignore", "refer to … documentation").
 */
const TUTORIAL = /\b(?:let's|let us|if we want(?:ed)?|we could|we'd|we wanted|you'd want)\b|^welcome to\b|^(?:examples?|for example|e\.g\.)\s*:|\b(?:please see|please refer to|refer to (?:the|our|its|their) \S+(?: \S+)? (?:documentation|docs|guide))\b/i;
/** The author speaking ("I propose", "I call this system"): rhetoric, not a fact of the subject. */
const FIRST_PERSON = /(?:^|[,;:]\s+)I (?:propose|call|would|think|believe|suggest|recommend|hope|want|wrote|mean)\b|^we (?:believe|think|feel|hope|recogni[sz]e|love|are (?:proud|happy|excited))\b/i;
const CONTACT = /[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\/\S+|\bwww\.\S+|\+\d[\d ()-]{8,}\d|\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b|\b\d+ [A-Z][a-z]+ (?:Street|St\.|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Suite)\b/;
/** Section headings whose whole text is boilerplate. */
const BOILERPLATE_HEADING =
  /^(?:\d+(?:\.\d+)*\.?\s*)?(?:licen[cs]es?|copyright|contributing|contributors|contribution|sponsors?|backers|supporters|acknowledg(?:e)?ments?|credits|feedback|team|maintainers|authors?|table of contents|contents|code of conduct|security policy|learn more(?: and speak up)?|further reading|related(?: articles| links)?|submitting notices|changelog|support)\b/i;

/** A sentence that is boilerplate, navigation, the document talking about itself, or rhetoric. */
export function isBoilerplate(text: string, heading: string | null): boolean {
  if (heading && BOILERPLATE_HEADING.test(heading.trim())) return true;
  const t = text.trim();
  if (/[?!]["”)]?$/.test(t)) return true;
  // a row of links: "Website | Configure ESLint | Rules | Contribute to ESLint | …"
  if ((t.match(/\s[|·•]\s/g) ?? []).length >= 3) return true;
  return LICENCE.test(t) || NAVIGATION.test(t) || SELF_REFERENCE.test(t) || NARRATION.test(t) || TUTORIAL.test(t) || FIRST_PERSON.test(t) || CONTACT.test(t);
}

// ---------------------------------------------------------------------------------------------------------
// self-contained: no reference the card cannot resolve; a subject that lives only in the heading is put in

/** Words that, anywhere in a prompt, point at something outside it. */
const OUTSIDE_REFERENCES = /\b(?:the above|above-mentioned|aforementioned|the former|the latter|the same (?:way|thing)|as above|such (?:a|an)|these (?:two|three|four|kinds|types|steps|rules|cases)|both of (?:these|them)|both tools|both cases|either way|a similar(?!(?:\s+\S+){1,4}\s+(?:to|as)\b))\b/i;
/**
 * Openings that lean on the sentence before: a case or time it set up ("In both cases", "In this case", "Until
 * then", "Otherwise"), a subject it named ("The function returns …" under a heading that is not a function).
 */
const LEANING_OPENER =
  /^(?:in (?:both|either|this|that|these|those|such|other|each|all|most|many|some) (?:cases?|situations?|instances?|scenarios?|ways?)|until (?:then|now|that)|otherwise|(?:only )?then\b|by then|after that|before that|at that point|even so|in doing so|as such|if so|if not|to do so|to that end|for that reason|for this reason|in the meantime|the (?:functions?|methods?) returns?|similarly\b|likewise|the same\b)/i;
const DEMONSTRATIVES = new Set(['this', 'these', 'those']);
const PRONOUNS = new Set(['it', 'its', 'they', 'them', 'their', 'he', 'she', 'his', 'her', 'him']);
/** Generic nouns by which a sentence points back at the thing its heading names ("This method …"). */
const HEADING_NOUNS = new Set(['object', 'class', 'method', 'function', 'module', 'property', 'event', 'option', 'flag', 'command', 'field', 'type', 'api', 'value', 'variable', 'setting', 'parameter']);

/**
 * The thing a heading names, when the heading is a technical name: "setTimeout(callback, delay[, ...args])" →
 * "setTimeout()", "timeout.ref()" → "timeout.ref()", "Class: Immediate" → "Immediate", "`--type` flag" → "--type".
 */
export function headingSubject(heading: string | null): string | undefined {
  if (!heading) return undefined;
  const h = heading.trim().replace(/^#+\s*/, '');
  const cls = /^(?:class|interface|enum|type|module|event|option|flag):\s*[`'"]?([\w.$-]+)[`'"]?$/i.exec(h);
  if (cls) return cls[1];
  const call = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(.*\)$/.exec(h);
  if (call) return `${call[1]}()`;
  const flag = /^(--?[a-z][\w-]*)\b/.exec(h);
  if (flag) return flag[1];
  return undefined;
}

/** A sentence opening with a verb or a bare condition: its subject is somewhere else (a heading, a list). */
function subjectless(words: Word[]): boolean {
  const first = words[0];
  if (!first) return false;
  if (/^(?:when|if|returns?|by default)$/i.test(first.text) && (words[1]?.lower === 'called' || words[1]?.lower === 'true' || words[1]?.lower === 'false' || words[1]?.text === ':' || first.lower.startsWith('return'))) {
    return true;
  }
  // "Schedules execution …", "Cancels a Timeout …", "Sets the timer's start time …"
  return (first.pos === 'VERB' || first.pos === 'NOUN' || first.pos === 'PROPN') && /^\p{Lu}\p{Ll}+s$/u.test(first.text) && !/(?:ss|us|is)$/.test(first.lower) && words[1] !== undefined && (['DET', 'NOUN', 'ADJ', 'PROPN', 'NUM', 'ADP', 'PRON'].includes(words[1].pos) || (words[1].pos === 'VERB' && /(?:ed|ing)$/.test(words[1].lower)));
}

/**
 * Whether the unit stands on its own; when its subject lives only in a technical heading, the unit gets that
 * subject as its prefix ("`setTimeout()` schedules execution of …"). Returns false when it cannot be resolved.
 */
export function makeSelfContained(unit: Unit, ctx: UnitContext): boolean {
  const words = unit.words;
  const text = plainText(unit);
  if (OUTSIDE_REFERENCES.test(text)) return false;
  if (LEANING_OPENER.test(text.replace(/^\(\s*/, ''))) return false;
  if (opensWithAnaphora(words) && !(words[0] && DEMONSTRATIVES.has(words[0].lower) && HEADING_NOUNS.has(words[1]?.lower ?? ''))) return false;
  const subject = headingSubject(ctx.heading);
  const first = words[0];
  if (first && DEMONSTRATIVES.has(first.lower) && words[1] && HEADING_NOUNS.has(words[1].lower)) {
    // "This method has a custom variant …" under "setTimeout(…)": the method is the heading's
    if (!subject || !unit.firstInParagraph) return false;
    unit.prefix = subject.endsWith('()') ? subject : `The ${subject} ${words[1].lower}`;
    unit.start = words[2]?.start ?? unit.start;
    unit.words = words.slice(2);
    return unit.words.length > 0;
  }
  if (subjectless(words)) {
    if (!subject) return false;
    unit.prefix = words[0]!.lower === 'when' || words[0]!.lower === 'if' ? `${subject}:` : subject;
    return true;
  }
  // a demonstrative with a noun, or a pronoun early on, points at the previous sentence
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (DEMONSTRATIVES.has(w.lower) && w.pos === 'DET') return false;
    if (i < 4 && PRONOUNS.has(w.lower) && w.pos === 'PRON' && !(i === 0 && expletiveIt(words))) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// reversal: a sentence the next one qualifies is carded with it, or not at all

const REVERSING_OPENER =
  /^(?:however|but|although|though|that said|nevertheless|nonetheless|yet|except|unless|instead|in practice|on the other hand|note(?: that)?|this (?:is|was) (?:no longer|not)|deprecated)\b/i;
const REVERSING_WORDS = /\b(?:deprecated|no longer (?:supported|recommended|works?|used|available)|not recommended|is obsolete)\b/i;

/** The sentence after the unit's sentence in its paragraph, when it reverses or qualifies the unit. */
export function reversingNext(unit: Unit): Sentence | undefined {
  const next = unit.para.sentences.find((s) => s.start >= unit.quoteEnd);
  if (!next) return undefined;
  const text = unit.para.masked.slice(next.start, next.end);
  return REVERSING_OPENER.test(text.trim()) || REVERSING_WORDS.test(text.slice(0, 80)) ? next : undefined;
}

/**
 * A unit the next sentence reverses ("…. However, …", "…. Note: deprecated") is carried on into that sentence
 * when both fit in one prompt; otherwise it is no card at all.
 */
export function keepReversal(unit: Unit): boolean {
  const next = reversingNext(unit);
  if (!next) return true;
  if (unit.clause) return false;
  const together = countWords(unit.para.masked.slice(unit.start, next.end));
  if (together > MAX_PROMPT_WORDS) return false;
  unit.end = next.end;
  unit.quoteEnd = next.end;
  unit.words = [...unit.words, ...next.words];
  unit.extended = true;
  return true;
}

/** Every unit gate, in order; returns the first that refuses the unit (and may repair the unit on the way). */
export function unitGate(unit: Unit, ctx: UnitContext): GateName | undefined {
  const text = unit.para.masked.slice(unit.quoteStart, unit.quoteEnd);
  if (isBoilerplate(text, ctx.heading)) return 'boilerplate';
  const template = templateOf(text);
  const first = template === undefined ? undefined : ctx.stats.templates.get(template);
  if (first && (first.section !== unit.section || first.paragraph !== unit.paragraph || first.start < unit.quoteStart - 1)) {
    if (first.section < unit.section || (first.section === unit.section && (first.paragraph < unit.paragraph || (first.paragraph === unit.paragraph && first.start < unit.quoteStart)))) {
      return 'template';
    }
  }
  if (unit.dependentItem || !makeSelfContained(unit, ctx)) return 'self-contained';
  if (!keepReversal(unit)) return 'reversal';
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// candidate gates

/** Characters that continue a technical token: a gap ending or starting next to one splits it. */
function splitsToken(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  // the argument of a call written as one token: "require({{c1::esm}})"
  if (/[\w$]\($/.test(before) && after.startsWith(')')) return true;
  // a printf directive or a sigil that belongs to the token: "%o/%{{c1::O}}", "@{{c1::scope}}"
  if (/[%@#]$/.test(before) || /^%/.test(after)) return true;
  return /[\p{L}\p{N}_$]$|[\p{L}\p{N}][._/+-]$/u.test(before) || /^[\p{L}\p{N}_$]|^[._/+#-][\p{L}\p{N}_]|^\(\)/u.test(after);
}

/** Gaps on token and phrase boundaries, brackets and quotes balanced inside each gap. */
export function onTokenBoundaries(c: Candidate): boolean {
  const { text } = c.unit.para;
  for (const g of c.answers) {
    if (splitsToken(text, g.start, g.end)) return false;
    const inside = text.slice(g.start, g.end);
    if ((inside.match(/\(/g) ?? []).length !== (inside.match(/\)/g) ?? []).length) return false;
    if ((inside.match(/\[/g) ?? []).length !== (inside.match(/\]/g) ?? []).length) return false;
    if ((inside.match(/["“”]/g) ?? []).length % 2 === 1) return false;
  }
  return true;
}

/** Shortest shared beginning that makes two words variants of one another ("proportionate", "proportionality"). */
const SHARED_STEM = 6;

function variantKey(word: string): string {
  const w = stem(word.toLowerCase());
  return w.length > SHARED_STEM + 1 ? w.slice(0, Math.max(SHARED_STEM, Math.ceil(w.length * 0.7))) : w;
}

function variants(a: string, b: string): boolean {
  const x = stem(a.toLowerCase());
  const y = stem(b.toLowerCase());
  if (x === y) return true;
  const n = Math.min(x.length, y.length);
  if (n < SHARED_STEM) return false;
  let k = 0;
  while (k < n && x[k] === y[k]) k++;
  return k >= SHARED_STEM && k >= 0.75 * n;
}

/** Initials of a phrase's words: "garbage collector" → "GC". */
function initials(words: string[]): string {
  return words
    .filter((w) => !isStopword(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/**
 * The answer is given away by the rest of the card: the same word or a variant of it ("proportionate … {{c1::
 * proportionality}}"), the answer's acronym, or the expansion of an acronym answer.
 */
export function isGivenAway(answer: string, rest: string): boolean {
  // a figure stated again elsewhere on the card ("less than {{c1::1}}, the delay will be set to 1")
  for (const n of answer.match(/\d+(?:[.,]\d+)*/g) ?? []) if (new RegExp(`(?<![\\d.,])${n.replace(/[.]/g, '\\.')}(?![\\d]|[.,]\\d)`).test(rest)) return true;
  const answerWords = answer.split(/[^\p{L}\p{N}_.$-]+/u).filter((w) => w.length > 2 && !isStopword(w) && /\p{L}/u.test(w));
  const restWords = rest.split(/[^\p{L}\p{N}_.$-]+/u).filter((w) => w.length > 2 && !isStopword(w));
  const restKeys = new Set(restWords.map(variantKey));
  for (const a of answerWords) {
    if (restKeys.has(variantKey(a)) || restWords.some((r) => variants(a, r))) return true;
  }
  const acronyms = new Set(
    rest
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => /^\p{Lu}{2,6}s?$/u.test(w))
      .map((w) => w.replace(/s$/, '')),
  );
  if (answerWords.length >= 2 && acronyms.has(initials(answerWords))) return true;
  const answerAcronym = /^\p{Lu}{2,6}s?$/u.test(answer.trim()) ? answer.trim().replace(/s$/, '') : undefined;
  if (answerAcronym) {
    for (let i = 0; i + answerAcronym.length <= restWords.length; i++) {
      if (initials(restWords.slice(i, i + answerAcronym.length)) === answerAcronym) return true;
    }
  }
  return false;
}

/** The card's text without its answers: what the learner sees. */
function shownText(c: Candidate): string {
  if (c.kind === 'qa') return c.front ?? '';
  return (c.text ?? '').replace(/\{\{c1::.*?\}\}/g, ' ');
}

function answerTexts(c: Candidate): string[] {
  return c.answers.map((a) => c.unit.para.text.slice(a.start, a.end));
}

/** Subjects whose opinion a question would ask for, not a fact: "What do jurists emphasize?". */
const OPINION_HOLDERS = /^(?:the )?(?:\w+ )?(?:jurists|scholars|critics|commentators|analyses|analysts|experts|authors|researchers|studies|people|users|many|some|others|observers|proponents|opponents|advocates)$/i;
const REPORTING = /^What (?:do|does|did|can|should|may|must|will|would) .+ (?:emphasi[sz]e|stress|highlight|argue|advocate|suggest|note|warn|insist|claim|believe|say|contend|point|maintain|assert|propose|recommend|observe|caution|think)(?: \w+)?\?$/i;
/** A hedged question has no one answer: "What do apps sometimes store?". */
const HEDGES = /\b(?:sometimes|often|usually|typically|generally|perhaps|probably|occasionally|mostly|rarely)\b/i;
/** Fewest content words a question's front needs to have one answer. */
const MIN_QUESTION_WORDS = 3;

/** A question is asked only where a definition, apposition, glossary entry or explicit relation supports it. */
export function questionSupported(c: Candidate): boolean {
  if (c.kind !== 'qa') return true;
  const front = c.front ?? '';
  if (c.rule === 'acronym' || c.rule === 'glossary') return true;
  if (REPORTING.test(front) || HEDGES.test(front)) return false;
  const subject = front.replace(/^What (?:is|are|was|were|do|does|did|can|should|may|must|will|would) /, '').replace(/\?$/, '');
  if (OPINION_HOLDERS.test(subject.split(/ (?:emphasi|stress|highlight|argue|advocate)/)[0]!.trim())) return false;
  const content = front
    .replace(/\?$/, '')
    .split(/\s+/)
    .filter((w) => w.length > 2 && !isStopword(w) && !/^what$/i.test(w));
  if (c.rule === 'relation' && content.length < MIN_QUESTION_WORDS) return false;
  return content.length >= 1;
}

/** Least specificity of a one-word answer that is no name, figure or technical token. */
const TRIVIAL_SPECIFICITY = 0.45;

/** Words that introduce an example: an answer right after one is an example, not the point. */
const EXAMPLE_MARKERS = new Set(['such as', 'like', 'e.g.', 'e.g', 'eg', 'including', 'for example', 'for instance', 'say']);

/** The gap is an example the sentence gives ("such as {{c1::Memcached}}"). */
export function isExample(c: Candidate): boolean {
  const { masked } = c.unit.para;
  return c.answers.some((a) => {
    const before = masked.slice(Math.max(c.unit.start, a.start - 40), a.start).toLowerCase().replace(/[("“]/g, ' ').trim();
    const words = before.split(/\s+/);
    const last2 = words.slice(-2).join(' ');
    const last1 = words[words.length - 1] ?? '';
    // or an example marker earlier in the same clause: "such as midnight on 1 January 1970 for {{c1::Unix clocks}}"
    const clause = masked.slice(c.unit.start, a.start).split(/[;:.—]\s/).pop() ?? '';
    const marker = /\b(?:such as|e\.g\.|for example|for instance|like)\s/i.exec(clause);
    // …as long as no verb comes between the marker and the gap ("such as origin/main are {{c1::read-only}} …")
    const from = marker ? a.start - clause.length + marker.index : a.start;
    const between = c.unit.words.filter((w) => w.start >= from && w.end <= a.start);
    return EXAMPLE_MARKERS.has(last2) || EXAMPLE_MARKERS.has(last1) || (!!marker && !between.some((w) => w.pos === 'VERB' || w.pos === 'AUX'));
  });
}

/** The gap is the term its sentence defines: "A {{c1::cell}} is the smallest independently functioning unit …". */
function definesGap(c: Candidate): boolean {
  const [a] = c.answers;
  const words = c.unit.words;
  const at = words.findIndex((w) => w.start >= (a?.end ?? 0));
  const next = words[at];
  const startsAt = words.findIndex((w) => w.start >= (a?.start ?? 0));
  return startsAt <= 2 && !!next && ['is', 'are'].includes(next.lower) && ['a', 'an', 'the', 'any', 'one'].includes(words[at + 1]?.lower ?? '');
}

/** The gap is one item of a list of three or more ("A, {{c1::B}}, and C"). */
function listItem(text: string, a: { start: number; end: number }): boolean {
  const before = text.slice(Math.max(0, a.start - 60), a.start);
  const after = text.slice(a.end, a.end + 60);
  const prevItem = /,\s*$/.test(before) || /,\s*(?:and|or)\s+$/.test(before);
  const nextItem = /^\s*,/.test(after) || /^\s+(?:and|or)\s/.test(after);
  if (!prevItem && !nextItem) return false;
  // the list around the gap: from the last clause boundary before it to the next one after it
  const left = before.split(/[;:(.!?]|\b(?:is|are|was|were|include|includes|such as|like)\b/).pop() ?? '';
  const right = after.split(/[;:).!?]/)[0] ?? '';
  return (left.match(/,/g) ?? []).length + (right.match(/,/g) ?? []).length >= 2 || (prevItem && nextItem);
}

/** An answer anyone could guess: a generic phrase, a common lone word, the article's own subject, an example. */
export function isTrivial(c: Candidate, stats: TermStats): boolean {
  // a list of the examples a sentence gives ("sites like {{c1::YouTube}}, {{c1::Facebook}} or …") asks nothing
  if (c.kind === 'list') return isExample(c);
  const [a] = c.answers;
  if (!a) return true;
  const { text } = c.unit.para;
  // an enumeration's marker, "({{c1::1}}) update your documentation"
  if (/\($/.test(text.slice(0, a.start)) && /^\)/.test(text.slice(a.end)) && /^(?:\d|[a-z]|[ivx]+)$/i.test(text.slice(a.start, a.end))) return true;
  // one item of a list the sentence gives ("(developer environments, {{c1::staging}}, production)"): the
  // others in view make it a guess, and the list is asked whole by a list card
  if (c.kind === 'cloze' && listItem(text, a)) return true;
  // a cross-reference, "(see {{c1::Basics}} for …)"
  if (/\b(?:see|cf\.?|refer to)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, a.start - 12), a.start))) return true;
  if (c.kind === 'cloze' && isExample(c)) return true;
  // a connective written with a slash ("version lock {{c1::and/or}} …") is no fact
  if (/^(?:and\/or|either\/or|or\/and|\/)$/i.test(text.slice(a.start, a.end).trim())) return true;
  if (c.kind === 'cloze' && definesGap(c)) return false;
  const words = c.unit.words.filter((w) => w.start >= a.start && w.end <= a.end);
  const content = words.filter(isContent);
  if (content.length === 0) return true;
  // "What is a MySQL database? — a resource": an answer made only of generic or subject words
  if (c.kind === 'qa' && c.rule !== 'acronym' && content.length <= 2 && content.every((w) => isWeakWord(w, stats))) return true;
  if (words.some((w) => w.code || /\d/.test(w.text))) return false;
  if (c.kind === 'cloze' && content.length === 1) {
    const w = content[0]!;
    const least = w.text.includes('-') ? 0.3 : TRIVIAL_SPECIFICITY;
    if (termhood(w, stats) < least && specificity(w.text, w.lemma) < least) return true;
  }
  if (c.kind === 'cloze' && content.every((w) => stats.titleStems.has(stem(w.text))) && content.length === 1) return true;
  return c.kind === 'cloze' && content.length <= 2 && isGenericPhrase(words, stats, c.unit.words[0]);
}

/**
 * The card asks what another card of the article asks: a figure a sentence earlier in the article already
 * states ("approximately 24 hours" … "within the 24-hour window"), or a glossary entry for a term a prose
 * sentence defines. Decided from article-wide statistics, so a section's cards do not depend on the others.
 */
export function isDuplicate(c: Candidate, stats: TermStats): boolean {
  if (c.rule === 'glossary' && stats.proseDefined.has(termKey(c.keyTerm))) return true;
  // any card of a glossary entry ("effector: organ that can cause a change …") for a term the prose defines
  const entry = /^([^:\n]{1,60}):\s/.exec(c.unit.para.text);
  if (entry && c.unit.quoteStart === 0 && stats.proseDefined.has(termKey(entry[1]!))) return true;
  if (c.kind === 'qa') return false;
  const { unit } = c;
  return answerTexts(c).some((answer) =>
    figureKeys(answer).some((k) => {
      const first = stats.figures.get(k);
      if (!first) return false;
      if (first.section !== unit.section) return first.section < unit.section;
      if (first.paragraph !== unit.paragraph) return first.paragraph < unit.paragraph;
      // an earlier sentence of the same paragraph (not an earlier clause of the same sentence)
      return first.start < unit.quoteStart && /[.!?]["”)]?\s/.test(unit.para.text.slice(first.start, unit.quoteStart));
    }),
  );
}

/** Every candidate gate, in order; returns the first that refuses the candidate. */
export function candidateGate(c: Candidate, stats: TermStats): GateName | undefined {
  if (!onTokenBoundaries(c)) return 'token-boundary';
  const rest = shownText(c);
  if (c.rule !== 'acronym' && answerTexts(c).some((a) => isGivenAway(a, rest))) return 'giveaway';
  if (c.kind === 'qa' && c.unit.prefix && isGivenAway(c.back ?? '', c.unit.prefix)) return 'giveaway';
  if (!questionSupported(c)) return 'question-support';
  if (isTrivial(c, stats)) return 'trivial';
  if (isDuplicate(c, stats)) return 'duplicate';
  return undefined;
}

/** Anaphoric words left in a prompt that passed the gates (they lower its score). */
export function anaphoraCount(words: Word[]): number {
  return words.filter((w) => ANAPHORA.has(w.lower) && w.pos !== 'ADJ').length;
}

