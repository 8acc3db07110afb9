/**
 * Rows ↔ Lectern JSON records, on top of the storage modules (this file holds no SQL: every read and
 * write goes through src/core/storage). A card row is written whole (insert, then every column), so an
 * imported card is stored exactly as the file has it.
 */
import { createHash } from 'node:crypto';
import type { ParagraphKind } from '../../shared/contract';
import { getArticle, insertArticle, listArticles } from '../storage/articles';
import { fromRawCard, getRawCard, insertCard, listCardsInScope, restoreRawCard, type RawCardRow } from '../storage/cards';
import type { Db } from '../storage/database';
import { listDecks } from '../storage/decks';
import { listPresets } from '../storage/presets';
import { insertLog, listLogsForCard, listLogsSince, type StoredLog } from '../storage/review-logs';
import { readDaySettings } from '../storage/settings';
import { orderedLog, type LecternArticle, type LecternCard, type LecternDeck, type LecternPreset, type LecternReviewLog, type LecternSettings } from './lectern-json';

/** A stored card as a Lectern JSON record: the storage module's mapping, with the format's empty strings for missing text. */
export function cardFromRaw(raw: RawCardRow): LecternCard {
  const { kind, text, front, back, source, ...common } = fromRawCard(raw);
  const record = { ...common, source: source && { ...source, prefix: source.prefix ?? '', suffix: source.suffix ?? '' } };
  return kind === 'qa' ? { ...record, kind, front: front ?? '', back: back ?? '' } : { ...record, kind, text: text ?? '' };
}

export function rawFromCard(card: LecternCard): RawCardRow {
  const s = card.source;
  return {
    id: card.id,
    deck_id: card.deckId,
    article_id: card.articleId,
    section_index: card.sectionIndex,
    kind: card.kind,
    text: card.kind === 'qa' ? null : card.text,
    front: card.kind === 'qa' ? card.front : null,
    back: card.kind === 'qa' ? card.back : null,
    source_paragraph: s?.paragraphIndex ?? null,
    source_start: s?.start ?? null,
    source_end: s?.end ?? null,
    source_quote: s?.quote ?? null,
    source_prefix: s?.prefix ?? null,
    source_suffix: s?.suffix ?? null,
    source_status: card.sourceStatus,
    tags: JSON.stringify(card.tags),
    suspended: card.suspended ? 1 : 0,
    buried_until: card.buriedUntil,
    flag: card.flag,
    state: card.state,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    last_review: card.lastReview,
    learning_steps: card.learningSteps,
    created_at: card.createdAt,
    updated_at: card.updatedAt,
  };
}

/** A stored log as a Lectern JSON record (the format's fields, in its order). */
export const logFromStored = (l: StoredLog): LecternReviewLog => orderedLog(l);

export const storedFromLog = (l: LecternReviewLog): StoredLog => ({ ...l, rating: l.rating as StoredLog['rating'], state: l.state as StoredLog['state'] });

/** Same columns, same values: whether writing `next` over `current` would change anything. */
export function sameRow(a: RawCardRow, b: RawCardRow): boolean {
  return (Object.keys(a) as (keyof RawCardRow)[]).every((k) => a[k] === b[k]);
}

/** A card row written whole: inserted with the storage module's defaults, then every column set. */
export function writeNewCard(db: Db, raw: RawCardRow): void {
  insertCard(db, { id: raw.id, deckId: raw.deck_id, articleId: raw.article_id, sectionIndex: raw.section_index, kind: raw.kind, now: raw.created_at });
  restoreRawCard(db, raw);
}

export function writeLog(db: Db, log: LecternReviewLog): void {
  insertLog(db, storedFromLog(log));
}

/** A new article from a Lectern file: the format carries no paragraph kinds, so every paragraph is prose. */
export function writeNewArticle(db: Db, article: LecternArticle, now: number): void {
  const kinds: ParagraphKind[][] = article.sections.map((s) => s.paragraphs.map(() => 'prose'));
  insertArticle(db, {
    id: article.id,
    article: { title: article.title, meta: article.meta, sections: article.sections },
    paragraphKinds: kinds,
    format: 'text',
    source: null,
    sourceHash: article.sourceHash,
    bundled: false,
    now,
  });
}

/** The reads an export needs, as Lectern JSON records. */
export function exchangeReads(db: Db) {
  const article = (id: string): LecternArticle | undefined => {
    const row = getArticle(db, id);
    return row ? { id: row.id, title: row.title, meta: row.meta, sourceHash: row.sourceHash, sections: row.sections } : undefined;
  };
  return {
    settings: (): LecternSettings => readDaySettings(db),
    article,
    allArticles: (): LecternArticle[] => listArticles(db, 0, 0).map((a) => article(a.id)!),
    allCards: (): LecternCard[] => listCardsInScope(db, {}).map(cardFromRaw),
    cardsOfArticle: (articleId: string): LecternCard[] => listCardsInScope(db, { articleId }).map(cardFromRaw),
    card: (id: string): LecternCard | undefined => {
      const raw = getRawCard(db, id);
      return raw ? cardFromRaw(raw) : undefined;
    },
    decks: (): LecternDeck[] => listDecks(db).map((d) => ({ id: d.id, name: d.name, articleId: d.articleId, presetId: d.presetId })),
    presets: (): LecternPreset[] => listPresets(db),
    allLogs: (): LecternReviewLog[] => listLogsSince(db, Number.MIN_SAFE_INTEGER).map(logFromStored),
    logsOfCards: (ids: string[]): LecternReviewLog[] => ids.flatMap((id) => listLogsForCard(db, id).map(logFromStored)),
  };
}

/**
 * A stable id for something that came from another program (an Anki note's card, its deck, a review):
 * UUID-shaped (version 8, "custom"), derived from a key, so importing the same thing again finds it, on
 * any machine, without a column to remember where it came from.
 */
export function stableId(key: string): string {
  const h = createHash('sha256').update(key, 'utf8').digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
