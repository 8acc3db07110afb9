import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS, type AnkiCardDraft } from '../model';
import { studyDay } from '../../study-day';
import { ankiPackageFromLectern } from '../to-anki';
import { DAY, NOW, ids, sampleDoc } from '../test-fixtures';
import { guidForCardId } from './guid';
import { readApkg } from './read-apkg';
import { buildCollection, stockBasic, stockCloze, zipPackage, type TestNote } from './test-package';
import { writeApkg } from './write-apkg';
import { refusal } from '../../testing/refusal';

// Every temp file of this file's reads lands in a folder of its own, so the test can see it emptied.
const originalTmp = process.env.TMPDIR;
let privateTmp: string;
beforeAll(() => {
  privateTmp = mkdtempSync(join(tmpdir(), 'lectern-read-test-'));
  process.env.TMPDIR = privateTmp;
});
afterAll(() => {
  process.env.TMPDIR = originalTmp;
  rmSync(privateTmp, { recursive: true, force: true });
});


const clozeNote = (fields: string[], ords: number[]): TestNote => ({
  id: 1_700_000_001_000,
  guid: 'abc!#',
  mid: stockCloze.id,
  fields,
  tags: ' geo europe ',
  cards: ords.map((ord) => ({ id: 1_700_000_002_000 + ord, ord })),
});

describe('round trip: Lectern → .apkg → drafts', () => {
  const doc = sampleDoc();
  let drafts: AnkiCardDraft[];
  beforeAll(() => {
    drafts = readApkg(writeApkg(ankiPackageFromLectern(doc), { withSchedule: true, now: NOW })).cards;
  });
  const draftOf = (id: string) => drafts.find((d) => d.origin.guid === guidForCardId(id))!;

  it('gives back every card with its text, deck, tags and identity', () => {
    expect(drafts).toHaveLength(doc.cards.length);
    for (const card of doc.cards) {
      const d = draftOf(card.id);
      expect(d).toBeDefined();
      if (card.kind === 'qa') expect(d).toMatchObject({ kind: 'qa', front: card.front, back: card.back });
      else expect(d).toMatchObject({ kind: 'cloze', text: card.text });
      expect(d.tags).toEqual(card.tags.map((t) => t.replace(/\s+/g, '_')));
      expect(d.origin.ord).toBe(0);
    }
    expect(draftOf(ids.qaNew).deck).toBe('The History of Timekeeping::1. Sundials');
    expect(draftOf(ids.loose).lecternCardId).toBeNull(); // not a UUID: hashed GUID
    expect(draftOf(ids.qaNew).lecternCardId).toBe(ids.qaNew);
    expect(drafts.find((d) => d.front?.startsWith('@mention'))).toBeDefined();
  });

  it('gives back the schedule and the FSRS memory state', () => {
    const review = draftOf(ids.clozeReview).schedule!;
    expect(review).toMatchObject({ state: 2, stability: 12.3457, difficulty: 5.432, desiredRetention: 0.9, reps: 3, lapses: 0, suspended: false, flag: 3 });
    expect(review.due).toBe(studyDay(NOW + 5 * DAY, doc.settings).start);
    expect(review.lastReview).toBe(Math.floor((NOW - 4 * DAY - 2 * 3600_000) / 1000) * 1000);
    expect(draftOf(ids.listLearning).schedule).toMatchObject({ state: 1, due: NOW + 600_000 });
    expect(draftOf(ids.clozeRelearning).schedule).toMatchObject({ state: 3, suspended: true });
    expect(draftOf(ids.qaBuried).schedule).toMatchObject({ state: 2, buried: true });
    expect(draftOf(ids.qaNew).schedule).toMatchObject({ state: 0, due: null });
  });

  it('gives back every review with its kind, rating, time and duration', () => {
    const reviews = drafts.flatMap((d) => d.reviews);
    expect(reviews).toHaveLength(doc.reviewLogs.length);
    const buried = draftOf(ids.qaBuried).reviews;
    expect(buried.map((r) => [r.kind, r.rating])).toEqual([
      ['review', 3],
      ['reset', 0],
      ['manual', 0],
      ['preview', 2],
      ['review', 3],
    ]);
    const learning = draftOf(ids.listLearning).reviews;
    expect(learning).toMatchObject([{ kind: 'review', rating: 1, reviewedAt: NOW, durationMs: 12_000 }]);
  });

  it('leaves no temporary files behind', () => {
    expect(readdirSync(privateTmp)).toEqual([]);
  });
});

describe('reading packages from Anki', () => {
  it('turns a cloze note with several numbers into one card per number', () => {
    const note = clozeNote(['{{c1::Paris}} is the capital of {{c2::France::country}}<br>and {{c3::big}}', 'Extra &amp; more'], [0, 1, 2]);
    const bytes = zipPackage({ 'collection.anki2': buildCollection([stockCloze], [note]), media: '{}' });
    const { cards, decks } = readApkg(bytes);
    expect(cards.map((c) => c.text)).toEqual([
      '{{c1::Paris}} is the capital of France\nand big',
      'Paris is the capital of {{c1::France::country}}\nand big',
      'Paris is the capital of France\nand {{c1::big}}',
    ]);
    expect(cards.map((c) => c.origin)).toEqual([0, 1, 2].map((ord) => ({ guid: 'abc!#', ord })));
    expect(cards[0]).toMatchObject({ kind: 'cloze', extra: 'Extra & more', deck: 'Imported::Sub', tags: ['geo', 'europe'], lecternCardId: null });
    expect(decks).toEqual(['Imported::Sub']);
  });

  it('reads standard notes per template, reversed cards included', () => {
    const note: TestNote = {
      id: 1_700_000_001_000,
      guid: 'g1',
      mid: stockBasic.id,
      fields: ['<b>Front</b> side', 'Back side'],
      cards: [
        { id: 1_700_000_002_000, ord: 0, type: 2, queue: 2, due: 10, ivl: 5, data: '{"s":4.5,"d":6.1,"dr":0.85}' },
        { id: 1_700_000_002_001, ord: 1 },
      ],
      revlog: [{ id: 1_764_000_100_000, cid: 1_700_000_002_000, ease: 3, ivl: 5, lastIvl: 1, factor: 2500, time: 3000, type: 1 }],
    };
    const crt = 1_764_000_000;
    const { cards } = readApkg(zipPackage({ 'collection.anki2': buildCollection([stockBasic], [note], crt), media: '{}' }));
    expect(cards.map((c) => [c.front, c.back])).toEqual([
      ['Front side', 'Back side'],
      ['Back side', 'Front side'],
    ]);
    expect(cards[0]!.schedule).toMatchObject({ state: 2, due: (crt + 10 * 86_400) * 1000, stability: 4.5, difficulty: 6.1, desiredRetention: 0.85, intervalDays: 5 });
    expect(cards[0]!.reviews).toEqual([
      { kind: 'review', rating: 3, reviewedAt: 1_764_000_100_000, durationMs: 3000, anki: { ease: 3, ivl: 5, lastIvl: 1, factor: 2500, type: 1 } },
    ]);
    expect(cards[1]!.schedule).toMatchObject({ state: 0, due: null, stability: null });
  });

  it('prefers collection.anki21 over collection.anki2, as Anki does', () => {
    const old = buildCollection([stockCloze], [clozeNote(['{{c1::old}}', ''], [0])]);
    const current = buildCollection([stockCloze], [clozeNote(['{{c1::current}}', ''], [0])]);
    const { cards } = readApkg(zipPackage({ 'collection.anki2': old, 'collection.anki21': current, media: '{}' }));
    expect(cards.map((c) => c.text)).toEqual(['{{c1::current}}']);
  });

  it('reads a collection whose header says WAL', () => {
    const collection = buildCollection([stockCloze], [clozeNote(['{{c1::wal}}', ''], [0])], 1_764_000_000, true);
    expect([collection[18], collection[19]]).toEqual([2, 2]);
    expect(readApkg(zipPackage({ 'collection.anki2': collection, media: '{}' })).cards.map((c) => c.text)).toEqual(['{{c1::wal}}']);
  });

  it('accepts a legacy meta (version 2) and warns about media it drops', () => {
    const collection = buildCollection([stockCloze], [clozeNote(['{{c1::x}} <img src="a.png">', ''], [0])]);
    const result = readApkg(zipPackage({ meta: new Uint8Array([0x08, 0x02]), 'collection.anki21': collection, media: '{"0":"a.png"}', '0': 'png' }));
    expect(result.cards).toHaveLength(1);
    expect(result.warnings.join(' ')).toMatch(/1 media file/);
  });
});

describe('bad input', () => {
  const good = () => zipPackage({ 'collection.anki2': buildCollection([stockCloze], [clozeNote(['{{c1::x}}', ''], [0])]), media: '{}' });

  it('refuses current Anki format (meta version 3 / collection.anki21b) with what to tick', () => {
    const latest = zipPackage({ meta: new Uint8Array([0x08, 0x03]), 'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd]), 'collection.anki2': 'dummy', media: '' });
    const error = refusal(() => readApkg(latest));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/Support older Anki versions/);
    expect(refusal(() => readApkg(zipPackage({ 'collection.anki21b': 'x', media: '{}' }))).message).toMatch(/Support older Anki versions/);
  });

  it('refuses a file that is not a zip', () => {
    const error = refusal(() => readApkg(new TextEncoder().encode('front,back\nhello,world\n')));
    expect(error.code).toBe('bad_input');
    expect(error.message).toMatch(/not a zip/);
  });

  it('refuses a truncated zip', () => {
    const bytes = good();
    for (const length of [10, Math.floor(bytes.length / 2), bytes.length - 5]) {
      const error = refusal(() => readApkg(bytes.subarray(0, length)));
      expect(error.code).toBe('bad_input');
      expect(error.message).toMatch(/damaged or truncated/);
    }
  });

  it('refuses a zip without a collection', () => {
    expect(refusal(() => readApkg(zipPackage({ media: '{}' }))).message).toMatch(/no collection/);
  });

  it('refuses a zip bomb by its declared size, before inflating', () => {
    const bomb = zipPackage({ 'collection.anki2': new Uint8Array(8 * 1024 * 1024), media: '{}' });
    expect(bomb.length).toBeLessThan(100_000);
    const error = refusal(() => readApkg(bomb, { ...DEFAULT_IMPORT_LIMITS, maxUncompressedBytes: 1024 * 1024 }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/zip bomb/);
  });

  it('stops inflating an entry that lies about its size', () => {
    const bomb = zipPackage({ 'collection.anki2': new Uint8Array(8 * 1024 * 1024), media: '{}' });
    // Rewrite the declared uncompressed size of the first entry in the central directory to 1 KiB.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    let cd = -1;
    for (let i = bomb.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x06054b50) cd = view.getUint32(i + 16, true);
    view.setUint32(cd + 24, 1024, true);
    const error = refusal(() => readApkg(bomb));
    expect(error.code).toBe('bad_input');
    expect(error.message).toMatch(/more than its declared size/);
  });

  it('refuses too many entries', () => {
    const entries: Record<string, string> = { media: '{}' };
    for (let i = 0; i < 20; i++) entries[String(i)] = 'x';
    const error = refusal(() => readApkg(zipPackage(entries), { ...DEFAULT_IMPORT_LIMITS, maxEntries: 10 }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/21 files/);
  });

  it('refuses a file over the size limit', () => {
    expect(refusal(() => readApkg(good(), { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 100 })).code).toBe('too_large');
  });

  it('refuses media names with path separators or ".."', () => {
    const collection = buildCollection([stockCloze], [clozeNote(['{{c1::x}}', ''], [0])]);
    for (const name of ['../x', 'a/b.png', 'a\\b.png', '..', 'C:evil.png']) {
      const error = refusal(() => readApkg(zipPackage({ 'collection.anki2': collection, media: JSON.stringify({ '0': name }), '0': 'x' })));
      expect(error.code).toBe('bad_input');
      expect(error.message).toMatch(/not a plain file name/);
    }
  });

  it('refuses a note whose field count differs from its note type', () => {
    const bytes = zipPackage({ 'collection.anki2': buildCollection([stockCloze], [clozeNote(['{{c1::x}}', 'extra', 'one too many'], [0])]), media: '{}' });
    const error = refusal(() => readApkg(bytes));
    expect(error.code).toBe('bad_input');
    expect(error.message).toMatch(/has 3 fields, but its note type "Cloze" has 2/);
  });

  it('refuses a collection that is not SQLite', () => {
    expect(refusal(() => readApkg(zipPackage({ 'collection.anki2': 'not sqlite at all, sorry', media: '{}' }))).message).toMatch(/not an SQLite database/);
  });

  it('leaves no temporary files behind after refusals', () => {
    refusal(() => readApkg(zipPackage({ 'collection.anki2': buildCollection([stockCloze], [clozeNote(['a', 'b', 'c'], [0])]), media: '{}' })));
    expect(readdirSync(privateTmp)).toEqual([]);
  });
});
