import { describe, expect, it } from 'vitest';
import { guidForCardId } from './anki/guid';
import { defuseHtmlCell, readAnkiCsv, writeAnkiCsv } from './csv';
import { formatCell, parseRecords } from './delimited';
import { ankiPackageFromLectern } from './to-anki';
import { ids, sampleDoc } from './test-fixtures';
import { refusal } from '../testing/refusal';


const doc = sampleDoc();
const pkg = ankiPackageFromLectern(doc);

describe('writing Anki CSV/TSV', () => {
  const tsv = writeAnkiCsv(pkg, { separator: 'tab' });
  const lines = tsv.split('\n');

  it('starts with Anki headers naming the columns', () => {
    expect(lines.slice(0, 6)).toEqual(['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:6']);
    expect(writeAnkiCsv(pkg, { separator: 'comma' }).split('\n')[0]).toBe('#separator:comma');
  });

  it('names the stock note types and writes one row per card', () => {
    const rows = parseRecords(lines.slice(6).join('\n'), '\t');
    expect(rows).toHaveLength(doc.cards.length);
    for (const r of rows) {
      expect(r.cells).toHaveLength(6);
      expect(['Basic', 'Cloze']).toContain(r.cells[1]);
      expect(r.cells[0]).toMatch(/^[0-9A-Za-z]+$/);
    }
    const sundial = rows.find((r) => r.cells[0] === guidForCardId(ids.qaNew))!;
    expect(sundial.cells).toEqual([
      guidForCardId(ids.qaNew),
      'Basic',
      'The History of Timekeeping::1. Sundials',
      'What casts the shadow on a sundial?',
      'The gnomon',
      'sundials history_of_time',
    ]);
  });

  it('starts formula-like cells with an HTML entity; deck and tag cells with a space', () => {
    expect(defuseHtmlCell('=1+1')).toBe('&#61;1+1');
    expect(defuseHtmlCell('+1')).toBe('&#43;1');
    expect(defuseHtmlCell('-1')).toBe('&#45;1');
    expect(defuseHtmlCell('@x')).toBe('&#64;x');
    expect(defuseHtmlCell('\tx')).toBe('&#9;x');
    expect(defuseHtmlCell('\rx')).toBe('&#13;x');
    expect(defuseHtmlCell('plain = text')).toBe('plain = text');
    const rows = parseRecords(lines.slice(6).join('\n'), '\t');
    const buried = rows.find((r) => r.cells[0] === guidForCardId(ids.qaBuried))!;
    expect(buried.cells[3]).toBe('&#61;SUM(A1) is not a clock');
    expect(buried.cells[4]).toBe('&#45;5 &lt; 3 &amp; &quot;quoted&quot;<br>second line');
    expect(buried.cells[5]).toBe(' +plus');
    const loose = rows.find((r) => r.cells[0] === guidForCardId(ids.loose))!;
    expect(loose.cells[2]).toBe(' -Imported from Anki');
    expect(loose.cells[3]).toBe('&#64;mention, tabs\tand commas');
    // No cell a spreadsheet would run.
    for (const r of rows) for (const c of r.cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('quotes cells holding the separator', () => {
    expect(tsv).toContain('"&#64;mention, tabs\tand commas"');
    expect(writeAnkiCsv(pkg, { separator: 'comma' })).toContain('"&#64;mention, tabs\tand commas"');
  });
});

describe('round trip: Lectern → CSV → drafts', () => {
  for (const separator of ['tab', 'comma'] as const) {
    it(`gives back every card (${separator})`, () => {
      const { cards } = readAnkiCsv(writeAnkiCsv(pkg, { separator }));
      expect(cards).toHaveLength(doc.cards.length);
      for (const card of doc.cards) {
        const d = cards.find((c) => c.origin.guid === guidForCardId(card.id))!;
        if (card.kind === 'qa') expect(d).toMatchObject({ kind: 'qa', front: card.front, back: card.back });
        else expect(d).toMatchObject({ kind: 'cloze', text: card.text });
        expect(d.tags).toEqual(card.tags.map((t) => t.replace(/\s+/g, '_')));
        expect(d.schedule).toBeNull();
      }
      const loose = cards.find((c) => c.origin.guid === guidForCardId(ids.loose))!;
      expect(loose.deck).toBe('-Imported from Anki'); // the defusing space is trimmed, as Anki does
      expect(cards.find((c) => c.lecternCardId === ids.qaNew)!.deck).toBe('The History of Timekeeping::1. Sundials');
    });
  }
});

describe('reading Anki CSV/TSV', () => {
  it('reads the example of ANKI-FORMAT.md §11, one card per cloze number', () => {
    const text = [
      '#separator:tab',
      '#html:true',
      '#notetype column:1',
      '#deck column:2',
      '#tags column:5',
      'Basic (MyApp)\tGeo::Europe\tWhat is the capital of <b>France</b>?\tParis\tgeography europe',
      'Cloze (MyApp)\tGeo::Oceania\t{{c1::Canberra}} is the capital of {{c2::Australia}}\t\tgeography',
      '',
    ].join('\n');
    const { cards, decks } = readAnkiCsv(text);
    expect(cards.map((c) => [c.kind, c.front ?? c.text, c.deck])).toEqual([
      ['qa', 'What is the capital of France?', 'Geo::Europe'],
      ['cloze', '{{c1::Canberra}} is the capital of Australia', 'Geo::Oceania'],
      ['cloze', 'Canberra is the capital of {{c1::Australia}}', 'Geo::Oceania'],
    ]);
    expect(cards[0]!.tags).toEqual(['geography', 'europe']);
    expect(cards[1]!.origin.guid).toBe(cards[2]!.origin.guid);
    expect(decks).toEqual(['Geo::Europe', 'Geo::Oceania']);
  });

  it('handles a BOM, quoting, CRLF, comments and a guessed separator', () => {
    const text = '\ufeff#html:false\r\n"front, with comma","back with ""quotes""\nand a line"\r\n# a comment line\r\nplain,<b>kept</b>\r\n';
    const { cards } = readAnkiCsv(text);
    expect(cards.map((c) => [c.front, c.back])).toEqual([
      ['front, with comma', 'back with "quotes"\nand a line'],
      ['plain', '<b>kept</b>'],
    ]);
  });

  it('takes file-wide #deck, #notetype and #tags headers, and #columns names', () => {
    const text = '#separator:semicolon\n#deck:Spanish\n#notetype:Cloze\n#tags:lang\n#columns:Text;Extra;Tags\n{{c1::hola}};greeting;basic\n';
    const { cards } = readAnkiCsv(text);
    expect(cards).toEqual([
      expect.objectContaining({ kind: 'cloze', text: '{{c1::hola}}', extra: 'greeting', deck: 'Spanish', tags: ['lang', 'basic'] }),
    ]);
  });

  it('refuses ragged rows', () => {
    const error = refusal(() => readAnkiCsv('#separator:comma\na,b\nc,d,e\n'));
    expect(error.code).toBe('bad_input');
    expect(error.message).toMatch(/Line 3 has 3 columns, but the first row has 2/);
  });

  it('refuses unknown headers', () => {
    const error = refusal(() => readAnkiCsv('#separator:tab\n#colour:blue\na\tb\n'));
    expect(error.code).toBe('bad_input');
    expect(error.message).toMatch(/#colour/);
  });

  it('refuses a column header outside the rows, an unclosed quote, and an unknown separator', () => {
    expect(refusal(() => readAnkiCsv('#separator:tab\n#deck column:9\na\tb\n')).message).toMatch(/does not name one of the 2 columns/);
    expect(refusal(() => readAnkiCsv('#separator:comma\n"open,b\n')).message).toMatch(/never closed/);
    expect(refusal(() => readAnkiCsv('#separator:banana\na\n')).code).toBe('bad_input');
  });

  it('refuses a file over the limit', () => {
    expect(refusal(() => readAnkiCsv('a,b\n', { maxFileBytes: 2, maxEntries: 1, maxUncompressedBytes: 1 })).code).toBe('too_large');
  });
});

describe('delimited records', () => {
  it('format → parse gives any cells back', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.constantFrom('\t', ','), fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (sep, rows) => {
        // A record starting with # is a comment, as in Anki: the writer never starts a row with one (GUID first).
        const safe = rows.map((cells) => ['g', ...cells]);
        const text = safe.map((cells) => cells.map((c) => formatCell(c, sep)).join(sep)).join('\n');
        expect(parseRecords(text, sep).map((r) => r.cells)).toEqual(safe);
      }),
    );
  });
});
