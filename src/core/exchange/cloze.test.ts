import { describe, expect, it } from 'vitest';
import { fieldChecksum, stripHtmlPreservingMediaFilenames } from './anki/checksum';
import { cardIdFromGuid, guidForCardId } from './anki/guid';
import { clozeForNumber, clozeNumbers, renumberToC1 } from '../cards/cloze';
import { escapeHtml, htmlToPlain } from './html';

describe('cloze', () => {
  it('finds every number, nested and multi-number ones too', () => {
    expect(clozeNumbers('{{c2::a}} {{c1::b {{c3::c}}}} {{c4,5::d}}')).toEqual([1, 2, 3, 4, 5]);
    expect(clozeNumbers('no deletions {{c1:: unclosed')).toEqual([]);
  });

  it('keeps one number as c1 and reveals the others without their hints', () => {
    const text = 'Paris is the {{c1::capital::role}} of {{c2::France::country}}.';
    expect(clozeForNumber(text, 1)).toBe('Paris is the {{c1::capital::role}} of France.');
    expect(clozeForNumber(text, 2)).toBe('Paris is the capital of {{c1::France::country}}.');
  });

  it('handles nested and shared deletions', () => {
    const text = '{{c1::outer {{c2::inner}}}} and {{c1,3::both}}';
    expect(clozeForNumber(text, 2)).toBe('outer {{c1::inner}} and both');
    expect(clozeForNumber(text, 3)).toBe('outer inner and {{c1::both}}');
    expect(clozeForNumber(text, 1)).toBe('{{c1::outer inner}} and {{c1::both}}');
  });

  it('renumbers every gap to c1', () => {
    expect(renumberToC1('{{c1::a}}, {{c2::b}}')).toBe('{{c1::a}}, {{c1::b}}');
  });
});

describe('Anki checksum and sort field', () => {
  it('matches the worked examples of ANKI-FORMAT.md §5', () => {
    expect(fieldChecksum('What is the capital of <b>France</b>?')).toBe(1815320235);
    expect(stripHtmlPreservingMediaFilenames('Flag: <img src="flag_fr.png">')).toBe('Flag:  flag_fr.png ');
  });

  it('decodes entities all-or-nothing, like the htmlescape crate', () => {
    expect(stripHtmlPreservingMediaFilenames('a &amp; b&nbsp;c')).toBe('a & b c');
    expect(stripHtmlPreservingMediaFilenames('a &amp; b & c')).toBe('a &amp; b & c');
    expect(stripHtmlPreservingMediaFilenames('it&apos;s &amp;')).toBe('it&apos;s &amp;');
  });
});

describe('html', () => {
  it('escape → plain gives the text back', () => {
    for (const text of ['a < b & "c" > d', 'line one\nline two', '&amp; literally', '{{c1::x}}']) expect(htmlToPlain(escapeHtml(text))).toBe(text);
  });
});

describe('guid', () => {
  it('is alphanumeric, stable and reversible for UUIDs', () => {
    const id = '019ac000-0000-7000-8000-0000000c0001';
    const guid = guidForCardId(id);
    expect(guid).toMatch(/^L[0-9A-Za-z]{22}$/);
    expect(guidForCardId(id)).toBe(guid);
    expect(cardIdFromGuid(guid)).toBe(id);
  });

  it('hashes other ids, which then map back to nothing', () => {
    const guid = guidForCardId('default-card');
    expect(guid).toMatch(/^H[0-9A-Za-z]{22}$/);
    expect(cardIdFromGuid(guid)).toBeNull();
    expect(cardIdFromGuid('f#1z!')).toBeNull();
  });
});
