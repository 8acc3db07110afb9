import { describe, expect, it } from 'vitest';
import type { CardDraft } from '../../shared/contract/card-draft';
import type { Article } from '../../shared/contract/models';
import { analyzeParagraph, type Word } from './analyze';
import { badAnswer } from './questions';
import { isGenericPhrase } from './terms';
import { generateCards, generateWithReserve, termStats, type ParagraphKind } from './index';

/**
 * The rules that keep weak cards out, on small texts written for these tests: generic gaps, cross references,
 * figures cut from their unit, collocations cut in two, acronyms next to their expansion, fragments as answers,
 * bare generic subjects, and more than one card from a short sentence.
 */

const glaciers: Article = {
  title: 'How glaciers move',
  meta: {},
  sections: [
    {
      heading: 'Ice and snow',
      level: 1,
      study: true,
      paragraphs: [
        'A glacier forms where more snow falls each winter than melts each summer, so that a certain amount of snow survives every year. Buried snow slowly recrystallises into firn, a granular material halfway between snow and glacial ice. Under the weight of later layers the firn compacts into dense ice within a few decades.',
        'Glaciers move by two mechanisms. Internal deformation lets ice crystals slide past each other, while basal sliding carries the whole glacier over a film of meltwater at its bed. The actual data from boreholes show that basal sliding can account for 90% of the motion of fast glaciers.',
        'A crevasse is a deep crack that opens where the ice is stretched faster than it can deform. Crevasses (including, potentially, hidden ones under fresh snow) make glacier travel dangerous. The reason is that a snow bridge can collapse under a single climber.',
        'Open source models of ice flow let anyone check a forecast. Most open source models solve the Stokes equations on a mesh, and open source code is easy to audit. Researchers compare open source models against satellite measurements every year.',
        'As Chapter 3 explains, an ice sheet of 10–12 kilometres would be impossible on Earth. The surface mass balance (SMB) measures the yearly gain or loss of ice at the surface of a glacier. The team used the same model. Ice streams drain most of the Antarctic Ice Sheet through narrow, fast-flowing corridors that reach the Southern Ocean. Meltwater that reaches the bed lubricates it; glaciologists call this the Zwally effect.',
      ],
    },
  ],
};

const terms: Article = {
  title: 'Glacier terms',
  meta: {},
  sections: [
    {
      heading: null,
      level: 1,
      study: true,
      paragraphs: [
        'Crevasses: deep cracks that open where glacier ice is stretched faster than it can deform.',
        'Ablation: the loss of ice from a glacier by melting, sublimation or calving. However, some authors count only melting.',
        'Firn line: How high is it this year? Where will it be next year?',
        'A moraine is a ridge of rock debris that a glacier pushed or left behind at its margin.',
      ],
    },
  ],
};
const termKinds: ParagraphKind[][] = [['definition', 'definition', 'definition', 'prose']];

const CLOZE = /\{\{c1::(.*?)\}\}/g;
const gaps = (c: CardDraft): string[] => [...(c.text ?? '').matchAll(CLOZE)].map((m) => m[1]!);
/** The text right before and right after each gap of a cloze. */
const surroundings = (c: CardDraft): { before: string; gap: string; after: string }[] =>
  [...(c.text ?? '').matchAll(CLOZE)].map((m) => ({
    before: c.text!.slice(0, m.index),
    gap: m[1]!,
    after: c.text!.slice(m.index + m[0].length),
  }));

/** The words of one phrase of a paragraph, as the analyser tags them in context. */
function phrase(paragraph: string, text: string): Word[] {
  const at = paragraph.indexOf(text);
  expect(at).toBeGreaterThanOrEqual(0);
  const words = analyzeParagraph(paragraph).sentences.flatMap((s) => s.words);
  return words.filter((w) => w.start >= at && w.end <= at + text.length);
}

describe('weak cards are kept out', () => {
  const cards = generateCards(glaciers);

  it('still gives cards, from more than half of the paragraphs', () => {
    expect(cards.length).toBeGreaterThan(0);
    const covered = new Set(cards.map((c) => c.source.paragraphIndex));
    expect(covered.size / glaciers.sections[0]!.paragraphs.length).toBeGreaterThan(0.5);
  });

  it('never hides a generic phrase when the sentence offers a specific one', () => {
    const all = cards.flatMap(gaps).map((g) => g.toLowerCase());
    for (const generic of ['certain amount', 'actual data', 'two mechanisms', 'same model', 'team']) expect(all).not.toContain(generic);
  });

  it('never asks for a cross reference, a figure without its unit, or part of a range', () => {
    for (const c of cards) {
      for (const { gap, after } of surroundings(c)) {
        expect(gap).not.toMatch(/chapter/i);
        expect(after, c.text).not.toMatch(/^[%–-]\d?/);
      }
    }
    const figures = cards.flatMap(gaps).filter((g) => g.includes('90'));
    for (const g of figures) expect(g).toBe('90%');
  });

  it('never cuts a collocation the text keeps using ("open source")', () => {
    for (const c of cards) {
      for (const { before, gap, after } of surroundings(c)) {
        expect(/open\s*$/i.test(before) && /^source/i.test(gap), c.text).toBe(false);
        expect(/open$/i.test(gap) && /^\s*source/i.test(after), c.text).toBe(false);
      }
    }
  });

  it('never hides an acronym right after its expansion, nor a verb the tagger read as a noun', () => {
    for (const c of cards) {
      for (const { before, gap } of surroundings(c)) {
        expect(gap === 'SMB' && /surface mass balance \($/.test(before), c.text).toBe(false);
        expect(gap).not.toMatch(/glacier forms/i);
      }
    }
  });

  it('asks no question whose answer is an aside or whose subject is a bare common noun', () => {
    for (const c of cards.filter((x) => x.kind === 'qa')) {
      expect(c.back).not.toMatch(/^(including|e\.g\.|i\.e\.|see|usually|that)\b/i);
      expect(c.front).not.toMatch(/^What (is|are) the reason\b/i);
    }
  });

  it('cuts at most one card from a sentence of fewer than 28 words', () => {
    const bySentence = new Map<string, CardDraft[]>();
    for (const c of cards) {
      const k = `${c.source.paragraphIndex}:${c.source.start}`;
      bySentence.set(k, [...(bySentence.get(k) ?? []), c]);
    }
    for (const same of bySentence.values()) {
      const words = same[0]!.source.quote.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      if (words < 28) expect(same.length, same.map((c) => c.text ?? c.front).join(' / ')).toBe(1);
      else expect(same.length).toBeLessThanOrEqual(2);
    }
  });

  it('keeps a dotted name whole ("Node.js"), in one sentence', () => {
    const para = analyzeParagraph('If you build on Node.js, the package registry is close at hand. It is large.');
    expect(para.sentences).toHaveLength(2);
    expect(para.sentences[0]!.words.map((w) => w.text)).toContain('Node.js');
  });
});

describe('what counts as generic, and what as a fragment', () => {
  const stats = termStats(glaciers, {});
  const [p0, p1, p2, , p4] = glaciers.sections[0]!.paragraphs as [string, string, string, string, string];

  it('a common head with only common modifiers is generic; a term, a name or a specific modifier is not', () => {
    expect(isGenericPhrase(phrase(p0, 'certain amount'), stats)).toBe(true);
    expect(isGenericPhrase(phrase(p1, 'actual data'), stats)).toBe(true);
    expect(isGenericPhrase(phrase(p2, 'reason'), stats)).toBe(true);
    expect(isGenericPhrase(phrase(p0, 'firn'), stats)).toBe(false);
    expect(isGenericPhrase(phrase(p1, 'basal sliding'), stats)).toBe(false);
    expect(isGenericPhrase(phrase(p4, 'Southern Ocean'), stats)).toBe(false);
    // "glacier" is common in general English but characteristic of this text
    expect(isGenericPhrase(phrase(p1, 'whole glacier'), stats)).toBe(false);
  });

  it('an answer opening with an aside, a preposition or a participle, or holding its own verb, is a fragment', () => {
    const aside = 'including, potentially, hidden ones under fresh snow';
    expect(badAnswer(phrase(p2, aside), aside, 'np', stats)).toBe(true);
    const clause = 'a snow bridge can collapse under a single climber';
    expect(badAnswer(phrase(p2, clause), clause, 'np', stats)).toBe(true);
    expect(badAnswer(phrase(p2, clause), clause, 'clause', stats)).toBe(false);
    const prep = 'under a single climber';
    expect(badAnswer(phrase(p2, prep), prep, 'np', stats)).toBe(true);
    const good = 'a deep crack that opens where the ice is stretched';
    expect(badAnswer(phrase(p2, good), good, 'np', stats)).toBe(false);
    const open = 'surface mass balance (SMB';
    expect(badAnswer(phrase(p4, open), open, 'np', stats)).toBe(true);
  });
});

describe('questions read as questions', () => {
  const generated = generateWithReserve(terms, { kinds: termKinds });
  const cards = [...generated.cards, ...generated.reserve];
  const qa = cards.filter((c) => c.kind === 'qa').map((c) => `${c.front} ${c.back}`);

  it('agrees in number and keeps the article in lower case', () => {
    expect(qa.some((q) => q.startsWith('What are crevasses? deep cracks'))).toBe(true);
    expect(qa.some((q) => q.startsWith('What is a moraine? a ridge of rock debris'))).toBe(true);
  });

  it('answers a definition with its first sentence, and never with questions', () => {
    expect(qa).toContain('What is ablation? the loss of ice from a glacier by melting, sublimation or calving');
    expect(qa.some((q) => q.includes('How high'))).toBe(false);
  });
});
