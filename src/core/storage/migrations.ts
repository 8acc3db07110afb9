/**
 * Numbered schema migrations. Each runs once, in order, inside one transaction, and is recorded in
 * `schema_migrations` and in `PRAGMA user_version`. Never edit a migration that has shipped: add one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'collection, presets, articles, decks, cards, review logs',
    sql: `
      CREATE TABLE collection_settings (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        day_starts_at   INTEGER NOT NULL DEFAULT 4 CHECK (day_starts_at BETWEEN 0 AND 23),
        time_zone       TEXT,
        created_at      INTEGER NOT NULL
      );

      CREATE TABLE presets (
        id                 TEXT PRIMARY KEY,
        name               TEXT NOT NULL,
        desired_retention  REAL NOT NULL DEFAULT 0.9 CHECK (desired_retention BETWEEN 0.7 AND 0.99),
        maximum_interval   INTEGER NOT NULL DEFAULT 36500 CHECK (maximum_interval >= 1),
        learning_steps     TEXT NOT NULL DEFAULT '["1m","10m"]',
        relearning_steps   TEXT NOT NULL DEFAULT '["10m"]',
        enable_fuzz        INTEGER NOT NULL DEFAULT 1,
        new_per_day        INTEGER NOT NULL DEFAULT 20 CHECK (new_per_day >= 0),
        reviews_per_day    INTEGER NOT NULL DEFAULT 200 CHECK (reviews_per_day >= 0),
        bury_siblings      INTEGER NOT NULL DEFAULT 1,
        leech_threshold    INTEGER NOT NULL DEFAULT 8 CHECK (leech_threshold >= 1),
        weights            TEXT
      );

      CREATE TABLE articles (
        id               TEXT PRIMARY KEY,
        title            TEXT NOT NULL,
        meta             TEXT NOT NULL DEFAULT '{}',
        sections         TEXT NOT NULL DEFAULT '[]',
        paragraph_kinds  TEXT NOT NULL DEFAULT '[]',
        format           TEXT NOT NULL,
        source           TEXT,
        source_hash      TEXT NOT NULL UNIQUE,
        bundled          INTEGER NOT NULL DEFAULT 0,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        last_opened_at   INTEGER,
        reading_position TEXT
      );
      CREATE INDEX articles_source ON articles (source);

      CREATE TABLE decks (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        article_id  TEXT UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
        preset_id   TEXT NOT NULL REFERENCES presets (id)
      );

      CREATE TABLE cards (
        id               TEXT PRIMARY KEY,
        deck_id          TEXT NOT NULL REFERENCES decks (id) ON DELETE CASCADE,
        article_id       TEXT REFERENCES articles (id) ON DELETE CASCADE,
        section_index    INTEGER,
        kind             TEXT NOT NULL CHECK (kind IN ('cloze', 'qa', 'list')),
        text             TEXT,
        front            TEXT,
        back             TEXT,
        source_paragraph INTEGER,
        source_start     INTEGER,
        source_end       INTEGER,
        source_quote     TEXT,
        source_prefix    TEXT,
        source_suffix    TEXT,
        source_status    TEXT CHECK (source_status IN ('ok', 'changed', 'missing')),
        tags             TEXT NOT NULL DEFAULT '[]',
        suspended        INTEGER NOT NULL DEFAULT 0,
        buried_until     INTEGER,
        flag             INTEGER NOT NULL DEFAULT 0 CHECK (flag BETWEEN 0 AND 7),
        state            INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),
        due              INTEGER NOT NULL,
        stability        REAL NOT NULL DEFAULT 0,
        difficulty       REAL NOT NULL DEFAULT 0,
        reps             INTEGER NOT NULL DEFAULT 0,
        lapses           INTEGER NOT NULL DEFAULT 0,
        last_review      INTEGER,
        learning_steps   INTEGER NOT NULL DEFAULT 0,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL
      );
      CREATE INDEX cards_deck_due ON cards (deck_id, due);
      CREATE INDEX cards_due ON cards (due);
      CREATE INDEX cards_article_section ON cards (article_id, section_index);

      CREATE TABLE review_logs (
        id              TEXT PRIMARY KEY,
        card_id         TEXT NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
        kind            TEXT NOT NULL CHECK (kind IN ('review', 'preview', 'manual', 'reset')),
        rating          INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 4),
        reviewed_at     INTEGER NOT NULL,
        state           INTEGER NOT NULL,
        due             INTEGER NOT NULL,
        stability       REAL NOT NULL,
        difficulty      REAL NOT NULL,
        elapsed_days    INTEGER NOT NULL,
        scheduled_days  INTEGER NOT NULL,
        duration_ms     INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX review_logs_card ON review_logs (card_id, reviewed_at);
      CREATE INDEX review_logs_time ON review_logs (reviewed_at);
    `,
  },
  {
    version: 2,
    name: 'full-text search over cards (FTS5), kept in sync by triggers',
    // A self-contained FTS table, not an external-content one: cards has no INTEGER PRIMARY KEY, so its
    // implicit rowid may be renumbered by VACUUM. cards_fts_keys maps a card to its FTS row, so the
    // triggers find that row by key instead of scanning. Tags are indexed as words.
    sql: `
      CREATE VIRTUAL TABLE cards_fts USING fts5(
        card_id UNINDEXED, text, front, back, tags, tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TABLE cards_fts_keys (
        card_id  TEXT PRIMARY KEY,
        fts_row  INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TRIGGER cards_fts_insert AFTER INSERT ON cards BEGIN
        INSERT INTO cards_fts (card_id, text, front, back, tags)
        VALUES (new.id, coalesce(new.text, ''), coalesce(new.front, ''), coalesce(new.back, ''),
                (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.tags)));
        INSERT INTO cards_fts_keys (card_id, fts_row) VALUES (new.id, last_insert_rowid());
      END;
      CREATE TRIGGER cards_fts_delete AFTER DELETE ON cards BEGIN
        DELETE FROM cards_fts WHERE rowid = (SELECT fts_row FROM cards_fts_keys WHERE card_id = old.id);
        DELETE FROM cards_fts_keys WHERE card_id = old.id;
      END;
      CREATE TRIGGER cards_fts_update AFTER UPDATE OF id, text, front, back, tags ON cards BEGIN
        DELETE FROM cards_fts WHERE rowid = (SELECT fts_row FROM cards_fts_keys WHERE card_id = old.id);
        DELETE FROM cards_fts_keys WHERE card_id = old.id;
        INSERT INTO cards_fts (card_id, text, front, back, tags)
        VALUES (new.id, coalesce(new.text, ''), coalesce(new.front, ''), coalesce(new.back, ''),
                (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.tags)));
        INSERT INTO cards_fts_keys (card_id, fts_row) VALUES (new.id, last_insert_rowid());
      END;
      -- Index the cards already there.
      INSERT INTO cards_fts (card_id, text, front, back, tags)
        SELECT id, coalesce(text, ''), coalesce(front, ''), coalesce(back, ''),
               (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(cards.tags))
          FROM cards;
      INSERT INTO cards_fts_keys (card_id, fts_row) SELECT card_id, rowid FROM cards_fts;
      CREATE INDEX cards_created ON cards (created_at);
      CREATE INDEX cards_state_due ON cards (state, due);
    `,
  },
  {
    version: 3,
    name: "card search in Anki's language: a trigram index for words, an edit time, saved searches",
    // Anki matches words anywhere in a field ("glac" finds "subglacial"), which a word index cannot; a
    // trigram index can, for any run of three letters. It replaces the word index of migration 2. It is
    // contentless (the text is in cards already): searches read only its rowids, which cards_text_keys
    // maps to card ids (an INTEGER PRIMARY KEY, so VACUUM keeps the numbers). `edited_at` is the time of the last change to a card's content
    // or tags (Anki's note modification time, for edited:N); updated_at also moves when a card is reviewed.
    sql: `
      DROP TRIGGER cards_fts_insert;
      DROP TRIGGER cards_fts_delete;
      DROP TRIGGER cards_fts_update;
      DROP TABLE cards_fts;
      DROP TABLE cards_fts_keys;
      CREATE TABLE cards_text_keys (
        fts_row  INTEGER PRIMARY KEY,
        card_id  TEXT NOT NULL UNIQUE
      );
      CREATE VIRTUAL TABLE cards_text USING fts5(
        body, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
      );
      CREATE TRIGGER cards_text_insert AFTER INSERT ON cards BEGIN
        INSERT INTO cards_text_keys (card_id) VALUES (new.id);
        INSERT INTO cards_text (rowid, body)
        VALUES (last_insert_rowid(), coalesce(new.text, '') || char(10) || coalesce(new.front, '') || char(10) || coalesce(new.back, ''));
      END;
      CREATE TRIGGER cards_text_delete AFTER DELETE ON cards BEGIN
        DELETE FROM cards_text WHERE rowid = (SELECT fts_row FROM cards_text_keys WHERE card_id = old.id);
        DELETE FROM cards_text_keys WHERE card_id = old.id;
      END;
      CREATE TRIGGER cards_text_update AFTER UPDATE OF id, text, front, back ON cards BEGIN
        DELETE FROM cards_text WHERE rowid = (SELECT fts_row FROM cards_text_keys WHERE card_id = old.id);
        UPDATE cards_text_keys SET card_id = new.id WHERE card_id = old.id;
        INSERT INTO cards_text (rowid, body)
        VALUES ((SELECT fts_row FROM cards_text_keys WHERE card_id = new.id),
                coalesce(new.text, '') || char(10) || coalesce(new.front, '') || char(10) || coalesce(new.back, ''));
      END;
      INSERT INTO cards_text_keys (card_id) SELECT id FROM cards ORDER BY rowid;
      INSERT INTO cards_text (rowid, body)
        SELECT k.fts_row, coalesce(c.text, '') || char(10) || coalesce(c.front, '') || char(10) || coalesce(c.back, '')
          FROM cards_text_keys k JOIN cards c ON c.id = k.card_id;

      ALTER TABLE cards ADD COLUMN edited_at INTEGER;

      CREATE TABLE saved_searches (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        query       TEXT NOT NULL,
        created_at  INTEGER NOT NULL
      );
    `,
  },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
