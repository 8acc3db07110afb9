/**
 * Opens the produced .apkg the way Anki does and checks every rule of ANKI-FORMAT.md §0 and the column
 * tables (§3–8).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studyDay } from '../../study-day';
import { LecternError } from '../../../shared/contract';
import { ankiPackageFromLectern } from '../to-anki';
import { DAY, NOW, ids, sampleDoc } from '../test-fixtures';
import { guidForCardId } from './guid';
import { BASIC_NOTETYPE_ID, CLOZE_NOTETYPE_ID } from './notetypes';
import { openPackage, type OpenedPackage } from './test-package';
import { writeApkg } from './write-apkg';

type Row = Record<string, unknown>;
type Json = Record<string, unknown>;

const SCHEMA11_COLUMNS: Record<string, string[]> = {
  col: ['id', 'crt', 'mod', 'scm', 'ver', 'dty', 'usn', 'ls', 'conf', 'models', 'decks', 'dconf', 'tags'],
  notes: ['id', 'guid', 'mid', 'mod', 'usn', 'tags', 'flds', 'sfld', 'csum', 'flags', 'data'],
  cards: ['id', 'nid', 'did', 'ord', 'mod', 'usn', 'type', 'queue', 'due', 'ivl', 'factor', 'reps', 'lapses', 'left', 'odue', 'odid', 'flags', 'data'],
  revlog: ['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'],
  graves: ['usn', 'oid', 'type'],
};

const NOW_SECONDS = Math.floor(NOW / 1000);
const doc = sampleDoc();
const cardById = new Map(doc.cards.map((c) => [c.id, c]));
const cardByGuid = new Map(doc.cards.map((c) => [guidForCardId(c.id), c]));

let pkg: OpenedPackage;
let col: Row;
let models: Record<string, Json>;
let decks: Record<string, Json>;
let dconf: Record<string, Json>;
let notes: Row[];
let cards: Row[];
let revlog: Row[];

beforeAll(() => {
  pkg = openPackage(writeApkg(ankiPackageFromLectern(doc), { withSchedule: true, now: NOW }));
  col = pkg.db.prepare('SELECT * FROM col').get() as Row;
  models = JSON.parse(col.models as string) as Record<string, Json>;
  decks = JSON.parse(col.decks as string) as Record<string, Json>;
  dconf = JSON.parse(col.dconf as string) as Record<string, Json>;
  notes = pkg.db.prepare('SELECT * FROM notes').all() as Row[];
  cards = pkg.db.prepare('SELECT * FROM cards').all() as Row[];
  revlog = pkg.db.prepare('SELECT * FROM revlog').all() as Row[];
});
afterAll(() => pkg.close());

const isInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
const noteOf = (card: Row) => notes.find((n) => n.id === card.nid)!;
const lecternCardOf = (card: Row) => cardByGuid.get(noteOf(card).guid as string)!;

describe('zip container (§0.1, §2)', () => {
  it('holds collection.anki2 and media "{}", and no meta or anki21', () => {
    expect(Object.keys(pkg.entries).sort()).toEqual(['collection.anki2', 'media']);
    expect(new TextDecoder().decode(pkg.entries.media)).toBe('{}');
  });

  it('is a rollback-journal SQLite file (not WAL)', () => {
    expect(new TextDecoder().decode(pkg.collectionBytes.subarray(0, 16))).toBe('SQLite format 3\u0000');
    expect([pkg.collectionBytes[18], pkg.collectionBytes[19]]).toEqual([1, 1]);
  });
});

describe('schema 11 (§0.2, §3)', () => {
  it('has exactly the schema-11 tables, columns in order, and indexes', () => {
    const tables = (pkg.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Row[]).map((r) => r.name);
    expect(tables).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
    for (const [table, columns] of Object.entries(SCHEMA11_COLUMNS)) {
      expect((pkg.db.prepare(`PRAGMA table_info(${table})`).all() as Row[]).map((c) => c.name)).toEqual(columns);
    }
    const indexes = (pkg.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").all() as Row[]).map((r) => r.name);
    expect(indexes).toEqual(['ix_cards_nid', 'ix_cards_sched', 'ix_cards_usn', 'ix_notes_csum', 'ix_notes_usn', 'ix_revlog_cid', 'ix_revlog_usn']);
  });

  it('has one col row: ver 11, crt in seconds at a past local day start, mod/scm in ms', () => {
    expect(pkg.db.prepare('SELECT count(*) AS n FROM col').get()).toEqual({ n: 1 });
    expect(col).toMatchObject({ id: 1, ver: 11, dty: 0, usn: 0, ls: 0, mod: NOW, scm: NOW });
    const crt = col.crt as number;
    expect(isInt(crt)).toBe(true);
    expect(crt).toBeLessThanOrEqual(NOW_SECONDS);
    expect(crt).toBeGreaterThan(1_000_000_000);
    expect(crt).toBeLessThan(10_000_000_000);
    expect(crt % 86_400).toBe(4 * 3600); // 04:00 in the collection's zone (UTC here)
    expect(JSON.parse(col.tags as string)).toEqual({});
  });

  it('leaves graves empty', () => {
    expect(pkg.db.prepare('SELECT count(*) AS n FROM graves').get()).toEqual({ n: 0 });
  });
});

describe('col JSON (§0.3, §4)', () => {
  it('conf has schedVer 2', () => {
    expect(JSON.parse(col.conf as string)).toMatchObject({ schedVer: 2 });
  });

  it('note types: id equals the key, every required key, stable ids and names', () => {
    expect(Object.keys(models).sort()).toEqual([String(BASIC_NOTETYPE_ID), String(CLOZE_NOTETYPE_ID)]);
    for (const [key, m] of Object.entries(models)) {
      expect(String(m.id)).toBe(key);
      for (const k of ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'css', 'flds', 'tmpls']) expect(m).toHaveProperty(k);
      expect(['Basic', 'Cloze']).not.toContain(m.name);
      expect(isInt(m.mod) && (m.mod as number) < 10_000_000_000).toBe(true);
      expect(m.usn).toBe(-1);
      expect(typeof m.css).toBe('string');
      const flds = m.flds as Json[];
      flds.forEach((f, i) => {
        for (const k of ['name', 'sticky', 'rtl', 'font', 'size']) expect(f).toHaveProperty(k);
        expect(f.ord).toBe(i);
        expect(isInt(f.id)).toBe(true);
      });
      expect(m.sortf as number).toBeLessThan(flds.length);
      for (const t of m.tmpls as Json[]) for (const k of ['name', 'qfmt', 'afmt']) expect(t).toHaveProperty(k);
      expect(decks[String(m.did)]).toBeDefined();
    }
    const basic = models[String(BASIC_NOTETYPE_ID)]!;
    const cloze = models[String(CLOZE_NOTETYPE_ID)]!;
    expect(basic.type).toBe(0);
    expect((basic.flds as Json[]).map((f) => f.name)).toEqual(['Front', 'Back', 'Source', 'Article']);
    expect(cloze.type).toBe(1);
    expect((cloze.flds as Json[]).map((f) => f.name)).toEqual(['Text', 'Back Extra', 'Source', 'Article']);
    const tmpl = (cloze.tmpls as Json[])[0]!;
    expect(tmpl.qfmt).toContain('{{cloze:Text}}');
    expect(tmpl.afmt).toContain('{{cloze:Text}}');
  });

  it('decks: id equals the key, required keys, JSON booleans, parents present, conf in dconf', () => {
    const names = Object.values(decks).map((d) => d.name as string);
    for (const [key, d] of Object.entries(decks)) {
      expect(String(d.id)).toBe(key);
      for (const k of ['id', 'name', 'usn', 'collapsed', 'dyn', 'lrnToday', 'revToday', 'newToday', 'timeToday', 'conf']) expect(d).toHaveProperty(k);
      expect(typeof d.collapsed).toBe('boolean');
      expect(d.lrnToday).toEqual([0, 0]);
      expect(dconf[String(d.conf)]).toBeDefined();
      const levels = (d.name as string).split('::');
      for (let i = 1; i < levels.length; i++) expect(names).toContain(levels.slice(0, i).join('::'));
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'The History of Timekeeping',
        'The History of Timekeeping::1. Sundials',
        'The History of Timekeeping::2. Atomic clocks : today',
        '-Imported from Anki',
      ]),
    );
  });

  it('dconf: id equals the key, every required key and sub-key', () => {
    for (const [key, c] of Object.entries(dconf)) {
      expect(String(c.id)).toBe(key);
      for (const k of ['id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse']) expect(c).toHaveProperty(k);
      expect(Object.keys(c.new as Json)).toEqual(expect.arrayContaining(['delays', 'initialFactor', 'ints', 'order', 'perDay']));
      expect(Object.keys(c.rev as Json)).toEqual(expect.arrayContaining(['ease4', 'ivlFct', 'maxIvl', 'perDay']));
      expect(Object.keys(c.lapse as Json)).toEqual(expect.arrayContaining(['delays', 'leechAction', 'leechFails', 'minInt', 'mult']));
    }
  });
});

describe('notes (§0.4, §0.5, §5)', () => {
  it('one note per Lectern card, with a stable GUID from the card id', () => {
    expect(notes).toHaveLength(doc.cards.length);
    expect(new Set(notes.map((n) => n.guid)).size).toBe(notes.length);
    for (const n of notes) expect(cardByGuid.has(n.guid as string)).toBe(true);
  });

  it('mid exists, field count matches the note type, fields in order', () => {
    for (const n of notes) {
      const model = models[String(n.mid)]!;
      const fields = (n.flds as string).split('\x1f');
      expect(fields).toHaveLength((model.flds as unknown[]).length);
      const card = cardByGuid.get(n.guid as string)!;
      expect(n.mid).toBe(card.kind === 'qa' ? BASIC_NOTETYPE_ID : CLOZE_NOTETYPE_ID);
      const article = card.articleId ? 'The History of Timekeeping' : '';
      expect(fields[3]).toBe(article);
    }
  });

  it('csum = first 8 hex of SHA-1 of the stripped first field; sfld = the stripped sort field', () => {
    for (const n of notes) {
      const card = cardByGuid.get(n.guid as string)!;
      const plain = card.kind === 'qa' ? card.front : card.text.replace(/\{\{c\d+::/g, '{{c1::');
      expect(String(n.sfld)).toBe(plain);
      expect(n.csum).toBe(parseInt(createHash('sha1').update(plain).digest('hex').slice(0, 8), 16));
    }
    const escaped = notes.find((n) => n.guid === guidForCardId(ids.qaBuried))!;
    expect((escaped.flds as string).split('\x1f')[1]).toBe('-5 &lt; 3 &amp; &quot;quoted&quot;<br>second line');
  });

  it('ids in ms up to now+1 day, mod in seconds, usn -1, tags spaced', () => {
    for (const n of notes) {
      expect(isInt(n.id) && (n.id as number) > 1e12 && (n.id as number) <= NOW + DAY).toBe(true);
      expect(isInt(n.mod) && (n.mod as number) <= NOW_SECONDS && (n.mod as number) > 1e9).toBe(true);
      expect(n).toMatchObject({ usn: -1, flags: 0, data: '' });
      expect(n.tags === '' || /^ (\S+ )+$/.test(n.tags as string)).toBe(true);
    }
    const tagged = notes.find((n) => n.guid === guidForCardId(ids.qaNew))!;
    expect(tagged.tags).toBe(' sundials history_of_time ');
    expect(tagged.mod).toBe(Math.floor((NOW - 10 * DAY) / 1000));
  });

  it('keeps cloze numbers out of the provenance fields', () => {
    const note = notes.find((n) => n.guid === guidForCardId(ids.clozeReview))!;
    const fields = (note.flds as string).split('\x1f');
    expect(fields[2]).toContain('&#123;&#123;c2::literally}}');
    expect(fields.join(' ').match(/\{\{c(\d+)::/g)).toEqual(['{{c1::']);
  });
});

describe('cards (§0.6, §0.7, §6)', () => {
  it('exactly one card per note, ord 0, in an existing deck', () => {
    expect(cards).toHaveLength(notes.length);
    expect(new Set(cards.map((c) => c.nid)).size).toBe(notes.length);
    for (const c of cards) {
      expect(c.ord).toBe(0);
      expect(decks[String(c.did)]).toBeDefined();
      expect(c).toMatchObject({ usn: -1, odue: 0, odid: 0 });
    }
    const sundial = cards.find((c) => lecternCardOf(c).id === ids.qaNew)!;
    expect(decks[String(sundial.did)]!.name).toBe('The History of Timekeeping::1. Sundials');
    const intro = cards.find((c) => lecternCardOf(c).id === ids.listLearning)!;
    expect(decks[String(intro.did)]!.name).toBe('The History of Timekeeping');
  });

  it('every integer column really is an INTEGER, within its Rust type', () => {
    const columns = SCHEMA11_COLUMNS.cards!.filter((c) => c !== 'data');
    for (const column of columns) {
      expect(pkg.db.prepare(`SELECT count(*) AS n FROM cards WHERE typeof("${column}") != 'integer'`).get()).toEqual({ n: 0 });
    }
    for (const c of cards) {
      for (const k of ['ivl', 'reps', 'lapses', 'left']) expect((c[k] as number) >= 0 && (c[k] as number) <= 0xffffffff).toBe(true);
      expect((c.factor as number) >= 0 && (c.factor as number) <= 0xffff).toBe(true);
      expect((c.flags as number) >= 0 && (c.flags as number) <= 7).toBe(true);
      expect(isInt(c.id) && (c.id as number) <= NOW + DAY && (c.id as number) > 1e12).toBe(true);
      expect(isInt(c.mod) && (c.mod as number) < 1e10).toBe(true);
    }
  });

  it('type and queue are consistent', () => {
    for (const c of cards) {
      const type = c.type as number;
      const queue = c.queue as number;
      expect([0, 1, 2, 3]).toContain(type);
      if (queue < 0) continue;
      if (type === 0) expect(queue).toBe(0);
      if (type === 1 || type === 3) expect([1, 3]).toContain(queue);
      if (type === 2) expect(queue).toBe(2);
    }
  });

  it('encodes due, ivl, factor, left and hidden queues per state', () => {
    const crt = col.crt as number;
    const dayStart = (instant: number) => studyDay(instant, doc.settings).start;
    const byLectern = (id: string) => cards.find((c) => lecternCardOf(c).id === id)!;

    const fresh = byLectern(ids.qaNew);
    expect(fresh).toMatchObject({ type: 0, queue: 0, ivl: 0, factor: 0, reps: 0, left: 0, data: '' });
    expect((fresh.due as number) >= 0 && (fresh.due as number) < 1_000_000).toBe(true);

    const review = byLectern(ids.clozeReview);
    const reviewCard = cardById.get(ids.clozeReview)!;
    expect(review).toMatchObject({ type: 2, queue: 2, ivl: 9, factor: 2500, reps: 3, lapses: 0, left: 0, flags: 3 });
    expect((crt + (review.due as number) * 86_400) * 1000).toBe(dayStart(reviewCard.due));

    const learning = byLectern(ids.listLearning);
    expect(learning).toMatchObject({ type: 1, queue: 1, due: Math.floor((NOW + 600_000) / 1000), ivl: 0, left: 1001 });

    const relearning = byLectern(ids.clozeRelearning);
    expect(relearning).toMatchObject({ type: 3, queue: -1, ivl: 2, lapses: 1, left: 1001 });
    // Interday relearning step: a day number, even while suspended.
    expect((crt + (relearning.due as number) * 86_400) * 1000).toBe(dayStart(NOW + 2 * DAY));

    const buried = byLectern(ids.qaBuried);
    expect(buried).toMatchObject({ type: 2, queue: -3, ivl: 3 });
    for (const c of [review, learning, relearning, buried]) expect(c.factor as number).toBeGreaterThanOrEqual(1300);
  });

  it('card data carries the FSRS state s, d, dr, lrt', () => {
    const review = cards.find((c) => lecternCardOf(c).id === ids.clozeReview)!;
    const card = cardById.get(ids.clozeReview)!;
    expect(JSON.parse(review.data as string)).toEqual({ s: 12.3457, d: 5.432, dr: 0.9, lrt: Math.floor(card.lastReview! / 1000) });
    for (const c of cards) {
      if (c.type === 0) continue;
      const data = JSON.parse(c.data as string) as Json;
      expect(Object.keys(data)).toEqual(['s', 'd', 'dr', 'lrt']);
      expect(data.s as number).toBeGreaterThan(0);
      expect((data.d as number) >= 1 && (data.d as number) <= 10).toBe(true);
    }
  });
});

describe('revlog (§7)', () => {
  it('carries every review log, with unique ms ids up to now+1 day, on existing cards', () => {
    expect(revlog).toHaveLength(doc.reviewLogs.length);
    const cardIds = new Set(cards.map((c) => c.id));
    for (const r of revlog) {
      expect(cardIds.has(r.cid)).toBe(true);
      expect(isInt(r.id) && (r.id as number) <= NOW + DAY).toBe(true);
      expect(r.usn).toBe(-1);
      expect([0, 1, 2, 3, 4]).toContain(r.ease);
      expect([0, 1, 2, 3, 4, 5]).toContain(r.type);
      expect((r.time as number) >= 0 && (r.time as number) <= 0xffffffff).toBe(true);
    }
    for (const column of SCHEMA11_COLUMNS.revlog!) {
      expect(pkg.db.prepare(`SELECT count(*) AS n FROM revlog WHERE typeof("${column}") != 'integer'`).get()).toEqual({ n: 0 });
    }
  });

  it('encodes ease, intervals (days > 0, seconds < 0), difficulty factor and type', () => {
    const review = cards.find((c) => lecternCardOf(c).id === ids.clozeReview)!;
    const rows = revlog.filter((r) => r.cid === review.id).sort((a, b) => (a.id as number) - (b.id as number));
    expect(rows.map((r) => [r.ease, r.ivl, r.lastIvl, r.type])).toEqual([
      [3, -600, 0, 0], // new → 10-minute learning step
      [3, 1, -600, 0], // learning → 1 day
      [4, 9, 1, 1], // review → the card's current interval
    ]);
    expect(rows.map((r) => r.factor)).toEqual([Math.round(((5.1 - 1) / 9 + 0.1) * 1000), Math.round(((5.2 - 1) / 9 + 0.1) * 1000), Math.round(((5.43219 - 1) / 9 + 0.1) * 1000)]);
    expect(rows[0]!.time).toBe(4000);

    const buried = cards.find((c) => lecternCardOf(c).id === ids.qaBuried)!;
    const history = revlog.filter((r) => r.cid === buried.id).sort((a, b) => (a.id as number) - (b.id as number));
    expect(history.map((r) => [r.ease, r.type])).toEqual([
      [3, 0],
      [0, 4], // reset
      [0, 4], // manual due date
      [2, 3], // preview (filtered)
      [3, 1],
    ]);
    expect(history[1]).toMatchObject({ ivl: 0, factor: 0, time: 0 });
  });
});

describe('export options', () => {
  it('without the schedule, every card is new and no revlog is written', () => {
    const plain = openPackage(writeApkg(ankiPackageFromLectern(doc), { withSchedule: false, now: NOW }));
    try {
      const rows = plain.db.prepare('SELECT type, queue, ivl, factor, reps, lapses, left, data, due FROM cards').all() as Row[];
      for (const r of rows) {
        expect(r).toMatchObject({ type: 0, queue: 0, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, data: '' });
        expect(r.due as number).toBeLessThan(1_000_000);
      }
      expect(plain.db.prepare('SELECT count(*) AS n FROM revlog').get()).toEqual({ n: 0 });
    } finally {
      plain.close();
    }
  });

  it('is deterministic for the same input and instant', () => {
    const a = writeApkg(ankiPackageFromLectern(doc), { withSchedule: true, now: NOW });
    const b = writeApkg(ankiPackageFromLectern(sampleDoc()), { withSchedule: true, now: NOW });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('keeps GUIDs and note-type ids across exports; an edit bumps the note mod', () => {
    const edited = sampleDoc();
    const card = edited.cards.find((c) => c.id === ids.qaNew)!;
    if (card.kind !== 'qa') throw new Error('fixture');
    card.back = 'The gnomon (style)';
    card.updatedAt = NOW + 3 * DAY;
    const later = openPackage(writeApkg(ankiPackageFromLectern(edited), { withSchedule: false, now: NOW + 5 * DAY }));
    try {
      const again = later.db.prepare('SELECT guid, mid, mod FROM notes ORDER BY guid').all() as Row[];
      const before = [...notes].sort((a, b) => ((a.guid as string) < (b.guid as string) ? -1 : 1));
      expect(again.map((n) => [n.guid, n.mid])).toEqual(before.map((n) => [n.guid, n.mid]));
      const bumped = again.find((n) => n.guid === guidForCardId(ids.qaNew))!;
      expect(bumped.mod as number).toBeGreaterThan(notes.find((n) => n.guid === bumped.guid)!.mod as number);
      const laterModels = JSON.parse((later.db.prepare('SELECT models FROM col').get() as Row).models as string) as Json;
      expect(laterModels).toEqual(models);
    } finally {
      later.close();
    }
  });

  it('refuses a cloze note that is not c1-only, and a note in an unknown deck', () => {
    const model = ankiPackageFromLectern(doc);
    const bad = { ...model, notes: [{ ...model.notes[0]!, kind: 'cloze' as const, fields: ['{{c2::x}}', '', '', ''] as [string, string, string, string] }] };
    expect(() => writeApkg(bad, { withSchedule: false, now: NOW })).toThrow(LecternError);
    const lost = { ...model, decks: [] };
    expect(() => writeApkg(lost, { withSchedule: false, now: NOW })).toThrow(/not in the package/);
  });
});
