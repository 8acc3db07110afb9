import { type ArticleMeta, LecternError } from '../../shared/contract';
import { buildArticle } from './build';
import { decodeBytes } from './decode';
import { detectFormat, titleFromFileName } from './format';
import { parseHtml } from './html/parse';
import { looksEnglish, NOT_ENGLISH_WARNING } from './language';
import { parseMarkdown } from './markdown/parse';
import { parsePlainText } from './plain/parse';
import { type ArticleFormat, CARD_SOURCE_KINDS, type DraftArticle, type ParagraphKind, type ParsedArticle } from './types';

export { detectFormat, SUPPORTED_EXTENSIONS } from './format';
export { normaliseText, textHash } from './identity';
export { isBackMatterHeading } from './back-matter';
export { CARD_SOURCE_KINDS, type ArticleFormat, type ParagraphKind, type ParsedArticle } from './types';

export interface ParseOptions {
  /** Used for the title when the document has none ("my-notes.md" → "my notes"). */
  fileName?: string | null;
}

function draftOf(text: string, format: ArticleFormat): DraftArticle {
  if (format === 'html') return parseHtml(text);
  if (format === 'markdown') return parseMarkdown(text);
  return parsePlainText(text);
}

/** Metadata without empty fields, in a fixed key order so output is byte-identical run to run. */
function tidyMeta(meta: ArticleMeta): ArticleMeta {
  const out: ArticleMeta = {};
  for (const key of ['category', 'dek', 'author', 'date', 'readingTime', 'source'] as const) {
    const value = meta[key]?.replace(/\s+/g, ' ').trim();
    if (value) out[key] = value;
  }
  return out;
}

/** Parse already-decoded text in a known format. Throws LecternError('bad_input') when no text is left. */
export function parseArticleText(text: string, format: ArticleFormat, options: ParseOptions = {}): ParsedArticle {
  const source = text.replace(/^\uFEFF/, '');
  if (!source.trim()) throw new LecternError('bad_input', 'The document is empty.');
  const draft = draftOf(source, format);
  const fallbackTitle = titleFromFileName(options.fileName ?? null) ?? 'Untitled';
  const { article, kinds } = buildArticle(draft, fallbackTitle);
  article.meta = tidyMeta(article.meta);
  const paragraphs = article.sections.flatMap((s) => s.paragraphs);
  if (paragraphs.length === 0) throw new LecternError('bad_input', 'The document has no readable text.');
  const warnings = [...draft.warnings];
  const studyText = article.sections
    .flatMap((s, i) => (s.study ? s.paragraphs.filter((_, j) => CARD_SOURCE_KINDS.has(kinds[i]![j]!)) : []))
    .join(' ');
  if (!looksEnglish(studyText || paragraphs.join(' '))) warnings.push(NOT_ENGLISH_WARNING);
  return { article, format, text: source, warnings, kinds };
}

/**
 * Decode a file's bytes (UTF-8 with or without BOM, UTF-16 with BOM, or a detected legacy
 * encoding), refuse what is not a text document, detect the format and parse it.
 */
export function parseArticleFile(bytes: Uint8Array, fileName: string | null, options: { format?: ArticleFormat } = {}): ParsedArticle {
  const decoded = decodeBytes(bytes);
  if (!decoded.text.replace(/^\uFEFF/, '').trim()) throw new LecternError('bad_input', 'The file is empty.');
  const format = options.format ?? detectFormat(fileName, decoded.text);
  const parsed = parseArticleText(decoded.text, format, { fileName });
  return { ...parsed, warnings: [...decoded.warnings, ...parsed.warnings] };
}

/** Which paragraphs of a parsed article may become cards (prose, list items, definitions, quotes). */
export function isCardSource(kinds: ParagraphKind[][], sectionIndex: number, paragraphIndex: number): boolean {
  const kind = kinds[sectionIndex]?.[paragraphIndex];
  return kind !== undefined && CARD_SOURCE_KINDS.has(kind);
}
