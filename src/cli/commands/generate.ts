import type { Article, CardDraft } from '../../shared/contract';
import { parseArticleFile } from '../../core/article';
import { generateCards } from '../../core/generate';
import type { CliCommand } from '../command';
import { readInputFile } from '../read-input';

const usage = 'lectern generate <file> [--json]';

interface GenerateOutput {
  article: Article;
  cards: CardDraft[];
}

export const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'Parse a file and write its cards; stores nothing (the same input gives identical output)',
  usage,
  options: {},
  run(ctx): GenerateOutput {
    const input = readInputFile(ctx.positionals, usage);
    const parsed = parseArticleFile(input.bytes, input.name);
    parsed.warnings.forEach((w) => ctx.warn(`warning: ${w}`));
    return { article: parsed.article, cards: generateCards(parsed.article, { kinds: parsed.kinds }) };
  },
  human(data) {
    const { article, cards } = data as GenerateOutput;
    const lines = [`${article.title}: ${cards.length} cards`];
    for (const card of cards) {
      const where = article.sections[card.sectionIndex]?.heading ?? 'Introduction';
      const body = card.kind === 'qa' ? `${card.front}  →  ${card.back}` : card.text;
      lines.push(`[${card.kind}] (${where}) ${body}`);
    }
    return lines.join('\n');
  },
};
