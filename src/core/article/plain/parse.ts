import { type DraftArticle } from '../types';
import { classifyUnits } from './classify';
import { takeFront } from './front';
import { removePagination } from './pages';
import { isLinePerParagraph, toUnits, type Unit } from './units';
import { bylineAuthor, isAdLine, isInlineTeaser, isRelatedMarker, isShareBar, parseDateline } from './web-junk';

/** One-line furniture anywhere in the text: advertisements, share bars, bylines, datelines. */
function isJunkLine(line: string): boolean {
  return isAdLine(line) || isShareBar(line) || isInlineTeaser(line) || bylineAuthor(line) !== null || parseDateline(line) !== null;
}

/** Drop furniture units; a "Related Articles" marker ends the text (what follows is teasers). */
function removeJunk(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const original of units) {
    // Advertisement markers, share bars and "Read more:" teasers are unmistakable even inside a block.
    const lines = original.lines.filter((l) => !isAdLine(l) && !isShareBar(l) && !isInlineTeaser(l));
    if (lines.length === 0) continue;
    const unit = { lines };
    const only = lines.length === 1 ? lines[0]! : null;
    if (only !== null && isRelatedMarker(only)) break;
    if (only !== null && isJunkLine(only)) continue;
    out.push(unit);
  }
  return out;
}

/** Dot leaders before a page number: "4.1. Coordinated Universal Time (UTC) ...... 4". */
const TOC_ENTRY = /(?:\.\s?){3,}[.,\s]*\d+\s*$/;

/** Blocks that are mostly table-of-contents entries are dropped wherever they are. */
function removeTocBlocks(units: Unit[]): Unit[] {
  return units.filter((u) => !(u.lines.length >= 2 && u.lines.filter((l) => TOC_ENTRY.test(l)).length >= u.lines.length * 0.6));
}

export function parsePlainText(source: string): DraftArticle {
  const lines = removePagination(source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n')).map((l) => l.replace(/\s+$/, ''));
  const linePerParagraph = isLinePerParagraph(lines);
  const front = takeFront(toUnits(lines, linePerParagraph));
  const units = removeTocBlocks(removeJunk(front.units));
  return { title: front.title, meta: front.meta, blocks: classifyUnits(units, linePerParagraph), warnings: [] };
}
