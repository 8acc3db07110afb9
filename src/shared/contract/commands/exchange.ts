import { z } from 'zod';
import { Id } from '../models';
import type { CommandSpec } from './spec';

/** Which cards an export takes: one article (with its deck), a selection of cards, or the whole collection. */
export const ExportScope = z.union([
  z.object({ articleId: Id }).strict(),
  z.object({ cardIds: z.array(Id).min(1).max(20_000) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type ExportScope = z.infer<typeof ExportScope>;

export const ExportFormat = z.enum(['apkg', 'csv', 'tsv', 'json', 'markdown']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** The file, ready to save: the 1 MB web-host limit is on requests, so a response may carry a big file. */
export const ExportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  cards: z.number().int().min(0),
  notes: z.number().int().min(0),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/** A deck file to import: its name (the extension helps recognise it) and its bytes in base64. */
const DeckFile = {
  fileName: z.string().max(255),
  base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
};

export const DeckImportSummary = z.object({
  format: z.enum(['lectern', 'apkg', 'csv']),
  /** Cards new to the collection. */
  added: z.number().int().min(0),
  /** Cards the file changes (content, flags or review history). */
  updated: z.number().int().min(0),
  /** Cards already there and identical. */
  skipped: z.number().int().min(0),
  /** Review-log entries new to the collection. */
  reviewLogs: z.number().int().min(0),
  /** The decks the file's cards are in. */
  decks: z.array(z.string()),
  warnings: z.array(z.string()),
  /** The copy of the collection made before the import changed it (null for a preview or no change). */
  backup: z.string().nullable(),
});
export type DeckImportSummary = z.infer<typeof DeckImportSummary>;

/** Decks out and in (issue 8): export, import preview, import, and the job commands for long imports. */
export const exchangeCommands = {
  'deck.export': {
    input: z.object({ scope: ExportScope, format: ExportFormat, withSchedule: z.boolean() }).strict(),
    output: ExportedFile,
    mutates: false,
  },
  /** A dry run: what importing the file would add, update and skip. Changes nothing. */
  'deck.importPreview': {
    input: z.object(DeckFile).strict(),
    output: DeckImportSummary,
    mutates: false,
    carriesFile: true,
  },
  /** Imports and answers when done (backup first, one transaction). */
  'deck.import': {
    input: z.object(DeckFile).strict(),
    output: DeckImportSummary,
    mutates: true,
    carriesFile: true,
  },
  /** The same import as a job: follow it with `job.status`, stop it with `job.cancel`. */
  'deck.importStart': {
    input: z.object(DeckFile).strict(),
    output: z.object({ jobId: Id }),
    mutates: true,
    carriesFile: true,
  },
} as const satisfies Record<string, CommandSpec>;
