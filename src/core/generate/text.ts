import { type Span, type Unit } from './model';

// ---------------------------------------------------------------------------------------------------------
// Prompt text

const MARKUP = /<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|\*\*|__|`|\{\{|\}\}|\{%|%\}|\]\(|\[\[|\]\]/i;

/** A sentence holding markup, entities or cloze braces never becomes a card. */
export function hasMarkup(text: string): boolean {
  return MARKUP.test(text);
}

export function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ +(?=[.,;:!?)\]](?:\s|$))/g, '')
    .trim();
}

/** The unit's text with the given spans hidden as c1 gaps (all gaps c1). */
export function clozeText(unit: Unit, gaps: Span[]): string {
  const { masked, text } = unit.para;
  let out = '';
  let at = unit.start;
  for (const g of [...gaps].sort((a, b) => a.start - b.start)) {
    out += masked.slice(at, g.start) + `{{c1::${text.slice(g.start, g.end)}}}`;
    at = g.end;
  }
  out += masked.slice(at, unit.end);
  out = tidy(out);
  if (unit.prefix) out = `${unit.prefix} ${/^\p{Lu}\p{Ll}/u.test(out) ? out[0]!.toLowerCase() + out.slice(1) : out}`;
  else if (unit.capitalise && /^\p{Ll}/u.test(out)) out = out[0]!.toUpperCase() + out.slice(1);
  // a sentence inside brackets, "(ripgrep considers … binary.)": its closing bracket goes with the opening one
  if (/\)$/.test(out) && (out.match(/\(/g) ?? []).length < (out.match(/\)/g) ?? []).length) out = out.slice(0, -1);
  if (unit.clause) out = `${out.replace(/[,;:]$/, '')} …`;
  return out;
}

export function plainText(unit: Unit): string {
  return clozeText(unit, []);
}

