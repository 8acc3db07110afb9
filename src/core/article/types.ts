import { type Article, type ArticleMeta } from '../../shared/contract';

export type ArticleFormat = 'text' | 'markdown' | 'html';

/**
 * What a paragraph string was in the source. Only prose, list items, definitions and quotes can
 * become cards (INTERFACES.md); code and table rows are kept for reading only.
 */
export type ParagraphKind = 'prose' | 'list' | 'definition' | 'quote' | 'code' | 'table';

export interface ParsedArticle {
  article: Article;
  format: ArticleFormat;
  /** The decoded source text, for import identity (textHash). */
  text: string;
  warnings: string[];
  /** Parallel to article.sections[i].paragraphs[j]. */
  kinds: ParagraphKind[][];
}

/** One unit of a document in reading order, before sections are formed. */
export type Block =
  | { type: 'heading'; text: string; /** Source rank: smaller is higher (h1 = 1). */ rank: number }
  | { type: 'paragraph'; text: string; kind: ParagraphKind };

/** What each format parser hands to the section builder. */
export interface DraftArticle {
  title: string | null;
  meta: ArticleMeta;
  blocks: Block[];
  warnings: string[];
}

export const CARD_SOURCE_KINDS: ReadonlySet<ParagraphKind> = new Set(['prose', 'list', 'definition', 'quote']);
