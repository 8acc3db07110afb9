/**
 * A small collection, reviewed over several simulated days, as a Lectern JSON document: every card state
 * (new, learning, review, relearning), suspended and buried cards, all log kinds, an article-less deck,
 * and text that needs escaping. Used by the exchange tests only.
 */
import { DEFAULT_PRESET } from '../schedule/types';
import type { LecternCard, LecternJson, LecternReviewLog } from './lectern-json';

export const NOW = Date.UTC(2026, 10, 26, 12, 0, 0); // 2026-11-26 12:00 UTC
export const DAY = 86_400_000;
const MIN = 60_000;

export const ids = {
  article: '019ac000-0000-7000-8000-00000000a001',
  deck: '019ac000-0000-7000-8000-00000000d001',
  ankiDeck: '019ac000-0000-7000-8000-00000000d002',
  qaNew: '019ac000-0000-7000-8000-0000000c0001',
  clozeReview: '019ac000-0000-7000-8000-0000000c0002',
  listLearning: '019ac000-0000-7000-8000-0000000c0003',
  clozeRelearning: '019ac000-0000-7000-8000-0000000c0004',
  qaBuried: '019ac000-0000-7000-8000-0000000c0005',
  loose: 'not-a-uuid-card',
};

const base = {
  articleId: ids.article,
  source: null,
  sourceStatus: null,
  tags: [] as string[],
  suspended: false,
  buriedUntil: null,
  flag: 0,
  learningSteps: 0,
  createdAt: NOW - 10 * DAY,
  updatedAt: NOW - 10 * DAY,
};

const source = (quote: string) => ({ paragraphIndex: 0, start: 0, end: quote.length, quote, prefix: '', suffix: '' });

export function sampleCards(): LecternCard[] {
  return [
    {
      ...base,
      id: ids.qaNew,
      deckId: ids.deck,
      sectionIndex: 1,
      kind: 'qa',
      front: 'What casts the shadow on a sundial?',
      back: 'The gnomon',
      source: source('A sundial tells time by the shadow of its gnomon.'),
      sourceStatus: 'ok',
      tags: ['sundials', 'history of time'],
      state: 0,
      due: NOW - 10 * DAY,
      stability: 0,
      difficulty: 0,
      reps: 0,
      lapses: 0,
      lastReview: null,
    },
    {
      ...base,
      id: ids.clozeReview,
      deckId: ids.deck,
      sectionIndex: 2,
      kind: 'cloze',
      text: 'The {{c1::caesium}} clock defines the second & more.',
      source: source('The caesium clock defines the SI second {{c2::literally}}.'),
      sourceStatus: 'ok',
      flag: 3,
      state: 2,
      due: NOW + 5 * DAY - 2 * 3600_000,
      stability: 12.345678,
      difficulty: 5.43219,
      reps: 3,
      lapses: 0,
      lastReview: NOW - 4 * DAY - 2 * 3600_000,
      updatedAt: NOW - 4 * DAY,
    },
    {
      ...base,
      id: ids.listLearning,
      deckId: ids.deck,
      sectionIndex: 0,
      kind: 'list',
      text: 'Early clocks: {{c1::sundials}}, {{c1::water clocks}}, {{c1::candle clocks}}',
      state: 1,
      due: NOW + 10 * MIN,
      stability: 0.4,
      difficulty: 6.1,
      reps: 1,
      lapses: 0,
      lastReview: NOW,
      learningSteps: 1,
    },
    {
      ...base,
      id: ids.clozeRelearning,
      deckId: ids.deck,
      sectionIndex: 2,
      kind: 'cloze',
      text: 'Atomic clocks drift about {{c1::one second in 100 million years}}.',
      suspended: true,
      state: 3,
      due: NOW + 2 * DAY,
      stability: 1.5,
      difficulty: 8.2,
      reps: 5,
      lapses: 1,
      lastReview: NOW - 3600_000,
    },
    {
      ...base,
      id: ids.qaBuried,
      deckId: ids.deck,
      sectionIndex: 1,
      kind: 'qa',
      front: '=SUM(A1) is not a clock',
      back: '-5 < 3 & "quoted"\nsecond line',
      tags: ['+plus'],
      buriedUntil: NOW + 6 * 3600_000,
      state: 2,
      due: NOW + 1 * DAY,
      stability: 3.2,
      difficulty: 4.9,
      reps: 2,
      lapses: 0,
      lastReview: NOW - 2 * DAY,
    },
    {
      ...base,
      id: ids.loose,
      deckId: ids.ankiDeck,
      articleId: null,
      sectionIndex: null,
      kind: 'qa',
      front: '@mention, tabs\tand commas',
      back: '',
      state: 0,
      due: NOW - DAY,
      stability: 0,
      difficulty: 0,
      reps: 0,
      lapses: 0,
      lastReview: null,
    },
  ];
}

function log(id: number, cardId: string, fields: Partial<LecternReviewLog>): LecternReviewLog {
  return {
    id: `019ac000-0000-7000-8000-${String(id).padStart(12, '0')}`,
    cardId,
    kind: 'review',
    rating: 3,
    reviewedAt: NOW,
    state: 0,
    due: NOW,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    durationMs: 4000,
    ...fields,
  };
}

export function sampleLogs(): LecternReviewLog[] {
  const t0 = NOW - 9 * DAY - 2 * 3600_000;
  return [
    // Review card: new → learning (10 min) → review (1 day) → review (12 days, ends at the card).
    log(1, ids.clozeReview, { reviewedAt: t0, state: 0, due: t0, rating: 3 }),
    log(2, ids.clozeReview, { reviewedAt: t0 + 10 * MIN, state: 1, due: t0 + 10 * MIN, stability: 2.3, difficulty: 5.1, rating: 3 }),
    log(3, ids.clozeReview, { reviewedAt: NOW - 4 * DAY - 2 * 3600_000, state: 2, due: t0 + DAY, stability: 3.1, difficulty: 5.2, elapsedDays: 5, scheduledDays: 1, rating: 4 }),
    // Learning card: first answer today.
    log(4, ids.listLearning, { reviewedAt: NOW, state: 0, due: NOW - DAY, rating: 1, durationMs: 12_000 }),
    // Relearning card: reviewed, lapsed.
    log(5, ids.clozeRelearning, { reviewedAt: NOW - 20 * DAY, state: 0, due: NOW - 20 * DAY, rating: 4 }),
    log(6, ids.clozeRelearning, { reviewedAt: NOW - 3600_000, state: 2, due: NOW - 2 * DAY, stability: 9, difficulty: 7, rating: 1, scheduledDays: 18 }),
    // Buried card: reviewed, then reset (forget), then given a manual due date, then a preview, then reviewed.
    // Same millisecond as log 5 of another card: revlog ids must still be unique.
    log(7, ids.qaBuried, { reviewedAt: NOW - 20 * DAY, state: 0, due: NOW - 20 * DAY, rating: 3 }),
    log(8, ids.qaBuried, { reviewedAt: NOW - 7 * DAY, kind: 'reset', rating: 0, state: 2, due: NOW - 6 * DAY, stability: 2, difficulty: 5, durationMs: 0 }),
    log(9, ids.qaBuried, { reviewedAt: NOW - 6 * DAY, kind: 'manual', rating: 0, state: 0, due: NOW - 6 * DAY, durationMs: 0 }),
    log(10, ids.qaBuried, { reviewedAt: NOW - 5 * DAY, kind: 'preview', rating: 2, state: 2, due: NOW - 3 * DAY, stability: 2.5, difficulty: 5 }),
    log(11, ids.qaBuried, { reviewedAt: NOW - 2 * DAY, state: 2, due: NOW - 3 * DAY, stability: 2.5, difficulty: 5, rating: 3 }),
  ];
}

export function sampleDoc(): LecternJson {
  return {
    format: 'lectern',
    version: 1,
    exportedAt: NOW,
    settings: { dayStartsAt: 4, timeZone: 'UTC' },
    articles: [
      {
        id: ids.article,
        title: 'The History of Timekeeping',
        meta: { author: 'A. Horologist', category: 'Science' },
        sourceHash: 'sha256:abc123',
        sections: [
          { heading: null, level: 1, study: true, paragraphs: ['Clocks are old.'] },
          { heading: '1. Sundials', level: 1, study: true, paragraphs: ['A sundial tells time by the shadow of its gnomon.'] },
          { heading: '2. Atomic clocks :: today', level: 1, study: true, paragraphs: ['The caesium clock defines the SI second.'] },
        ],
      },
    ],
    // A copy: the document is the test's to change, the default preset is not.
    presets: [{ ...DEFAULT_PRESET, learningSteps: [...DEFAULT_PRESET.learningSteps], relearningSteps: [...DEFAULT_PRESET.relearningSteps] }],
    decks: [
      { id: ids.deck, name: 'The History of Timekeeping', articleId: ids.article, presetId: 'default' },
      { id: ids.ankiDeck, name: '-Imported from Anki', articleId: null, presetId: 'default' },
    ],
    cards: sampleCards(),
    reviewLogs: sampleLogs(),
  };
}
