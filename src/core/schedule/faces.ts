/**
 * Card faces for the reviewer, as plain-text segments (never HTML): a cloze `{{c1::answer}}` or
 * `{{c1::answer::hint}}` becomes a gap on the front (`[…]` or `[hint]`) and the highlighted answer on
 * the back; other cloze numbers (left over from an Anki note) show their answer on both sides; a Q&A
 * card shows its front, then its back. An unmatched `{{` or `}}` stays as text, as Anki renders it.
 */
import type { FaceSegment } from '../../shared/contract/review-models';

type Node = { type: 'text'; text: string } | { type: 'cloze'; numbers: number[]; children: Node[] };

const OPEN = /^\{\{c(\d+(?:,\d+)*)::/;

function parse(text: string): Node[] {
  const root: Node[] = [];
  const stack: { numbers: number[]; children: Node[]; opener: string }[] = [];
  const current = () => (stack.length > 0 ? stack[stack.length - 1]!.children : root);
  const pushText = (t: string) => {
    const list = current();
    const last = list[list.length - 1];
    if (last?.type === 'text') last.text += t;
    else list.push({ type: 'text', text: t });
  };
  let i = 0;
  while (i < text.length) {
    const open = text.startsWith('{{c', i) ? OPEN.exec(text.slice(i, i + 64)) : null;
    if (open) {
      stack.push({ numbers: open[1]!.split(',').map(Number), children: [], opener: open[0] });
      i += open[0].length;
    } else if (stack.length > 0 && text.startsWith('}}', i)) {
      const done = stack.pop()!;
      current().push({ type: 'cloze', numbers: done.numbers, children: done.children });
      i += 2;
    } else {
      pushText(text[i]!);
      i += 1;
    }
  }
  while (stack.length > 0) {
    const open = stack.pop()!;
    current().push({ type: 'text', text: open.opener }, ...open.children);
  }
  return root;
}

/** A cloze's own children split at its first top-level `::` into answer and hint. */
function splitHint(children: Node[]): { answer: Node[]; hint: string | null } {
  const answer: Node[] = [];
  for (let k = 0; k < children.length; k++) {
    const child = children[k]!;
    if (child.type === 'text') {
      const at = child.text.indexOf('::');
      if (at >= 0) {
        if (at > 0) answer.push({ type: 'text', text: child.text.slice(0, at) });
        const hint = child.text.slice(at + 2) + children.slice(k + 1).map(plain).join('');
        return { answer, hint: hint.trim() === '' ? null : hint.trim() };
      }
    }
    answer.push(child);
  }
  return { answer, hint: null };
}

/** The revealed text of nodes (hints dropped). */
function plain(node: Node): string {
  if (node.type === 'text') return node.text;
  return splitHint(node.children).answer.map(plain).join('');
}

function activeNumber(nodes: Node[]): number {
  const found: number[] = [];
  const walk = (list: Node[]) =>
    list.forEach((n) => {
      if (n.type === 'cloze') {
        found.push(...n.numbers);
        walk(n.children);
      }
    });
  walk(nodes);
  return found.includes(1) ? 1 : found.length > 0 ? Math.min(...found) : 1;
}

function push(out: FaceSegment[], segment: FaceSegment): void {
  if (segment.text === '') return;
  const last = out[out.length - 1];
  if (last && last.role === segment.role && segment.role === 'text') last.text += segment.text;
  else out.push({ ...segment });
}

export function clozeFaces(text: string): { front: FaceSegment[]; back: FaceSegment[] } {
  const nodes = parse(text);
  const active = activeNumber(nodes);
  const front: FaceSegment[] = [];
  const back: FaceSegment[] = [];
  const walk = (list: Node[]) => {
    for (const node of list) {
      if (node.type === 'text') {
        push(front, { role: 'text', text: node.text });
        push(back, { role: 'text', text: node.text });
      } else if (node.numbers.includes(active)) {
        const { answer, hint } = splitHint(node.children);
        push(front, { role: 'gap', text: hint ? `[${hint}]` : '[…]' });
        push(back, { role: 'answer', text: answer.map(plain).join('') });
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
