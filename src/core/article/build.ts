import { type Article, type Section } from '../../shared/contract';
import { isBackMatterHeading, isBoilerplateHeading } from './back-matter';
import { collapseWhitespace, sameText } from './text-utils';
import { type Block, type DraftArticle, type ParagraphKind } from './types';

export interface BuiltArticle {
  article: Article;
  kinds: ParagraphKind[][];
}

/** Code keeps its line breaks (it is read, not studied); everything else is one line of prose. */
function cleanParagraph(text: string, kind: ParagraphKind): string {
  if (kind === 'code') {
    return text
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/^\n+|\n+$/g, '');
  }
  return collapseWhitespace(text);
}

function normaliseBlocks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const text = block.type === 'heading' ? collapseWhitespace(block.text) : cleanParagraph(block.text, block.kind);
    if (text === '') continue;
    out.push({ ...block, text });
  }
  return out;
}

/** A single heading of the highest rank at the very start is the document's title. */
function leadingTitleHeading(blocks: Block[]): number {
  const first = blocks.findIndex((b) => b.type === 'heading');
  if (first < 0) return -1;
  const firstHeading = blocks[first] as Extract<Block, { type: 'heading' }>;
  const textBefore = blocks.slice(0, first).some((b) => b.type === 'paragraph');
  if (textBefore) return -1;
  const sameOrHigher = blocks.filter((b) => b.type === 'heading' && b.rank <= firstHeading.rank).length;
  return sameOrHigher === 1 ? first : -1;
}

/** Drop table-of-contents and standards boilerplate sections, heading and body alike. */
function dropBoilerplate(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let dropping: number | null = null;
  for (const block of blocks) {
    if (block.type === 'heading') {
      if (dropping !== null && block.rank > dropping) continue;
      dropping = isBoilerplateHeading(block.text) ? block.rank : null;
      if (dropping !== null) continue;
    } else if (dropping !== null) continue;
    out.push(block);
  }
  return out;
}

/** Levels: 1 for the top heading rank used in the body, 2 for the next one down, and so on. */
function levelMap(blocks: Block[]): Map<number, number> {
  const ranks = [...new Set(blocks.flatMap((b) => (b.type === 'heading' ? [b.rank] : [])))].sort((a, b) => a - b);
  return new Map(ranks.map((rank, i) => [rank, Math.min(i + 1, 6)]));
}

export function buildArticle(draft: DraftArticle, fallbackTitle: string): BuiltArticle {
  let blocks = dropBoilerplate(normaliseBlocks(draft.blocks));
  let title = draft.title ? collapseWhitespace(draft.title) : '';
  const titleIndex = leadingTitleHeading(blocks);
  if (!title && titleIndex >= 0) {
    title = (blocks[titleIndex] as { text: string }).text;
    blocks = blocks.filter((_, i) => i !== titleIndex);
  } else if (title) {
    // A page often repeats its title as the first heading; it is not a section.
    const first = blocks.findIndex((b) => b.type === 'heading');
    const before = blocks.slice(0, Math.max(first, 0)).some((b) => b.type === 'paragraph');
    if (first >= 0 && !before && sameText(blocks[first]!.text, title)) blocks = blocks.filter((_, i) => i !== first);
  }
  if (!title) title = fallbackTitle;

  const levels = levelMap(blocks);
  const sections: Section[] = [];
  const kinds: ParagraphKind[][] = [];
  // Back matter marks its own subsections too, until a heading at its level or above.
  let backMatterLevel: number | null = null;
  for (const block of blocks) {
    if (block.type === 'heading') {
      const level = levels.get(block.rank) ?? 1;
      if (backMatterLevel !== null && level <= backMatterLevel) backMatterLevel = null;
      if (backMatterLevel === null && isBackMatterHeading(block.text)) backMatterLevel = level;
      sections.push({ heading: block.text, level, study: backMatterLevel === null, paragraphs: [] });
      kinds.push([]);
      continue;
    }
    if (sections.length === 0) {
      sections.push({ heading: null, level: 1, study: true, paragraphs: [] });
      kinds.push([]);
    }
    sections[sections.length - 1]!.paragraphs.push(block.text);
    kinds[kinds.length - 1]!.push(block.kind);
  }
  return { article: { title, meta: { ...draft.meta }, sections }, kinds };
}
