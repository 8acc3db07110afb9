/**
 * Lectern JSON v1: the lossless export format of INTERFACES.md. Serialising is deterministic (fixed key
 * order, arrays sorted by id, two-space indentation, trailing newline), so export → import → export gives
 * a byte-identical file apart from `exportedAt`.
 */
import { z } from 'zod';
import { ArticleMeta, DaySettingsFields, FsrsWeights, IMPORT_LIMIT_BYTES, LecternError, MAX_ANSWER_DURATION_MS, PresetFields, Section } from '../../shared/contract';

export const LECTERN_JSON_VERSION = 1;

const Id = z.string().min(1).max(64);
/** Instants from 1970 to the end of year 9999: every date the study day and `Date` can handle. */
export const MAX_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const Instant = z.number().int().min(0).max(MAX_INSTANT);
const Count = z.number().int().min(0);
/** Anki's own ceiling for counters (u32), far above anything a real card reaches. */
const Counter = Count.max(0xffff_ffff);
/** A UTF-16 offset or index into an article: V8 strings are shorter than 2^30. */
const Offset = Count.max(2 ** 30);
/** FSRS memory: ts-fsrs keeps stability within 0.001–36,500 days and difficulty within 1–10 (0 for a new card). */
const Stability = z.number().min(0).max(36500);
const Difficulty = z.number().min(0).max(10);
/** Study days between two reviews, within the instants above. */
const Days = z.number().int().min(0).max(3_000_000);

/** The collection's day settings: the same rules as `settings.update` (a time zone this machine knows). */
export const LecternSettings = DaySettingsFields.strict();

export const LecternArticle = z
  .object({ id: Id, title: z.string(), meta: ArticleMeta, sourceHash: z.string().min(1), sections: z.array(Section) })
  .strict();

/** A preset: the same rules as `settings.update` and the scheduler (study-rules.ts), plus its id and FSRS weights. */
export const LecternPreset = PresetFields.extend({ id: Id, weights: FsrsWeights }).strict();

export const LecternDeck = z.object({ id: Id, name: z.string(), articleId: Id.nullable(), presetId: Id }).strict();

export const LecternSource = z
  .object({
    paragraphIndex: Offset,
    start: Offset,
    end: Offset,
    quote: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  })
  .strict();

const cardCommon = {
  id: Id,
  deckId: Id,
  articleId: Id.nullable(),
  sectionIndex: Offset.nullable(),
  source: LecternSource.nullable(),
  sourceStatus: z.enum(['ok', 'changed', 'missing']).nullable(),
  tags: z.array(z.string()),
  suspended: z.boolean(),
  buriedUntil: Instant.nullable(),
  flag: z.number().int().min(0).max(7),
  state: z.number().int().min(0).max(3),
  due: Instant,
  stability: Stability,
  difficulty: Difficulty,
  reps: Counter,
  lapses: Counter,
  lastReview: Instant.nullable(),
  learningSteps: Count.max(1000),
  createdAt: Instant,
  updatedAt: Instant,
};

/** Cloze and list cards carry `text`; question-answer cards carry `front` and `back` (never both shapes). */
export const LecternCard = z.discriminatedUnion('kind', [
  z.object({ ...cardCommon, kind: z.enum(['cloze', 'list']), text: z.string() }).strict(),
  z.object({ ...cardCommon, kind: z.literal('qa'), front: z.string(), back: z.string() }).strict(),
]);

export const LecternReviewLog = z
  .object({
    id: Id,
    cardId: Id,
    kind: z.enum(['review', 'preview', 'manual', 'reset']),
    rating: z.number().int().min(0).max(4),
    reviewedAt: Instant,
    state: z.number().int().min(0).max(3),
    due: Instant,
    stability: Stability,
    difficulty: Difficulty,
    elapsedDays: Days,
    scheduledDays: Days,
    durationMs: Count.max(MAX_ANSWER_DURATION_MS),
  })
  .strict();

export const LecternJson = z
  .object({
    format: z.literal('lectern'),
    version: z.literal(LECTERN_JSON_VERSION),
    exportedAt: Instant,
    settings: LecternSettings,
    articles: z.array(LecternArticle),
    presets: z.array(LecternPreset),
    decks: z.array(LecternDeck),
    cards: z.array(LecternCard),
    reviewLogs: z.array(LecternReviewLog),
  })
  .strict();

export type LecternSettings = z.infer<typeof LecternSettings>;
export type LecternArticle = z.infer<typeof LecternArticle>;
export type LecternPreset = z.infer<typeof LecternPreset>;
export type LecternDeck = z.infer<typeof LecternDeck>;
export type LecternSource = z.infer<typeof LecternSource>;
export type LecternCard = z.infer<typeof LecternCard>;
export type LecternReviewLog = z.infer<typeof LecternReviewLog>;
export type LecternJson = z.infer<typeof LecternJson>;

// ---------------------------------------------------------------------------------------------------
// Serialising: every object is rebuilt key by key, so the output never depends on the input's key order.

const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const META_KEYS = ['category', 'dek', 'author', 'date', 'readingTime', 'source'] as const;

function orderedMeta(meta: ArticleMeta): ArticleMeta {
  const out: Record<string, string> = {};
  for (const key of META_KEYS) if (meta[key] !== undefined) out[key] = meta[key];
  return out;
}

const orderedSection = (s: Section): Section => ({ heading: s.heading, level: s.level, study: s.study, paragraphs: [...s.paragraphs] });

const orderedArticle = (a: LecternArticle): LecternArticle => ({
  id: a.id,
  title: a.title,
  meta: orderedMeta(a.meta),
  sourceHash: a.sourceHash,
  sections: a.sections.map(orderedSection),
});

const orderedPreset = (p: LecternPreset): LecternPreset => ({
  id: p.id,
  name: p.name,
  desiredRetention: p.desiredRetention,
  maximumInterval: p.maximumInterval,
  learningSteps: [...p.learningSteps],
  relearningSteps: [...p.relearningSteps],
  enableFuzz: p.enableFuzz,
  newPerDay: p.newPerDay,
  reviewsPerDay: p.reviewsPerDay,
  burySiblings: p.burySiblings,
  leechThreshold: p.leechThreshold,
  weights: p.weights === null ? null : [...p.weights],
});

const orderedDeck = (d: LecternDeck): LecternDeck => ({ id: d.id, name: d.name, articleId: d.articleId, presetId: d.presetId });

const orderedSource = (s: LecternSource | null): LecternSource | null =>
  s === null ? null : { paragraphIndex: s.paragraphIndex, start: s.start, end: s.end, quote: s.quote, prefix: s.prefix, suffix: s.suffix };

function orderedCard(c: LecternCard): LecternCard {
  const content = c.kind === 'qa' ? { front: c.front, back: c.back } : { text: c.text };
  return {
    id: c.id,
    deckId: c.deckId,
    articleId: c.articleId,
    sectionIndex: c.sectionIndex,
    kind: c.kind,
    ...content,
    source: orderedSource(c.source),
    sourceStatus: c.sourceStatus,
    tags: [...c.tags],
    suspended: c.suspended,
    buriedUntil: c.buriedUntil,
    flag: c.flag,
    state: c.state,
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    reps: c.reps,
    lapses: c.lapses,
    lastReview: c.lastReview,
    learningSteps: c.learningSteps,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  } as LecternCard;
}

/** A review log with exactly the format's fields, in its order (exchange-store builds its records with it too). */
export const orderedLog = (l: LecternReviewLog): LecternReviewLog => ({
  id: l.id,
  cardId: l.cardId,
  kind: l.kind,
  rating: l.rating,
  reviewedAt: l.reviewedAt,
  state: l.state,
  due: l.due,
  stability: l.stability,
  difficulty: l.difficulty,
  elapsedDays: l.elapsedDays,
  scheduledDays: l.scheduledDays,
  durationMs: l.durationMs,
});

/** The file's text: deterministic for a given document, whatever order its arrays and keys came in. */
export function serializeLecternJson(doc: LecternJson): string {
  const ordered: LecternJson = {
    format: 'lectern',
    version: LECTERN_JSON_VERSION,
    exportedAt: doc.exportedAt,
    settings: { dayStartsAt: doc.settings.dayStartsAt, timeZone: doc.settings.timeZone },
    articles: byId(doc.articles).map(orderedArticle),
    presets: byId(doc.presets).map(orderedPreset),
    decks: byId(doc.decks).map(orderedDeck),
    cards: byId(doc.cards).map(orderedCard),
    reviewLogs: byId(doc.reviewLogs).map(orderedLog),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Parsing: the envelope is checked first, so a file from a newer Lectern gets "update Lectern" rather
// than a list of schema complaints about fields this version does not know.

export function parseLecternJson(text: string, maxBytes: number = IMPORT_LIMIT_BYTES): LecternJson {
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new LecternError('too_large', `This Lectern file is larger than the import limit of ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new LecternError('bad_input', `This is not a Lectern file: it is not valid JSON (${(error as Error).message}).`);
  }
  checkEnvelope(raw);
  const parsed = LecternJson.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the file';
    throw new LecternError('bad_input', `This Lectern file was refused; nothing was imported. ${where}: ${sentence(issue.message)}`);
  }
  checkReferences(parsed.data);
  return parsed.data;
}

/** zod's own messages lack a full stop; ours end with one. */
const sentence = (message: string) => (/[.!?]$/.test(message) ? message : `${message}.`);

function checkEnvelope(raw: unknown): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== 'lectern') {
    throw new LecternError('bad_input', 'This is not a Lectern file: it lacks "format": "lectern".');
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new LecternError('bad_input', 'This Lectern file is damaged: its "version" is not a positive whole number.');
  }
  if (version > LECTERN_JSON_VERSION) {
    throw new LecternError(
      'unsupported',
      `This file was made by a newer Lectern (format version ${version}; this version reads up to ${LECTERN_JSON_VERSION}). Update Lectern to import it.`,
    );
  }
}

/** Ids are unique and every reference points inside the file, so an import never dangles. */
function checkReferences(doc: LecternJson): void {
  const unique = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new LecternError('bad_input', `This Lectern file is damaged: two ${what} share the id "${id}".`);
      seen.add(id);
    }
    return seen;
  };
  const articles = unique('articles', doc.articles.map((a) => a.id));
  const presets = unique('presets', doc.presets.map((p) => p.id));
  const decks = unique('decks', doc.decks.map((d) => d.id));
  const cards = unique('cards', doc.cards.map((c) => c.id));
  unique('review logs', doc.reviewLogs.map((l) => l.id));
  const dangling = (what: string, id: string, target: string) => {
    throw new LecternError('bad_input', `This Lectern file is damaged: ${what} refers to ${target} "${id}", which is not in the file.`);
  };
  for (const d of doc.decks) {
    if (!presets.has(d.presetId)) dangling(`deck "${d.id}"`, d.presetId, 'preset');
    if (d.articleId !== null && !articles.has(d.articleId)) dangling(`deck "${d.id}"`, d.articleId, 'article');
  }
  for (const c of doc.cards) {
    if (!decks.has(c.deckId)) dangling(`card "${c.id}"`, c.deckId, 'deck');
    if (c.articleId !== null && !articles.has(c.articleId)) dangling(`card "${c.id}"`, c.articleId, 'article');
  }
  for (const l of doc.reviewLogs) if (!cards.has(l.cardId)) dangling(`review log "${l.id}"`, l.cardId, 'card');
}
