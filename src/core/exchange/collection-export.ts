/**
 * The collection → deck files (issue 8). Builds a Lectern JSON document for one article, a selection of
 * cards or everything, then hands it to the pure writers (Lectern JSON, .apkg, Anki CSV/TSV, Markdown).
 * Reads only: nothing here writes to the collection.
 */
import { LecternError } from '../../shared/contract';
import type { Collection } from '../collection';
import type { SqliteOptions } from './anki/temp';
import { writeApkg } from './anki/write-apkg';
import { writeAnkiCsv } from './csv';
import { LECTERN_JSON_VERSION, serializeLecternJson, type LecternArticle, type LecternCard, type LecternJson, type LecternReviewLog } from './lectern-json';
import { writeMarkdownDeck } from './markdown';
import { ankiPackageFromLectern } from './to-anki';
import { exchangeReads } from './exchange-store';

export type ExportScope = { articleId: string } | { cardIds: string[] } | { all: true };
export type ExportFormat = 'apkg' | 'csv' | 'tsv' | 'json' | 'markdown';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['apkg', 'csv', 'tsv', 'json', 'markdown'];

export interface ExportRequest extends SqliteOptions {
  scope: ExportScope;
  format: ExportFormat;
  /** .apkg only: card states, FSRS memory and the review history. */
  withSchedule: boolean;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Lectern cards in the file. */
  cards: number;
  /** Notes in the file: one per card (INTERFACES.md: one Lectern card is one Anki note). */
  notes: number;
}

const MIME: Record<ExportFormat, string> = {
  apkg: 'application/apkg',
  csv: 'text/csv;charset=utf-8',
  tsv: 'text/tab-separated-values;charset=utf-8',
  json: 'application/json',
  markdown: 'text/markdown;charset=utf-8',
};
const EXTENSION: Record<ExportFormat, string> = { apkg: 'apkg', csv: 'csv', tsv: 'tsv', json: 'json', markdown: 'md' };

/** The Lectern JSON document of a scope: what it names, plus every deck, article and preset it refers to. */
export function buildLecternDoc(collection: Collection, scope: ExportScope): LecternJson {
  const read = exchangeReads(collection.db);
  const settings = read.settings();
  let cards: LecternCard[];
  if ('all' in scope) {
    cards = read.allCards();
  } else if ('articleId' in scope) {
    if (!read.article(scope.articleId)) throw new LecternError('not_found', `No article with id ${scope.articleId}.`);
    cards = read.cardsOfArticle(scope.articleId);
  } else {
    if (scope.cardIds.length === 0) throw new LecternError('bad_input', 'Choose at least one card to export.');
    cards = [...new Set(scope.cardIds)].map((id) => {
      const card = read.card(id);
      if (!card) throw new LecternError('not_found', `No card with id ${id}.`);
      return card;
    });
  }

  const allDecks = read.decks();
  const deckIds = new Set(cards.map((c) => c.deckId));
  if ('articleId' in scope) for (const d of allDecks) if (d.articleId === scope.articleId) deckIds.add(d.id);
  const decks = 'all' in scope ? allDecks : allDecks.filter((d) => deckIds.has(d.id));

  const articleIds = new Set<string>();
  if ('articleId' in scope) articleIds.add(scope.articleId);
  for (const c of cards) if (c.articleId !== null) articleIds.add(c.articleId);
  for (const d of decks) if (d.articleId !== null) articleIds.add(d.articleId);
  const articles: LecternArticle[] = 'all' in scope ? read.allArticles() : [...articleIds].map((id) => read.article(id)!).filter(Boolean);

  const presetIds = new Set(decks.map((d) => d.presetId));
  const presets = read.presets().filter((p) => 'all' in scope || presetIds.has(p.id));

  const cardIds = new Set(cards.map((c) => c.id));
  const reviewLogs: LecternReviewLog[] = 'all' in scope ? read.allLogs() : read.logsOfCards([...cardIds]);

  return {
    format: 'lectern',
    version: LECTERN_JSON_VERSION,
    exportedAt: collection.clock.now(),
    settings,
    articles,
    presets,
    decks,
    cards,
    reviewLogs,
  };
}

/** A file name from the scope: the article's title, else "Lectern cards"/"Lectern collection", plus the day. */
function fileNameFor(doc: LecternJson, scope: ExportScope, format: ExportFormat, now: number): string {
  const base =
    'articleId' in scope ? (doc.articles.find((a) => a.id === scope.articleId)?.title ?? 'Lectern article') : 'all' in scope ? 'Lectern collection' : 'Lectern cards';
  const safe =
    base
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, 80)
      .trim() || 'Lectern';
  const day = new Date(now).toISOString().slice(0, 10);
  return `${safe} ${day}.${EXTENSION[format]}`;
}

export function exportDeck(collection: Collection, request: ExportRequest): ExportedFile {
  const doc = buildLecternDoc(collection, request.scope);
  const now = doc.exportedAt;
  let bytes: Uint8Array;
  let notes = doc.cards.length;
  switch (request.format) {
    case 'json':
      bytes = new TextEncoder().encode(serializeLecternJson(doc));
      break;
    case 'markdown':
      bytes = new TextEncoder().encode(writeMarkdownDeck(doc));
      break;
    case 'csv':
    case 'tsv': {
      const pkg = ankiPackageFromLectern(doc);
      notes = pkg.notes.length;
      bytes = new TextEncoder().encode(writeAnkiCsv(pkg, { separator: request.format === 'csv' ? 'comma' : 'tab' }));
      break;
    }
    case 'apkg': {
      const pkg = ankiPackageFromLectern(doc);
      notes = pkg.notes.length;
      if (notes === 0) throw new LecternError('bad_input', 'There are no cards to export: Anki cannot import an empty package.');
      bytes = writeApkg(pkg, { withSchedule: request.withSchedule, now, nativeBinding: request.nativeBinding });
      break;
    }
  }
  return { fileName: fileNameFor(doc, request.scope, request.format, now), mimeType: MIME[request.format], bytes, cards: doc.cards.length, notes };
}
