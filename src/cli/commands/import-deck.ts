import { importDeckFile, previewDeckImport, readDeckFile, type DeckImportSummary } from '../../core/exchange/collection-import';
import type { CliCommand } from '../command';
import { readInputFile } from '../read-input';

const usage = 'lectern import-deck <file> [--dry-run] [--data-dir <dir>] [--json]';

/** What --json prints (INTERFACES.md); the rest of the summary (decks, review logs, warnings) goes to standard error. */
interface ImportDeckOutput {
  added: number;
  updated: number;
  skipped: number;
}

export const importDeckCommand: CliCommand = {
  name: 'import-deck',
  summary: 'Import a Lectern JSON file, an Anki .apkg (legacy format) or an Anki CSV/TSV (--dry-run: preview only)',
  usage,
  options: { 'dry-run': { type: 'boolean' } },
  async run(ctx): Promise<ImportDeckOutput> {
    const input = readInputFile(ctx.positionals, usage);
    const dryRun = ctx.options['dry-run'] === true;
    const { collection } = ctx.open();
    let summary: DeckImportSummary;
    if (dryRun) {
      summary = previewDeckImport(collection, readDeckFile(input.bytes, input.name));
      ctx.warn('Dry run: nothing was changed. The counts say what an import would do.');
    } else {
      summary = await importDeckFile(collection, { bytes: input.bytes, fileName: input.name }, { onProgress: (p) => ctx.warn(`[${p.done}/${p.total}] ${p.message}`) });
      if (summary.backup) ctx.warn(`Backup of the collection before the import: ${summary.backup}`);
    }
    ctx.warn(`${summary.reviewLogs} review log ${summary.reviewLogs === 1 ? 'entry' : 'entries'}${dryRun ? ' would be' : ''} added; decks: ${summary.decks.join(', ') || 'none'}.`);
    summary.warnings.forEach((w) => ctx.warn(`warning: ${w}`));
    return { added: summary.added, updated: summary.updated, skipped: summary.skipped };
  },
  human(data) {
    const out = data as ImportDeckOutput;
    return `Cards: ${out.added} added, ${out.updated} updated, ${out.skipped} skipped (unchanged)`;
  },
};
