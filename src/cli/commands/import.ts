import type { Article } from '../../shared/contract';
import { articleView } from '../../core/library/articles';
import { importArticle } from '../../core/library/import';
import type { CliCommand } from '../command';
import { readInputFile } from '../read-input';
import { describeArticle } from './parse';

const usage = 'lectern import <file> [--data-dir <dir>] [--json]';

interface ImportOutput {
  articleId: string;
  created: boolean;
  cards: number;
  article: Article;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import an article into the collection (the same text twice changes nothing)',
  usage,
  options: {},
  run(ctx): ImportOutput {
    const input = readInputFile(ctx.positionals, usage);
    const { collection } = ctx.open();
    const result = importArticle(collection, { bytes: input.bytes, fileName: input.name, source: input.path });
    result.warnings.forEach((w) => ctx.warn(`warning: ${w}`));
    if (result.outcome === 'unchanged') ctx.warn('This text is already in the collection; nothing changed.');
    if (result.outcome === 'updated') ctx.warn('A changed version of this file was imported before; that article was updated.');
    const view = articleView(collection, result.articleId);
    return {
      articleId: result.articleId,
      created: result.outcome === 'created',
      cards: view.sections.reduce((sum, s) => sum + s.cards, 0),
      article: result.article,
    };
  },
  human(data) {
    const out = data as ImportOutput;
    return `${out.created ? 'Imported' : 'Kept'} ${out.articleId}: ${out.cards} cards\n${describeArticle(out.article)}`;
  },
};
