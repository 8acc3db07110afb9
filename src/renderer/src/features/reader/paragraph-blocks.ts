import type { ParagraphKind, SectionView } from '../../../../shared/contract';

/** Consecutive paragraphs of one kind that render together (list items in one list, rows in one table). */
export interface Block {
  kind: ParagraphKind;
  items: { index: number; text: string; excluded: boolean }[];
}

const grouped: ReadonlySet<ParagraphKind> = new Set(['list', 'table', 'definition']);

export function paragraphBlocks(section: SectionView): Block[] {
  const blocks: Block[] = [];
  section.paragraphs.forEach((text, index) => {
    const kind = section.kinds[index] ?? 'prose';
    const item = { index, text, excluded: section.excluded[index] ?? false };
    const last = blocks[blocks.length - 1];
    if (last && last.kind === kind && grouped.has(kind)) last.items.push(item);
    else blocks.push({ kind, items: [item] });
  });
  return blocks;
}

/** A table row was flattened to text with tabs or " | " between cells. */
export function tableCells(text: string): string[] {
  const cells = text.includes('\t') ? text.split('\t') : text.split(/\s+\|\s+/);
  return cells.map((c) => c.trim());
}
