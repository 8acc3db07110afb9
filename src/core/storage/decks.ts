import type { Db } from './database';

export interface DeckRow {
  id: string;
  name: string;
  articleId: string | null;
  presetId: string;
}

export function insertDeck(db: Db, deck: DeckRow): void {
  db.prepare('INSERT INTO decks (id, name, article_id, preset_id) VALUES (@id, @name, @articleId, @presetId)').run(deck);
}

export function deckForArticle(db: Db, articleId: string): DeckRow | undefined {
  return db
    .prepare('SELECT id, name, article_id AS articleId, preset_id AS presetId FROM decks WHERE article_id = ?')
    .get(articleId) as DeckRow | undefined;
}

export function renameDeck(db: Db, id: string, name: string): void {
  db.prepare('UPDATE decks SET name = ? WHERE id = ?').run(name, id);
}

export function listDecks(db: Db): DeckRow[] {
  return db
    .prepare('SELECT id, name, article_id AS articleId, preset_id AS presetId FROM decks ORDER BY name, id')
    .all() as DeckRow[];
}

export function getDeck(db: Db, id: string): DeckRow | undefined {
  return db
    .prepare('SELECT id, name, article_id AS articleId, preset_id AS presetId FROM decks WHERE id = ?')
    .get(id) as DeckRow | undefined;
}

export function setDeckPreset(db: Db, deckId: string, presetId: string): void {
  db.prepare('UPDATE decks SET preset_id = ? WHERE id = ?').run(presetId, deckId);
}

/** Every deck on `fromPresetId` moves to `toPresetId`; returns how many moved. */
export function moveDecksToPreset(db: Db, fromPresetId: string, toPresetId: string): number {
  return db.prepare('UPDATE decks SET preset_id = ? WHERE preset_id = ?').run(toPresetId, fromPresetId).changes;
}
