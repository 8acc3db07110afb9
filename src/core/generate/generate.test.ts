import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CardDraft } from '../../shared/contract/card-draft';
import { Article } from '../../shared/contract/models';
import { GenerationCancelled, generateCards, generateWithReserve, looksLikeCode, type GenerateOptions, type ParagraphKind } from './index';
import { STOPWORDS } from './lexicon';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const load = <T>(name: string): T => JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as T;

const bundled = Article.parse(load('collective-self-defense.article.json'));
const technical = Article.parse(load('technical.article.json'));
const technicalKinds = load<ParagraphKind[][]>('technical.kinds.json');
const glossary = Article.parse(load('glossary.article.json'));
const glossaryKinds = load<ParagraphKind[][]>('glossary.kinds.json');

/** A text built to hold every kind of junk a card must never show. */
const junky: Article = {
  title: 'Coral reefs and ocean warming',
  meta: {},
  sections: [
    {
      heading: null,
      level: 1,
      study: true,
      paragraphs: [
        'Coral bleaching happens when heat stress makes corals expel the symbiotic algae that live in their tissues and supply most of their energy.[12] Reefs that bleach repeatedly within a few years rarely recover their former diversity of species.[3][4]',
        'Marine heatwaves &amp; <b>acidification</b> weaken the calcium carbonate skeletons that reef-building corals deposit.',
        'The Great Barrier Reef, the largest reef system on Earth, has suffered mass bleaching events in 2016, 2017 and 2020, each linked to record sea surface temperatures.',
      ],
    },
    {
      heading: 'References',
      level: 1,
      study: false,
      paragraphs: [
        'Hughes, T. P. and colleagues. Global warming and recurrent mass bleaching of corals. Nature 543, 373 to 377, published in the year 2017 by a large team.',
      ],
    },
  ],
};

type Case = { name: string; article: Article; options: GenerateOptions };
const cases: Case[] = [
  { name: 'the bundled article', article: bundled, options: {} },
  { name: 'a technical article with lists, code and tables', article: technical, options: { kinds: technicalKinds } },
  { name: 'the technical article without kinds', article: technical, options: {} },
  { name: 'a glossary with definitions', article: glossary, options: { kinds: glossaryKinds } },
  { name: 'a text full of junk', article: junky, options: {} },
];

const CLOZE = /\{\{c(\d+)::(.*?)\}\}/g;
const words = (s: string): string[] => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
const gapsOf = (text: string): string[] => [...text.matchAll(CLOZE)].map((m) => m[2]!);
const withoutGaps = (text: string): string => text.replace(CLOZE, ' ');
const filled = (text: string): string => text.replace(CLOZE, (_, _n, a: string) => a);
const answersOf = (c: CardDraft): string[] => (c.kind === 'qa' ? [c.back!] : gapsOf(c.text!));
const promptOf = (c: CardDraft): string => (c.kind === 'qa' ? c.front! : c.text!);
const norm = (w: string): string => w.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, '').replace(/(?<=\w{3})s$/, '');
const contentWords = (s: string): string[] => words(s).map(norm).filter((w) => w.length > 2 && !STOPWORDS.has(w));
const studyText = (article: Article, s: number): string => article.sections[s]!.paragraphs.join('\n');

function kindOf(c: Case, s: number, p: number): ParagraphKind {
  return c.options.kinds?.[s]?.[p] ?? (looksLikeCode(c.article.sections[s]!.paragraphs[p]!) ? 'code' : 'prose');
}

describe.each(cases)('card rules on $name', (c) => {
  const cards = generateCards(c.article, c.options);
  const { reserve } = generateWithReserve(c.article, c.options);

  it('gives valid CardDrafts whose source quote is the exact paragraph slice', () => {
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      CardDraft.parse(card);
      const paragraph = c.article.sections[card.sectionIndex]!.paragraphs[card.source.paragraphIndex]!;
      expect(card.source.quote).toBe(paragraph.slice(card.source.start, card.source.end));
      expect(card.source.quote.length).toBeGreaterThan(0);
    }
  });

  it('takes every answer word for word from its own section (and from its source sentence)', () => {
    for (const card of cards) {
      for (const answer of answersOf(card)) {
        expect(answer.trim().length).toBeGreaterThan(0);
        expect(studyText(c.article, card.sectionIndex)).toContain(answer);
        expect(card.source.quote).toContain(answer);
      }
    }
  });

  it('uses nothing from code, table rows or sections not for study', () => {
    for (const card of cards) {
      expect(c.article.sections[card.sectionIndex]!.study).toBe(true);
      expect(['prose', 'list', 'definition', 'quote']).toContain(kindOf(c, card.sectionIndex, card.source.paragraphIndex));
    }
  });

  it('shows no markup, citation markers or HTML entities', () => {
    for (const card of cards) {
      const shown = [card.text ?? '', card.front ?? '', card.back ?? ''].map((t) => t.replace(CLOZE, (_, _n, a: string) => a)).join(' ');
      expect(shown).not.toMatch(/\[\d+\]|\[citation needed\]/i);
      expect(shown).not.toMatch(/&(?:[a-z]+|#\d+);/i);
      expect(shown).not.toMatch(/<\/?[a-z][^>]*>|\*\*|`|\{\{|\}\}/i);
    }
  });

  it('has no duplicate or near-duplicate cards', () => {
    const prompts = cards.map(promptOf);
    expect(new Set(prompts).size).toBe(prompts.length);
    for (let i = 0; i < cards.length; i++) {
      for (let j = i + 1; j < cards.length; j++) {
        const a = cards[i]!;
        const b = cards[j]!;
        if (a.sectionIndex !== b.sectionIndex) continue;
        // never the same answer twice in a section
        const ka = answersOf(a).map((x) => contentWords(x).join(' ')).join('|');
        const kb = answersOf(b).map((x) => contentWords(x).join(' ')).join('|');
        expect(ka, `${promptOf(a)} / ${promptOf(b)}`).not.toBe(kb);
        // two cards from one sentence never ask for overlapping words
        if (a.source.paragraphIndex === b.source.paragraphIndex && a.source.start === b.source.start) {
          for (const x of answersOf(a)) for (const y of answersOf(b)) expect(x.includes(y) || y.includes(x), `${x} / ${y}`).toBe(false);
        }
      }
    }
  });

  it('keeps prompts at most 40 words, and at least 8 words of context around a cloze', () => {
    for (const card of cards) {
      if (card.kind === 'qa') {
        expect(words(card.front!).length).toBeLessThanOrEqual(40);
      } else {
        expect(words(filled(card.text!)).length).toBeLessThanOrEqual(40);
        expect(words(withoutGaps(card.text!)).length).toBeGreaterThanOrEqual(8);
      }
    }
  });

  it('numbers every gap c1, hides content phrases of 1–8 words, and answers questions in at most 15 words', () => {
    for (const card of cards) {
      if (card.kind === 'qa') {
        expect(words(card.back!).length).toBeGreaterThanOrEqual(1);
        expect(words(card.back!).length).toBeLessThanOrEqual(15);
        expect(card.front!.endsWith('?')).toBe(true);
        continue;
      }
      const numbers = [...card.text!.matchAll(CLOZE)].map((m) => m[1]);
      expect(numbers.every((n) => n === '1')).toBe(true);
      if (card.kind === 'list') expect(numbers.length).toBeGreaterThanOrEqual(3);
      else expect(numbers.length).toBe(1);
      for (const gap of gapsOf(card.text!)) {
        const w = words(gap);
        expect(w.length).toBeGreaterThanOrEqual(1);
        expect(w.length).toBeLessThanOrEqual(8);
        expect(STOPWORDS.has(norm(w[0]!)), gap).toBe(false);
        expect(STOPWORDS.has(w[w.length - 1]!.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, '')), gap).toBe(false);
      }
    }
  });

  it('never opens a prompt with a pronoun needing the previous sentence, nor gives the answer away', () => {
    const openers = ['this', 'that', 'these', 'those', 'it', 'its', 'they', 'them', 'their', 'such', 'he', 'she', 'his', 'her'];
    for (const card of cards) {
      const first = norm(withoutGaps(promptOf(card)).trim().split(/\s+/)[0] ?? '');
      if (card.kind === 'qa') {
        const subject = card.front!.replace(/^What (is|are|was|were|does|do|did|can|must|has|have|should|may) /, '');
        expect(openers).not.toContain(norm(subject.split(/\s+/)[0]!));
      } else {
        expect(openers, promptOf(card)).not.toContain(first);
      }
      const rest = new Set(contentWords(card.kind === 'qa' ? card.front! : withoutGaps(card.text!)));
      for (const answer of answersOf(card)) {
        if (/(?:^|\s)-{1,2}[a-z]|\w\/\w/.test(answer)) {
          // a command or a path is recalled whole: only the whole may not recur
          expect(withoutGaps(promptOf(card))).not.toContain(answer);
          continue;
        }
        for (const w of contentWords(answer)) expect(rest.has(w), `"${w}" given away in: ${promptOf(card)}`).toBe(false);
      }
    }
  });

  it('gives every study section with studiable prose a card, at most 5 cards per 100 words', () => {
    let proseWords = 0;
    c.article.sections.forEach((section, s) => {
      if (!section.study) return;
      const prose = section.paragraphs.map((_, p) => p).filter((p) => ['prose', 'list', 'definition', 'quote'].includes(kindOf(c, s, p)));
      if (prose.length === 0) return;
      // a card, or at least a candidate in reserve when the section's sentences give no card good enough
      const mine = [...cards, ...reserve].filter((card) => card.sectionIndex === s);
      // a paragraph that is all junk (markup, entities) cannot be studied
      const studiable = prose.filter((p) => !/&(?:[a-z]+|#\d+);|<\/?[a-z]/i.test(section.paragraphs[p]!));
      if (studiable.length > 0 && studiable.some((p) => words(section.paragraphs[p]!).length >= 12)) expect(mine.length, `section ${s}`).toBeGreaterThan(0);
      proseWords += prose.reduce((n, p) => n + words(section.paragraphs[p]!).length, 0);
    });
    const per100 = (cards.length / proseWords) * 100;
    expect(per100).toBeGreaterThan(0);
    expect(per100).toBeLessThanOrEqual(5);
  });

  it('gives byte-identical output for the same input, using no clock and no randomness', () => {
    const realRandom = Math.random;
    const realNow = Date.now;
    Math.random = () => {
      throw new Error('Math.random used');
    };
    Date.now = () => {
      throw new Error('Date.now used');
    };
    try {
      const again = generateCards(structuredClone(c.article), structuredClone(c.options));
      expect(JSON.stringify(again)).toBe(JSON.stringify(cards));
    } finally {
      Math.random = realRandom;
      Date.now = realNow;
    }
  });
});

describe('on the bundled article', () => {
  const cards = generateCards(bundled);
  const all = cards.map((c) => [c.text ?? '', c.front ?? '', c.back ?? ''].join(' ').toLowerCase());

  /** Each topic: every pattern must occur in one card (its prompt or its answer). */
  const topics: [string, RegExp[]][] = [
    ['Article 51 of the UN Charter as the treaty basis', [/article 51/, /un charter/]],
    ['treaty-based and customary frameworks', [/treaty/, /customary/]],
    ['necessity and proportionality, force as a last resort', [/necessity/, /proportional/]],
    ['the conditions: attribution, demonstrable threat, proportional response', [/\{\{c1::clear attribution of aggression\}\}/, /\{\{c1::demonstrable threat\}\}/, /\{\{c1::proportional response\}\}/]],
    ['UN Security Council authorization and regional security agreements', [/security council authori[sz]ation/, /regional security agreements/]],
    ['multilateral frameworks, regional organizations, peacekeeping', [/multilateral frameworks/, /regional organi[sz]ations|peacekeeping/]],
    ['the attribution problem', [/attribution problem/]],
    ['cyber operations and the armed-attack threshold', [/cyber/, /armed attack/]],
    ['civilian protection under humanitarian law', [/civilian/, /humanitarian/]],
    ['time-bound authorizations', [/time-bound authori[sz]ations/]],
  ];
  const secondary: [string, RegExp[]][] = [
    ['state responsibility for non-state actors', [/state responsibility/, /non-state actors/]],
    ['credible evidence', [/credible evidence/]],
    ['proportionality beyond casualties', [/escalation/, /civilian protection/, /mission creep/]],
  ];

  it.each(topics)('covers %s', (_name, patterns) => {
    expect(all.some((card) => patterns.every((p) => p.test(card)))).toBe(true);
  });

  /** Secondary points: a card, or a reserve candidate the learner is offered with "More cards for this section". */
  const offered = [...cards, ...generateWithReserve(bundled).reserve].map((c) => [c.text ?? '', c.front ?? '', c.back ?? ''].join(' ').toLowerCase());
  it.each(secondary)('offers %s', (_name, patterns) => {
    expect(offered.some((card) => patterns.every((p) => p.test(card)))).toBe(true);
  });

  it('asks the conditions as one list cloze, all items hidden together', () => {
    const list = cards.find((c) => c.kind === 'list' && c.text!.includes('{{c1::demonstrable threat}}'));
    expect(list).toBeDefined();
    expect(gapsOf(list!.text!)).toEqual(['clear attribution of aggression', 'demonstrable threat', 'proportional response']);
  });

  it('makes all three kinds of card', () => {
    for (const kind of ['cloze', 'qa', 'list'] as const) expect(cards.some((c) => c.kind === kind)).toBe(true);
  });

  it('generates one section alone exactly as in the whole article', () => {
    for (const s of [0, 3]) {
      const alone = generateCards(bundled, { sectionIndexes: [s] });
      expect(alone.length).toBeGreaterThan(0);
      expect(alone).toEqual(cards.filter((c) => c.sectionIndex === s));
    }
  });

  it('skips sections marked not for study', () => {
    const marked = structuredClone(bundled);
    marked.sections[2]!.study = false;
    const out = generateCards(marked);
    expect(out.some((c) => c.sectionIndex === 2)).toBe(false);
    expect(out.some((c) => c.sectionIndex === 3)).toBe(true);
  });
});

describe('on the other fixtures', () => {
  it('asks definitions as questions and expands acronyms', () => {
    const cards = generateCards(glossary, { kinds: glossaryKinds });
    const qa = cards.filter((c) => c.kind === 'qa').map((c) => `${c.front} ${c.back}`);
    expect(qa).toContain('What does NTP stand for? Network Time Protocol');
    expect(qa.some((q) => q.startsWith('What is epoch?'))).toBe(true);
    expect(cards.filter((c) => c.sectionIndex === 1).every((c) => c.kind === 'qa' || c.source.paragraphIndex >= 0)).toBe(true);
  });

  it('never uses code or table paragraphs, with or without kinds', () => {
    for (const options of [{ kinds: technicalKinds }, {}]) {
      const cards = generateCards(technical, options);
      for (const c of cards) {
        const kind = technicalKinds[c.sectionIndex]![c.source.paragraphIndex]!;
        expect(['code', 'table']).not.toContain(kind);
      }
    }
  });

  it('recognises code without being told', () => {
    expect(looksLikeCode('git switch -c feature/login\ngit commit -am "Add login form"')).toBe(true);
    expect(looksLikeCode("const conflict = files.filter((f) => f.status === 'both modified');")).toBe(true);
    expect(looksLikeCode('A merge conflict occurs when the same lines were changed differently on both branches.')).toBe(false);
  });

  it('cuts a sentence longer than a prompt into clauses, keeping only the self-contained ones', () => {
    const long: Article = {
      title: 'Rivers',
      meta: {},
      sections: [
        {
          heading: null,
          level: 1,
          study: true,
          paragraphs: [
            'The Amazon River carries more water than any other river on Earth, draining a basin of about seven million square kilometres that spans nine countries; its discharge at the mouth averages two hundred thousand cubic metres per second, which is roughly a fifth of all the fresh water that rivers deliver to the oceans, while its sediment plume can be traced far into the Atlantic Ocean.',
          ],
        },
      ],
    };
    const cards = generateCards(long);
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) {
      expect(words(filled(c.text ?? c.front ?? '')).length).toBeLessThanOrEqual(40);
      expect(long.sections[0]!.paragraphs[0]!.slice(c.source.start, c.source.end)).toBe(c.source.quote);
      expect(c.text ?? c.front).not.toMatch(/^(while|its|which)\b/i);
    }
  });

  it('strips citation markers from a cloze but keeps them in the source quote', () => {
    const generated = generateWithReserve(junky);
    const cards = [...generated.cards, ...generated.reserve];
    for (const c of cards) expect(c.text ?? c.front, c.source.quote).not.toMatch(/\[\d+\]/);
    expect(cards.some((c) => c.source.paragraphIndex === 1)).toBe(false);
  });
});

describe('long texts', () => {
  const paragraphs = bundled.sections.flatMap((s) => s.paragraphs);
  // about 100,000 words: the bundled paragraphs, varied so that no two sections are the same
  const big: Article = {
    title: 'A long book',
    meta: {},
    sections: Array.from({ length: 85 }, (_, i) => ({
      heading: `Chapter ${i + 1}`,
      level: 1,
      study: true,
      paragraphs: paragraphs.map((p, j) => (j % 2 === i % 2 ? p : p.replace(/states/g, `states of region ${i}`))),
    })),
  };

  it('reports progress, section by section, and finishes a 100,000-word text', () => {
    const total = big.sections.reduce((n, s) => n + s.paragraphs.reduce((m, p) => m + words(p).length, 0), 0);
    expect(total).toBeGreaterThan(100_000);
    const calls: [number, number][] = [];
    const cards = generateCards(big, { onProgress: (done, all) => calls.push([done, all]) });
    // the chapters repeat the bundled paragraphs: templated sentences are carded once, where they first occur
    expect(cards.length).toBeGreaterThan(10);
    expect(new Set(cards.map((c) => c.text ?? c.front)).size).toBe(cards.length);
    expect(calls.length).toBeGreaterThan(100);
    expect(calls[calls.length - 1]![0]).toBe(calls[calls.length - 1]![1]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
    // How often it reports, in time, is a bench figure (npm run bench: the "progress" suite).
  });

  it('stops promptly when cancelled, giving no cards', () => {
    let polls = 0;
    let progress = 0;
    expect(() =>
      generateCards(big, {
        onProgress: () => progress++,
        shouldCancel: () => ++polls > 50,
      }),
    ).toThrow(GenerationCancelled);
    // progress stops with the polls: nothing is analysed once cancel is seen
    expect(progress).toBeGreaterThan(0);
    expect(progress).toBeLessThan(polls);
  });
});
