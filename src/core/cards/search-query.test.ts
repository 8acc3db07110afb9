import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGlob, parseSearch, SearchSyntaxError, type SearchNode, type SearchTerm } from './search-query';
import { globRegex, searchToSql, type SearchContext } from './search-sql';

const term = (t: SearchTerm): SearchNode => ({ type: 'term', term: t });
const text = (s: string): SearchNode => term({ type: 'text', glob: parseGlob(s) });
const and = (...nodes: SearchNode[]): SearchNode => ({ type: 'and', nodes });
const or = (...nodes: SearchNode[]): SearchNode => ({ type: 'or', nodes });
const not = (node: SearchNode): SearchNode => ({ type: 'not', node });

function refusal(query: string): string {
  try {
    parseSearch(query);
  } catch (error) {
    expect(error).toBeInstanceOf(SearchSyntaxError);
    return (error as Error).message;
  }
  throw new Error(`"${query}" was accepted`);
}

describe("Anki's search language: structure", () => {
  it('reads words, phrases, negation, and / or and parentheses as Anki does', () => {
    expect(parseSearch('')).toEqual(term({ type: 'all' }));
    expect(parseSearch('   ')).toEqual(term({ type: 'all' }));
    expect(parseSearch('rule -phony')).toEqual(and(text('rule'), not(text('phony'))));
    expect(parseSearch('"a phrase"')).toEqual(text('a phrase'));
    expect(parseSearch('dog or cat')).toEqual(or(text('dog'), text('cat')));
    expect(parseSearch('dog OR cat mouse')).toEqual(or(text('dog'), and(text('cat'), text('mouse'))));
    expect(parseSearch('dog and cat')).toEqual(and(text('dog'), text('cat')));
    expect(parseSearch('(dog or cat) mouse')).toEqual(and(or(text('dog'), text('cat')), text('mouse')));
    expect(parseSearch('hello  -(world and "foo bar") OR test')).toEqual(
      or(and(text('hello'), not(and(text('world'), text('foo bar')))), text('test')),
    );
    // Spaces are optional where the parts are clear, as in Anki.
    expect(parseSearch('a"b"(c)')).toEqual(parseSearch('a b (c)'));
    // A dash that cannot negate is text.
    expect(parseSearch('-')).toEqual(text('-'));
    expect(parseSearch('A-')).toEqual(text('A-'));
    expect(parseSearch('"-A"')).toEqual(parseSearch('\\-A'));
    expect(parseSearch('-A')).toEqual(not(text('A')));
    expect(parseSearch('-and')).toEqual(not(text('and')));
    expect(parseSearch('"and"')).toEqual(text('and'));
  });

  it('keeps wildcards and escapes apart', () => {
    expect(parseGlob('te*st')).toEqual([{ kind: 'text', text: 'te' }, { kind: 'any' }, { kind: 'text', text: 'st' }]);
    expect(parseGlob('d_g')).toEqual([{ kind: 'text', text: 'd' }, { kind: 'one' }, { kind: 'text', text: 'g' }]);
    expect(parseGlob('a\\*b\\_c\\\\')).toEqual([{ kind: 'text', text: 'a*b_c\\' }]);
    expect(parseSearch('\\"\\:\\(\\)\\-')).toEqual(text('\\"\\:\\(\\)\\-'));
    expect((parseSearch('\\"\\:\\(\\)\\-') as { term: { glob: unknown } }).term.glob).toEqual([{ kind: 'text', text: '":()-' }]);
    expect(parseSearch('field\\:value')).toEqual(text('field\\:value'));
    expect(refusal('a\\b')).toMatch(/“\\b” is not an escape/);
    expect(refusal('ends\\')).toMatch(/lone backslash|escape/);
  });

  it('reads every key Lectern knows, with quoting after the colon', () => {
    expect(parseSearch('deck:"Field Notes"')).toEqual(term({ type: 'deck', glob: parseGlob('Field Notes') }));
    expect(parseSearch('"deck:Field Notes"')).toEqual(parseSearch('deck:"Field Notes"'));
    expect(parseSearch('deck:Field*')).toEqual(term({ type: 'deck', glob: parseGlob('Field*') }));
    expect(parseSearch('deck:*')).toEqual(term({ type: 'all' }));
    expect(parseSearch('DECK:x')).toEqual(term({ type: 'deck', glob: parseGlob('x') }));
    expect(parseSearch('section:Formation')).toEqual(term({ type: 'section', glob: parseGlob('Formation') }));
    expect(parseSearch('tag:ice')).toEqual(term({ type: 'tag', glob: parseGlob('ice') }));
    expect(parseSearch('tag:none')).toEqual(term({ type: 'untagged' }));
    expect(parseSearch('tag:*')).toEqual(term({ type: 'all' }));
    for (const state of ['new', 'learn', 'review', 'due', 'suspended', 'buried'] as const) {
      expect(parseSearch(`is:${state}`)).toEqual(term({ type: 'state', state }));
    }
    expect(parseSearch('flag:0')).toEqual(term({ type: 'flag', flag: 0 }));
    expect(parseSearch('flag:7')).toEqual(term({ type: 'flag', flag: 7 }));
    expect(parseSearch('card:cloze')).toEqual(term({ type: 'card', glob: parseGlob('cloze') }));
    expect(parseSearch('card:2')).toEqual(term({ type: 'ord', ord: 2 }));
    expect(parseSearch('card:0')).toEqual(term({ type: 'ord', ord: 1 }));
    expect(parseSearch('prop:ivl>=10')).toEqual(term({ type: 'prop', prop: 'ivl', op: '>=', value: 10 }));
    expect(parseSearch('prop:due=-1')).toEqual(term({ type: 'prop', prop: 'due', op: '=', value: -1 }));
    expect(parseSearch('prop:ease!=2.5')).toEqual(term({ type: 'prop', prop: 'ease', op: '!=', value: 2.5 }));
    expect(parseSearch('prop:r<0.9')).toEqual(term({ type: 'prop', prop: 'r', op: '<', value: 0.9 }));
    expect(parseSearch('prop:s>.5')).toEqual(term({ type: 'prop', prop: 's', op: '>', value: 0.5 }));
    expect(parseSearch('prop:d<=0.3')).toEqual(term({ type: 'prop', prop: 'd', op: '<=', value: 0.3 }));
    expect(parseSearch('prop:reps>3')).toEqual(term({ type: 'prop', prop: 'reps', op: '>', value: 3 }));
    expect(parseSearch('prop:lapses=0')).toEqual(term({ type: 'prop', prop: 'lapses', op: '=', value: 0 }));
    expect(parseSearch('rated:3')).toEqual(term({ type: 'rated', days: 3, rating: null }));
    expect(parseSearch('rated:2:1')).toEqual(term({ type: 'rated', days: 2, rating: 1 }));
    expect(parseSearch('rated:0')).toEqual(term({ type: 'rated', days: 1, rating: null }));
    expect(parseSearch('added:7')).toEqual(term({ type: 'added', days: 7 }));
    expect(parseSearch('added:0')).toEqual(parseSearch('added:1'));
    expect(parseSearch('edited:2')).toEqual(term({ type: 'edited', days: 2 }));
    expect(parseSearch('passage:changed')).toEqual(term({ type: 'passage', status: 'changed' }));
    expect(parseSearch('front:*bird*')).toEqual(term({ type: 'field', field: 'front', glob: parseGlob('*bird*') }));
  });

  it('refuses a malformed search with a sentence that says what is wrong', () => {
    expect(refusal('foo and')).toMatch(/“and” must stand between two search terms/);
    expect(refusal('and foo')).toMatch(/“and” must stand between/);
    expect(refusal('or')).toMatch(/“or” must stand between/);
    expect(refusal('a or or b')).toMatch(/not after “or”/);
    expect(refusal('()')).toMatch(/empty pair of parentheses/);
    expect(refusal('(foo () bar)')).toMatch(/empty pair of parentheses/);
    expect(refusal(')')).toMatch(/\) .*has no \(/);
    expect(refusal('(foo) bar)')).toMatch(/has no \(/);
    expect(refusal('(')).toMatch(/never closed/);
    expect(refusal('foo ( bar')).toMatch(/never closed: add a \)/);
    expect(refusal('""')).toMatch(/empty pair of quotes/);
    expect(refusal('" foo')).toMatch(/quote .* never closed/);
    expect(refusal(':foo')).toMatch(/starts with a colon/);
    expect(refusal('is:nw')).toMatch(/“is:nw” is not a state.*is:new/);
    expect(refusal('flag:8')).toMatch(/flag: takes 0 \(no flag\) to 7/);
    expect(refusal('flag:x')).toMatch(/flag:/);
    expect(refusal('prop:foo>1')).toMatch(/not a property/);
    expect(refusal('prop:ivl')).toMatch(/prop:ivl needs a comparison/);
    expect(refusal('prop:ivl>3.5')).toMatch(/whole number/);
    expect(refusal('prop:ivl>-3')).toMatch(/whole number/);
    expect(refusal('prop:due>x')).toMatch(/prop:due takes a whole number/);
    expect(refusal('prop:ease<abc')).toMatch(/prop:ease takes a number/);
    expect(refusal('rated:x')).toMatch(/rated:/);
    expect(refusal('rated:1:5')).toMatch(/must be 1 \(Again\)/);
    expect(refusal('added:-1')).toMatch(/added:/);
    expect(refusal('nid:123')).toMatch(/Lectern has no search “nid:”/);
    expect(refusal('is:')).toMatch(/needs a value/);
    expect(refusal('passage:lost')).toMatch(/passage: takes ok, changed, missing or none/);
    expect(refusal('('.repeat(200) + 'a' + ')'.repeat(200))).toMatch(/more than 100 deep/);
  });
});

const context: SearchContext = {
  now: 1_000_000,
  todayEnd: 2_000_000,
  learnAheadMs: 1200,
  dayBounds: (offset) => ({ start: offset * 10, end: offset * 10 + 10 }),
  decksMatching: () => ({ deckIds: ['d1'], sections: [] }),
  sectionsMatching: () => [],
};

describe('the SQL a search becomes', () => {
  it('passes every value from the user as a parameter, never in the SQL text', () => {
    const hostile = `x'); DROP TABLE cards; --`;
    for (const query of [`"${hostile}"`, `tag:"${hostile}"`, `front:"${hostile}"`]) {
      const { sql, params } = searchToSql(parseSearch(query), context);
      expect(sql.toLowerCase()).not.toContain('drop');
      expect(JSON.stringify(params).toLowerCase()).toContain('drop table');
    }
    // Deck and section names are looked up by the caller; only ids reach the SQL, as a parameter.
    const { sql } = searchToSql(parseSearch(`deck:"${hostile}" section:"${hostile}"`), context);
    expect(sql.toLowerCase()).not.toContain('drop');
  });

  it('anchors field and tag globs, leaves word searches open, and escapes regex characters', () => {
    expect(globRegex(parseGlob('a.b*'), false)).toBe('a\\.b.*');
    expect(globRegex(parseGlob('Ünïcode_'), true)).toBe('^(?:unicode.)$');
    expect(new RegExp(globRegex(parseGlob('ice'), true, '(?:::.*)?'), 'isu').test('ice::glacial')).toBe(true);
    expect(new RegExp(globRegex(parseGlob('ice'), true, '(?:::.*)?'), 'isu').test('iceberg')).toBe(false);
  });
});

describe('the parser never crashes', () => {
  const alphabet = fc.constantFrom(...'ab -()"\\:*_<>=!.0123456789'.split(''), 'and', 'or', 'is:', 'prop:', 'deck:', 'tag:', 'rated:', 'flag:', 'card:', 'é', '\u3000');
  it('either parses into SQL or refuses with a SearchSyntaxError, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join(''))), (query) => {
        try {
          const node = parseSearch(query);
          const { sql } = searchToSql(node, context);
          expect(sql.length).toBeGreaterThan(0);
        } catch (error) {
          if (!(error instanceof SearchSyntaxError)) throw error;
          expect(error.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
