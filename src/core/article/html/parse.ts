import type * as MozillaReadability from '@mozilla/readability';
import { LecternError } from '../../../shared/contract';
import { collapseWhitespace } from '../text-utils';
import { type DraftArticle } from '../types';
import { cleanContent } from './clean';
import { type DomDocument, type DomElement, parseDocument, sanitise } from './dom';
import { lazyPackage } from '../../lazy-package';
import { authorFromByline, readHeadMeta } from './meta';
import { prepareDocument, topHeading } from './prepare';
import { walkContent } from './walk';

const readability = lazyPackage<typeof MozillaReadability>('@mozilla/readability');

function visibleText(el: DomElement | null): string {
  if (!el) return '';
  const copy = parseDocument(`<div>${el.innerHTML}</div>`);
  for (const s of Array.from(copy.querySelectorAll('script, style, noscript, template'))) s.remove();
  return collapseWhitespace(copy.body?.textContent ?? '');
}

interface MainContent {
  html: string;
  title: string | null;
  byline: string | null;
}

/**
 * Readability finds the main content. When it finds nothing, or keeps far less than the page's
 * main element holds, the page's own <main>/<article> (or the body) is used instead.
 */
function mainContent(doc: DomDocument): MainContent {
  const fallbackRoot = doc.querySelector('main, [role="main"], article') ?? doc.body;
  const fallbackHtml = fallbackRoot?.innerHTML ?? '';
  const fallbackLength = visibleText(fallbackRoot).length;
  let result: ReturnType<MozillaReadability.Readability['parse']>;
  try {
    const { Readability } = readability();
    result = new Readability(doc as unknown as ConstructorParameters<typeof Readability>[0], { keepClasses: true, charThreshold: 200 }).parse();
  } catch {
    result = null;
  }
  const kept = collapseWhitespace(result?.textContent ?? '').length;
  if (!result?.content || kept < Math.min(200, fallbackLength * 0.5)) return { html: fallbackHtml, title: result?.title ?? null, byline: null };
  return { html: result.content, title: result.title ?? null, byline: result.byline ?? null };
}

export function parseHtml(source: string): DraftArticle {
  const doc = parseDocument(source);
  if (!visibleText(doc.body).length) {
    const scripted = /<(?:script|style)\b/i.test(source);
    throw new LecternError('bad_input', scripted ? 'This HTML page has no readable text, only scripts and styles.' : 'This HTML page has no readable text.');
  }
  const head = readHeadMeta(doc);
  const documentTitle = collapseWhitespace(doc.title ?? '');
  prepareDocument(doc);
  const title = topHeading(doc);
  const main = mainContent(doc);
  const content = parseDocument(sanitise(main.html));
  if (!content.body) return { title, meta: head.meta, blocks: [], warnings: [] };
  cleanContent(content.body);
  const meta = { ...head.meta };
  const author = authorFromByline(main.byline);
  if (author && !meta.author) meta.author = author;
  return {
    title: title ?? head.title ?? (main.title || null) ?? (documentTitle || null),
    meta,
    blocks: walkContent(content.body),
    warnings: [],
  };
}
