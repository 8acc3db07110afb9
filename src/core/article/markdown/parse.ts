import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { walkContent } from '../html/walk';
import { parseDocument } from '../html/dom';
import { collapseWhitespace, stripDirectives } from '../text-utils';
import { type Block, type DraftArticle, type ParagraphKind } from '../types';
import { readFrontMatter } from './front-matter';
import { lazyPackage } from '../../lazy-package';

const markdownIt = lazyPackage<typeof MarkdownIt>('markdown-it');
let parser: InstanceType<typeof MarkdownIt> | undefined;
/** The Markdown parser, made on first use. */
const md = (): InstanceType<typeof MarkdownIt> => (parser ??= new (markdownIt())({ html: true, linkify: false, typographer: false }));

/** Plain text of inline tokens: link text kept, images, raw HTML tags and directives dropped. */
function inlineText(children: Token[] | null): string {
  const parts: string[] = [];
  for (const t of children ?? []) {
    if (t.type === 'text' || t.type === 'code_inline') parts.push(t.content);
    else if (t.type === 'softbreak' || t.type === 'hardbreak') parts.push(' ');
    else if (t.type === 'html_inline' && /^<br\b/i.test(t.content)) parts.push(' ');
  }
  return collapseWhitespace(stripDirectives(parts.join('')));
}

/** Raw HTML may carry Markdown inside (markdown="1" asides): render its inline syntax to text. */
function markdownInlineToText(text: string): string {
  return inlineText(md().parseInline(text, {})[0]?.children ?? null);
}

/** Asides, quotes and figures opened in one raw HTML block may close in a later one. */
const INSET_OPEN = /<(aside|blockquote|figure|details)\b[^>]*>/gi;
const INSET_CLOSE = /<\/(aside|blockquote|figure|details)\s*>/gi;

function htmlBlocks(html: string, inset: boolean): Block[] {
  const doc = parseDocument(`<div>${html}</div>`);
  if (!doc.body) return [];
  return walkContent(doc.body, inset).map((b) => (b.type === 'paragraph' && b.kind !== 'code' ? { ...b, text: markdownInlineToText(b.text) } : b));
}

function codeBlock(content: string): Block | null {
  const text = stripDirectives(content).replace(/\s+$/, '');
  return text.trim() ? { type: 'paragraph', kind: 'code', text } : null;
}

function tokensToBlocks(tokens: Token[]): Block[] {
  const out: Block[] = [];
  let quoteDepth = 0;
  let listDepth = 0;
  let htmlInsetDepth = 0;
  let row: string[] | null = null;
  const kind = (): ParagraphKind => (quoteDepth > 0 || htmlInsetDepth > 0 ? 'quote' : listDepth > 0 ? 'list' : 'prose');
  tokens.forEach((token, i) => {
    const inline = tokens[i + 1];
    switch (token.type) {
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        break;
      case 'heading_open': {
        const text = inlineText(inline?.children ?? null);
        if (!text) break;
        // A heading inside a block quote or an aside titles that inset, not a section.
        if (quoteDepth > 0 || htmlInsetDepth > 0) out.push({ type: 'paragraph', kind: 'quote', text });
        else out.push({ type: 'heading', text, rank: Number(token.tag.slice(1)) });
        break;
      }
      case 'paragraph_open': {
        const text = inlineText(inline?.children ?? null);
        if (text) out.push({ type: 'paragraph', kind: kind(), text });
        break;
      }
      case 'fence':
      case 'code_block': {
        const block = codeBlock(token.content);
        if (block) out.push(block);
        break;
      }
      case 'html_block': {
        out.push(...htmlBlocks(token.content, quoteDepth > 0 || htmlInsetDepth > 0));
        htmlInsetDepth = Math.max(0, htmlInsetDepth + (token.content.match(INSET_OPEN)?.length ?? 0) - (token.content.match(INSET_CLOSE)?.length ?? 0));
        break;
      }
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        if (row?.some(Boolean)) out.push({ type: 'paragraph', kind: 'table', text: row.filter(Boolean).join(' | ') });
        row = null;
        break;
      case 'th_open':
      case 'td_open':
        row?.push(inlineText(inline?.children ?? null));
        break;
    }
  });
  return out;
}

export function parseMarkdown(source: string): DraftArticle {
  const front = readFrontMatter(source.replace(/\r\n?/g, '\n'));
  const blocks = tokensToBlocks(md().parse(front.body, {}));
  return { title: front.title, meta: front.meta, blocks, warnings: [] };
}
