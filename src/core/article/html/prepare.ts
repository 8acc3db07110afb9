import { collapseWhitespace } from '../text-utils';
import { JUNK_SELECTOR } from './clean';
import { type DomDocument, type DomElement, elements, tagOf } from './dom';
import { FOOTNOTES_SELECTOR } from './walk';

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
const INSET_ANCESTOR = 'aside, blockquote, figure, table, [role="complementary"], [data-type="sidebar"], .sidebar, .infobox';

/** Links that only serve the page itself: "[edit]" links, footnote markers and back-links. */
const PAGE_FURNITURE = [
  '.mw-editsection',
  '.editsection',
  'sup.reference',
  'sup.noteref',
  '.mw-cite-backlink',
  'a.footnote-backref',
  'a.footnote-ref',
  'a[rev="footnote"]',
  'a[role="doc-backlink"]',
  'a[role="doc-noteref"]',
  'a[data-type="noteref"]',
  'script',
  'style',
  'noscript',
  'template',
].join(', ');

/** Footnote and citation markers: a superscript that only links within the page ("[12]", "22"). */
function isMarker(sup: DomElement): boolean {
  const links = elements(sup.querySelectorAll('a'));
  const text = collapseWhitespace(sup.textContent ?? '');
  return links.length > 0 && links.every((a) => (a.getAttribute('href') ?? '').startsWith('#')) && /^[[(]?[\w*†‡§, -]{1,8}[\])]?$/.test(text);
}

/** A caption like "Firefox logo" labels an image that is not imported; longer captions are kept. */
function removeShortCaptions(doc: DomDocument): void {
  for (const el of elements(doc.querySelectorAll('figcaption, [class*="caption"]'))) {
    if (tagOf(el) !== 'caption' && collapseWhitespace(el.textContent ?? '').split(' ').length < 6) el.remove();
  }
}

const SIDEBAR = 'aside, [data-type="sidebar"], .sidebar, [role="complementary"]';

/**
 * Readability removes every <aside> and anything whose class says "sidebar". A sidebar of a book
 * chapter holds real prose, though: such a box becomes a plain <div> (its headings are marked as
 * inset first, so they do not become sections). Link boxes stay as they are and get dropped.
 */
function keepProseSidebars(doc: DomDocument): void {
  for (const box of elements(doc.querySelectorAll(SIDEBAR))) {
    const prose = elements(box.querySelectorAll('p')).some((p) => collapseWhitespace(p.textContent ?? '').split(' ').length >= 12);
    if (!prose) continue;
    for (const h of elements(box.querySelectorAll(HEADINGS))) h.setAttribute('data-lectern-inset', '1');
    const div = doc.createElement('div');
    while (box.childNodes.length) div.appendChild(box.childNodes[0]!);
    box.replaceWith(div);
  }
}

/**
 * Footnotes are kept as back matter. Readability unwraps a <div> holding a single paragraph and
 * loses its attributes, so the container becomes a marked <section>, which it leaves alone.
 */
function markFootnotes(doc: DomDocument): void {
  for (const box of elements(doc.querySelectorAll(FOOTNOTES_SELECTOR))) {
    const section = doc.createElement('section');
    section.setAttribute('data-lectern-footnotes', '1');
    while (box.childNodes.length) section.appendChild(box.childNodes[0]!);
    box.replaceWith(section);
  }
}

function sectionDepth(el: DomElement): number {
  let depth = 0;
  for (let p = el.parentElement; p; p = p.parentElement) if (/^(?:section|article)$/.test(tagOf(p))) depth++;
  return depth;
}

/**
 * Some pages (O'Reilly books) use <h1> in every nested <section> and let nesting give the level;
 * most pages use h1–h6 directly. When h1s appear at several section depths, depth adds to rank.
 */
function rankFunction(doc: DomDocument): (h: DomElement) => number {
  const h1Depths = new Set(elements(doc.querySelectorAll('h1')).map(sectionDepth));
  const outlined = h1Depths.size >= 2;
  return (h) => Number(tagOf(h).slice(1)) + (outlined ? Math.max(0, sectionDepth(h) - 1) : 0);
}

/**
 * Before Readability runs: remove page furniture, and make headings and definition terms safe from
 * its heuristics. Readability drops elements whose class or id merely contains words like "header"
 * or "community" (a <dt class="subheaders"> or <span id="Community"> vanishes), and it renames h1 to
 * h2. So each heading is flattened to its text, stripped of class and id, and its rank is kept in
 * data attributes the walker reads back.
 */
export function prepareDocument(doc: DomDocument): void {
  for (const el of elements(doc.querySelectorAll(PAGE_FURNITURE))) el.remove();
  for (const el of elements(doc.querySelectorAll(JUNK_SELECTOR))) el.remove();
  removeShortCaptions(doc);
  keepProseSidebars(doc);
  markFootnotes(doc);
  for (const sup of elements(doc.querySelectorAll('sup'))) if (isMarker(sup)) sup.remove();
  for (const el of elements(doc.querySelectorAll('[hidden], [aria-hidden="true"]'))) el.remove();
  const rank = rankFunction(doc);
  for (const h of elements(doc.querySelectorAll(HEADINGS))) {
    const text = collapseWhitespace(h.textContent ?? '').replace(/\s*\[\s*edit\s*\]\s*$/i, '');
    h.setAttribute('data-lectern-rank', String(rank(h)));
    if (h.parentElement?.closest(INSET_ANCESTOR) || h.hasAttribute('data-lectern-inset')) h.setAttribute('data-lectern-inset', '1');
    h.removeAttribute('class');
    h.removeAttribute('id');
    h.textContent = text;
  }
  for (const el of elements(doc.querySelectorAll('dt, dd'))) {
    el.removeAttribute('class');
    el.removeAttribute('id');
  }
}

/** The page title: the one heading of the highest rank in the page, if there is exactly one. */
export function topHeading(doc: DomDocument): string | null {
  const headings = elements(doc.querySelectorAll(HEADINGS)).filter((h) => !h.hasAttribute('data-lectern-inset') && (h.textContent ?? '').trim());
  if (!headings.length) return null;
  const top = Math.min(...headings.map((h) => Number(h.getAttribute('data-lectern-rank'))));
  const tops = headings.filter((h) => Number(h.getAttribute('data-lectern-rank')) === top);
  return tops.length === 1 && top === 1 ? collapseWhitespace(tops[0]!.textContent ?? '') : null;
}
