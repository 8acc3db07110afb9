import { z } from 'zod';
import { ArticleFormat, ArticleSummary, ArticleView, CollectionInfo, Id, ImportSummary, JobStatus } from '../models';
import type { CommandSpec } from './spec';

const ArticleRef = { articleId: Id };
const SectionRef = { articleId: Id, sectionIndex: z.number().int().min(0) };
/** The file an import carries: text as it is, or the raw bytes in base64 (so Lectern can detect the encoding). */
const ImportContent = z.discriminatedUnion('encoding', [
  z.object({ encoding: z.literal('utf8'), text: z.string() }).strict(),
  z.object({ encoding: z.literal('base64'), data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64') }).strict(),
]);
const Done = z.object({ done: z.literal(true) });

/** The collection, the library and the articles in it. */
export const libraryCommands = {
  'collection.info': {
    input: z.object({}).strict(),
    output: CollectionInfo,
    mutates: false,
  },
  'library.list': {
    input: z.object({}).strict(),
    output: z.object({ articles: z.array(ArticleSummary) }),
    mutates: false,
  },

  'article.import': {
    input: z
      .object({
        fileName: z.string().max(255).nullable(),
        source: z.string().max(2048).nullable(),
        format: ArticleFormat.optional(),
        content: ImportContent,
      })
      .strict(),
    output: ImportSummary,
    mutates: true,
    carriesFile: true,
  },
  'article.get': {
    input: z.object(ArticleRef).strict(),
    output: ArticleView,
    mutates: false,
  },
  'article.open': {
    input: z.object({ ...ArticleRef, readingPosition: z.string().max(200).nullable() }).strict(),
    output: Done,
    mutates: true,
  },
  'article.delete': {
    input: z.object(ArticleRef).strict(),
    output: z.object({ undoToken: z.string() }),
    mutates: true,
  },
  'article.undoDelete': {
    input: z.object({ undoToken: z.string().max(100) }).strict(),
    output: z.object({ articleId: Id }),
    mutates: true,
  },
  'section.rename': {
    input: z.object({ ...SectionRef, heading: z.string().trim().min(1).max(300).nullable() }).strict(),
    output: Done,
    mutates: true,
  },
  'section.merge': {
    input: z.object(SectionRef).strict(),
    output: Done,
    mutates: true,
  },
  'section.split': {
    input: z
      .object({ ...SectionRef, paragraphIndex: z.number().int().min(1), heading: z.string().trim().min(1).max(300) })
      .strict(),
    output: Done,
    mutates: true,
  },
  'section.setStudy': {
    input: z.object({ ...SectionRef, study: z.boolean() }).strict(),
    output: Done,
    mutates: true,
  },
  'paragraph.setStudy': {
    input: z.object({ ...SectionRef, paragraphIndex: z.number().int().min(0), study: z.boolean() }).strict(),
    output: Done,
    mutates: true,
  },
  'cards.generate': {
    input: z.object({ ...ArticleRef, sectionIndex: z.number().int().min(0).optional() }).strict(),
    output: z.object({ job: JobStatus }),
    mutates: true,
  },
  'job.status': {
    input: z.object({ jobId: z.string().max(64) }).strict(),
    output: JobStatus,
    mutates: false,
  },
  'job.cancel': {
    input: z.object({ jobId: z.string().max(64) }).strict(),
    output: JobStatus,
    mutates: true,
  },
} as const satisfies Record<string, CommandSpec>;
