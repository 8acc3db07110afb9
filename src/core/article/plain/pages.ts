/**
 * Paginated text (RFCs, printed reports) repeats a header and a footer on every page and separates
 * pages with form feeds. Those lines are furniture, not text: find them by repetition across pages
 * and remove them, then glue the pages back together.
 */

const PAGE_FOOTER = /\[Page \d+\]\s*$|^\s*(?:-\s*)?page \d+(?: of \d+)?(?:\s*-)?\s*$/i;

/** Lines that differ only in page numbers are the same running header or footer. */
function shape(line: string): string {
  return line.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

function splitPages(lines: string[]): string[][] {
  const pages: string[][] = [[]];
  for (const line of lines) {
    const parts = line.split('\f');
    pages[pages.length - 1]!.push(parts[0]!);
    for (const rest of parts.slice(1)) pages.push([rest]);
  }
  // Without form feeds, a footer line like "Klyne, et. al.   Standards Track   [Page 3]" still ends a page.
  if (pages.length > 1) return pages;
  const byFooter: string[][] = [[]];
  for (const line of lines) {
    byFooter[byFooter.length - 1]!.push(line);
    if (/\[Page \d+\]\s*$/.test(line)) byFooter.push([]);
  }
  return byFooter;
}

function edgeLines(page: string[]): number[] {
  const nonBlank = page.flatMap((l, i) => (l.trim() ? [i] : []));
  if (nonBlank.length === 0) return [];
  return [...new Set([nonBlank[0]!, nonBlank[nonBlank.length - 1]!])];
}

function trimBlankEdges(page: string[]): string[] {
  let start = 0;
  let end = page.length;
  while (start < end && !page[start]!.trim()) start++;
  while (end > start && !page[end - 1]!.trim()) end--;
  return page.slice(start, end);
}

/** A sentence cut by a page break continues on the next page: join those without a paragraph break. */
function continuesAcrossBreak(before: string | undefined, after: string | undefined): boolean {
  if (!before || !after) return false;
  const indent = (s: string) => s.length - s.trimStart().length;
  return !/[.:!?;]["')\]]*\s*$/.test(before) && /^[a-z(]/.test(after.trim()) && indent(before) === indent(after);
}

export function removePagination(lines: string[]): string[] {
  const pages = splitPages(lines);
  if (pages.length < 2) return lines;
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const i of edgeLines(page)) counts.set(shape(page[i]!), (counts.get(shape(page[i]!)) ?? 0) + 1);
  }
  const repeated = (line: string) => (counts.get(shape(line)) ?? 0) >= Math.max(2, pages.length / 3);
  const cleaned = pages.map((page) => {
    const edges = new Set(edgeLines(page));
    return trimBlankEdges(page.filter((line, i) => !(edges.has(i) && (repeated(line) || PAGE_FOOTER.test(line)))));
  });
  const out: string[] = [];
  for (const page of cleaned) {
    if (page.length === 0) continue;
    if (out.length > 0 && !continuesAcrossBreak(out[out.length - 1], page[0])) out.push('');
    out.push(...page);
  }
  return out;
}
