import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../article';
import { generateCards } from '../generate';

/**
 * The generator's rules, held on articles as the parser really produces them from each format: a news
 * page and a paginated standard as text, a Markdown guide, an encyclopedia page and a book chapter as
 * HTML (the parser's own fixtures), and the bundled article.
 */
const fixtures = resolve(__dirname, '../article/fixtures');
const files = [
  ['news page (text)', join(fixtures, 'news-article.txt')],
  ['paginated standard (text)', join(fixtures, 'standard-memo.txt')],
  ['guide (Markdown)', join(fixtures, 'guide.md')],
  ['encyclopedia page (HTML)', join(fixtures, 'encyclopedia.html')],
  ['book chapter (HTML)', join(fixtures, 'book-chapter.html')],
  ['bundled article (text)', resolve(__dirname, '../../../resources/articles/collective-self-defense.txt')],
] as const;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const answersOf = (text: string) => [...text.matchAll(/\{\{c1::(.*?)(?:::[^}]*)?\}\}/g)].map((m) => m[1]!);

describe.each(files)('cards from a %s', (_name, path) => {
  const bytes = readFileSync(path);
  const parsed = parseArticleFile(bytes, path);
  const cards = generateCards(parsed.article, { kinds: parsed.kinds });

  it('come only from study prose, each tied to its exact passage', () => {
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const section = parsed.article.sections[card.sectionIndex]!;
      expect(section.study).toBe(true);
      const kind = parsed.kinds[card.sectionIndex]![card.source.paragraphIndex]!;
      expect(['prose', 'list', 'definition', 'quote']).toContain(kind);
      const paragraph = section.paragraphs[card.source.paragraphIndex]!;
      expect(paragraph.slice(card.source.start, card.source.end)).toBe(card.source.quote);
    }
  });

  it('give answers that stand word for word in their section, in short prompts without markup', () => {
    for (const card of cards) {
      const sectionText = parsed.article.sections[card.sectionIndex]!.paragraphs.join('\n');
      const answers = card.kind === 'qa' ? [card.back!] : answersOf(card.text!);
      for (const answer of answers) expect(sectionText).toContain(answer);
      const prompt = card.kind === 'qa' ? card.front! : card.text!.replace(/\{\{c1::(.*?)\}\}/g, '$1');
      expect(words(prompt)).toBeLessThanOrEqual(40);
      expect(prompt).not.toMatch(/<[a-z/][^>]*>|&[a-z]+;|&#\d+;|\[\d+\]/i);
    }
  });

  it('are the same, byte for byte, every time', () => {
    expect(JSON.stringify(generateCards(parseArticleFile(bytes, path).article, { kinds: parsed.kinds }))).toBe(JSON.stringify(cards));
  });
});
