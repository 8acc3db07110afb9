import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from './index';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const headings = (r: ReturnType<typeof parseArticleText>) => r.article.sections.map((s) => [s.heading, s.level, s.study]);
const allText = (r: ReturnType<typeof parseArticleText>) => JSON.stringify(r.article.sections);

describe('plain text copied from a news page', () => {
  const parsed = parseArticleText(fixture('news-article.txt'), 'text');

  it('reads the masthead into title and metadata', () => {
    expect(parsed.article.title).toBe('How tide clocks kept harbour pilots on schedule before radio time signals.');
    expect(parsed.article.meta).toEqual({
      category: 'Marine science',
      dek: 'A short history of the mechanical tide clock, the almanacs that fed it, and the pilots who trusted it with their ships when no signal reached the quay.',
      author: 'Maria Okafor',
      date: 'March 3, 2024',
      readingTime: '5 min',
    });
  });

  it('finds headings from layout and keeps advertisements out of every section', () => {
    expect(headings(parsed)).toEqual([
      [null, 1, true],
      ['Why the lunar day matters', 1, true],
      ['Setting the clock from the almanac', 1, true],
      ['The end of an era', 1, true],
    ]);
    expect(parsed.article.sections.map((s) => s.paragraphs.length)).toEqual([2, 2, 2, 1]);
    expect(allText(parsed)).not.toMatch(/ADVERTISEMENT|Linkedin|Published by|Related Articles|continental shelf|April 2, 2024/);
  });
});

describe('paginated standards text', () => {
  const parsed = parseArticleText(fixture('standard-memo.txt'), 'text');

  it('takes the title and memo header, and drops status, copyright notice and contents', () => {
    expect(parsed.article.title).toBe('Tide Clock Interchange Format (TCIF)');
    expect(parsed.article.meta).toEqual({ category: 'Informational', author: 'A. Brook, B. Stone', date: 'April 2031' });
    expect(allText(parsed)).not.toMatch(/Status of this Memo|Copyright Notice|Table of Contents|\.{5}|Distribution of this memo/);
  });

  it('keeps numbered headings as written, with levels from the numbering', () => {
    expect(headings(parsed)).toEqual([
      ['Abstract', 1, true],
      ['1. Introduction', 1, true],
      ['2. Terminology', 1, true],
      ['2.1. Lunar Half-Day', 2, true],
      ['3. Format', 1, true],
      ['4. References', 1, false],
      ["Authors' Addresses", 1, false],
      ['Full Copyright Statement', 1, false],
    ]);
  });

  it('removes page headers, footers and form feeds', () => {
    expect(allText(parsed)).not.toMatch(/\[Page \d\]|RFC 9999 {2,}|\f|Brook & Stone/);
  });

  it('joins wrapped lines and tells lists, definitions, code and tables apart', () => {
    const intro = parsed.article.sections[1]!;
    expect(intro.paragraphs[0]).toMatch(/^Harbour stations that keep tide clocks need to agree on the phase of the clock after a spring tide\. /);
    expect(parsed.kinds[1]).toEqual(['prose', 'list', 'list']);
    expect(intro.paragraphs[1]).toBe('The format is plain text and fits in one line.');
    expect(parsed.article.sections[2]!.paragraphs[0]).toBe(
      'phase: The fraction of the lunar half-day elapsed since the last high water, written as a decimal between 0 and 1.',
    );
    expect(parsed.kinds[2]).toEqual(['definition', 'definition']);
    const format = parsed.article.sections[4]!;
    expect(parsed.kinds[4]).toEqual(['prose', 'code', 'prose', 'table', 'table', 'table']);
    expect(format.paragraphs[1]).toBe('record  = station-name SP phase\nphase   = "0." 1*4DIGIT');
    expect(format.paragraphs[4]).toBe('Northquay | 0.25 | rising water');
  });
});

describe('plain text headings', () => {
  it('recognises underlined headings and ignores short sentences', () => {
    const text = [
      'Field Notes',
      '',
      'Tides',
      '=====',
      '',
      'The tide rises twice a day in most harbours, about fifty minutes later each day.',
      '',
      'Currents',
      '--------',
      '',
      'Currents are strongest halfway between high and low water.',
      '',
      'It was late.',
      '',
      'The pilots went home after the last crossing of the evening.',
    ].join('\n');
    const parsed = parseArticleText(text, 'text');
    expect(parsed.article.title).toBe('Field Notes');
    expect(headings(parsed)).toEqual([
      ['Tides', 1, true],
      ['Currents', 2, true],
    ]);
    expect(parsed.article.sections[1]!.paragraphs).toContain('It was late.');
  });

  it('makes text before the first heading an untitled introduction', () => {
    const parsed = parseArticleText('A first paragraph that ends properly.\n\nBackground\n\nMore text follows here, as it should.', 'text', { fileName: 'notes.txt' });
    expect(parsed.article.title).toBe('notes');
    expect(headings(parsed)).toEqual([
      [null, 1, true],
      ['Background', 1, true],
    ]);
  });
});
