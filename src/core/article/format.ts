import { type ArticleFormat } from './types';

export const SUPPORTED_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml'];

const BY_EXTENSION: Record<string, ArticleFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i;
const HTML_TAGS = /<\/?(?:p|div|h[1-6]|ul|ol|li|article|section|table|br|a\s[^>]*href)\b[^>]*>/gi;

const MARKDOWN_SIGNALS = [
  /^---\r?\n[\s\S]*?\r?\n---\r?\n/, // front matter
  /^#{1,6}\s+\S/m, // ATX heading
  /^(?:```|~~~)/m, // fenced code
  /\[[^\]\n]+\]\([^)\s]+\)/, // inline link
  /^\s{0,3}[-*+]\s+\S[\s\S]*?^\s{0,3}[-*+]\s+\S/m, // two list items
  /^\S.*\r?\n(?:=+|-+)\s*$/m, // setext heading
  /\*\*[^*\n]+\*\*|__[^_\n]+__/, // strong emphasis
];

/** The extension decides when it is known; otherwise the text is sniffed. */
export function detectFormat(fileName: string | null, text: string): ArticleFormat {
  const known = fileName ? BY_EXTENSION[extensionOf(fileName)] : undefined;
  if (known) return known;
  const head = text.slice(0, 64 * 1024);
  if (HTML_START.test(head) || (head.match(HTML_TAGS)?.length ?? 0) >= 5) return 'html';
  const signals = MARKDOWN_SIGNALS.filter((re) => re.test(head)).length;
  return signals >= 2 ? 'markdown' : 'text';
}

/** A title from the file name when the document itself has none: "my-notes.md" → "my notes". */
export function titleFromFileName(fileName: string | null): string | null {
  if (!fileName) return null;
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '');
  const title = base.replace(/[-_]+/g, ' ').trim();
  return title || null;
}
