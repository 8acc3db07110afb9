/**
 * A readable deck to share (issue 8, "if time allows"): one heading per deck, one per section, each card
 * as question and answer, with its source passage quoted. Export only; nothing reads it back.
 */
import { clozeForNumber } from '../cards/cloze';
import type { LecternCard, LecternJson } from './lectern-json';

/** Escapes what Markdown would otherwise format, so card text shows as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/^(\s*)([#>+-])(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s|$)/gm, '$1\\.')
    .replace(/\n/g, '  \n');
}

/** A cloze card as a question with blanks (hints shown) and the answers in order, already escaped. */
export function clozeQuestion(text: string): { question: string; answers: string[] } {
  const answers: string[] = [];
  const gap = /\{\{c\d+(?:,\d+)*::((?:(?!\}\}).)*?)(?:::((?:(?!\}\}).)*?))?\}\}/gs;
  let question = '';
  let last = 0;
  for (const m of text.matchAll(gap)) {
    question += escapeMarkdown(text.slice(last, m.index));
    answers.push(escapeMarkdown(m[1]!));
    question += m[2] ? `[… (${escapeMarkdown(m[2])})]` : '[…]';
    last = m.index + m[0].length;
  }
  return { question: question + escapeMarkdown(text.slice(last)), answers };
}

const bySource = (a: LecternCard, b: LecternCard) =>
  (a.sectionIndex ?? -1) - (b.sectionIndex ?? -1) ||
  (a.source?.paragraphIndex ?? 0) - (b.source?.paragraphIndex ?? 0) ||
  (a.source?.start ?? 0) - (b.source?.start ?? 0) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function writeMarkdownDeck(doc: LecternJson, include: (card: LecternCard) => boolean = () => true): string {
  const articles = new Map(doc.articles.map((a) => [a.id, a]));
  const out: string[] = [];
  const decks = [...doc.decks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  for (const deck of decks) {
    const cards = doc.cards.filter((c) => c.deckId === deck.id && include(c)).sort(bySource);
    if (cards.length === 0) continue;
    out.push(`# ${escapeMarkdown(deck.name)}`, '');
    const article = deck.articleId ? articles.get(deck.articleId) : undefined;
    let section: number | null | undefined;
    for (const card of cards) {
      if (card.sectionIndex !== section) {
        section = card.sectionIndex;
        const heading = article && section !== null ? article.sections[section]?.heading : null;
        if (heading) out.push(`## ${escapeMarkdown(heading)}`, '');
      }
      out.push(...renderCard(card), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function renderCard(card: LecternCard): string[] {
  const lines: string[] = [];
  if (card.kind === 'qa') {
    lines.push(`**Q:** ${escapeMarkdown(card.front)}  `, `**A:** ${escapeMarkdown(card.back)}`);
  } else {
    const { question, answers } = clozeQuestion(clozeForNumber(card.text, 1));
    lines.push(`**Q:** ${question}  `, `**A:** ${answers.join('; ')}`);
  }
  if (card.source?.quote) lines.push('', ...card.source.quote.split('\n').map((l) => `> ${escapeMarkdown(l)}`));
  if (card.tags.length > 0) lines.push('', `*Tags: ${card.tags.map(escapeMarkdown).join(', ')}*`);
  return lines;
}
