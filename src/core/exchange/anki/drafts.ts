/**
 * One Anki note (and its cards, with their review logs) → Lectern card drafts. Every Anki card becomes
 * one draft: a cloze card keeps only its own number (as c1) and shows the other deletions as plain text;
 * a standard card's front is what its question template shows, its back what the answer adds.
 */
import { clozeForNumber, clozeNumbers } from '../../cards/cloze';
import { htmlToPlain } from '../html';
import type { AnkiCardDraft, ImportedReview, ImportedSchedule } from '../model';
import { cardIdFromGuid } from './guid';
import { BASIC_NOTETYPE_ID, CLOZE_NOTETYPE_ID } from './notetypes';
import type { CardColumns, RevlogColumns } from './schedule';

export interface AnkiNotetype {
  name?: unknown;
  type?: unknown;
  flds: { name?: unknown }[];
  tmpls: { qfmt?: unknown; afmt?: unknown; ord?: unknown }[];
}

/** A card row as read from a package: the columns the writer fills (but `left`), and where the card is. */
export interface AnkiCardRow extends Omit<CardColumns, 'left'> {
  id: number;
  ord: number;
  did: number;
  odid: number;
  odue: number;
  flags: number;
}

export interface AnkiRevlogRow extends RevlogColumns {
  id: number;
}

export interface NoteInput {
  guid: string;
  notetypeId: number;
  notetype: AnkiNotetype;
  fields: string[];
  tags: string[];
  cards: { card: AnkiCardRow; revlog: AnkiRevlogRow[]; deck: string | null }[];
  crtSeconds: number;
}

const SPECIAL_FIELDS = new Set(['FrontSide', 'Card', 'CardFlag', 'Deck', 'Subdeck', 'Tags', 'Type', 'CardID']);
/** Lectern's own provenance fields: not part of the question or answer. */
const PROVENANCE_FIELDS = new Set(['Source', 'Article']);

export function noteToDrafts(note: NoteInput): { drafts: AnkiCardDraft[]; skipped: number } {
  const names = note.notetype.flds.map((f) => String(f.name ?? ''));
  const field = (name: string) => {
    const i = names.indexOf(name);
    return i >= 0 ? (note.fields[i] ?? '') : '';
  };
  const ours = note.notetypeId === BASIC_NOTETYPE_ID || note.notetypeId === CLOZE_NOTETYPE_ID;
  const lecternCardId = ours ? cardIdFromGuid(note.guid) : null;
  const drafts: AnkiCardDraft[] = [];
  let skipped = 0;

  for (const { card, revlog, deck } of note.cards) {
    const base = {
      origin: { guid: note.guid, ord: card.ord },
      lecternCardId,
      deck,
      tags: note.tags,
      schedule: scheduleOf(card, revlog, note.crtSeconds),
      reviews: revlog.map(reviewOf),
    };
    if (Number(note.notetype.type) === 1) {
      const textName = clozeFieldName(note.notetype) ?? names[0]!;
      const html = field(textName);
      const n = card.ord + 1;
      if (!clozeNumbers(html).includes(n)) {
        skipped += 1;
        continue;
      }
      const extra = htmlToPlain(field('Back Extra') || field('Extra'));
      drafts.push({ ...base, kind: 'cloze', text: htmlToPlain(clozeForNumber(html, n)), ...(extra ? { extra } : {}) });
    } else {
      const template = note.notetype.tmpls.find((t, i) => Number(t.ord ?? i) === card.ord) ?? note.notetype.tmpls[card.ord];
      if (!template) {
        skipped += 1;
        continue;
      }
      const exclude = ours ? PROVENANCE_FIELDS : new Set<string>();
      const frontNames = fieldRefs(String(template.qfmt ?? '')).filter((n) => names.includes(n) && !exclude.has(n));
      const backNames = fieldRefs(String(template.afmt ?? '')).filter((n) => names.includes(n) && !exclude.has(n) && !frontNames.includes(n));
      const join = (list: string[]) => list.map((n) => htmlToPlain(field(n))).filter(Boolean).join('\n');
      const front = join(frontNames);
      if (!front) {
        skipped += 1;
        continue;
      }
      drafts.push({ ...base, kind: 'qa', front, back: join(backNames) });
    }
  }
  return { drafts, skipped };
}

/** The field the first template deletes from (`{{cloze:Text}}`, maybe with more filters before it). */
function clozeFieldName(notetype: AnkiNotetype): string | null {
  const match = /\{\{(?:[^}:]+:)*cloze:([^}]+)\}\}/.exec(String(notetype.tmpls[0]?.qfmt ?? ''));
  return match ? match[1]!.trim() : null;
}

/** Field names a template shows, in order: `{{Name}}` and `{{filter:Name}}`, not conditionals or specials. */
export function fieldRefs(template: string): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(/\{\{([^}]+)\}\}/g)) {
    const inner = m[1]!.trim();
    if (/^[#^/!]/.test(inner)) continue;
    const name = inner.split(':').pop()!.trim();
    if (!SPECIAL_FIELDS.has(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

function parseData(data: string): { s?: number; d?: number; dr?: number; lrt?: number } {
  if (!data) return {};
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {}; // Anki ignores invalid card data too.
  }
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function scheduleOf(card: AnkiCardRow, revlog: AnkiRevlogRow[], crtSeconds: number): ImportedSchedule {
  const data = parseData(card.data);
  const state = ([0, 1, 2, 3].includes(card.type) ? card.type : 0) as 0 | 1 | 2 | 3;
  // A card in a filtered deck keeps its home due in odue.
  const rawDue = card.odid ? card.odue : card.due;
  let due: number | null = null;
  if (state !== 0) {
    // Learning steps under a day carry epoch seconds; everything else is a day number since crt.
    due = rawDue > 1_000_000_000 ? rawDue * 1000 : (crtSeconds + rawDue * 86_400) * 1000;
  }
  const stability = num(data.s);
  const difficulty = num(data.d);
  const memory = stability !== null && difficulty !== null && stability > 0;
  const answered = revlog.filter((r) => r.ease > 0);
  const lrt = num(data.lrt);
  return {
    state,
    due,
    stability: memory ? stability : null,
    difficulty: memory ? difficulty : null,
    desiredRetention: num(data.dr),
    reps: card.reps,
    lapses: card.lapses,
    lastReview: lrt !== null ? lrt * 1000 : answered.length > 0 ? answered[answered.length - 1]!.id : null,
    intervalDays: card.ivl > 0 ? card.ivl : 0,
    easeFactor: card.factor,
    suspended: card.queue === -1,
    buried: card.queue === -2 || card.queue === -3,
    flag: card.flags & 7,
  };
}

function reviewOf(r: AnkiRevlogRow): ImportedReview {
  let kind: ImportedReview['kind'];
  if (r.ease === 0 || r.type === 4 || r.type === 5) kind = r.ivl === 0 && r.type === 4 ? 'reset' : 'manual';
  else if (r.type === 3) kind = 'preview';
  else kind = 'review';
  const manual = kind === 'manual' || kind === 'reset';
  return {
    kind,
    rating: manual ? 0 : Math.min(4, Math.max(1, r.ease)),
    reviewedAt: r.id,
    durationMs: Math.max(0, r.time),
    anki: { ease: r.ease, ivl: r.ivl, lastIvl: r.lastIvl, factor: r.factor, type: r.type },
  };
}
