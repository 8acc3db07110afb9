import { describe, expect, it } from 'vitest';
import { LecternError } from '../../shared/contract';
import { manualClock } from '../clock';
import { openCollection } from '../collection';
import { articleView, editLayout } from './articles';
import { importArticle } from './import';
import { setParagraphStudy } from './sections';

const encode = (text: string) => new TextEncoder().encode(text);
const essay = (extra = '') => `A Short Essay on Tides

The tides rise and fall twice a day because the Moon pulls on the oceans of the Earth.

Why the Sun matters

The Sun also pulls on the oceans, and when Sun and Moon line up the tides are strongest.${extra}
`;

function setup() {
  return openCollection({ path: ':memory:', clock: manualClock(Date.UTC(2026, 4, 1, 12)) });
}

const everything = (col: ReturnType<typeof setup>) =>
  JSON.stringify(['articles', 'decks', 'cards'].map((t) => col.db.prepare(`SELECT * FROM ${t}`).all()));

describe('importArticle', () => {
  it('stores a new article with its own deck', () => {
    const col = setup();
    const result = importArticle(col, { bytes: encode(essay()), fileName: 'tides.txt', source: '/notes/tides.txt' });
    expect(result.outcome).toBe('created');
    expect(result.article.title).toBe('A Short Essay on Tides');
    expect(result.article.sections.map((s) => s.heading)).toEqual([null, 'Why the Sun matters']);
    expect(col.db.prepare('SELECT name, preset_id AS presetId FROM decks').all()).toEqual([
      { name: 'A Short Essay on Tides', presetId: 'default' },
    ]);
  });

  it('changes nothing when the same text is imported again, even from elsewhere or with other line endings', () => {
    const col = setup();
    const first = importArticle(col, { bytes: encode(essay()), fileName: 'tides.txt', source: '/notes/tides.txt' });
    const before = everything(col);
    const again = importArticle(col, { bytes: encode(essay().replace(/\n/g, '\r\n')), fileName: 'copy.txt', source: '/elsewhere/copy.txt' });
    expect(again).toMatchObject({ outcome: 'unchanged', articleId: first.articleId });
    expect(everything(col)).toBe(before);
  });

  it('updates the article when a changed text comes from the same source', () => {
    const col = setup();
    const first = importArticle(col, { bytes: encode(essay()), fileName: 'tides.txt', source: '/notes/tides.txt' });
    const changed = importArticle(col, {
      bytes: encode(essay('\n\nSpring tides come at new and full moon, neap tides at the quarters.')),
      fileName: 'tides.txt',
      source: '/notes/tides.txt',
    });
    expect(changed).toMatchObject({ outcome: 'updated', articleId: first.articleId });
    const stored = col.db.prepare('SELECT sections FROM articles').get() as { sections: string };
    expect(stored.sections).toContain('Spring tides');
    expect(col.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 1 });
  });

  it.each([
    ['an empty file', new Uint8Array(), /empty/i],
    ['a binary file', new Uint8Array([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]), /binary/i],
    ['HTML that is only scripts and styles', encode('<html><head><style>p{}</style></head><body><script>alert(1)</script></body></html>'), /text/i],
    ['text in an encoding that cannot be recognised', Uint8Array.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x20 : 0x80 + (i % 32)))), /UTF-8/],
    ['a document with no text', encode('---\ntitle: Only front matter\n---\n\n{% include x.html %}\n'), /no readable text/],
  ])('refuses %s with a clear message and stores nothing', (_what, bytes, message) => {
    const col = setup();
    const before = everything(col);
    const name = _what.startsWith('HTML') ? 'page.html' : _what.includes('no text') ? 'notes.md' : 'file.txt';
    let error: unknown;
    try {
      importArticle(col, { bytes, fileName: name, source: null });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).message).toMatch(message);
    expect(everything(col)).toBe(before);
  });

  it('refuses a file over the 50 MB limit and says which limit', () => {
    const col = setup();
    const big = new Uint8Array(50 * 1024 * 1024 + 1).fill(97);
    expect(() => importArticle(col, { bytes: big, fileName: 'big.txt', source: null })).toThrow(/50 MB/);
    expect(col.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 });
  });
});

describe('a text that is not in English', () => {
  it('is imported with a warning that its cards will be weaker', () => {
    const col = setup();
    const german = `Die Gezeiten

Die Gezeiten steigen und fallen zweimal am Tag, weil der Mond an den Ozeanen der Erde zieht und die Sonne dabei hilft.

Warum die Sonne wichtig ist

Auch die Sonne zieht an den Ozeanen, und wenn Sonne und Mond in einer Linie stehen, sind die Gezeiten am stärksten.
`;
    const result = importArticle(col, { bytes: encode(german), fileName: 'gezeiten.txt', source: null });
    expect(result.outcome).toBe('created');
    expect(result.warnings.join(' ')).toMatch(/not look like English.*weaker/);
  });
});

describe('where an import comes from', () => {
  it('never lets two different files that only share a name update each other', () => {
    const col = setup();
    const first = importArticle(col, { bytes: encode(essay()), fileName: 'notes.txt', source: 'file:notes.txt' });
    const other = importArticle(col, {
      bytes: encode('Volcanoes\n\nA volcano is a rupture in the crust of a planet that lets hot lava, ash and gases escape from below the surface.\n'),
      fileName: 'notes.txt',
      source: 'file:notes.txt',
    });
    expect(other.outcome).toBe('created');
    expect(other.articleId).not.toBe(first.articleId);
    expect(col.db.prepare('SELECT title FROM articles ORDER BY title').all()).toEqual([{ title: 'A Short Essay on Tides' }, { title: 'Volcanoes' }]);
  });

  it('keeps a passage out of study when a changed version of the same file is imported', () => {
    const col = setup();
    const { articleId } = importArticle(col, { bytes: encode(essay()), fileName: 'tides.txt', source: '/notes/tides.txt' });
    editLayout(col, articleId, (layout) => setParagraphStudy(layout, 0, 0, false));
    col.db.prepare('DELETE FROM cards WHERE section_index = 0 AND source_paragraph = 0').run();
    importArticle(col, { bytes: encode(essay('\n\nSpring tides come at new and full moon, neap tides at the quarters.')), fileName: 'tides.txt', source: '/notes/tides.txt' });
    const view = articleView(col, articleId);
    expect(view.sections[0]!.excluded[0]).toBe(true);
    expect(col.db.prepare('SELECT count(*) AS n FROM cards WHERE section_index = 0 AND source_paragraph = 0').get()).toEqual({ n: 0 });
  });
});
