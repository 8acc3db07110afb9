import type { DeckDue } from '../../shared/contract/review-models';
import type { CliCommand } from '../command';
import { unwrap } from '../errors';

interface DueData {
  decks: DeckDue[];
}

export const dueCommand: CliCommand = {
  name: 'due',
  summary: "Show today's new, learning and review cards left per deck",
  usage: 'lectern due [--data-dir <dir>] [--json]',
  options: {},
  async run(ctx) {
    const { dispatch } = ctx.open();
    const { decks } = unwrap(await dispatch('review.due', {})) as DueData;
    // Exactly the shape of INTERFACES.md, whatever else the command may carry one day.
    return {
      decks: decks.map((d) => ({ deckId: d.deckId, name: d.name, articleId: d.articleId, new: d.new, learning: d.learning, review: d.review })),
    } satisfies DueData;
  },
  human(data) {
    const { decks } = data as DueData;
    if (decks.length === 0) return 'No decks yet: import an article to get one.';
    const width = Math.min(60, Math.max(4, ...decks.map((d) => d.name.length)));
    const cut = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));
    const total = decks.reduce((t, d) => ({ new: t.new + d.new, learning: t.learning + d.learning, review: t.review + d.review }), {
      new: 0,
      learning: 0,
      review: 0,
    });
    const row = (name: string, c: { new: number; learning: number; review: number }) =>
      `${cut(name)}  ${String(c.new).padStart(5)}  ${String(c.learning).padStart(8)}  ${String(c.review).padStart(6)}`;
    return [
      `${'Deck'.padEnd(width)}  ${'New'.padStart(5)}  ${'Learning'.padStart(8)}  ${'Review'.padStart(6)}`,
      ...decks.map((d) => row(d.name, d)),
      row('Total', total),
    ].join('\n');
  },
};
