/**
 * Card faces for the reviewer, as plain-text segments (never HTML): a cloze `{{c1::answer}}` or
 * `{{c1::answer::hint}}` becomes a gap on the front (`[…]` or `[hint]`) and the highlighted answer on
 * the back; other cloze numbers (left over from an Anki note) show their answer on both sides; a Q&A
 * card shows its front, then its back. An unmatched `{{` or `}}` stays as text, as Anki renders it.
 */
import type { FaceSegment } from '../../shared/contract/review-models';
import { numbersIn, parseCloze, revealedText, splitHint, type ClozeNode } from '../cards/cloze';

/** The number a card studies: c1 when there is one (Lectern's own cards), else the lowest one there is. */
function activeNumber(nodes: ClozeNode[]): number {
  const found = numbersIn(nodes);
  return found.includes(1) ? 1 : found.length > 0 ? Math.min(...found) : 1;
}

function push(out: FaceSegment[], segment: FaceSegment): void {
  if (segment.text === '') return;
  const last = out[out.length - 1];
  if (last && last.role === segment.role && segment.role === 'text') last.text += segment.text;
  else out.push({ ...segment });
}

export function clozeFaces(text: string): { front: FaceSegment[]; back: FaceSegment[] } {
  const nodes = parseCloze(text);
  const active = activeNumber(nodes);
  const front: FaceSegment[] = [];
  const back: FaceSegment[] = [];
  const walk = (list: ClozeNode[]) => {
    for (const node of list) {
      if (node.type === 'text') {
        push(front, { role: 'text', text: node.text });
        push(back, { role: 'text', text: node.text });
      } else if (node.numbers.includes(active)) {
        const { answer, hint } = splitHint(node.children);
        push(front, { role: 'gap', text: hint ? `[${hint}]` : '[…]' });
        push(back, { role: 'answer', text: answer.map(revealedText).join('') });
      } else {
        // Another deletion of the same note: its answer is part of the text; a nested active gap still hides.
        walk(splitHint(node.children).answer);
      }
    }
  };
  walk(nodes);
  return { front, back };
}

export function cardFaces(card: { kind: string; text: string | null; front: string | null; back: string | null }): {
  front: FaceSegment[];
  back: FaceSegment[];
} {
  if (card.kind === 'qa') {
    return {
      front: [{ role: 'text', text: card.front ?? '' }],
      back: [{ role: 'text', text: card.back ?? '' }],
    };
  }
  return clozeFaces(card.text ?? '');
}
