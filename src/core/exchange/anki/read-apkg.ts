/**
 * Reads a legacy Anki package into card drafts. Like Anki, `collection.anki21` wins over
 * `collection.anki2`; current Anki's default format (`meta` version 3, zstd `collection.anki21b`) is
 * refused with what to tick in Anki's export dialog. Media is checked (a name with a path in it refuses the
 * whole file, as in Anki) but not kept: Lectern cards are text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LecternError } from '../../../shared/contract';
import { DEFAULT_IMPORT_LIMITS, type AnkiCardDraft, type AnkiImportModel, type ImportLimits } from '../model';
import { noteToDrafts, type AnkiCardRow, type AnkiNotetype, type AnkiRevlogRow } from './drafts';
import { sqliteOptions, withTempDir, type SqliteOptions } from './temp';
import { openZip, type ZipArchive } from './zip';

export const NEWER_ANKI_MESSAGE =
  'This package is in the format of current Anki versions, which Lectern cannot read. In Anki, export it again ' +
  'as "Anki Deck Package (.apkg)" with "Support older Anki versions (slower/larger files)" ticked, and import that file.';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export function readApkg(bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS, options: SqliteOptions = {}): AnkiImportModel {
  const zip = openZip(bytes, limits);
  refuseNewerFormat(zip);
  const collectionName = zip.has('collection.anki21') ? 'collection.anki21' : zip.has('collection.anki2') ? 'collection.anki2' : null;
  if (collectionName === null) throw new LecternError('bad_input', 'This zip file is not an Anki package: it holds no collection.anki2.');
  const mediaCount = checkMedia(zip);
  const collection = zip.read(collectionName);
  if (new TextDecoder().decode(collection.subarray(0, 16)) !== SQLITE_MAGIC) {
    throw new LecternError('bad_input', `This Anki package is damaged: ${collectionName} is not an SQLite database.`);
  }
  const model = withTempDir((dir) => {
    const file = join(dir, 'collection.sqlite');
    // A WAL-mode header cannot be opened read-only without its -shm file; with no -wal beside it, the
    // file is complete, and marking it rollback-journal (bytes 18–19 = 1) is what a checkpoint would do.
    if (collection[18] === 2 || collection[19] === 2) collection.set([1, 1], 18);
    writeFileSync(file, collection);
    let db: Database.Database;
    try {
      db = new Database(file, { ...sqliteOptions(options), readonly: true, fileMustExist: true });
    } catch (error) {
      throw new LecternError('bad_input', `This Anki package is damaged: ${(error as Error).message}.`);
    }
    try {
      return readCollection(db);
    } catch (error) {
      if (error instanceof LecternError) throw error;
      throw new LecternError('bad_input', `This Anki package is damaged: ${(error as Error).message}.`);
    } finally {
      db.close();
    }
  });
  if (mediaCount > 0) model.warnings.push(`${mediaCount} media file(s) were not imported: Lectern cards hold text only.`);
  return model;
}

/** `meta` is protobuf `PackageMetadata { Version version = 1 }`: 1 and 2 are legacy, 3 is zstd. */
function refuseNewerFormat(zip: ZipArchive): void {
  if (zip.has('collection.anki21b')) throw new LecternError('unsupported', NEWER_ANKI_MESSAGE);
  if (!zip.has('meta')) return;
  const meta = zip.read('meta');
  let version = 0;
  for (let i = 0; i < meta.length; ) {
    const tag = meta[i++]!;
    let value = 0;
    for (let shift = 0; i < meta.length; shift += 7) {
      const byte = meta[i++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) break;
    }
    if (tag === 0x08) version = value;
    else break; // Only field 1 (varint) is defined; anything else means a format we do not know.
  }
  if (version !== 1 && version !== 2) throw new LecternError('unsupported', NEWER_ANKI_MESSAGE);
}

/** Anki's `filename_is_safe`: one plain path component. Anything else refuses the whole package. */
export function isSafeMediaName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name) && !/^[a-zA-Z]:/.test(name);
}

function checkMedia(zip: ZipArchive): number {
  if (!zip.has('media')) return 0;
  let map: unknown;
  try {
    map = JSON.parse(new TextDecoder().decode(zip.read('media')));
  } catch {
    throw new LecternError('bad_input', 'This Anki package is damaged: its media list is not JSON.');
  }
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new LecternError('bad_input', 'This Anki package is damaged: its media list is not an object.');
  const names = Object.values(map as Record<string, unknown>);
  for (const name of names) {
    if (typeof name !== 'string' || !isSafeMediaName(name)) {
      throw new LecternError('bad_input', `This Anki package was refused: the media name ${JSON.stringify(name)} is not a plain file name.`);
    }
  }
  return names.length;
}

function readCollection(db: Database.Database): AnkiImportModel {
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  for (const t of ['col', 'notes', 'cards', 'revlog']) if (!tables.has(t)) throw new LecternError('bad_input', `This Anki package is damaged: its collection has no ${t} table.`);
  const col = db.prepare('SELECT crt, ver, models, decks FROM col').all() as { crt: number; ver: number; models: string; decks: string }[];
  if (col.length !== 1) throw new LecternError('bad_input', `This Anki package is damaged: its collection has ${col.length} col rows instead of one.`);
  const { crt, ver } = col[0]!;
  if (ver !== 11) throw new LecternError('unsupported', `This Anki collection has schema version ${ver}; Lectern reads the legacy version 11. ${NEWER_ANKI_MESSAGE}`);
  const models = parseJsonObject(col[0]!.models, 'note types') as Record<string, AnkiNotetype>;
  const decks = parseJsonObject(col[0]!.decks, 'decks') as Record<string, { name?: unknown }>;
  const deckName = (did: number): string | null => {
    const name = decks[String(did)]?.name;
    return typeof name === 'string' ? name : null;
  };

  const cardsOf = db.prepare('SELECT * FROM cards WHERE nid = ? ORDER BY ord, id');
  const revlogOf = db.prepare('SELECT * FROM revlog WHERE cid = ? ORDER BY id');
  const notes = db.prepare('SELECT id, guid, mid, tags, flds FROM notes ORDER BY id').all() as {
    id: number;
    guid: string;
    mid: number;
    tags: string;
    flds: string;
  }[];

  const cards: AnkiCardDraft[] = [];
  const warnings: string[] = [];
  let skipped = 0;
  for (const note of notes) {
    const notetype = models[String(note.mid)];
    if (!notetype || !Array.isArray(notetype.flds) || !Array.isArray(notetype.tmpls)) {
      throw new LecternError('bad_input', `This Anki package is damaged: note ${note.id} uses note type ${note.mid}, which is not in the package.`);
    }
    const fields = String(note.flds).split('\x1f');
    if (fields.length !== notetype.flds.length) {
      throw new LecternError(
        'bad_input',
        `This Anki package was refused: note ${note.id} has ${fields.length} fields, but its note type "${String(notetype.name)}" has ${notetype.flds.length}.`,
      );
    }
    const rows = cardsOf.all(note.id) as AnkiCardRow[];
    const result = noteToDrafts({
      guid: String(note.guid),
      notetypeId: Number(note.mid),
      notetype,
      fields,
      tags: String(note.tags).split(/\s+/).filter(Boolean),
      cards: rows.map((card) => ({ card, revlog: revlogOf.all(card.id) as AnkiRevlogRow[], deck: deckName(card.odid || card.did) })),
      crtSeconds: crt,
    });
    cards.push(...result.drafts);
    skipped += result.skipped;
  }
  if (skipped > 0) warnings.push(`${skipped} card(s) were skipped: they have no text Lectern can show.`);
  const deckNames = [...new Set(cards.map((c) => c.deck).filter((d): d is string => d !== null))].sort();
  return { cards, decks: deckNames, warnings };
}

function parseJsonObject(text: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new LecternError('bad_input', `This Anki package is damaged: its ${what} are not a JSON object.`);
}
