import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Article } from '../../shared/contract';
import { parseArticleFile } from './index';

const path = new URL('../../../resources/articles/collective-self-defense.txt', import.meta.url);
const source = readFileSync(path, 'utf8');
const parsed = parseArticleFile(readFileSync(path), 'collective-self-defense.txt');
const { article } = parsed;

/** Source lines that are body paragraphs: long lines before the "Related Articles" block. */
function bodyParagraphs(): string[] {
  const lines = source.split('\n');
  const end = lines.indexOf('Related Articles');
  return lines.slice(6, end).filter((l) => l.length > 200);
}

describe('the bundled article', () => {
  it('has its title and metadata apart from the study text', () => {
    expect(parsed.format).toBe('text');
    expect(article.title).toBe('Examining the legal basis for collective self-defense and its limits in interstate and asymmetrical conflicts.');
    expect(article.meta).toEqual({
      category: 'International law',
      dek: 'A careful survey of collective self-defense norms, their evolution in treaty and customary law, and the practical constraints imposed by sovereignty, proportionality, and the realities of asymmetrical warfare across modern geopolitics.',
      author: 'James Anderson',
      date: 'July 15, 2025',
      readingTime: '3 min',
    });
    expect(() => Article.parse(article)).not.toThrow();
  });

  it('has an untitled introduction and exactly its four headings', () => {
    expect(article.sections.map((s) => [s.heading, s.level, s.study])).toEqual([
      [null, 1, true],
      ['The interaction between sovereignty and collective security in practice', 1, true],
      ['Shifts in norms as warfare evolves with technology and non-state actors', 1, true],
      ['Practical constraints and humanitarian concerns in enforcement', 1, true],
      ['Toward a coherent, norm-based approach to future defense', 1, true],
    ]);
    expect(article.sections.map((s) => s.paragraphs.length)).toEqual([2, 2, 2, 2, 4]);
  });

  it('keeps every paragraph intact and nothing else', () => {
    const paragraphs = article.sections.flatMap((s) => s.paragraphs);
    expect(paragraphs).toEqual(bodyParagraphs());
    expect(parsed.kinds.flat().every((k) => k === 'prose')).toBe(true);
  });

  it('drops the share bar, byline, dateline, advertisements and the related-articles block', () => {
    const text = JSON.stringify(article.sections);
    for (const junk of ['ADVERTISEMENT', 'Linkedin', 'Published by', 'Read', 'Related Articles', 'July 25, 2025', 'diplomatic asylum']) {
      expect(text).not.toContain(junk);
    }
    expect(article.sections.every((s) => s.paragraphs.every((p) => p.length > 200))).toBe(true);
  });

  it('keeps the decoded source for identity hashing', () => {
    expect(parsed.text).toBe(source);
    expect(parsed.warnings).toEqual([]);
  });
});
