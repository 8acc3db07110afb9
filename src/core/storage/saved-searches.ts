/** Saved searches of the card browser's sidebar: a name and a search in Anki's language. */
import type { Db } from './database';

export interface SavedSearchRow {
  id: string;
  name: string;
  query: string;
}

export function listSavedSearches(db: Db): SavedSearchRow[] {
  return db.prepare('SELECT id, name, query FROM saved_searches ORDER BY name COLLATE NOCASE, id').all() as SavedSearchRow[];
}

export function getSavedSearch(db: Db, id: string): SavedSearchRow | undefined {
  return db.prepare('SELECT id, name, query FROM saved_searches WHERE id = ?').get(id) as SavedSearchRow | undefined;
}

export function insertSavedSearch(db: Db, row: SavedSearchRow, now: number): void {
  db.prepare('INSERT INTO saved_searches (id, name, query, created_at) VALUES (@id, @name, @query, @now)').run({ ...row, now });
}

export function updateSavedSearch(db: Db, row: SavedSearchRow): void {
  db.prepare('UPDATE saved_searches SET name = @name, query = @query WHERE id = @id').run(row);
}

export function deleteSavedSearch(db: Db, id: string): number {
  return db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id).changes;
}
