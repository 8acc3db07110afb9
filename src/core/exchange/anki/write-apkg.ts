/**
 * Writes a legacy Anki package: a zip with `collection.anki2` (schema 11) and `media` = "{}", no `meta`
 * (the layout every Anki since 2.1 imports, ANKI-FORMAT.md §0). One note per Lectern card, each yielding
 * exactly one card (Basic template 0, or Cloze c1 → ord 0).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import { LecternError } from '../../../shared/contract';
import { studyDay, type DaySettings } from '../../study-day';
import { clozeNumbers } from '../../cards/cloze';
import type { AnkiNote, AnkiPackageModel } from '../model';
import { fieldChecksum, stripHtmlPreservingMediaFilenames } from './checksum';
import { modelsJson, notetypeIdFor } from './notetypes';
import { newCardColumns, revlogColumns, scheduledCardColumns, DAY_MS, type DayIndex } from './schedule';
import { confJson, dconfJson, deckIdFor, deckJson, DEFAULT_DECK_ID, SCHEMA11_DDL } from './schema11';
import { sqliteOptions, withTempDir, type SqliteOptions } from './temp';

export interface WriteApkgOptions extends SqliteOptions {
  /** Include card states, FSRS memory and the review log ("Import any learning progress" in Anki). */
  withSchedule: boolean;
  /** Epoch ms: the export instant (ids are kept at or before it, `col.mod` is it). */
  now: number;
}

export function writeApkg(pkg: AnkiPackageModel, options: WriteApkgOptions): Uint8Array {
  validate(pkg);
  const collection = withTempDir((dir) => {
    const file = join(dir, 'collection.anki2');
    const db = new Database(file, sqliteOptions(options));
    try {
      // A plain rollback journal: the file must be complete on its own, with no -wal beside it.
      db.pragma('journal_mode = DELETE');
      db.exec(SCHEMA11_DDL);
      db.transaction(() => fill(db, pkg, options))();
    } finally {
      db.close();
    }
    return readFileSync(file);
  });
  const mtime = new Date(options.now);
  return zipSync({ 'collection.anki2': [new Uint8Array(collection), { mtime }], media: [strToU8('{}'), { mtime, level: 0 }] }, { mtime });
}

/** Every deck with its parents, sorted, so `A::B` never exists without `A`. */
export function allDeckNames(names: readonly string[]): string[] {
  const all = new Set<string>();
  for (const name of names) {
    const levels = name.split('::');
    for (let i = 1; i <= levels.length; i++) all.add(levels.slice(0, i).join('::'));
  }
  return [...all].sort();
}

function validate(pkg: AnkiPackageModel): void {
  const decks = new Set(pkg.decks);
  const guids = new Set<string>();
  for (const note of pkg.notes) {
    const where = `note ${note.guid}`;
    if (!note.guid || /\s/.test(note.guid)) throw new LecternError('bad_input', `${where}: a GUID must be non-empty without spaces.`);
    if (guids.has(note.guid)) throw new LecternError('bad_input', `${where}: two notes share this GUID.`);
    guids.add(note.guid);
    if (note.fields.length !== 4) throw new LecternError('bad_input', `${where}: has ${note.fields.length} fields, its note type has 4.`);
    if (!decks.has(note.deck)) throw new LecternError('bad_input', `${where}: deck "${note.deck}" is not in the package.`);
    if (stripHtmlPreservingMediaFilenames(note.fields[0]).trim() === '') throw new LecternError('bad_input', `${where}: the first field is empty.`);
    if (note.kind === 'cloze') {
      const numbers = clozeNumbers(note.fields.join('\n'));
      if (numbers.length !== 1 || numbers[0] !== 1) {
        throw new LecternError('bad_input', `${where}: a Lectern cloze note must use c1 only (found ${numbers.map((n) => `c${n}`).join(', ') || 'none'}).`);
      }
    }
  }
}

/** Ids are epoch ms, unique, and never after `now` (Anki refuses or renumbers future ids). */
function idAllocator(now: number) {
  const used = new Set<number>();
  return (wanted: number) => {
    let id = Math.max(1, Math.min(Math.floor(wanted), now));
    while (used.has(id)) id += 1;
    used.add(id);
    return id;
  };
}

/** `col.crt`: the start of the study day of the earliest instant the package mentions, in seconds. */
function creationDay(pkg: AnkiPackageModel, now: number, day: DaySettings): { crt: number; dayIndex: DayIndex } {
  let earliest = now;
  for (const note of pkg.notes) {
    earliest = Math.min(earliest, note.createdAt);
    if (note.schedule.state !== 0) earliest = Math.min(earliest, note.schedule.due);
    for (const r of note.reviews) earliest = Math.min(earliest, r.reviewedAt);
  }
  const first = studyDay(earliest, day);
  const crt = Math.floor(first.start / 1000);
  return { crt, dayIndex: (instant) => Math.max(0, studyDay(instant, day).dayNumber - first.dayNumber) };
}

const tagsColumn = (tags: readonly string[]) => {
  const clean = [...new Set(tags.map((t) => t.trim().replace(/\s+/g, '_')).filter(Boolean))];
  return clean.length > 0 ? ` ${clean.join(' ')} ` : '';
};

function fill(db: Database.Database, pkg: AnkiPackageModel, options: WriteApkgOptions): void {
  const { now, withSchedule } = options;
  const nowSeconds = Math.floor(now / 1000);
  const day: DaySettings = { dayStartsAt: pkg.dayStartsAt, timeZone: pkg.timeZone };
  const { crt, dayIndex } = creationDay(pkg, now, day);

  const deckNames = allDeckNames(pkg.decks);
  const deckIds = new Map(deckNames.map((name) => [name, deckIdFor(name)]));
  // Anki collections always have deck 1; keep it unless one of ours has its name (names must be unique).
  const clashes = deckNames.some((n) => n.toLowerCase() === 'default');
  const decks: Record<string, unknown> = clashes ? {} : { [String(DEFAULT_DECK_ID)]: deckJson(DEFAULT_DECK_ID, 'Default', nowSeconds) };
  for (const [name, id] of deckIds) decks[String(id)] = deckJson(id, name, nowSeconds);
  const firstDeck = deckNames.length > 0 ? deckIds.get(deckNames[0]!)! : DEFAULT_DECK_ID;

  db.prepare('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)').run(
    crt,
    now,
    now,
    JSON.stringify(confJson(firstDeck)),
    JSON.stringify(modelsJson(firstDeck)),
    JSON.stringify(decks),
    JSON.stringify(dconfJson()),
    '{}',
  );

  const insertNote = db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
  const insertCard = db.prepare('INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)');
  const insertRevlog = db.prepare('INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)');
  const noteId = idAllocator(now);
  const cardId = idAllocator(now);
  const revlogId = idAllocator(now + DAY_MS - 1);

  pkg.notes.forEach((note, index) => {
    const nid = noteId(note.createdAt);
    insertNote.run(nid, note.guid, notetypeIdFor(note.kind), seconds(note.modifiedAt), tagsColumn(note.tags), note.fields.join('\x1f'), sortField(note), fieldChecksum(note.fields[0]), '');
    const position = index + 1;
    const c = withSchedule ? scheduledCardColumns(note.schedule, position, dayIndex, now) : newCardColumns(position);
    const cardMod = withSchedule ? Math.max(note.modifiedAt, note.schedule.lastReview ?? 0) : note.modifiedAt;
    const cid = cardId(note.createdAt);
    const flags = Math.min(7, Math.max(0, Math.round(note.flag)));
    insertCard.run(cid, nid, deckIds.get(note.deck)!, seconds(cardMod), c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses, c.left, flags, c.data);
    if (!withSchedule) return;
    const events = [...note.reviews].sort((a, b) => a.reviewedAt - b.reviewedAt);
    revlogColumns(events, note.schedule).forEach((r, i) => {
      insertRevlog.run(revlogId(events[i]!.reviewedAt), cid, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type);
    });
  });
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/** `sfld`: the stripped sort field (field 0 for both note types). */
function sortField(note: AnkiNote): string {
  return stripHtmlPreservingMediaFilenames(note.fields[0]);
}
