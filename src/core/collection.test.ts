import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LecternError } from '../shared/contract';
import { manualClock } from './clock';
import { openCollection } from './collection';
import { LATEST_SCHEMA_VERSION, migrations } from './storage/migrations';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-col-'));
  dirs.push(dir);
  return join(dir, 'lectern.sqlite');
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('openCollection', () => {
  it('starts a new collection with one settings record and the preset "default", and nothing else', () => {
    const col = openCollection({ path: ':memory:', clock: manualClock(Date.UTC(2026, 0, 1)) });
    const presets = col.db.prepare('SELECT id, name, desired_retention, new_per_day FROM presets').all();
    expect(presets).toEqual([{ id: 'default', name: 'Default', desired_retention: 0.9, new_per_day: 20 }]);
    expect(col.db.prepare('SELECT day_starts_at, created_at FROM collection_settings').all()).toEqual([
      { day_starts_at: 4, created_at: Date.UTC(2026, 0, 1) },
    ]);
    for (const table of ['articles', 'decks', 'cards', 'review_logs']) {
      expect(col.db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    col.close();
  });

  it('records every migration in the database and opens a file with WAL and foreign keys', () => {
    const path = tempFile();
    const col = openCollection({ path });
    expect(col.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(migrations.map((m) => ({ version: m.version })));
    expect(migrations.at(-1)!.version).toBe(LATEST_SCHEMA_VERSION);
    expect(col.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(col.db.pragma('foreign_keys', { simple: true })).toBe(1);
    col.close();
    const again = openCollection({ path });
    expect(again.db.prepare('SELECT count(*) AS n FROM presets').get()).toEqual({ n: 1 });
    again.close();
  });

  it('refuses a collection written by a newer schema and leaves the file byte for byte as it was', () => {
    const path = tempFile();
    openCollection({ path }).close();
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = createHash('sha256').update(readFileSync(path)).digest('hex');
    let error: unknown;
    try {
      openCollection({ path });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).code).toBe('newer_schema');
    expect((error as LecternError).message).toMatch(/newer version of Lectern/);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before);
  });

  it('refuses a file that is not a database with a clear message', () => {
    const path = tempFile();
    rmSync(path, { force: true });
    writeFileSync(path, 'this is not sqlite '.repeat(100));
    expect(() => openCollection({ path })).toThrow(/not a Lectern collection/);
  });

  it('rolls a failed transaction back completely and reports what a successful one changed', () => {
    const col = openCollection({ path: ':memory:' });
    expect(() =>
      col.transact(() => {
        col.db.prepare("INSERT INTO presets (id, name) VALUES ('p2', 'Second')").run();
        throw new Error('half way');
      }),
    ).toThrow('half way');
    expect(col.db.prepare('SELECT count(*) AS n FROM presets').get()).toEqual({ n: 1 });
    const done = col.transact((changes) => {
      col.db.prepare("INSERT INTO presets (id, name) VALUES ('p2', 'Second')").run();
      changes.mark('presets');
      return 'ok';
    });
    expect(done).toEqual({ value: 'ok', changed: ['presets'] });
    col.close();
  });
});
