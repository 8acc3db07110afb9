/**
 * Test helpers: open a produced package the way Anki does (unzip, SQLite file), and build arbitrary
 * legacy packages (what Anki or genanki would write) to feed the reader.
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { SCHEMA11_DDL, confJson, dconfJson, deckJson } from './schema11';

export interface OpenedPackage {
  entries: Record<string, Uint8Array>;
  collectionBytes: Uint8Array;
  db: Database.Database;
  close(): void;
}

export function openPackage(bytes: Uint8Array): OpenedPackage {
  const entries = unzipSync(bytes);
  const collectionBytes = entries['collection.anki2']!;
  const dir = mkdtempSync(join(tmpdir(), 'lectern-test-'));
  const file = join(dir, 'collection.anki2');
  writeFileSync(file, collectionBytes);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    entries,
    collectionBytes,
    db,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestNotetype {
  id: number;
  name: string;
  type: 0 | 1;
  fields: string[];
  templates: { name: string; qfmt: string; afmt: string }[];
}

export interface TestNote {
  id: number;
  guid: string;
  mid: number;
  fields: string[];
  tags?: string;
  cards: { id: number; ord: number; did?: number; type?: number; queue?: number; due?: number; ivl?: number; data?: string }[];
  revlog?: { id: number; cid: number; ease: number; ivl: number; lastIvl: number; factor: number; time: number; type: number }[];
}

export const TEST_DECK_ID = 1_700_000_000_100;

export const stockBasic: TestNotetype = {
  id: 1_700_000_000_001,
  name: 'Basic (and reversed card)',
  type: 0,
  fields: ['Front', 'Back'],
  templates: [
    { name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' },
    { name: 'Card 2', qfmt: '{{Back}}', afmt: '{{FrontSide}}<hr id=answer>{{Front}}' },
  ],
};

export const stockCloze: TestNotetype = {
  id: 1_700_000_000_002,
  name: 'Cloze',
  type: 1,
  fields: ['Text', 'Back Extra'],
  templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>{{Back Extra}}' }],
};

/** A schema-11 collection file with the given note types and notes. */
export function buildCollection(notetypes: TestNotetype[], notes: TestNote[], crt = 1_764_000_000, wal = false): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-test-'));
  try {
    const file = join(dir, 'c.anki2');
    const db = new Database(file);
    if (wal) db.pragma('journal_mode = WAL');
    db.exec(SCHEMA11_DDL);
    const models = Object.fromEntries(
      notetypes.map((m) => [
        String(m.id),
        {
          id: m.id,
          name: m.name,
          type: m.type,
          mod: 1,
          usn: -1,
          sortf: 0,
          did: TEST_DECK_ID,
          css: '',
          flds: m.fields.map((name, ord) => ({ name, ord, font: 'Arial', size: 20, rtl: false, sticky: false })),
          tmpls: m.templates.map((t, ord) => ({ ...t, ord, bqfmt: '', bafmt: '', did: null })),
        },
      ]),
    );
    const decks = { [String(TEST_DECK_ID)]: deckJson(TEST_DECK_ID, 'Imported::Sub', 1) };
    db.prepare('INSERT INTO col VALUES (1, ?, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, ?)').run(
      crt,
      JSON.stringify(confJson(TEST_DECK_ID)),
      JSON.stringify(models),
      JSON.stringify(decks),
      JSON.stringify(dconfJson()),
      '{}',
    );
    for (const n of notes) {
      db.prepare("INSERT INTO notes VALUES (?, ?, ?, 1, -1, ?, ?, '', 0, 0, '')").run(n.id, n.guid, n.mid, n.tags ?? '', n.fields.join('\x1f'));
      for (const c of n.cards) {
        db.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, 1, -1, ?, ?, ?, ?, 2500, 1, 0, 0, 0, 0, 0, ?)').run(
          c.id,
          n.id,
          c.did ?? TEST_DECK_ID,
          c.ord,
          c.type ?? 0,
          c.queue ?? 0,
          c.due ?? 1,
          c.ivl ?? 0,
          c.data ?? '',
        );
      }
      for (const r of n.revlog ?? []) db.prepare('INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)').run(r.id, r.cid, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type);
    }
    db.close();
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function zipPackage(entries: Record<string, Uint8Array | string>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, value] of Object.entries(entries)) zippable[name] = typeof value === 'string' ? strToU8(value) : value;
  return zipSync(zippable, { mtime: new Date(Date.UTC(2026, 0, 1)) });
}
