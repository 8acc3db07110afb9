import { collapseWhitespace } from '../text-utils';
import { type Block, type ParagraphKind } from '../types';
import { type DomElement, type DomNode, ELEMENT_NODE, TEXT_NODE, elements, tagOf } from './dom';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'img', 'picture', 'video', 'audio', 'canvas', 'iframe', 'object', 'embed', 'button', 'input', 'select', 'textarea', 'nav', 'head', 'title', 'meta', 'link']);
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'big', 'strike', 'acronym', 'nobr']);
const INSET = new Set(['blockquote', 'aside', 'figure']);
/** Containers of footnotes: readable, never studied, so they get a back-matter heading. */
export const FOOTNOTES_SELECTOR = '.footnotes, [data-type="footnotes"], [role="doc-endnotes"], [role="doc-footnotes"], section.footnotes';
export const FOOTNOTES_HEADING = 'Notes';

interface Context {
  /** Inside a block quote, aside or figure: headings there are not section headings. */
  inset: boolean;
  list: boolean;
}

/** Inline text of an element: <br> is a space, skipped elements give nothing. */
export function inlineText(node: DomNode): string {
  const parts: string[] = [];
  const visit = (n: DomNode) => {
    if (n.nodeType === TEXT_NODE) parts.push(n.textContent ?? '');
    else if (n.nodeType === ELEMENT_NODE) {
      const tag = tagOf(n);
      if (tag === 'br') parts.push(' ');
      else if (!SKIP.has(tag)) {
        // Block children inside an inline run still need a word boundary.
        if (!INLINE.has(tag)) parts.push(' ');
        Array.from(n.childNodes).forEach(visit);
        if (!INLINE.has(tag)) parts.push(' ');
      }
    }
  };
  Array.from(node.childNodes).forEach(visit);
  return collapseWhitespace(parts.join(''));
}

function paragraphKind(ctx: Context): ParagraphKind {
  return ctx.inset ? 'quote' : ctx.list ? 'list' : 'prose';
}

function headingRank(el: DomElement): number {
  const stored = Number(el.getAttribute('data-lectern-rank'));
  return Number.isFinite(stored) && stored > 0 ? stored : Number(tagOf(el).slice(1));
}

function tableBlocks(table: DomElement): Block[] {
  return elements(table.querySelectorAll('tr'))
    .filter((tr) => tr.closest('table') === table)
    .map((tr) => elements(tr.children).filter((c) => /^t[dh]$/.test(tagOf(c))).map(inlineText).filter(Boolean).join(' | '))
    .filter(Boolean)
    .map((text) => ({ type: 'paragraph' as const, kind: 'table' as const, text }));
}

/** A definition list: each description with its term(s) as one paragraph. */
function definitionBlocks(dl: DomElement): Block[] {
  const out: Block[] = [];
  let terms: string[] = [];
  for (const child of elements(dl.children)) {
    const tag = tagOf(child);
    if (tag === 'dt') terms.push(inlineText(child));
    else if (tag === 'dd') {
      const description = inlineText(child);
      const term = terms.filter(Boolean).join(', ');
      out.push({ type: 'paragraph', kind: 'definition', text: term ? `${term}${/[:.?]$/.test(term) ? '' : ':'} ${description}` : description });
      terms = [];
    } else if (tag === 'div') out.push(...definitionBlocks(child));
  }
  for (const term of terms) out.push({ type: 'paragraph', kind: 'definition', text: term });
  return out;
}

function walkInto(el: DomElement, ctx: Context, out: Block[]): void {
  let run: DomNode[] = [];
  const flush = () => {
    if (!run.length) return;
    const holder = { nodeType: ELEMENT_NODE, nodeName: 'SPAN', textContent: null, childNodes: run, parentNode: null };
    const text = inlineText(holder);
    if (text) out.push({ type: 'paragraph', kind: paragraphKind(ctx), text });
    run = [];
  };
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === TEXT_NODE) {
      run.push(node);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const child = node as DomElement;
    const tag = tagOf(child);
    if (SKIP.has(tag)) continue;
    if (INLINE.has(tag) || tag === 'br') {
      run.push(child);
      continue;
    }
    flush();
    blockInto(child, tag, ctx, out);
  }
  flush();
}

function blockInto(el: DomElement, tag: string, ctx: Context, out: Block[]): void {
  if (/^h[1-6]$/.test(tag)) {
    const text = inlineText(el);
    const inset = ctx.inset || el.getAttribute('data-lectern-inset') === '1';
    if (text) out.push(inset ? { type: 'paragraph', kind: 'quote', text } : { type: 'heading', text, rank: headingRank(el) });
  } else if (tag === 'p' && !el.querySelector('p, div, ul, ol, table, pre, blockquote, h1, h2, h3, h4, h5, h6, dl')) {
    const text = inlineText(el);
    if (text) out.push({ type: 'paragraph', kind: paragraphKind(ctx), text });
  } else if (tag === 'pre') {
    const text = (el.textContent ?? '').replace(/^\n+|\s+$/g, '');
    if (text.trim()) out.push({ type: 'paragraph', kind: 'code', text });
  } else if (tag === 'ul' || tag === 'ol' || tag === 'menu') {
    for (const li of elements(el.children)) walkInto(li, { ...ctx, list: true }, out);
  } else if (tag === 'dl') out.push(...definitionBlocks(el));
  else if (tag === 'table') out.push(...tableBlocks(el));
  else if (INSET.has(tag)) walkInto(el, { ...ctx, inset: true }, out);
  else if (el.getAttribute('data-lectern-footnotes') === '1') {
    out.push({ type: 'heading', text: FOOTNOTES_HEADING, rank: 0 });
    walkInto(el, ctx, out);
  } else walkInto(el, ctx, out);
}

/** Walk sanitised, cleaned content in reading order into headings and paragraphs. */
export function walkContent(root: DomElement, inset = false): Block[] {
  const out: Block[] = [];
  walkInto(root, { inset, list: false }, out);
  // The footnotes heading sits at the top level of the document's own headings.
  // A rank used by one heading only (the page title) does not count.
  const ranks = out.flatMap((b) => (b.type === 'heading' && b.rank > 0 ? [b.rank] : []));
  const shared = ranks.filter((r) => ranks.indexOf(r) !== ranks.lastIndexOf(r));
  const top = shared.length ? Math.min(...shared) : ranks.length ? Math.min(...ranks) : 1;
  return out.map((b) => (b.type === 'heading' && b.rank === 0 ? { ...b, rank: top } : b));
}
