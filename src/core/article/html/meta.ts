import { type ArticleMeta } from '../../../shared/contract';
import { bylineAuthor } from '../plain/web-junk';
import { collapseWhitespace } from '../text-utils';
import { type DomDocument } from './dom';

function metaContent(doc: DomDocument, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = collapseWhitespace(doc.querySelector(selector)?.getAttribute('content') ?? '');
    if (value) return value;
  }
  return undefined;
}

/** Metadata a saved page declares in its head (Open Graph, article:*, plain meta names). */
export function readHeadMeta(doc: DomDocument): { meta: ArticleMeta; title: string | undefined } {
  const meta: ArticleMeta = {};
  const set = (key: keyof ArticleMeta, value: string | undefined) => {
    if (value) meta[key] = value;
  };
  set('dek', metaContent(doc, ['meta[property="og:description"]', 'meta[name="description"]', 'meta[name="twitter:description"]']));
  set('author', metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]']));
  const published = metaContent(doc, ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="dc.date"]']);
  set('date', published ?? (doc.querySelector('time[datetime]')?.getAttribute('datetime') || undefined));
  set('category', metaContent(doc, ['meta[property="article:section"]']));
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(doc, ['meta[property="og:url"]']);
  if (canonical && /^https?:\/\//.test(canonical)) meta.source = canonical;
  return { meta, title: metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) };
}

/** Readability's byline ("Written by Rob Ewaschuk Edited by …") reduced to the author's name. */
export function authorFromByline(byline: string | null | undefined): string | undefined {
  if (!byline) return undefined;
  // "Written by A<br>Edited by B" arrives as "Written by AEdited by B".
  const lines = byline.replace(/(edited|illustrated|photographs?|reviewed|translated|updated)\s+by\b/gi, '\n$&');
  const first = lines.split(/\n|\s{2,}/).map((l) => l.trim()).filter(Boolean)[0] ?? '';
  const name = bylineAuthor(first) ?? (first.split(/\s+/).length <= 5 ? first : null);
  return name ? collapseWhitespace(name) : undefined;
}
