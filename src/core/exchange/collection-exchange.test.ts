import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LecternError } from '../../shared/contract';
import type { Collection } from '../collection';
import { answer, replayCard, studyQueue } from '../schedule';
import { getRawCard } from '../storage/cards';
import { getDeckPreset } from '../storage/presets';
import { listLogsForCard } from '../storage/review-logs';
import { readDaySettings } from '../storage/settings';
import { guidForCardId } from './anki/guid';
import { buildCollection, openPackage, stockBasic, stockCloze, zipPackage, type TestNote } from './anki/test-package';
import { DAY_MS, emptyCollection, reviewedCollection } from './collection-fixtures';
import { buildLecternDoc, exportDeck } from './collection-export';
import { applyDeckFile, importDeckFile, previewDeckImport, readDeckFile } from './collection-import';
import { DEFAULT_IMPORT_LIMITS } from './model';
import { parseLecternJson, serializeLecternJson } from './lectern-json';

const open: Collection[] = [];
const dirs: string[] = [];
afterEach(() => {
  open.splice(0).forEach((c) => c.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const track = <T extends { collection: Collection }>(x: T): T => {
  open.push(x.collection);
  return x;
};
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-exchange-'));
  dirs.push(dir);
  return dir;
};

/** Every row of every table, in a stable order: "nothing changed" means this is equal. */
function dump(collection: Collection): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of ['collection_settings', 'presets', 'articles', 'decks', 'cards', 'review_logs']) {
    out[table] = collection.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
  }
  return out;
}

const exportJson = (collection: Collection) => new TextDecoder().decode(exportDeck(collection, { scope: { all: true }, format: 'json', withSchedule: false }).bytes);
const withoutExportedAt = (text: string) => text.replace(/"exportedAt": \d+/, '"exportedAt": 0');
const file = (text: string, fileName = 'deck.json') => ({ bytes: new TextEncoder().encode(text), fileName });

async function refusal(promise: Promise<unknown>): Promise<LecternError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LecternError) return error;
    throw error;
  }
  throw new Error('expected a LecternError');
}

describe('the reviewed fixture', () => {
  it('has cards in every state, every log kind, suspended, buried and flagged cards', () => {
    const { collection } = track(reviewedCollection());
    const doc = buildLecternDoc(collection, { all: true });
    expect(new Set(doc.cards.map((c) => c.state))).toEqual(new Set([0, 1, 2, 3].filter((s) => doc.cards.some((c) => c.state === s))));
    expect(doc.cards.some((c) => c.state === 2)).toBe(true);
    expect(new Set(doc.reviewLogs.map((l) => l.kind))).toEqual(new Set(['review', 'preview', 'reset', 'manual']));
    expect(doc.cards.some((c) => c.suspended)).toBe(true);
    expect(doc.cards.some((c) => c.buriedUntil !== null)).toBe(true);
    expect(doc.cards.some((c) => c.flag === 2)).toBe(true);
    expect(doc.reviewLogs.length).toBeGreaterThan(20);
  });
});

describe('Lectern JSON through the collection', () => {
  it('export → import into a new collection → export is byte-identical apart from exportedAt', async () => {
    const a = track(reviewedCollection());
    const first = exportJson(a.collection);
    const b = track(emptyCollection(a.clock.now() + DAY_MS));
    const summary = await importDeckFile(b.collection, file(first));
    const doc = parseLecternJson(first);
    expect(summary).toMatchObject({ format: 'lectern', added: doc.cards.length, updated: 0, skipped: 0, reviewLogs: doc.reviewLogs.length });
    const second = exportJson(b.collection);
    expect(withoutExportedAt(second)).toBe(withoutExportedAt(first));
    expect(second).not.toBe(first); // the export instant differs
  });

  it('every stored card equals the replay of its log after an import', async () => {
    const a = track(reviewedCollection());
    const b = track(emptyCollection(a.clock.now()));
    await importDeckFile(b.collection, file(exportJson(a.collection)));
    const day = readDaySettings(b.collection.db);
    for (const card of buildLecternDoc(b.collection, { all: true }).cards) {
      const raw = getRawCard(b.collection.db, card.id)!;
      const memory = replayCard(listLogsForCard(b.collection.db, card.id), getDeckPreset(b.collection.db, raw.deck_id)!, day, card.id, raw.created_at);
      expect(memory).toEqual({ state: raw.state, due: raw.due, stability: raw.stability, difficulty: raw.difficulty, reps: raw.reps, lapses: raw.lapses, lastReview: raw.last_review, learningSteps: raw.learning_steps });
    }
  });

  it('importing the same file twice changes nothing the second time (and into its own collection, nothing at all)', async () => {
    const a = track(reviewedCollection());
    const text = exportJson(a.collection);
    const before = dump(a.collection);
    const own = await importDeckFile(a.collection, file(text));
    expect(own).toMatchObject({ added: 0, updated: 0, reviewLogs: 0, backup: null });
    expect(own.skipped).toBe(parseLecternJson(text).cards.length);
    expect(dump(a.collection)).toEqual(before);

    const b = track(emptyCollection(a.clock.now()));
    await importDeckFile(b.collection, file(text));
    const once = dump(b.collection);
    const twice = await importDeckFile(b.collection, file(text));
    expect(twice).toMatchObject({ added: 0, updated: 0, reviewLogs: 0 });
    expect(dump(b.collection)).toEqual(once);
  });

  it('takes the file’s settings and presets', async () => {
    const a = track(reviewedCollection());
    const text = exportJson(a.collection);
    const b = track(emptyCollection(a.clock.now()));
    expect(readDaySettings(b.collection.db)).toEqual({ dayStartsAt: 4, timeZone: null });
    const summary = await importDeckFile(b.collection, file(text));
    expect(readDaySettings(b.collection.db)).toEqual({ dayStartsAt: 4, timeZone: 'Europe/Berlin' });
    expect(summary.warnings.join(' ')).toMatch(/Study settings were taken from the file/);
  });

  it('merges review logs from two machines by id, without duplicates, and recomputes the cards from the merged log', async () => {
    const a = track(reviewedCollection({ days: 3 }));
    const b = track(emptyCollection(a.clock.now()));
    await importDeckFile(b.collection, file(exportJson(a.collection)));
    // Both machines study on for two more days, independently.
    for (const side of [a, b]) {
      for (let d = 0; d < 2; d++) {
        for (const cardId of studyQueue(side.collection).cardIds.slice(0, side === a ? 3 : 5)) {
          answer(side.collection, { cardId, rating: side === a ? 3 : 2, durationMs: 1000, sessionKind: 'normal' });
          side.clock.advance(60_000 + (side === a ? 0 : 7_000));
        }
        side.clock.advance(DAY_MS);
      }
    }
    const docA = buildLecternDoc(a.collection, { all: true });
    const docB = buildLecternDoc(b.collection, { all: true });
    const union = new Set([...docA.reviewLogs, ...docB.reviewLogs].map((l) => l.id));
    expect(union.size).toBeGreaterThan(docA.reviewLogs.length);
    expect(union.size).toBeGreaterThan(docB.reviewLogs.length);

    const summary = await importDeckFile(a.collection, file(serializeLecternJson(docB)));
    expect(summary.reviewLogs).toBe(union.size - docA.reviewLogs.length);
    expect(summary.updated).toBeGreaterThan(0);
    const merged = buildLecternDoc(a.collection, { all: true });
    expect(merged.reviewLogs.map((l) => l.id).sort()).toEqual([...union].sort());
    const day = readDaySettings(a.collection.db);
    for (const card of merged.cards) {
      const raw = getRawCard(a.collection.db, card.id)!;
      const replayed = replayCard(listLogsForCard(a.collection.db, card.id), getDeckPreset(a.collection.db, raw.deck_id)!, day, card.id, raw.created_at);
      expect(replayed.reps).toBe(raw.reps);
      expect(replayed.due).toBe(raw.due);
      expect(replayed.stability).toBe(raw.stability);
    }
    // And B importing A's merged export ends with the same logs and cards.
    await importDeckFile(b.collection, file(serializeLecternJson(merged)));
    const back = buildLecternDoc(b.collection, { all: true });
    expect(back.reviewLogs.map((l) => l.id).sort()).toEqual([...union].sort());
    expect(serializeLecternJson({ ...back, exportedAt: 0 })).toBe(serializeLecternJson({ ...merged, exportedAt: 0 }));
  });

  it('exports one article or a selection of cards with what they refer to', () => {
    const a = track(reviewedCollection({ days: 2 }));
    const article = buildLecternDoc(a.collection, { articleId: a.articleId });
    expect(article.articles.map((x) => x.id)).toEqual([a.articleId]);
    expect(article.decks.map((d) => d.id)).toEqual([a.deckId]);
    expect(article.cards).toHaveLength(a.cardIds.length - 1);
    expect(article.reviewLogs.every((l) => article.cards.some((c) => c.id === l.cardId))).toBe(true);
    expect(() => parseLecternJson(serializeLecternJson(article))).not.toThrow();

    const loose = a.cardIds[a.cardIds.length - 1]!;
    const selection = buildLecternDoc(a.collection, { cardIds: [loose, a.cardIds[0]!] });
    expect(selection.cards.map((c) => c.id).sort()).toEqual([loose, a.cardIds[0]!].sort());
    expect(selection.decks.map((d) => d.id).sort()).toEqual([a.deckId, a.looseDeckId].sort());
    expect(() => parseLecternJson(serializeLecternJson(selection))).not.toThrow();
    expect(() => buildLecternDoc(a.collection, { articleId: 'nope' })).toThrow(/No article/);
    expect(() => buildLecternDoc(a.collection, { cardIds: ['nope'] })).toThrow(/No card/);
  });

  it('matches an article by its text when the ids differ, and does not duplicate its cards', async () => {
    const a = track(reviewedCollection({ days: 1 }));
    const doc = buildLecternDoc(a.collection, { all: true });
    // The same article and cards, created independently on another machine: other ids, same text.
    const other = { ...doc, articles: doc.articles.map((x) => ({ ...x, id: `${x.id.slice(0, -4)}ffff` })) };
    other.decks = doc.decks.map((d) => ({ ...d, id: `${d.id.slice(0, -4)}eeee`, articleId: d.articleId ? other.articles[0]!.id : null }));
    other.cards = doc.cards.map((c) => ({ ...c, id: `${c.id.slice(0, -4)}dddd`, deckId: `${c.deckId.slice(0, -4)}eeee`, articleId: c.articleId ? other.articles[0]!.id : null }));
    other.reviewLogs = [];
    const summary = await importDeckFile(a.collection, file(serializeLecternJson(other)));
    expect(summary.added).toBe(1); // only the article-less card: its deck is new under the other id
    expect(buildLecternDoc(a.collection, { articleId: a.articleId }).cards).toHaveLength(a.cardIds.length - 1);
  });
});

describe('Anki packages through the collection', () => {
  it('an .apkg with the schedule carries every review and every card', () => {
    const a = track(reviewedCollection());
    const doc = buildLecternDoc(a.collection, { all: true });
    const out = exportDeck(a.collection, { scope: { all: true }, format: 'apkg', withSchedule: true });
    expect(out).toMatchObject({ cards: doc.cards.length, notes: doc.cards.length, mimeType: 'application/apkg' });
    expect(out.fileName).toMatch(/^Lectern collection \d{4}-\d\d-\d\d\.apkg$/);
    const pkg = openPackage(out.bytes);
    try {
      expect(pkg.db.prepare('SELECT count(*) AS n FROM revlog').get()).toEqual({ n: doc.reviewLogs.length });
      expect(pkg.db.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: doc.cards.length });
      const guids = (pkg.db.prepare('SELECT guid FROM notes').all() as { guid: string }[]).map((r) => r.guid).sort();
      expect(guids).toEqual(doc.cards.map((c) => guidForCardId(c.id)).sort());
    } finally {
      pkg.close();
    }
  });

  it('importing Lectern’s own .apkg back changes nothing; into a new collection it keeps ids and every review', async () => {
    const a = track(reviewedCollection());
    const bytes = exportDeck(a.collection, { scope: { all: true }, format: 'apkg', withSchedule: true }).bytes;
    const before = dump(a.collection);
    const again = await importDeckFile(a.collection, { bytes, fileName: 'x.apkg' });
    expect(again).toMatchObject({ format: 'apkg', added: 0, updated: 0, reviewLogs: 0 });
    expect(dump(a.collection)).toEqual(before);

    const doc = buildLecternDoc(a.collection, { all: true });
    const b = track(emptyCollection(a.clock.now()));
    const fresh = await importDeckFile(b.collection, { bytes, fileName: 'x.apkg' });
    expect(fresh.added).toBe(doc.cards.length);
    expect(fresh.reviewLogs).toBe(doc.reviewLogs.length);
    const imported = buildLecternDoc(b.collection, { all: true });
    expect(imported.cards.map((c) => c.id).sort()).toEqual(doc.cards.map((c) => c.id).sort());
    for (const card of imported.cards) {
      expect(card.articleId).toBeNull();
      expect(card.source).toBeNull();
      const original = doc.cards.find((c) => c.id === card.id)!;
      // A cloze card without gaps travels as a Basic note, and comes back as a question with an empty answer.
      expect(card.kind === 'qa' ? [card.front, card.back] : [card.text, '']).toEqual(original.kind === 'qa' ? [original.front, original.back] : [original.text, '']);
      // Recomputed from the same answers with the same preset: the same schedule.
      if (original.state !== 0) expect({ reps: card.reps, lapses: card.lapses }).toEqual({ reps: original.reps, lapses: original.lapses });
    }
    expect(new Set(imported.decks.map((d) => d.name))).toEqual(new Set(['The History of Timekeeping', 'The History of Timekeeping::1. Atomic clocks', 'Loose cards']));
    // And a second import of the same package changes nothing.
    const once = dump(b.collection);
    expect(await importDeckFile(b.collection, { bytes, fileName: 'x.apkg' })).toMatchObject({ added: 0, updated: 0, reviewLogs: 0 });
    expect(dump(b.collection)).toEqual(once);
  });

  it('imports another program’s package: a deck per Anki deck, one card per cloze number, history replayed', async () => {
    const t = Date.UTC(2026, 9, 1, 10);
    const notes: TestNote[] = [
      { id: 1, guid: 'basic-1', mid: stockBasic.id, fields: ['Capital of <b>France</b>?', 'Paris'], tags: ' geo ', cards: [{ id: 11, ord: 0, type: 2, queue: 2, due: 5, ivl: 3 }], revlog: [
        { id: t, cid: 11, ease: 3, ivl: -600, lastIvl: 0, factor: 0, time: 5000, type: 0 },
        { id: t + DAY_MS, cid: 11, ease: 3, ivl: 3, lastIvl: -600, factor: 2500, time: 4000, type: 1 },
      ] },
      { id: 2, guid: 'cloze-2', mid: stockCloze.id, fields: ['{{c1::Berlin}} is in {{c2::Germany}}', 'extra'], cards: [{ id: 21, ord: 0 }, { id: 22, ord: 1 }] },
    ];
    const bytes = zipPackage({ 'collection.anki2': buildCollection([stockBasic, stockCloze], notes), media: '{}' });
    const { collection } = track(emptyCollection(t + 10 * DAY_MS));
    const preview = previewDeckImport(collection, readDeckFile(bytes, 'geo.apkg'));
    expect(preview).toMatchObject({ added: 3, updated: 0, skipped: 0, reviewLogs: 2, decks: ['Imported::Sub'] });
    expect(dump(collection).cards).toEqual([]);
    const summary = await importDeckFile(collection, { bytes, fileName: 'geo.apkg' });
    expect(summary).toMatchObject({ added: 3, reviewLogs: 2 });
    expect(summary.warnings.join(' ')).toMatch(/Back Extra/);
    const doc = buildLecternDoc(collection, { all: true });
    expect(doc.cards.map((c) => (c.kind === 'qa' ? c.front : c.text)).sort()).toEqual(['Berlin is in {{c1::Germany}}', 'Capital of France?', '{{c1::Berlin}} is in Germany']);
    const basic = doc.cards.find((c) => c.kind === 'qa')!;
    expect(basic).toMatchObject({ reps: 2, state: 2, tags: ['geo'], articleId: null, source: null });
    expect(doc.decks).toEqual([{ id: basic.deckId, name: 'Imported::Sub', articleId: null, presetId: 'default' }]);
    const once = dump(collection);
    expect(await importDeckFile(collection, { bytes, fileName: 'geo.apkg' })).toMatchObject({ added: 0, updated: 0, skipped: 3 });
    expect(dump(collection)).toEqual(once);
  });
});

describe('Anki CSV/TSV through the collection', () => {
  it('Lectern’s own CSV and TSV come back to the same cards', async () => {
    const a = track(reviewedCollection({ days: 2 }));
    for (const format of ['csv', 'tsv'] as const) {
      const out = exportDeck(a.collection, { scope: { articleId: a.articleId }, format, withSchedule: false });
      expect(out.fileName).toMatch(new RegExp(`^The History of Timekeeping \\d{4}-\\d\\d-\\d\\d\\.${format}$`));
      const before = dump(a.collection);
      const summary = await importDeckFile(a.collection, { bytes: out.bytes, fileName: out.fileName });
      expect(summary).toMatchObject({ format: 'csv', added: 0, updated: 0, skipped: a.cardIds.length - 1 });
      expect(dump(a.collection)).toEqual(before);
    }
  });

  it('a CSV without GUIDs imports once, and again changes nothing', async () => {
    const { collection } = track(emptyCollection());
    const text = '#separator:comma\n#html:false\n#deck:Vocabulary\nhund,dog\nkatze,cat\n"{{c1::Bonn}} was a capital",\n';
    const first = await importDeckFile(collection, file(text, 'words.csv'));
    expect(first).toMatchObject({ added: 3, decks: ['Vocabulary'] });
    const once = dump(collection);
    expect(await importDeckFile(collection, file(text, 'words.csv'))).toMatchObject({ added: 0, updated: 0, skipped: 3 });
    expect(dump(collection)).toEqual(once);
  });

  it('a CSV without a deck goes to a deck named after the file', async () => {
    const { collection } = track(emptyCollection());
    expect(await importDeckFile(collection, file('front\tback\n', 'My words.txt'))).toMatchObject({ added: 1, decks: ['My words'] });
  });
});

describe('one transaction, a backup, and a preview', () => {
  it('a failure half way leaves the collection exactly as it was', async () => {
    const a = track(reviewedCollection({ days: 2 }));
    const b = track(emptyCollection(a.clock.now()));
    const text = exportJson(a.collection);
    const cards = parseLecternJson(text).cards.length;
    await importDeckFile(b.collection, file(text.replace(/"Question 1 /, '"Question one ')));
    const before = dump(b.collection);
    let calls = 0;
    const failing = importDeckFile(b.collection, file(text), {
      afterCard: (index) => {
        calls += 1;
        // The preview passes; the real import fails half way through its cards.
        if (calls > cards && index === Math.floor(cards / 2)) throw new Error('disk full (injected)');
      },
    });
    await expect(failing).rejects.toThrow(/injected/);
    expect(dump(b.collection)).toEqual(before);
    // Directly in a transaction, too.
    expect(() =>
      b.collection.transact((c) =>
        applyDeckFile(b.collection, readDeckFile(new TextEncoder().encode(text), 'x.json'), c, { afterCard: (i) => { if (i === 3) throw new Error('boom'); } }),
      ),
    ).toThrow(/boom/);
    expect(dump(b.collection)).toEqual(before);
  });

  it('backs the collection file up before an import changes it, and not when nothing changes', async () => {
    const dir = tempDir();
    const a = track(reviewedCollection({ days: 1, path: join(dir, 'lectern.sqlite') }));
    const text = exportJson(a.collection);
    const same = await importDeckFile(a.collection, file(text));
    expect(same.backup).toBeNull();
    expect(existsSync(join(dir, 'backups'))).toBe(false);

    const changed = text.replace(/"Question 1 /, '"Question one ').replace(/"updatedAt": (\d+)/, (_, n: string) => `"updatedAt": ${Number(n) + 1}`);
    const before = dump(a.collection);
    const summary = await importDeckFile(a.collection, file(changed));
    expect(summary.backup).toMatch(/backups\/lectern-.*-before-import\.sqlite$/);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
    // The backup is the collection as it was before.
    const { openCollection } = await import('../collection');
    const copy = openCollection({ path: summary.backup! });
    try {
      expect(dump(copy)).toEqual(before);
    } finally {
      copy.close();
    }
  });

  it('an import that adds only an article is backed up too', async () => {
    const a = track(reviewedCollection({ days: 1 }));
    const doc = parseLecternJson(exportJson(a.collection));
    const articlesOnly = { ...doc, decks: [], cards: [], reviewLogs: [] };
    const dir = tempDir();
    const b = track(emptyCollection(a.clock.now(), join(dir, 'lectern.sqlite')));
    const summary = await importDeckFile(b.collection, file(serializeLecternJson(articlesOnly)));
    expect(summary).toMatchObject({ added: 0, updated: 0, reviewLogs: 0 });
    expect(summary.changed).toContain('articles');
    expect(summary.backup).toMatch(/before-import\.sqlite$/);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
  });

  it('a preview counts what would be added, updated and skipped, and changes nothing', () => {
    const a = track(reviewedCollection({ days: 1 }));
    const text = exportJson(a.collection);
    const doc = parseLecternJson(text);
    doc.cards[0] = { ...doc.cards[0]!, tags: ['edited'], updatedAt: doc.cards[0]!.updatedAt + 1 };
    doc.cards.push({ ...doc.cards[1]!, id: '019ac000-0000-7000-8000-0000000000ff' });
    const before = dump(a.collection);
    const preview = previewDeckImport(a.collection, readDeckFile(new TextEncoder().encode(serializeLecternJson(doc)), 'x.json'));
    expect(preview).toMatchObject({ added: 1, updated: 1, skipped: doc.cards.length - 2 });
    expect(dump(a.collection)).toEqual(before);
  });
});

describe('bad input: a clear refusal, and nothing changed', () => {
  const good = () => {
    const a = reviewedCollection({ days: 1 });
    const bytes = exportDeck(a.collection, { scope: { all: true }, format: 'apkg', withSchedule: true }).bytes;
    a.collection.close();
    return bytes;
  };
  const cases: [string, () => { bytes: Uint8Array; fileName: string }, RegExp][] = [
    ['a truncated package', () => ({ bytes: good().subarray(0, 2000), fileName: 'deck.apkg' }), /damaged or truncated/],
    ['a non-zip package', () => file('front,back\n', 'deck.apkg'), /not a zip/],
    ['a zip bomb', () => ({ bytes: zipPackage({ 'collection.anki2': new Uint8Array(8 * 1024 * 1024), media: '{}' }), fileName: 'bomb.apkg' }), /zip bomb/],
    ['a media name with ".."', () => ({ bytes: zipPackage({ 'collection.anki2': buildCollection([stockBasic], []), media: JSON.stringify({ 0: '../evil.png' }), 0: 'x' }), fileName: 'm.apkg' }), /not a plain file name/],
    ['a wrong field count', () => ({ bytes: zipPackage({ 'collection.anki2': buildCollection([stockCloze], [{ id: 1, guid: 'g', mid: stockCloze.id, fields: ['{{c1::a}}', 'b', 'c'], cards: [{ id: 2, ord: 0 }] }]), media: '{}' }), fileName: 'f.apkg' }), /has 3 fields/],
    ['a ragged CSV', () => file('#separator:comma\na,b\nc,d,e\n', 'ragged.csv'), /Line 3 has 3 columns/],
    ['an unknown CSV header', () => file('#separator:comma\n#colour:blue\na,b\n', 'h.csv'), /not an Anki file header/],
    ['a JSON file of a future version', () => file('{"format":"lectern","version":2,"exportedAt":0}', 'future.json'), /newer Lectern/],
    ['a damaged JSON file', () => file('{"format":"lectern","version":1', 'broken.json'), /not valid JSON/],
    ['current Anki’s format', () => ({ bytes: zipPackage({ 'collection.anki21b': 'x', meta: new Uint8Array([8, 3]), media: '' }), fileName: 'new.apkg' }), /Support older Anki versions/],
    ['a whole Anki collection', () => file('x', 'all.colpkg'), /whole Anki collection/],
    ['an empty file', () => file('', 'empty.csv'), /is empty/],
    ['binary junk', () => ({ bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x90]), fileName: 'junk.bin' }), /neither an Anki package nor UTF-8/],
  ];
  it.each(cases)('%s', async (_name, make, message) => {
    const a = track(reviewedCollection({ days: 1 }));
    const before = dump(a.collection);
    const input = make();
    const error = await refusal(importDeckFile(a.collection, input, { limits: { ...DEFAULT_IMPORT_LIMITS, maxUncompressedBytes: 4 * 1024 * 1024 } }));
    expect(error.message).toMatch(message);
    expect(dump(a.collection)).toEqual(before);
    expect(() => readDeckFile(input.bytes, input.fileName, { limits: { ...DEFAULT_IMPORT_LIMITS, maxUncompressedBytes: 4 * 1024 * 1024 } })).toThrow(LecternError);
  });
});
