import type { Article } from '../../shared/contract';
import { parseArticleFile } from '../../core/article';
import type { CliCommand } from '../command';
import { readInputFile } from '../read-input';

const usage = 'lectern parse <file> [--json]';

export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'Parse a text, Markdown or HTML file into its sections; stores nothing',
  usage,
  options: {},
  run(ctx) {
    const input = readInputFile(ctx.positionals, usage);
    const parsed = parseArticleFile(input.bytes, input.name);
    parsed.warnings.forEach((w) => ctx.warn(`warning: ${w}`));
    return parsed.article;
  },
  human(data) {
    return describeArticle(data as Article);
  },
};

export function describeArticle(article: Article): string {
  const lines = [article.title];
  const meta = Object.entries(article.meta).map(([k, v]) => `  ${k}: ${v}`);
  if (meta.length) lines.push(...meta);
  lines.push('');
  article.sections.forEach((s, i) => {
    const heading = s.heading ?? '(introduction)';
    lines.push(`${String(i).padStart(3)}  ${'  '.repeat(s.level - 1)}${heading}  [${s.paragraphs.length} paragraphs${s.study ? '' : ', not for study'}]`);
  });
  return lines.join('\n');
}
