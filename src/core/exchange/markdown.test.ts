import { describe, expect, it } from 'vitest';
import { clozeQuestion, escapeMarkdown, writeMarkdownDeck } from './markdown';
import { sampleDoc } from './test-fixtures';

describe('Markdown deck', () => {
  const md = writeMarkdownDeck(sampleDoc());

  it('has a heading per deck and section, and each card as Q and A with its source', () => {
    expect(md).toContain('# The History of Timekeeping\n');
    expect(md).toContain('## 1\\. Sundials\n');
    expect(md).toContain('**Q:** What casts the shadow on a sundial?  \n**A:** The gnomon\n\n> A sundial tells time by the shadow of its gnomon.');
    expect(md).toContain('**Q:** The […] clock defines the second & more.  \n**A:** caesium');
    expect(md).toContain('**A:** sundials; water clocks; candle clocks');
    expect(md).toContain('# -Imported from Anki');
  });

  it('is deterministic whatever the input order', () => {
    const doc = sampleDoc();
    doc.cards.reverse();
    doc.decks.reverse();
    expect(writeMarkdownDeck(doc)).toBe(md);
  });

  it('escapes Markdown syntax and shows hints', () => {
    expect(escapeMarkdown('*a* [b] <c> `d`')).toBe('\\*a\\* \\[b\\] \\<c\\> \\`d\\`');
    expect(escapeMarkdown('# not a heading\n- not a list\n1. nor this')).toBe('\\# not a heading  \n\\- not a list  \n1\\. nor this');
    expect(clozeQuestion('{{c1::Paris::city}} and {{c1::Rome}}')).toEqual({ question: '[… (city)] and […]', answers: ['Paris', 'Rome'] });
  });
});
