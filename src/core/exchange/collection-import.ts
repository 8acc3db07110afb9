/**
 * Deck files → the collection (issue 8): Lectern JSON, legacy Anki packages and Anki CSV/TSV.
 *
 * - Everything is written in ONE transaction: a refusal or failure half way leaves the collection as it was.
 * - A preview runs the very same code in a transaction that is then rolled back.
 * - Before an import changes anything, the collection file is copied to `backups/` (not for ':memory:').
 * - Lectern JSON: the file's settings and presets are taken; articles, decks and cards are matched by id
 *   (an article also by its text hash); review logs merge by id; a card whose merged log differs from the
 *   log of the row that wins (the later `updatedAt`) is recomputed from the merged log with `replayCard`.
 * - Anki: every note's card is one Lectern card in a deck named after its Anki deck, with no source passage.
 *   Its review history becomes review-log entries and the card's state is RECOMPUTED from them by Lectern's
 *   scheduler (so a card always equals the replay of its log); Anki's own card columns are not copied.
 *   Identity: a card Lectern exported comes back to its own id (the GUID encodes it); any other note's
 *   card gets a stable id derived from its GUID and card number, so importing the same package again
 *   updates instead of duplicating, without a schema change.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { LecternError } from '../../shared/contract';
import type { ChangeArea, Collection } from '../collection';
import { backupsPath } from '../paths';
import { clearUndo, compareLogs, replayCard, replayStep } from '../schedule';
import { newCardMemory } from '../schedule/scheduler';
import type { CardMemory, Preset } from '../schedule/types';
import { findArticleByHash, getArticle } from '../storage/articles';
import { getRawCard, listCardsInScope, restoreRawCard, type RawCardRow } from '../storage/cards';
import { deckForArticle, insertDeck, listDecks } from '../storage/decks';
import { getDeckPreset, getPreset, savePreset } from '../storage/presets';
import { listLogsForCard, type StoredLog } from '../storage/review-logs';
import { readDaySettings, writeDaySettings } from '../storage/settings';
import { studyDay, type DaySettings } from '../study-day';
import { DEFAULT_PRESET_ID } from '../ids';
import { readApkg } from './anki/read-apkg';
import type { SqliteOptions } from './anki/temp';
import { readAnkiCsv } from './csv';
import { logFromStored, rawFromCard, sameRow, stableId, writeLog, writeNewArticle, writeNewCard } from './exchange-store';
import { parseLecternJson, type LecternCard, type LecternJson, type LecternReviewLog } from './lectern-json';
import { DEFAULT_IMPORT_LIMITS, type AnkiCardDraft, type AnkiImportModel, type ImportLimits, type ImportedReview } from './model';

export type DeckFileFormat = 'lectern' | 'apkg' | 'csv';

export interface DeckImportSummary {
  format: DeckFileFormat;
  /** Cards new to the collection. */
  added: number;
  /** Cards already there that the file changed (content, flags, or review history). */
  updated: number;
  /** Cards already there, identical: nothing to do. */
  skipped: number;
  /** Review-log entries new to the collection. */
  reviewLogs: number;
  /** The decks the file's cards are in, by name. */
  decks: string[];
  warnings: string[];
  /** Where the collection was copied before the import changed it; null for a preview or when nothing changed. */
  backup: string | null;
}

export interface DeckImportProgress {
  done: number;
  total: number;
  message: string;
}

export interface DeckImportOptions extends SqliteOptions {
  limits?: ImportLimits;
  onProgress?: (progress: DeckImportProgress) => void;
  signal?: AbortSignal;
  /** Where backups go; default `backups/` beside the collection file. */
  backupDir?: string;
  /** Tests only: called after each card is written, inside the transaction (a throw rolls everything back). */
  afterCard?: (index: number) => void;
}

export type ParsedDeckFile = { format: 'lectern'; doc: LecternJson } | { format: 'apkg' | 'csv'; model: AnkiImportModel; fallbackDeck: string };

// ---------------------------------------------------------------------------------------------------
// Reading the file

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5);

/** Recognises and parses a deck file: by its extension, else by its content. Refusals are LecternErrors. */
export function readDeckFile(bytes: Uint8Array, fileName: string, options: DeckImportOptions = {}): ParsedDeckFile {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  if (bytes.length > limits.maxFileBytes) {
    throw new LecternError('too_large', `This file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the import limit of ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB.`);
  }
  if (bytes.length === 0) throw new LecternError('bad_input', `${fileName || 'This file'} is empty.`);
  const ext = extname(fileName).toLowerCase();
  const stem = basename(fileName, extname(fileName)).trim() || 'Imported cards';
  if (ext === '.colpkg') {
    throw new LecternError('unsupported', 'This is a whole Anki collection (.colpkg). In Anki, export a deck as "Anki Deck Package (.apkg)" with "Support older Anki versions" ticked, and import that.');
  }
  if (ext === '.apkg' || (ext !== '.json' && isZip(bytes))) {
    return { format: 'apkg', model: readApkg(bytes, limits, options), fallbackDeck: stem };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LecternError('bad_input', `${fileName || 'This file'} is neither an Anki package nor UTF-8 text, so Lectern cannot read it as a deck.`);
  }
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (ext === '.json' || (ext === '' && start.startsWith('{'))) return { format: 'lectern', doc: parseLecternJson(text, limits.maxFileBytes) };
  if (start.startsWith('{') && /"format"\s*:\s*"lectern"/.test(start.slice(0, 200))) return { format: 'lectern', doc: parseLecternJson(text, limits.maxFileBytes) };
  return { format: 'csv', model: readAnkiCsv(text, limits), fallbackDeck: stem };
}

// ---------------------------------------------------------------------------------------------------
// The entry points

const ROLLBACK = Symbol('preview rollback');

/** What an import would do, computed by the import itself in a transaction that is rolled back. */
export function previewDeckImport(collection: Collection, parsed: ParsedDeckFile, options: DeckImportOptions = {}): DeckImportSummary {
  return previewWithChanges(collection, parsed, options).summary;
}

/** The preview and every area it would change (articles, decks, cards, presets, settings…). */
function previewWithChanges(collection: Collection, parsed: ParsedDeckFile, options: DeckImportOptions): { summary: DeckImportSummary; changed: Set<ChangeArea> } {
  let summary: DeckImportSummary | undefined;
  const changed = new Set<ChangeArea>();
  try {
    collection.transact((changes) => {
      summary = applyDeckFile(collection, parsed, { mark: (...areas) => areas.forEach((a) => (changes.mark(a), changed.add(a))) }, options);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return { summary: summary!, changed };
}

/**
 * Parses, previews, backs the collection up if the import will change it, then imports in one
 * transaction. Cancelling (options.signal) before the final transaction commits leaves nothing changed.
 */
export async function importDeckFile(
  collection: Collection,
  file: { bytes: Uint8Array; fileName: string },
  options: DeckImportOptions = {},
): Promise<DeckImportSummary & { changed: ChangeArea[] }> {
  // Each phase is synchronous work; yielding between them lets a host answer progress polls and cancels.
  const report = async (done: number, message: string) => {
    options.onProgress?.({ done, total: 4, message });
    await new Promise((resolve) => setImmediate(resolve));
  };
  const checkCancel = () => {
    if (options.signal?.aborted) throw new LecternError('cancelled', 'The import was cancelled; nothing was changed.');
  };
  await report(0, 'Reading the file…');
  const parsed = readDeckFile(file.bytes, file.fileName, options);
  checkCancel();
  await report(1, 'Comparing with your collection…');
  const preview = previewWithChanges(collection, parsed, options);
  checkCancel();
  let backup: string | null = null;
  // Anything the import would change (an article, a deck, a preset, a card…) is worth a backup first.
  if (preview.changed.size > 0) {
    await report(2, 'Backing up your collection…');
    backup = await backupCollection(collection, options.backupDir);
    checkCancel();
  }
  await report(3, 'Importing…');
  const { value, changed } = collection.transact((c) => {
    const summary = applyDeckFile(collection, parsed, c, options);
    checkCancel();
    return summary;
  });
  if (changed.includes('cards')) clearUndo(collection); // undo steps hold rows the import may have rewritten
  options.onProgress?.({ done: 4, total: 4, message: 'Done' }); // no yield: a cancel can no longer arrive after the commit
  return { ...value, backup, changed };
}

/** Copies the collection (WAL included) to `backups/lectern-<instant>-before-import.sqlite`. Null for ':memory:'. */
export async function backupCollection(collection: Collection, dir?: string): Promise<string | null> {
  if (collection.path === ':memory:' || collection.path === '') return null;
  const folder = dir ?? backupsPath(dirname(collection.path));
  mkdirSync(folder, { recursive: true });
  const stamp = new Date(collection.clock.now()).toISOString().replace(/[:.]/g, '-');
  let target = join(folder, `lectern-${stamp}-before-import.sqlite`);
  for (let i = 2; existsSync(target); i++) target = join(folder, `lectern-${stamp}-before-import-${i}.sqlite`);
  await collection.db.backup(target);
  return target;
}

/** Applies a parsed file inside the caller's transaction. */
export function applyDeckFile(collection: Collection, parsed: ParsedDeckFile, changes: { mark(...a: ChangeArea[]): void }, options: DeckImportOptions = {}): DeckImportSummary {
  return parsed.format === 'lectern'
    ? applyLecternJson(collection, parsed.doc, changes, options)
    : applyAnki(collection, parsed.format, parsed.model, parsed.fallbackDeck, changes, options);
}

// ---------------------------------------------------------------------------------------------------
// Shared: replaying a card's merged history

/** A review from another program, not yet a log entry: its "before" values come from the replay. */
interface PendingEvent {
  id: string;
  kind: LecternReviewLog['kind'];
  rating: number;
  reviewedAt: number;
  durationMs: number;
  /** Manual entries: the due offset in study days. */
  days: number;
}

/**
 * Replays stored logs and new events together in time order (the order `replayCard` uses), turning each
 * new event into the log entry the scheduler would have written. The card it ends with is exactly
 * `replayCard` of all the logs.
 */
function replayWithEvents(stored: readonly StoredLog[], events: readonly PendingEvent[], preset: Preset, day: DaySettings, cardId: string, createdAt: number) {
  type Item = { id: string; reviewedAt: number; stored?: StoredLog; event?: PendingEvent };
  const items: Item[] = [...stored.map((s) => ({ id: s.id, reviewedAt: s.reviewedAt, stored: s })), ...events.map((e) => ({ id: e.id, reviewedAt: e.reviewedAt, event: e }))];
  items.sort((a, b) => compareLogs({ ...a, kind: 'review', rating: 0, scheduledDays: 0 }, { ...b, kind: 'review', rating: 0, scheduledDays: 0 }));
  let card: CardMemory = newCardMemory(createdAt);
  const newLogs: LecternReviewLog[] = [];
  for (const item of items) {
    const entry = item.stored ?? { id: item.id, kind: item.event!.kind, rating: item.event!.rating, reviewedAt: item.reviewedAt, scheduledDays: item.event!.days };
    const step = replayStep(card, entry, preset, day, cardId);
    card = step.card;
    if (item.event) newLogs.push({ ...step.log, id: item.event.id, cardId, durationMs: Math.max(0, Math.round(item.event.durationMs)) });
  }
  return { card, newLogs };
}

const withMemory = (raw: RawCardRow, m: CardMemory): RawCardRow => ({
  ...raw,
  state: m.state,
  due: m.due,
  stability: m.stability,
  difficulty: m.difficulty,
  reps: m.reps,
  lapses: m.lapses,
  last_review: m.lastReview,
  learning_steps: m.learningSteps,
});

const presetOf = (collection: Collection, deckId: string): Preset => {
  const preset = getDeckPreset(collection.db, deckId) ?? getPreset(collection.db, DEFAULT_PRESET_ID);
  if (!preset) throw new LecternError('internal', `Deck ${deckId} has no preset.`);
  return preset;
};

const SETTINGS_NOTE = 'Study settings were taken from the file';

// ---------------------------------------------------------------------------------------------------
// Lectern JSON

function applyLecternJson(collection: Collection, doc: LecternJson, changes: { mark(...a: ChangeArea[]): void }, options: DeckImportOptions): DeckImportSummary {
  const { db } = collection;
  const now = collection.clock.now();
  const warnings: string[] = [];
  const summary: DeckImportSummary = { format: 'lectern', added: 0, updated: 0, skipped: 0, reviewLogs: 0, decks: [], warnings, backup: null };

  // Settings and presets: the file's are taken (replays below use them).
  const settingsChanged: string[] = [];
  const day = readDaySettings(db);
  if (day.dayStartsAt !== doc.settings.dayStartsAt || day.timeZone !== doc.settings.timeZone) {
    writeDaySettings(db, doc.settings);
    changes.mark('settings', 'queue');
    settingsChanged.push('day settings');
  }
  for (const preset of doc.presets) {
    const current = getPreset(db, preset.id);
    if (!current || JSON.stringify(current) !== JSON.stringify({ ...current, ...preset })) {
      savePreset(db, preset);
      changes.mark('presets', 'queue');
      settingsChanged.push(`preset “${preset.name}”`);
    }
  }
  if (settingsChanged.length > 0) warnings.push(`${SETTINGS_NOTE}: ${settingsChanged.join(', ')}.`);
  const daySettings = readDaySettings(db);

  // Articles: by id, else by text (the same text is the same article, INTERFACES.md).
  const articleMap = new Map<string, string>();
  const remapped = new Set<string>();
  for (const article of doc.articles) {
    const byId = getArticle(db, article.id);
    if (byId) {
      articleMap.set(article.id, article.id);
      if (byId.sourceHash !== article.sourceHash || JSON.stringify(byId.sections) !== JSON.stringify(article.sections) || byId.title !== article.title) {
        warnings.push(`“${byId.title}” differs from the file's version; the collection's text was kept.`);
      }
      continue;
    }
    const byHash = findArticleByHash(db, article.sourceHash);
    if (byHash) {
      articleMap.set(article.id, byHash.id);
      remapped.add(byHash.id);
      continue;
    }
    writeNewArticle(db, article, now);
    articleMap.set(article.id, article.id);
    changes.mark('articles');
  }

  // Decks: by id, else an article's own deck.
  const deckMap = new Map<string, string>();
  const existingDecks = new Map(listDecks(db).map((d) => [d.id, d]));
  const deckNames = new Map<string, string>();
  for (const deck of doc.decks) {
    const articleId = deck.articleId === null ? null : articleMap.get(deck.articleId)!;
    const byId = existingDecks.get(deck.id);
    const own = !byId && articleId ? deckForArticle(db, articleId) : undefined;
    const target = byId ?? own;
    if (target) {
      deckMap.set(deck.id, target.id);
      deckNames.set(target.id, target.name);
      continue;
    }
    insertDeck(db, { id: deck.id, name: deck.name, articleId, presetId: deck.presetId });
    deckMap.set(deck.id, deck.id);
    deckNames.set(deck.id, deck.name);
    changes.mark('decks');
  }

  // Cards of an article that was matched by its text: the same card may exist under another id.
  const contentKey = (r: { kind: string; section_index: number | null; text: string | null; front: string | null; back: string | null }) =>
    [r.kind, r.section_index ?? '', r.text ?? '', r.front ?? '', r.back ?? ''].join('\u001f');
  const twins = new Map<string, Map<string, string>>();
  const twinOf = (articleId: string, raw: RawCardRow): string | undefined => {
    if (!remapped.has(articleId)) return undefined;
    let map = twins.get(articleId);
    if (!map) {
      map = new Map(listCardsInScope(db, { articleId }).map((r) => [contentKey(r), r.id]));
      twins.set(articleId, map);
    }
    return map.get(contentKey(raw));
  };

  const logsByCard = new Map<string, LecternReviewLog[]>();
  for (const log of doc.reviewLogs) {
    const list = logsByCard.get(log.cardId) ?? [];
    list.push(log);
    logsByCard.set(log.cardId, list);
  }

  const usedDecks = new Set<string>();
  const cards = [...doc.cards].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  cards.forEach((card, index) => {
    const mapped: LecternCard = { ...card, deckId: deckMap.get(card.deckId)!, articleId: card.articleId === null ? null : articleMap.get(card.articleId)! };
    let fileRow = rawFromCard(mapped);
    const existing = getRawCard(db, card.id) ?? (mapped.articleId ? lookup(db, twinOf(mapped.articleId, fileRow)) : undefined);
    usedDecks.add(existing?.deck_id ?? fileRow.deck_id);
    const fileLogs = (logsByCard.get(card.id) ?? []).map((l) => ({ ...l, cardId: existing?.id ?? card.id }));

    if (!existing) {
      writeNewCard(db, fileRow);
      for (const log of fileLogs) writeLog(db, log);
      summary.added += 1;
      summary.reviewLogs += fileLogs.length;
      changes.mark('cards', 'queue');
    } else {
      fileRow = { ...fileRow, id: existing.id, deck_id: existing.deck_id, article_id: existing.article_id };
      const storedLogs = listLogsForCard(db, existing.id);
      const storedIds = new Set(storedLogs.map((l) => l.id));
      const fileIds = new Set(fileLogs.map((l) => l.id));
      const newLogs = fileLogs.filter((l) => !storedIds.has(l.id));
      for (const log of newLogs) writeLog(db, log);
      const fileWins = fileRow.updated_at > existing.updated_at;
      let next = fileWins ? fileRow : existing;
      const winnerIds = fileWins ? fileIds : storedIds;
      const merged = [...storedLogs.map(logFromStored), ...newLogs];
      if (merged.length !== winnerIds.size || merged.some((l) => !winnerIds.has(l.id))) {
        const memory = replayCard(merged, presetOf(collection, next.deck_id), daySettings, existing.id, next.created_at);
        next = { ...withMemory(next, memory), updated_at: Math.max(existing.updated_at, fileRow.updated_at) };
      }
      summary.reviewLogs += newLogs.length;
      if (sameRow(next, existing) && newLogs.length === 0) {
        summary.skipped += 1;
      } else {
        restoreRawCard(db, next);
        summary.updated += 1;
        changes.mark('cards', 'queue');
      }
    }
    options.afterCard?.(index);
  });
  summary.decks = [...usedDecks].map((id) => deckNames.get(id) ?? id).sort();
  return summary;
}

const lookup = (db: Collection['db'], id: string | undefined) => (id ? getRawCard(db, id) : undefined);

// ---------------------------------------------------------------------------------------------------
// Anki packages and CSV

/** Tags as Anki keeps them (no spaces inside a tag), for comparing what came back from Anki. */
const ankiTags = (tags: readonly string[]) => [...new Set(tags.map((t) => t.trim().replace(/\s+/g, '_')).filter(Boolean))].sort().join(' ');

/** Anki-side duplicates of a Lectern log: same card, same kind, within a second (Anki ids are ms, made unique by +1). */
const MATCH_MS = 1000;

function pendingEvents(draft: AnkiCardDraft, stored: readonly StoredLog[]): PendingEvent[] {
  const unmatched = [...stored];
  const events: PendingEvent[] = [];
  const seen = new Set<string>();
  for (const review of [...draft.reviews].sort((a, b) => a.reviewedAt - b.reviewedAt)) {
    const twin = unmatched.findIndex((s) => s.kind === review.kind && Math.abs(s.reviewedAt - review.reviewedAt) <= MATCH_MS);
    if (twin >= 0) {
      unmatched.splice(twin, 1);
      continue;
    }
    let key = `anki-revlog:${draft.origin.guid}:${draft.origin.ord}:${review.reviewedAt}`;
    while (seen.has(key)) key += "'";
    seen.add(key);
    const id = stableId(key);
    if (stored.some((s) => s.id === id)) continue;
    events.push({ id, kind: review.kind, rating: review.rating, reviewedAt: review.reviewedAt, durationMs: review.durationMs, days: manualDays(review) });
  }
  return events;
}

/** Anki's manual rescheduling keeps the new interval in `ivl` (days); the best due offset there is. */
const manualDays = (review: ImportedReview) => (review.kind === 'manual' && review.anki.ivl > 0 ? Math.min(36500, review.anki.ivl) : 0);

function draftContent(draft: AnkiCardDraft, existing: RawCardRow | undefined): Pick<RawCardRow, 'kind' | 'text' | 'front' | 'back'> {
  const keepsText = existing && existing.kind !== 'qa';
  if (draft.kind === 'cloze') return { kind: keepsText ? existing.kind : 'cloze', text: draft.text ?? '', front: null, back: null };
  // A Lectern cloze card without gaps travels to Anki as a Basic note with an empty back.
  if (keepsText && !draft.back) return { kind: existing.kind, text: draft.front ?? '', front: null, back: null };
  return { kind: 'qa', text: null, front: draft.front ?? '', back: draft.back ?? '' };
}

/** Anki knows buried or not (until the next day); a Lectern bury that already ran out is left as it is. */
function buriedUntil(schedule: AnkiCardDraft['schedule'], existing: RawCardRow | undefined, base: RawCardRow, now: number, day: DaySettings): number | null {
  const active = existing !== undefined && (existing.buried_until ?? 0) > now;
  // Without a schedule (CSV), or for a suspended card (Anki shows only one of the two), nothing is known.
  if (!schedule || schedule.suspended) return base.buried_until;
  if (schedule.buried) return active ? existing.buried_until : studyDay(now, day).end;
  return active ? null : base.buried_until;
}

function applyAnki(
  collection: Collection,
  format: 'apkg' | 'csv',
  model: AnkiImportModel,
  fallbackDeck: string,
  changes: { mark(...a: ChangeArea[]): void },
  options: DeckImportOptions,
): DeckImportSummary {
  const { db } = collection;
  const now = collection.clock.now();
  const day = readDaySettings(db);
  const summary: DeckImportSummary = { format, added: 0, updated: 0, skipped: 0, reviewLogs: 0, decks: [], warnings: [...model.warnings], backup: null };
  const decks = new Map(listDecks(db).map((d) => [d.id, d]));
  const usedDecks = new Set<string>();
  let extras = 0;
  let historyless = 0;

  const deckFor = (name: string): string => {
    const id = stableId(`anki-deck:${name}`);
    if (!decks.has(id)) {
      const deck = { id, name, articleId: null, presetId: DEFAULT_PRESET_ID };
      insertDeck(db, deck);
      decks.set(id, deck);
      changes.mark('decks');
    }
    return id;
  };

  model.cards.forEach((draft, index) => {
    const own = draft.origin.ord === 0 ? draft.lecternCardId : null;
    const derived = stableId(`anki:${draft.origin.guid}:${draft.origin.ord}`);
    const existing = (own ? getRawCard(db, own) : undefined) ?? getRawCard(db, derived);
    const id = existing?.id ?? own ?? derived;
    if (draft.extra) extras += 1;
    const schedule = draft.schedule;
    if (schedule && schedule.state !== 0 && !draft.reviews.some((r) => r.kind === 'review')) historyless += 1;
    const stored = existing ? listLogsForCard(db, id) : [];
    const events = pendingEvents(draft, stored);
    const deckId = existing?.deck_id ?? deckFor(draft.deck?.trim() || fallbackDeck);
    usedDecks.add(deckId);

    const firstReview = Math.min(...draft.reviews.map((r) => r.reviewedAt));
    const createdAt = existing?.created_at ?? Math.min(now, Number.isFinite(firstReview) ? firstReview : now);
    const tags = existing && ankiTags(JSON.parse(existing.tags) as string[]) === ankiTags(draft.tags) ? (JSON.parse(existing.tags) as string[]) : [...new Set(draft.tags)];
    const base: RawCardRow = existing ?? rawFromCard({
      id, deckId, articleId: null, sectionIndex: null, kind: 'qa', front: '', back: '', source: null, sourceStatus: null, tags: [],
      suspended: false, buriedUntil: null, flag: 0, ...newCardMemory(createdAt), createdAt, updatedAt: now,
    });
    let next: RawCardRow = {
      ...base,
      ...draftContent(draft, existing),
      tags: JSON.stringify(tags),
      suspended: schedule ? (schedule.suspended ? 1 : 0) : base.suspended,
      flag: schedule ? schedule.flag : base.flag,
      buried_until: buriedUntil(schedule, existing, base, now, day),
    };
    let newLogs: LecternReviewLog[] = [];
    if (!existing || events.length > 0) {
      const replay = replayWithEvents(stored, events, presetOf(collection, deckId), day, id, createdAt);
      next = withMemory(next, replay.card);
      newLogs = replay.newLogs;
    }
    if (!existing) {
      writeNewCard(db, { ...next, updated_at: now });
      summary.added += 1;
      changes.mark('cards', 'queue');
    } else if (sameRow(next, existing) && newLogs.length === 0) {
      summary.skipped += 1;
    } else {
      restoreRawCard(db, { ...next, updated_at: now });
      summary.updated += 1;
      changes.mark('cards', 'queue');
    }
    for (const log of newLogs) writeLog(db, log);
    summary.reviewLogs += newLogs.length;
    options.afterCard?.(index);
  });

  if (extras > 0) summary.warnings.push(`${extras} cloze card(s) have “Back Extra” text, which Lectern cards have no place for; it was not imported.`);
  if (historyless > 0) {
    summary.warnings.push(`${historyless} card(s) were studied in Anki but the file has no review history for them; they start as new cards in Lectern.`);
  }
  summary.decks = [...usedDecks].map((id) => decks.get(id)?.name ?? id).sort();
  return summary;
}

