/** The most frequent English function words; running English prose is roughly 40% these. */
const STOPWORDS = new Set(
  (
    'the of and to a in is it that for on as with was be by this are or not from at which but have has had ' +
    'an they you he she we his her their its can will would there been if more when all so what no one about ' +
    'into than them these may other some such only also any our do does how who were should could each'
  ).split(' '),
);

export const NOT_ENGLISH_WARNING = 'This text does not look like English; generated cards will be weaker.';

/** A stopword-ratio check: cheap, offline, and enough to warn that card generation will suffer. */
export function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 30) return true;
  const hits = words.filter((w) => STOPWORDS.has(w)).length;
  return hits / words.length >= 0.12;
}
