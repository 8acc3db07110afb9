import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMIT_BYTES } from '../../shared/contract';
import { detectFormat, parseArticleFile, parseArticleText, SUPPORTED_EXTENSIONS } from './index';
import { refusal } from '../testing/refusal';

const utf8 = (s: string) => new TextEncoder().encode(s);
const fixtureBytes = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const PROSE = 'Tide Notes\n\nThe tide rises twice a day in most harbours, and the pilots plan their crossings around the high water.\n';


describe('decoding', () => {
  it('reads UTF-8 with and without a BOM, and UTF-16 with either BOM', () => {
    const plain = parseArticleFile(utf8(PROSE), 'notes.txt');
    const bom = parseArticleFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(PROSE)]), 'notes.txt');
    const le = parseArticleFile(new Uint8Array([0xff, 0xfe, ...iconv.encode(PROSE, 'utf-16le')]), 'notes.txt');
    const be = parseArticleFile(new Uint8Array([0xfe, 0xff, ...iconv.encode(PROSE, 'utf-16be')]), 'notes.txt');
    for (const r of [bom, le, be]) {
      expect(r.article).toEqual(plain.article);
      expect(r.text).toBe(PROSE);
    }
    expect(plain.article.title).toBe('Tide Notes');
  });

  it('detects a legacy encoding and says so', () => {
    const text = 'Les marées\n\nLes marées de l’été sont très fortes à Saint-Malo, où la mer monte très vite.\n';
    const r = parseArticleFile(iconv.encode(text, 'windows-1252'), 'marees.txt');
    expect(r.text).toBe(text);
    expect(r.warnings[0]).toMatch(/not UTF-8; it was read as windows-1252/i);
  });

  it('refuses text whose encoding cannot be recognised', () => {
    const bytes = Uint8Array.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x20 : 0x80 + (i % 32))));
    const e = refusal(() => parseArticleFile(bytes, 'odd.txt'));
    expect(e.code).toBe('bad_input');
    expect(e.message).toMatch(/not UTF-8.*save it as UTF-8/);
  });
});

describe('bad input', () => {
  it('refuses an empty file and a file of blank lines', () => {
    expect(refusal(() => parseArticleFile(new Uint8Array(), 'empty.txt')).message).toBe('The file is empty.');
    expect(refusal(() => parseArticleFile(utf8(' \n\n\t\n'), 'blank.md')).code).toBe('bad_input');
  });

  it('refuses binary files, naming known formats', () => {
    const pdf = refusal(() => parseArticleFile(utf8('%PDF-1.7\n...'), 'paper.txt'));
    expect(pdf.code).toBe('bad_input');
    expect(pdf.message).toMatch(/PDF/);
    const nul = refusal(() => parseArticleFile(new Uint8Array([0x48, 0x69, 0x00, 0x01, 0x02, 0x03]), 'data.bin'));
    expect(nul.message).toMatch(/binary file/);
  });

  it('refuses a file over the import limit and says the limit', () => {
    const e = refusal(() => parseArticleFile(new Uint8Array(IMPORT_LIMIT_BYTES + 1), 'huge.txt'));
    expect(e.code).toBe('too_large');
    expect(e.message).toMatch(/50 MB/);
  });

  it('refuses HTML that is only scripts and styles, and documents with no text', () => {
    const scripts = refusal(() => parseArticleFile(utf8('<html><head><style>p{}</style></head><body><script>var a = 1;</script></body></html>'), 'page.html'));
    expect(scripts.code).toBe('bad_input');
    expect(scripts.message).toMatch(/only scripts and styles/);
    expect(refusal(() => parseArticleFile(utf8('<html><body><div><img src="a.png"></div></body></html>'), 'img.html')).message).toMatch(/no readable text/);
    expect(refusal(() => parseArticleFile(utf8('---\ntitle: Only front matter\n---\n\n{% include x.html %}\n'), 'x.md')).message).toMatch(/no readable text/);
    expect(refusal(() => parseArticleText('ADVERTISEMENT\nADVERTISEMENT\n', 'text')).message).toMatch(/no readable text/);
  });

  it('parses a document that is not in English but warns that cards will be weaker', () => {
    const german =
      'Gezeitenuhren\n\nEine Gezeitenuhr zeigt die Zeit seit dem letzten Hochwasser an. Ihr Zeiger dreht sich einmal in etwa zwölf Stunden und fünfundzwanzig Minuten, ' +
      'weil der Mond jeden Tag ungefähr fünfzig Minuten später an derselben Stelle steht. Lotsen im Hafen stellten die Uhr nach dem Almanach.\n';
    const r = parseArticleFile(utf8(german), 'gezeiten.txt');
    expect(r.article.sections[0]!.paragraphs.length).toBe(1);
    expect(r.warnings).toContain('This text does not look like English; generated cards will be weaker.');
    expect(parseArticleFile(utf8(PROSE + PROSE.repeat(3)), 'en.txt').warnings).toEqual([]);
  });
});

describe('format detection', () => {
  it('trusts known extensions and sniffs the rest', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining(['.txt', '.md', '.markdown', '.html', '.htm']));
    expect(detectFormat('a.MD', 'plain')).toBe('markdown');
    expect(detectFormat('a.htm', 'plain')).toBe('html');
    expect(detectFormat('a.txt', '<html><body>x</body></html>')).toBe('text');
    expect(detectFormat(null, '<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
    expect(detectFormat(null, '---\ntitle: x\n---\n\n# Heading\n\nSome [link](http://x).\n')).toBe('markdown');
    expect(detectFormat('notes', 'Just some words.\n\nAnd more words.')).toBe('text');
  });

  it('lets the caller force a format', () => {
    const r = parseArticleFile(utf8('# Not a heading in text\n\nBody text goes here, as a sentence.'), 'x.txt', { format: 'markdown' });
    expect(r.format).toBe('markdown');
    expect(r.article.title).toBe('Not a heading in text');
  });
});

describe('determinism and shape', () => {
  const files = ['news-article.txt', 'standard-memo.txt', 'guide.md', 'encyclopedia.html', 'book-chapter.html'];

  it.each(files)('%s parses to identical output twice, with kinds parallel to paragraphs', (name) => {
    const first = parseArticleFile(fixtureBytes(name), name);
    const second = parseArticleFile(fixtureBytes(name), name);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.kinds.map((k) => k.length)).toEqual(first.article.sections.map((s) => s.paragraphs.length));
    for (const section of first.article.sections) {
      expect(section.paragraphs.every((p) => p.trim() !== '' && p === p.trim())).toBe(true);
      expect(section.level).toBeGreaterThanOrEqual(1);
    }
    expect(first.article.sections.findIndex((s) => s.heading === null)).toBeLessThanOrEqual(0);
  });
});
