import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from './index';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('an encyclopedia page', () => {
  const parsed = parseArticleText(fixture('encyclopedia.html'), 'html');
  const { article, kinds } = parsed;
  const text = JSON.stringify(article);

  it('has the page title, its sections and back matter marked not for study', () => {
    expect(article.title).toBe('Tide clock');
    expect(article.meta.source).toBe('https://encyclopedia.example.org/wiki/Tide_clock');
    expect(article.sections.map((s) => [s.heading, s.level, s.study])).toEqual([
      [null, 1, true],
      ['History', 1, true],
      ['Mechanism', 1, true],
      ['Gearing', 2, true],
      ['See also', 1, false],
      ['References', 1, false],
      ['External links', 1, false],
    ]);
  });

  it('removes navigation, contents box, [edit] links, infobox, cookie notice, citation marks and back-links', () => {
    expect(text).not.toMatch(/Navigation menu|Main page|Contents|tocnumber|\[edit\]|edit\]|Invented|18th century|cookies|\[1\]|\[2\]|\^|Privacy policy|last edited|free encyclopedia|Watch/);
    expect(article.sections[0]!.paragraphs[0]).toBe(
      'A tide clock is a clock whose hand turns once in a lunar half-day, about twelve hours and twenty-five minutes, so that it shows the time since the last high water. Tide clocks were common in harbour pilot stations before radio time signals.',
    );
  });

  it('keeps definition lists as one paragraph per term and lists as one per item', () => {
    expect(article.sections[3]!.paragraphs.slice(1)).toEqual([
      'Spring tide: The tide of greatest range, near new and full moon.',
      'Neap tide: The tide of least range, near the quarter moons.',
    ]);
    expect(kinds[3]).toEqual(['prose', 'definition', 'definition']);
    expect(article.sections[5]!.paragraphs).toEqual(['Example, A. (2001). Clocks of the Sea. Harbour Press.', 'Sample, B. (1999). "Pilot stations". Maritime Review.']);
  });
});

describe('a book chapter', () => {
  const parsed = parseArticleText(fixture('book-chapter.html'), 'html');
  const { article, kinds } = parsed;

  it('takes levels from nested sections and keeps headings Readability would drop', () => {
    expect(article.title).toBe('Reading the Water');
    expect(article.meta.author).toBe('Tomas Reed');
    expect(article.sections.map((s) => [s.heading, s.level, s.study])).toEqual([
      [null, 1, true],
      ['Terms', 1, true],
      ['Surface Signs', 1, true],
      ['Colour of the Water', 2, true],
      ['Conclusion', 1, true],
      ['Notes', 1, false],
    ]);
  });

  it('keeps glossary terms, sidebar prose (its heading not a section) and footnotes without markers', () => {
    expect(article.sections[1]!.paragraphs[1]).toBe('Slack water: The short period around high or low water when the tidal current is weak or absent.');
    expect(article.sections[2]!.paragraphs).toContain("A Pilot's Rule");
    expect(article.sections[2]!.paragraphs[0]).toMatch(/meeting of two currents\. Pilots learn/);
    expect(article.sections[5]!.paragraphs).toEqual(['Foam lines can also mark the edge of a tide race, which small boats should avoid.']);
    expect(kinds.flat()).not.toContain('code');
    expect(JSON.stringify(article)).not.toMatch(/Table of Contents|Chapter 2|Previous|Written by|Copyright ©|1\. Arriving/);
  });
});

describe('HTML structure', () => {
  it('keeps tables as one paragraph per row, code blocks and block quotes', () => {
    const html = `<html><head><title>Tides</title></head><body><article><h1>Tides</h1>
      <p>The tide rises and falls twice a day in most places, driven mainly by the moon and partly by the sun.</p>
      <h2>Data</h2><table><tr><th>Port</th><th>Range</th></tr><tr><td>Northquay</td><td>4 m</td></tr></table>
      <pre><code>phase = hours / 12.42</code></pre>
      <blockquote><h3>Quoted</h3><p>Time and tide wait for no one, as the old saying has it.</p></blockquote>
      <script>alert(1)</script><p onclick="alert(1)">A last paragraph with enough words to be kept as text.</p></article></body></html>`;
    const r = parseArticleText(html, 'html');
    expect(r.article.title).toBe('Tides');
    expect(r.article.sections.map((s) => s.heading)).toEqual([null, 'Data']);
    expect(r.article.sections[1]!.paragraphs).toEqual([
      'Port | Range',
      'Northquay | 4 m',
      'phase = hours / 12.42',
      'Quoted',
      'Time and tide wait for no one, as the old saying has it.',
      'A last paragraph with enough words to be kept as text.',
    ]);
    expect(r.kinds[1]).toEqual(['table', 'table', 'code', 'quote', 'quote', 'prose']);
  });
});
