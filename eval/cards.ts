import { createHash } from 'node:crypto';
import { generateCards } from '../src/core/generate';
import type { CardDraft } from '../src/shared/contract/card-draft';
import type { LoadedDocument } from './documents';

/** A card as a grader sees it: cloze text, or a question and its answer. */
export type CardFace = { kind: 'cloze'; text: string } | { kind: 'qa'; front: string; back: string };

export function faceOf(card: CardDraft): CardFace {
  return card.kind === 'qa' ? { kind: 'qa', front: card.front ?? '', back: card.back ?? '' } : { kind: 'cloze', text: card.text ?? '' };
}

/** What identifies a card across rounds: its document and exactly what it shows. */
export function cardKey(docId: string, face: CardFace): string {
  const body = face.kind === 'qa' ? `qa\u0000${face.front}\u0000${face.back}` : `cloze\u0000${face.text}`;
  return createHash('sha256').update(`${docId}\u0000${body}`).digest('hex').slice(0, 16);
}

export interface GeneratedCard {
  key: string;
  face: CardFace;
  draft: CardDraft;
  passage: string;
}

export function generateFor(loaded: LoadedDocument): GeneratedCard[] {
  const drafts = generateCards(loaded.article, { kinds: loaded.kinds });
  return drafts.map((draft) => {
    const face = faceOf(draft);
    const passage = loaded.article.sections[draft.sectionIndex]?.paragraphs[draft.source.paragraphIndex] ?? draft.source.quote;
    return { key: cardKey(loaded.doc.id, face), face, draft, passage };
  });
}
