/** Collapse runs of whitespace (including non-breaking spaces) to one space and trim. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00A0\u200B]+/g, ' ').trim();
}

/**
 * Template and include directives are build instructions, never text (INTERFACES.md):
 * mdBook's {{#include …}} / {{#rustdoc_include …}} and Jekyll/Liquid {% … %} tags.
 */
const DIRECTIVE = /\{\{#[a-z_]+[^}]*\}\}|\{%-?[\s\S]*?-?%\}/g;

export function stripDirectives(text: string): string {
  return text.replace(DIRECTIVE, '');
}

/** Sentence-closing punctuation, possibly followed by closing quotes or brackets. */
const CLOSING = /[.,;:!?…]["”'’)\]]*$/;

export function endsWithClosingPunctuation(line: string): boolean {
  return CLOSING.test(line.trim());
}

export function wordCount(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === '' ? 0 : words.length;
}

/** Compare headings and titles regardless of case, spacing and trailing punctuation. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => collapseWhitespace(s).toLowerCase().replace(/[.:]$/, '');
  return norm(a) === norm(b);
}

/** Strip a section number ("4.1.", "Appendix A.", "12") from the start of a heading. */
export function headingWithoutNumber(heading: string): string {
  return heading
    .trim()
    .replace(/^(?:(?:appendix|annex|chapter|part|section)\s+)?(?:[A-Z]|\d+|[IVXLC]+)(?:\.\d+)*\.?\s+/i, '')
    .trim();
}
