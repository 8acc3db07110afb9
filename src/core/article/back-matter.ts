import { headingWithoutNumber } from './text-utils';

/**
 * Back matter stays readable but is never studied (INTERFACES.md): references, bibliography,
 * "see also", external links, notes, further reading, authors' addresses, copyright statements and
 * acknowledgements of funding. Matched on the heading without its number and trailing colon.
 */
const BACK_MATTER = new RegExp(
  '^(?:' +
    [
      '(?:normative |informative |selected |other )?references?(?: and notes)?',
      'notes(?: and references)?',
      'footnotes',
      'endnotes',
      'citations',
      'sources',
      'works cited',
      'bibliography',
      'further reading',
      'see also',
      'external links',
      "authors?['’]? addresses",
      "authors?['’]?s? address(?:es)?",
      'about the authors?',
      '(?:full )?copyright(?: statement| notice)?',
      'intellectual property(?: statement| rights)?',
      'licen[cs]e',
      'acknowledge?ments?',
      'funding',
      'index',
    ].join('|') +
    ')$',
  'i',
);

export function isBackMatterHeading(heading: string): boolean {
  return BACK_MATTER.test(headingWithoutNumber(heading).replace(/[:.]$/, '').trim());
}

/**
 * Sections that are not text at all and are dropped with their content: tables of contents and the
 * front-page boilerplate of standards documents (status of the memo, copyright notice).
 */
const BOILERPLATE = /^(?:(?:table of )?contents|status of this (?:memo|document)|copyright notice|on this page|in this article)$/i;

export function isBoilerplateHeading(heading: string): boolean {
  return BOILERPLATE.test(headingWithoutNumber(heading).replace(/[:.]$/, '').trim());
}
