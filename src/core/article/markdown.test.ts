import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from './index';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('Markdown', () => {
  const parsed = parseArticleText(fixture('guide.md'), 'markdown');
  const { article, kinds } = parsed;

  it('takes title and metadata from the front matter', () => {
    expect(article.title).toBe('Keeping a Tide Clock');
    expect(article.meta).toEqual({ dek: 'How to set, read and care for a mechanical tide clock.', author: 'Harbour Guild' });
  });

  it('keeps headings with levels, but not headings inside asides or block quotes', () => {
    expect(article.sections.map((s) => [s.heading, s.level, s.study])).toEqual([
      ['Why keep a tide clock?', 1, true],
      ['Setting the clock', 1, true],
      ['Reading the dial', 2, true],
      ['See also', 1, false],
    ]);
  });

  it('keeps the text of an HTML aside as quoted paragraphs, with its Markdown rendered', () => {
    expect(article.sections[0]!.paragraphs.slice(1)).toEqual([
      "A keeper's view",
      'We set the clock at every spring tide and never trusted it for more than a fortnight.',
      '— a station keeper, "Notes from the quay"',
    ]);
    expect(kinds[0]).toEqual(['prose', 'quote', 'quote', 'quote']);
  });

  it('gives one paragraph per list item and keeps block quotes as quotes', () => {
    const setting = article.sections[1]!;
    expect(setting.paragraphs.slice(1, 4)).toEqual([
      'Wait for a spring tide, when predictions are most reliable.',
      'Move the hand to high tide at the predicted moment.',
      'Check it again a week later.',
    ]);
    expect(kinds[1]).toEqual(['prose', 'list', 'list', 'list', 'quote', 'quote']);
  });

  it('keeps code and tables as paragraphs that can never be cards, and drops directives', () => {
    const dial = article.sections[2]!;
    expect(kinds[2]).toEqual(['list', 'list', 'code', 'table', 'table', 'table']);
    expect(dial.paragraphs[2]).toBe('def phase(hours_since_high_water):\n    return (hours_since_high_water % 12.42) / 12.42');
    expect(dial.paragraphs[4]).toBe('Top | High water');
    const text = JSON.stringify(article);
    expect(text).not.toMatch(/\{\{#include|\{%|toc\.html|layout|<aside|<img/);
  });

  it('uses a lone top heading as the title when there is no front matter', () => {
    const md = '## What Tides Are\n\nTides are the rise and fall of the sea.\n\n### Springs\n\nThe largest tides.\n\n### Neaps\n\nThe smallest tides.\n';
    const r = parseArticleText(md, 'markdown');
    expect(r.article.title).toBe('What Tides Are');
    expect(r.article.sections.map((s) => [s.heading, s.level])).toEqual([
      [null, 1],
      ['Springs', 1],
      ['Neaps', 1],
    ]);
  });

  it('drops Jekyll tags and mdBook includes written inside paragraphs', () => {
    const r = parseArticleText('# T\n\nBefore {% raw %}the text{% endraw %} after.\n\n{{#rustdoc_include ../x.rs:here}}\n', 'markdown');
    expect(r.article.sections.flatMap((s) => s.paragraphs)).toEqual(['Before the text after.']);
  });
});
