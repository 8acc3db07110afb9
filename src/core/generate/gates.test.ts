import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../shared/contract/models';
import { parseArticleFile } from '../article';
import { analyzeParagraph } from './analyze';
import { headingSubject, isBoilerplate, isGivenAway, unitGate } from './gates';
import { generateCards, generateWithReserve, type ParagraphKind } from './index';
import { termStats } from './stats';
import { codeSpans } from './tokens';
import { buildUnits } from './units';

/** Each gate on sentences from real documents (eval/docs: semver, twelve-factor, Node.js timers, ripgrep, DMCA policy). */

const oneSection = (heading: string | null, paragraphs: string[]): Article => ({ title: 'Doc', meta: {}, sections: [{ heading, level: 1, study: true, paragraphs }] });

function gateOf(heading: string | null, paragraph: string): (string | undefined)[] {
  const article = oneSection(heading, [paragraph]);
  const stats = termStats(article, {});
  return buildUnits(0, [{ index: 0, para: analyzeParagraph(paragraph) }]).map((u) => unitGate(u, { heading, title: 'Doc', stats }));
}

describe('boilerplate', () => {
  it('refuses licence lines, the document talking about itself, the author speaking, and rhetoric', () => {
    expect(isBoilerplate('Creative Commons - CC BY 3.0', null)).toBe(true);
    expect(isBoilerplate('This guide is intended to give an elementary description of ripgrep and an overview of its capabilities.', null)).toBe(true);
    expect(isBoilerplate('As a solution to this problem, I propose a simple set of rules and requirements.', null)).toBe(true);
    expect(isBoilerplate("Doesn't it just make sense to update these laws that apply to software?", null)).toBe(true);
    expect(isBoilerplate('The Semantic Versioning specification is authored by Tom Preston-Werner.', 'About')).toBe(false);
    expect(isBoilerplate('If you’d like to leave feedback, please open an issue.', 'License')).toBe(true);
  });

  it('keeps what the subject says, even about copyright', () => {
    expect(isBoilerplate('DMCA takedown notices are used by copyright owners to ask GitHub to take down infringing content.', null)).toBe(false);
    expect(isBoilerplate('Sticky sessions are a violation of twelve-factor and should never be used or relied upon.', null)).toBe(false);
  });
});

describe('token boundaries', () => {
  it('keeps identifiers, paths, flags, versions and globs as single tokens', () => {
    const text = 'Z_BUF_ERROR is raised when C/C++ code reads config/database.yml, $HOME/.gitignore or *.toml with --no-ignore, -uu and 1.0.0-alpha+001; call timeout.unref().';
    const tokens = codeSpans(text).map((s) => text.slice(s.start, s.end));
    expect(tokens).toEqual(['Z_BUF_ERROR', 'C/C++', 'config/database.yml', '$HOME/.gitignore', '*.toml', '--no-ignore', '-uu', '1.0.0-alpha+001', 'timeout.unref()']);
    const words = analyzeParagraph(text).sentences.flatMap((s) => s.words.map((w) => w.text));
    for (const t of tokens) expect(words).toContain(t);
  });

  it('never cuts a gap inside a technical token in generated cards', () => {
    const article = oneSection('Automatic filtering', [
      'You can disable all ignore-related filtering with the --no-ignore flag, and hidden files and directories can be searched with the --hidden flag.',
      'ripgrep treats .ignore files with higher precedence than .gitignore files, and treats .rgignore files with higher precedence than .ignore files.',
    ]);
    const { cards, reserve } = generateWithReserve(article);
    for (const c of [...cards, ...reserve]) {
      for (const m of (c.text ?? '').matchAll(/\{\{c1::(.*?)\}\}/g)) {
        const after = (c.text ?? '').slice(m.index + m[0].length, m.index + m[0].length + 1);
        const before = (c.text ?? '').slice(Math.max(0, m.index - 1), m.index);
        expect(before + after, c.text).not.toMatch(/[\w.-]{2}/);
      }
    }
  });
});

describe('self-contained', () => {
  it('puts a subject that lives only in a technical heading into the card', () => {
    expect(headingSubject('setTimeout(callback, delay[, ...args])')).toBe('setTimeout()');
    expect(headingSubject('timeout.ref()')).toBe('timeout.ref()');
    expect(headingSubject('Class: Immediate')).toBe('Immediate');
    expect(headingSubject('Negative Feedback')).toBeUndefined();
    const article = oneSection('setTimeout(callback, delay[, ...args])', ['Schedules execution of a one-time callback after delay milliseconds when the timer elapses in the event loop.']);
    const { cards, reserve } = generateWithReserve(article);
    const all = [...cards, ...reserve].map((c) => c.text ?? c.front ?? '');
    expect(all.length).toBeGreaterThan(0);
    for (const t of all) expect(t).toMatch(/^setTimeout\(\) schedules /);
  });

  it('refuses a sentence that points back with a pronoun or a demonstrative it cannot resolve', () => {
    expect(gateOf('III. Config', 'This is a violation of twelve-factor, which requires strict separation of config from code.')).toEqual(['self-contained']);
    expect(gateOf('Why Use Semantic Versioning?', 'These rules are based on but not necessarily limited to pre-existing widespread common practices.')).toEqual(['self-contained']);
    expect(gateOf('When delay is not a number', 'Schedules repeated execution of callback every delay milliseconds under the event loop.')).toEqual(['self-contained']);
  });
});

describe('reversal', () => {
  it('carries a sentence on into the next one that reverses it, or refuses it when both do not fit', () => {
    const para = 'Lightweight local services are less compelling than they once were. However, adapters to different backing services are still useful.';
    const article = oneSection('X. Dev/prod parity', [para]);
    const stats = termStats(article, {});
    const [first] = buildUnits(0, [{ index: 0, para: analyzeParagraph(para) }]);
    expect(unitGate(first!, { heading: 'X. Dev/prod parity', title: 'Doc', stats })).toBeUndefined();
    expect(first!.extended).toBe(true);
    expect(para.slice(first!.quoteStart, first!.quoteEnd)).toBe(para);
  });
});

describe('templates', () => {
  it('cards a templated sentence once, where it first occurs', () => {
    const article: Article = {
      title: 'Timers',
      meta: {},
      sections: ['immediate.ref()', 'timeout.ref()'].map((h) => ({
        heading: h,
        level: 2,
        study: true,
        paragraphs: [`By default, all ${h.startsWith('i') ? 'Immediate' : 'Timeout'} objects are ref'ed, making it normally unnecessary to call ${h} unless the unref method had been called previously.`],
      })),
    };
    const { cards, reserve } = generateWithReserve(article);
    expect([...cards, ...reserve].some((c) => c.sectionIndex === 1)).toBe(false);
  });
});

describe('giveaway', () => {
  it('sees the answer in a variant of its word, in its acronym, or in its expansion', () => {
    expect(isGivenAway('proportionality', 'responses must be proportionate to the threat and necessary')).toBe(true);
    expect(isGivenAway('garbage collector', 'In most languages without a GC, memory is freed by hand')).toBe(true);
    expect(isGivenAway('NTP', 'The Network Time Protocol corrects drift by exchanging timestamps')).toBe(true);
    expect(isGivenAway('continuous deployment', 'The twelve-factor app is designed for keeping the gap between development and production small')).toBe(false);
  });
});

describe('question support', () => {
  it('asks no opinion question and no hedged one', () => {
    const article = oneSection('Introduction', [
      'Jurists emphasize that the right to collective self-defense is not unlimited and that it is tethered to specific conditions.',
      'Apps sometimes store config as constants in the code, which scatters credentials across the repository.',
    ]);
    const { cards, reserve } = generateWithReserve(article);
    const questions = [...cards, ...reserve].filter((c) => c.kind === 'qa').map((c) => c.front);
    expect(questions).not.toContain('What do jurists emphasize?');
    expect(questions.some((q) => /sometimes/.test(q ?? ''))).toBe(false);
  });
});

describe('what a draft carries', () => {
  it('gives every chosen and reserve draft its rule, key term, score and named features', () => {
    const article = oneSection('III. Config', [
      "An app's config is everything that is likely to vary between deploys, such as staging, production and developer environments.",
      'The twelve-factor app stores config in environment variables, which are easy to change between deploys without changing any code.',
    ]);
    const { cards, reserve } = generateWithReserve(article);
    expect(cards.length).toBeGreaterThan(0);
    for (const c of [...cards, ...reserve]) {
      expect(c.rule).toBeDefined();
      expect(c.keyTerm).toBeTruthy();
      expect(typeof c.score).toBe('number');
      expect(Object.keys(c.features ?? {})).toEqual(expect.arrayContaining(['term', 'salience', 'concept', 'definitional', 'normative', 'centrality']));
    }
    const best = Math.min(...cards.map((c) => c.score ?? 0));
    for (const r of reserve.filter((x) => x.sectionIndex === 0)) expect(r.score ?? 0).toBeLessThanOrEqual(Math.max(best, 1));
  });
});

describe('the gap is the fact of its sentence', () => {
  const evalDoc = (file: string) => {
    const parsed = parseArticleFile(readFileSync(fileURLToPath(new URL(`../../../eval/docs/${file}`, import.meta.url))), file);
    return generateCards(parsed.article, { kinds: parsed.kinds });
  };
  const gaps = (text: string) => [...text.matchAll(/\{\{c1::(.*?)\}\}/g)].map((m) => m[1]!);

  it('hides the figure, the flag or the specific term, not the text’s own subject or a generic noun', () => {
    const dmca = evalDoc('dmca-takedown-policy.md');
    const ripgrep = evalDoc('ripgrep-guide.md');
    const subjects = /^(?:GitHub|ripgrep|the user|users?|content|repository|developers?|functionality)$/i;
    for (const c of [...dmca, ...ripgrep]) for (const g of gaps(c.text ?? '')) expect(g, c.text).not.toMatch(subjects);
    expect(dmca.some((c) => gaps(c.text ?? '').includes('10-14 days'))).toBe(true);
    expect(ripgrep.some((c) => gaps(c.text ?? '').includes('--no-ignore'))).toBe(true);
  });

  it('asks one card per sentence', () => {
    for (const cards of [evalDoc('semver.md'), evalDoc('twelve-factor.md')]) {
      const sentences = cards.map((c) => `${c.sectionIndex}:${c.source.paragraphIndex}:${c.source.start}`);
      expect(new Set(sentences).size).toBe(sentences.length);
    }
  });
});

describe('self-contained, more', () => {
  it('refuses a sentence that opens on a case or a time the previous one set up', () => {
    expect(gateOf(null, 'In both cases, only the resource handle in the config needs to change for the app.')).toEqual(['self-contained']);
    expect(gateOf(null, 'Until then, please use the appropriate parser and plugins for your experimental feature.')).toEqual(['self-contained']);
    expect(gateOf(null, 'Otherwise, the delay is taken as the number of milliseconds to wait before the call.')).toEqual(['self-contained']);
  });

  it('keeps an "it" that points forward', () => {
    expect(gateOf(null, 'It is the policy of GitHub, in appropriate circumstances and in its sole discretion, to disable the accounts of repeat infringers.')).toEqual([undefined]);
  });

  it('refuses a list item that leans on the item it sits under, or has no verb', () => {
    const items = ['Minor release (might break your lint build)', 'A new rule is created.', 'Resource handles to the database, Memcached, and other backing services'];
    const units = buildUnits(0, items.map((text, index) => ({ index, para: analyzeParagraph(text), kind: 'list' })));
    expect(units.map((u) => u.dependentItem ?? false)).toEqual([false, true, true]);
    const prose = buildUnits(0, [{ index: 0, para: analyzeParagraph('A new rule is created whenever a pattern is reported often enough.'), kind: 'prose' }]);
    expect(prose[0]!.dependentItem).toBeUndefined();
  });
});

describe('boilerplate, more', () => {
  it('refuses greetings, tutorial narration and pointers elsewhere', () => {
    expect(isBoilerplate('Welcome to GitHub’s Guide to the Digital Millennium Copyright Act, commonly known as the “DMCA.”', null)).toBe(true);
    expect(isBoilerplate("In our source code, let's say we wanted to see which things depend on lexopt, our argument parser.", null)).toBe(true);
    expect(isBoilerplate('If we wanted, we could tell ripgrep to search anything but the TOML files.', null)).toBe(true);
    expect(isBoilerplate('We believe that transparency is a virtue.', null)).toBe(true);
  });

  it('does not take a large figure for a telephone number', () => {
    expect(isBoilerplate('When delay is larger than 2147483647 or less than 1, the delay will be set to 1.', null)).toBe(false);
    expect(isBoilerplate('Call us at (555) 123-4567 for help.', null)).toBe(true);
  });
});

describe('duplicates', () => {
  it('asks a figure where the article first states it, and a term the prose defines once', () => {
    const article: Article = {
      title: 'Takedowns',
      meta: {},
      sections: [
        { heading: 'Notices', level: 2, study: true, paragraphs: ['After a notice, the owner of the repository gets approximately 24 hours to delete or modify the content.'] },
        { heading: 'Changes', level: 2, study: true, paragraphs: ['Owners who make the specified changes must tell the staff so within the approximate 24-hour window.'] },
        { heading: 'Terms', level: 2, study: true, paragraphs: ['A counter notice is a formal request to restore content that was disabled by mistake.', 'Counter notice: a formal request to restore content that was disabled by mistake'] },
      ],
    };
    const kinds = [['prose'], ['prose'], ['prose', 'definition']] as ParagraphKind[][];
    const { cards, reserve } = generateWithReserve(article, { kinds });
    const all = [...cards, ...reserve];
    expect(all.some((c) => c.sectionIndex === 0 && /\{\{c1::24 hours\}\}/.test(c.text ?? ''))).toBe(true);
    expect(all.some((c) => /\{\{c1::24-hour window\}\}/.test(c.text ?? ''))).toBe(false);
    expect(all.some((c) => c.sectionIndex === 2 && c.source.paragraphIndex === 1)).toBe(false);
  });

  it('gives no list card of the examples a sentence mentions', () => {
    const { cards, reserve } = generateWithReserve(
      oneSection('History', ['With damages that high, cloud-computing and user-generated content sites like YouTube, Facebook or GitHub probably never would have existed at all.']),
    );
    expect([...cards, ...reserve].some((c) => c.kind === 'list')).toBe(false);
  });
});
