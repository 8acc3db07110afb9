/**
 * The bench's synthetic collection, built from real text as users' collections are: every article is
 * the bundled article (one to six copies of its sections, so lengths vary), and its cards are the
 * cards Lectern's own generator writes for that text, a few per paragraph. Memory states follow a study
 * history of up to two years (older articles are further along), so about a tenth of the studied cards
 * fall due today, a few are in (re)learning, and each studied card has a review log of several entries.
 *
 * Building 100,000 cards takes a while, so a built collection is kept in `bench/.cache/` under a key
 * made of everything it depends on (this file, the schema, the generator's output, the size); benches
 * copy it before writing to it.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CardDraft } from '../src/shared/contract/card-draft';
import type { Section } from '../src/shared/contract';
import { parseArticleFile, type ParsedArticle } from '../src/core/article';
import { sourceWithContext } from '../src/core/cards/provenance';
import { manualClock } from '../src/core/clock';
import { openCollection } from '../src/core/collection';
import { generateCards } from '../src/core/generate';
import { DEFAULT_PRESET_ID } from '../src/core/ids';
import { migrations } from '../src/core/storage/migrations';

const DAY = 86_400_000;
const here = import.meta.dirname;
export const BUNDLED_ARTICLE = resolve(here, '../resources/articles/collective-self-defense.txt');
/** Where built collections are kept between runs (LECTERN_BENCH_CACHE moves it, for the smoke test). */
const cacheDir = () => process.env.LECTERN_BENCH_CACHE ?? resolve(here, '.cache');

/** The bench's "now": a fixed instant, so every run sees the same due cards. */
export const BENCH_NOW = Date.UTC(2026, 5, 1, 12);

/** A small, fast, seeded generator (mulberry32), so a size always builds the same collection. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUIDv7-shaped id from a time and a counter: time-ordered and deterministic. */
function idAt(time: number, n: number): string {
  const t = Math.max(0, Math.floor(time)).toString(16).padStart(12, '0');
  const c = n.toString(16).padStart(15, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${c.slice(0, 3)}-8${c.slice(3, 6)}-${c.slice(6, 15).padStart(12, '0')}`;
}

export interface BaseText {
  parsed: ParsedArticle;
  drafts: CardDraft[];
}

let base: BaseText | undefined;
/** The bundled article, parsed, with the cards the generator writes for it (computed once per process). */
export function baseText(): BaseText {
  if (!base) {
    const parsed = parseArticleFile(readFileSync(BUNDLED_ARTICLE), 'collective-self-defense.txt');
    base = { parsed, drafts: generateCards(parsed.article, { kinds: parsed.kinds }) };
  }
  return base;
}

export interface SyntheticInfo {
  cards: number;
  articles: number;
  reviewLogs: number;
}

/** Writes the collection of `size` cards into a new file at `path`. */
export function buildSynthetic(path: string, size: number, now = BENCH_NOW): SyntheticInfo {
  const { parsed, drafts } = baseText();
  const rng = seeded(size);
  const col = openCollection({ path, clock: manualClock(now) });
  const { db } = col;
  const baseSections = parsed.article.sections;
  const perCopy = drafts.length;
  // Articles of one to six copies (3.5 on average), imported over two years, the oldest first.
  const copies: number[] = [];
  for (let total = 0; total < size; ) {
    const c = 1 + ((copies.length * 7) % 6);
    copies.push(c);
    total += c * perCopy;
  }
  let cardCount = 0;
  let logCount = 0;
  col.transact(() => {
    const insertArticle = db.prepare(
      `INSERT INTO articles (id, title, meta, sections, paragraph_kinds, format, source, source_hash, created_at, updated_at)
       VALUES (?, ?, '{}', ?, ?, 'text', NULL, ?, ?, ?)`,
    );
    const insertDeck = db.prepare('INSERT INTO decks (id, name, article_id, preset_id) VALUES (?, ?, ?, ?)');
    const insertCard = db.prepare(
      `INSERT INTO cards (id, deck_id, article_id, section_index, kind, text, front, back, source_paragraph, source_start,
         source_end, source_quote, source_prefix, source_suffix, source_status, tags, suspended, flag, state, due, stability,
         difficulty, reps, lapses, last_review, learning_steps, created_at, updated_at)
       VALUES (@id, @deck, @article, @section, @kind, @text, @front, @back, @paragraph, @start, @end, @quote, @prefix, @suffix,
         'ok', @tags, @suspended, @flag, @state, @due, @stability, @difficulty, @reps, @lapses, @lastReview, @steps, @created, @updated)`,
    );
    const insertLog = db.prepare(
      `INSERT INTO review_logs (id, card_id, kind, rating, reviewed_at, state, due, stability, difficulty, elapsed_days,
         scheduled_days, duration_ms)
       VALUES (?, ?, 'review', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let n = 0;
    for (let a = 0; a < copies.length && cardCount < size; a++) {
      const ageDays = 1 + Math.floor(730 * (1 - a / copies.length));
      const created = now - ageDays * DAY;
      const articleId = idAt(created, ++n);
      const deckId = idAt(created, ++n);
      const sections: Section[] = [];
      const kinds: string[][] = [];
      for (let c = 0; c < copies[a]!; c++) {
        baseSections.forEach((s, i) => {
          sections.push({ ...s, heading: c === 0 ? s.heading : `${s.heading ?? 'Introduction'} (${c + 1})` });
          kinds.push(parsed.kinds[i] ?? s.paragraphs.map(() => 'prose'));
        });
      }
      const title = `${parsed.article.title} — reading ${a + 1}`;
      insertArticle.run(articleId, title, JSON.stringify(sections), JSON.stringify(kinds), `synthetic-${size}-${a}`, created, created);
      insertDeck.run(deckId, title, articleId, DEFAULT_PRESET_ID);
      for (let c = 0; c < copies[a]! && cardCount < size; c++) {
        for (const draft of drafts) {
          if (cardCount >= size) break;
          const sectionIndex = draft.sectionIndex + c * baseSections.length;
          const paragraph = sections[sectionIndex]!.paragraphs[draft.source.paragraphIndex]!;
          const { prefix, suffix } = sourceWithContext(paragraph, draft.source.start, draft.source.end);
          const cardId = idAt(created, ++n);
          const memory = studyHistory(rng, created, ageDays, now);
          insertCard.run({
            id: cardId,
            deck: deckId,
            article: articleId,
            section: sectionIndex,
            kind: draft.kind,
            text: draft.text ?? null,
            front: draft.front ?? null,
            back: draft.back ?? null,
            paragraph: draft.source.paragraphIndex,
            start: draft.source.start,
            end: draft.source.end,
            quote: draft.source.quote,
            prefix,
            suffix,
            tags: rng() < 0.05 ? '["hard"]' : '[]',
            suspended: rng() < 0.01 ? 1 : 0,
            flag: rng() < 0.02 ? 1 + Math.floor(rng() * 7) : 0,
            created,
            updated: memory.lastReview ?? created,
            ...memory.card,
          });
          for (const log of memory.logs) insertLog.run(idAt(log.at, ++n), cardId, ...log.values);
          logCount += memory.logs.length;
          cardCount++;
        }
      }
    }
  });
  col.close();
  return { cards: cardCount, articles: copies.length, reviewLogs: logCount };
}

interface History {
  card: { state: number; due: number; stability: number; difficulty: number; reps: number; lapses: number; lastReview: number | null; steps: number };
  lastReview: number | null;
  logs: { at: number; values: [number, number, number, number, number, number, number, number, number] }[];
}

/** A plausible history for one card of an article imported `ageDays` ago. */
function studyHistory(rng: () => number, created: number, ageDays: number, now: number): History {
  const r = rng();
  // A quarter of the cards are never studied, and every card of an article imported in the last three days.
  if (ageDays <= 3 || r < 0.25) {
    return { card: { state: 0, due: created, stability: 0, difficulty: 0, reps: 0, lapses: 0, lastReview: null, steps: 0 }, lastReview: null, logs: [] };
  }
  const first = created + Math.floor(rng() * Math.min(ageDays - 1, 60)) * DAY + 3_600_000;
  const span = Math.max(1, (now - first) / DAY);
  const difficulty = 2 + rng() * 7;
  const lapses = rng() < 0.2 ? 1 + Math.floor(rng() * 3) : 0;
  let state = 2;
  let stability = Math.exp(rng() * Math.log(Math.max(2, span * 0.8)));
  let lastReview: number;
  let due: number;
  if (r > 0.985) {
    // (Re)learning: answered in the last hours, due within the hour either side of now.
    state = rng() < 0.5 ? 1 : 3;
    stability = 0.5 + rng() * 2;
    lastReview = now - Math.floor(rng() * 3 * 3_600_000);
    due = now + Math.floor((rng() - 0.5) * 3_600_000);
  } else {
    lastReview = Math.max(first, now - Math.floor(rng() * 1.04 * stability * DAY));
    due = lastReview + Math.max(1, Math.round(stability)) * DAY;
  }
  // Reviews between the first and the last, further apart as stability grew.
  const reps = 2 + Math.floor(Math.log2(1 + (lastReview - first) / DAY) * 0.6) + lapses;
  const logs: History['logs'] = [];
  let previous = first;
  for (let i = 0; i < reps; i++) {
    const at = i === reps - 1 ? lastReview : first + Math.floor((lastReview - first) * ((2 ** i - 1) / (2 ** (reps - 1) - 1)));
    const rating = rng() < 0.1 ? 1 : rng() < 0.1 ? 2 : rng() < 0.9 ? 3 : 4;
    const elapsed = Math.floor((at - previous) / DAY);
    const before = i === 0 ? 0 : 2;
    logs.push({ at, values: [rating, at, before, at, Math.max(0.1, stability * (i / reps)), difficulty, elapsed, Math.max(1, elapsed), 2000 + Math.floor(rng() * 12000)] });
    previous = at;
  }
  return {
    card: { state, due, stability, difficulty, reps, lapses, lastReview, steps: state === 2 ? 0 : 1 },
    lastReview,
    logs,
  };
}

function cacheKey(size: number): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(new URL(import.meta.url)));
  hash.update(JSON.stringify(migrations));
  hash.update(JSON.stringify(baseText().drafts));
  hash.update(String(size));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The synthetic collection of `size` cards, copied to `path` (built and cached on first use). Returns
 * what it holds.
 */
export function syntheticCollectionFile(path: string, size: number): SyntheticInfo {
  const key = cacheKey(size);
  const cached = join(cacheDir(), `synthetic-${size}-${key}.sqlite`);
  const infoFile = `${cached}.json`;
  if (!existsSync(cached) || !existsSync(infoFile)) {
    mkdirSync(cacheDir(), { recursive: true });
    const building = `${cached}.building`;
    rmSync(building, { force: true });
    const info = buildSynthetic(building, size);
    // Fold the WAL into the file so one copy is the whole collection.
    const col = openCollection({ path: building });
    col.db.pragma('wal_checkpoint(TRUNCATE)');
    col.close();
    renameSync(building, cached);
    for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
    writeJson(infoFile, info);
  }
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(cached, path);
  return JSON.parse(readFileSync(infoFile, 'utf8')) as SyntheticInfo;
}

function writeJson(file: string, value: unknown): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, file);
}
