/**
 * Lectern JSON document → the Anki package model that the .apkg and CSV writers take. A deck per article
 * (the Lectern deck's name), its sections as subdecks (`Article::Section`); the introduction (a section
 * without heading) stays in the article's deck.
 */
import { guidForCardId } from './anki/guid';
import { clozeNumbers, renumberToC1 } from '../cards/cloze';
import { escapeHtml } from './html';
import type { LecternCard, LecternJson, LecternPreset, LecternReviewLog } from './lectern-json';
import type { AnkiCardSchedule, AnkiNote, AnkiPackageModel, AnkiReviewEvent } from './model';

/** One deck level as Anki keeps it: no `::` inside, no control characters, trimmed of spaces and colons. */
export function deckLevel(name: string): string {
  const clean = name
    .normalize('NFC')
    .replace(/::+/g, ':')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:]+|[\s:]+$/g, '');
  return clean || 'blank';
}

/** Provenance fields must not add cloze numbers to a note: Anki counts `{{cN::` in every field. */
const provenance = (text: string) => escapeHtml(text).replace(/\{\{/g, '&#123;&#123;');

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function ankiPackageFromLectern(doc: LecternJson, include: (card: LecternCard) => boolean = () => true): AnkiPackageModel {
  const articles = new Map(doc.articles.map((a) => [a.id, a]));
  const decks = new Map(doc.decks.map((d) => [d.id, d]));
  const presets = new Map(doc.presets.map((p) => [p.id, p]));
  const logs = new Map<string, LecternReviewLog[]>();
  for (const log of [...doc.reviewLogs].sort((a, b) => a.reviewedAt - b.reviewedAt || byId(a, b))) {
    const list = logs.get(log.cardId) ?? [];
    list.push(log);
    logs.set(log.cardId, list);
  }

  const notes: AnkiNote[] = [];
  for (const card of [...doc.cards].sort(byId)) {
    if (!include(card)) continue;
    const deck = decks.get(card.deckId);
    const article = card.articleId !== null ? articles.get(card.articleId) : undefined;
    const top = deckLevel(deck?.name || article?.title || 'Lectern');
    const heading = article && card.sectionIndex !== null ? article.sections[card.sectionIndex]?.heading : null;
    const deckName = heading ? `${top}::${deckLevel(heading)}` : top;
    const quote = provenance(card.source?.quote ?? '');
    const title = provenance(article?.title ?? '');
    const preset = deck ? presets.get(deck.presetId) : undefined;
    // A cloze card without any gap would be an empty Anki card: it travels as a Basic note instead.
    const cloze = card.kind !== 'qa' && clozeNumbers(card.text).length > 0;
    const front = card.kind === 'qa' ? card.front : cloze ? renumberToC1(card.text) : card.text;
    notes.push({
      guid: guidForCardId(card.id),
      kind: cloze ? 'cloze' : 'basic',
      fields: [escapeHtml(front), card.kind === 'qa' ? escapeHtml(card.back) : '', quote, title],
      tags: card.tags,
      deck: deckName,
      createdAt: card.createdAt,
      modifiedAt: card.updatedAt,
      flag: card.flag,
      schedule: scheduleOf(card, preset),
      reviews: (logs.get(card.id) ?? []).map(reviewEvent),
    });
  }
  return {
    decks: [...new Set(notes.map((n) => n.deck))].sort(),
    notes,
    dayStartsAt: doc.settings.dayStartsAt,
    timeZone: doc.settings.timeZone,
  };
}

function scheduleOf(card: LecternCard, preset: LecternPreset | undefined): AnkiCardSchedule {
  const steps = card.state === 1 ? (preset?.learningSteps.length ?? 2) : card.state === 3 ? (preset?.relearningSteps.length ?? 1) : 0;
  return {
    state: card.state as AnkiCardSchedule['state'],
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.lastReview,
    stepsLeft: Math.max(0, steps - card.learningSteps),
    suspended: card.suspended,
    buriedUntil: card.buriedUntil,
    desiredRetention: preset?.desiredRetention ?? 0.9,
  };
}

const reviewEvent = (log: LecternReviewLog): AnkiReviewEvent => ({
  kind: log.kind,
  rating: log.rating,
  reviewedAt: log.reviewedAt,
  state: log.state,
  due: log.due,
  stability: log.stability,
  difficulty: log.difficulty,
  scheduledDays: log.scheduledDays,
  durationMs: log.durationMs,
});
