import { collapseWhitespace } from '../text-utils';
import { type DomElement, elements, tagOf } from './dom';
import { FOOTNOTES_SELECTOR } from './walk';

/** Boxes that are never article text, by their conventional class or id names. */
export const JUNK_SELECTOR = [
  'nav',
  'footer',
  'form',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="doc-toc"]',
  '#toc',
  '.toc',
  '.toctitle',
  '.table-of-contents',
  '.infobox',
  '.navbox',
  '.vertical-navbox',
    '.metadata',
  '.ambox',
  '.mbox-small',
  '.sistersitebox',
  '.hatnote',
  '.noprint',
  '.mw-jump-link',
  '.catlinks',
  '.printfooter',
  '#siteSub',
  '#contentSub',
].join(', ');

/** Class or id words of cookie notices, share bars, ads, related links and similar furniture. */
const JUNK_WORDS = /(?:^|[\s_-])(?:cookies?|consent|gdpr|share|sharing|social|advert\w*|ads?|ad-slot|sponsored|promo|newsletter|subscribe|related|breadcrumbs?|pagination|pager|comments?|byline|skip-link|print-only)(?:$|[\s_-])/i;

/** Only small boxes: a wrapper whose class happens to say "comments-enabled" is not junk. */
function isJunkBox(el: DomElement, rootLength: number): boolean {
  if (/^(?:h[1-6]|body|html|main|article)$/.test(tagOf(el))) return false;
  if (!JUNK_WORDS.test(`${el.className ?? ''} ${el.id ?? ''}`)) return false;
  return collapseWhitespace(el.textContent ?? '').length <= rootLength * 0.3;
}

/** A list whose every item is just a link within the page is a table of contents. */
function isInPageIndex(list: DomElement): boolean {
  const items = elements(list.children).filter((c) => tagOf(c) === 'li');
  if (items.length < 3) return false;
  return items.every((li) => {
    const link = li.querySelector('a');
    return link !== null && (link.getAttribute('href') ?? '').startsWith('#') && collapseWhitespace(link.textContent ?? '').length > 0;
  });
}

/** Lines like "Advertisement" or "Cookie settings" left as lone paragraphs. */
function isJunkParagraph(el: DomElement): boolean {
  const text = collapseWhitespace(el.textContent ?? '');
  return /^(?:advertisement|sponsored(?: content)?|accept (?:all )?cookies|cookie settings|share this(?: article| page)?|skip to (?:main )?content)$/i.test(text);
}

/** After sanitising: remove navigation, contents boxes, infoboxes, notices and bars. */
export function cleanContent(root: DomElement): void {
  for (const el of elements(root.querySelectorAll(JUNK_SELECTOR))) el.remove();
  const rootLength = collapseWhitespace(root.textContent ?? '').length;
  for (const el of elements(root.querySelectorAll('*'))) if (el.parentElement && isJunkBox(el, rootLength)) el.remove();
  for (const list of elements(root.querySelectorAll('ul, ol'))) if (isInPageIndex(list)) list.remove();
  for (const p of elements(root.querySelectorAll('p, div, span'))) if (isJunkParagraph(p)) p.remove();
  for (const notes of elements(root.querySelectorAll(FOOTNOTES_SELECTOR))) notes.setAttribute('data-lectern-footnotes', '1');
}
