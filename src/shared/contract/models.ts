import { z } from 'zod';

/** Article metadata, kept apart from the study text (INTERFACES.md). */
export const ArticleMeta = z
  .object({
    category: z.string().optional(),
    dek: z.string().optional(),
    author: z.string().optional(),
    date: z.string().optional(),
    readingTime: z.string().optional(),
    source: z.string().optional(),
  })
  .strict();
export type ArticleMeta = z.infer<typeof ArticleMeta>;

export const Section = z
  .object({
    heading: z.string().nullable(),
    level: z.number().int().min(1).max(6),
    study: z.boolean(),
    paragraphs: z.array(z.string()),
  })
  .strict();
export type Section = z.infer<typeof Section>;

/** The parsed article, exactly as `lectern parse --json` prints it. */
export const Article = z
  .object({
    title: z.string(),
    meta: ArticleMeta,
    sections: z.array(Section),
  })
  .strict();
export type Article = z.infer<typeof Article>;

export const Id = z.string().min(1).max(64);

/** One row of the library. */
export const ArticleSummary = z.object({
  id: Id,
  title: z.string(),
  source: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  lastOpenedAt: z.number().int().nullable(),
  sections: z.number().int(),
  cards: z.number().int(),
  /** Cards not studied yet. */
  newCards: z.number().int(),
  /** Studied cards that fall due today. */
  dueToday: z.number().int(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const CollectionInfo = z.object({
  dataDir: z.string().nullable(),
  schemaVersion: z.number().int(),
  articles: z.number().int(),
  cards: z.number().int(),
  reviewLogs: z.number().int(),
});
export type CollectionInfo = z.infer<typeof CollectionInfo>;

export const ArticleFormat = z.enum(['text', 'markdown', 'html']);
export type ArticleFormat = z.infer<typeof ArticleFormat>;

/** What a paragraph was in its source; only prose, list, definition and quote can become cards. */
export const ParagraphKind = z.enum(['prose', 'list', 'definition', 'quote', 'code', 'table']);
export type ParagraphKind = z.infer<typeof ParagraphKind>;

/** A section as the reader shows it: the Article's section plus what the user and the deck know of it. */
export const SectionView = Section.extend({
  kinds: z.array(ParagraphKind),
  /** Paragraphs the user marked as not for study. */
  excluded: z.array(z.boolean()),
  cards: z.number().int(),
  new: z.number().int(),
  due: z.number().int(),
});
export type SectionView = z.infer<typeof SectionView>;

export const ArticleView = z.object({
  id: Id,
  title: z.string(),
  meta: ArticleMeta,
  format: z.string(),
  source: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  lastOpenedAt: z.number().int().nullable(),
  readingPosition: z.string().nullable(),
  sections: z.array(SectionView),
});
export type ArticleView = z.infer<typeof ArticleView>;

export const ImportOutcome = z.enum(['created', 'unchanged', 'updated']);

export const ImportSummary = z.object({
  articleId: Id,
  outcome: ImportOutcome,
  title: z.string(),
  sections: z.number().int(),
  cards: z.number().int(),
  warnings: z.array(z.string()),
  /** For a long text, the job that is writing its cards (follow it with job.status). */
  generationJob: z.string().nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const JobStatus = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: z.object({ done: z.number(), total: z.number(), message: z.string() }),
  /** The finished job's result: for `deck.importStart`, a DeckImportSummary. */
  result: z.unknown(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  startedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
});
export type JobStatus = z.infer<typeof JobStatus>;
