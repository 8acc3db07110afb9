import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LecternError } from '../../shared/contract';
import { EXPORT_FORMATS, exportDeck, type ExportFormat, type ExportScope } from '../../core/exchange/collection-export';
import type { CliCommand } from '../command';
import { refuse } from '../errors';

const usage = 'lectern export --format apkg|csv|tsv|json|markdown (--article <id> | --all) [--with-schedule] --out <file> [--data-dir <dir>] [--json]';

interface ExportOutput {
  file: string;
  cards: number;
  notes: number;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export an article’s cards or the whole collection (Anki .apkg, Anki CSV/TSV, Lectern JSON, Markdown)',
  usage,
  options: {
    format: { type: 'string' },
    article: { type: 'string' },
    all: { type: 'boolean' },
    'with-schedule': { type: 'boolean' },
    out: { type: 'string' },
  },
  run(ctx): ExportOutput {
    const format = ctx.options.format as string | undefined;
    const article = ctx.options.article as string | undefined;
    const all = ctx.options.all === true;
    const out = ctx.options.out as string | undefined;
    if (ctx.positionals.length > 0) refuse(`export takes no file argument (got ${ctx.positionals.join(' ')}); name the output with --out.\nUsage: ${usage}`);
    if (!format) refuse(`Name a format with --format (${EXPORT_FORMATS.join(', ')}).\nUsage: ${usage}`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) refuse(`"${format}" is not an export format; use one of ${EXPORT_FORMATS.join(', ')}.`);
    if ((article ? 1 : 0) + (all ? 1 : 0) !== 1) refuse(`Choose what to export: --article <id> or --all (one of them).\nUsage: ${usage}`);
    if (!out) refuse(`Name the output file with --out.\nUsage: ${usage}`);
    const withSchedule = ctx.options['with-schedule'] === true;
    if (withSchedule && format !== 'apkg') ctx.warn(`note: --with-schedule only changes .apkg exports (${format === 'json' ? 'Lectern JSON always carries the schedule' : `${format} carries no schedule`}).`);

    const { collection } = ctx.open();
    const scope: ExportScope = article ? { articleId: article } : { all: true };
    const file = exportDeck(collection, { scope, format: format as ExportFormat, withSchedule });
    const path = resolve(out);
    try {
      writeFileSync(path, file.bytes);
    } catch (error) {
      throw new LecternError('bad_input', `Cannot write ${out}: ${(error as Error).message}`);
    }
    return { file: path, cards: file.cards, notes: file.notes };
  },
  human(data) {
    const out = data as ExportOutput;
    return `Exported ${out.cards} ${out.cards === 1 ? 'card' : 'cards'} to ${out.file}`;
  },
};
