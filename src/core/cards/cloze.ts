/**
 * Anki cloze syntax (`{{c1::answer}}`, `{{c1::answer::hint}}`, nested, and `{{c1,2::…}}`): the one
 * parser, which the reviewer's faces (schedule/faces.ts) and exchange both use. An unmatched opener or
 * closer is kept as text, as Anki renders it.
 *
 * For exchange: which numbers a note has, and the text of the card for one number, renumbered to c1 with
 * the other deletions revealed. One Lectern card is one schedule, so an Anki note with c1..cN becomes N
 * cards.
 */

export type ClozeNode = { type: 'text'; text: string } | { type: 'cloze'; numbers: number[]; children: ClozeNode[] };

const OPEN = /^\{\{c(\d+(?:,\d+)*)::/;

/** Parses into a tree; an unmatched opener or closer is kept as text, as Anki renders it. */
export function parseCloze(text: string): ClozeNode[] {
  const root: ClozeNode[] = [];
  const stack: { numbers: number[]; children: ClozeNode[]; opener: string }[] = [];
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
  // Unclosed openers: fold back into plain text.
  while (stack.length > 0) {
    const open = stack.pop()!;
    current().push({ type: 'text', text: open.opener }, ...open.children);
  }
  return root;
}

/** Every cloze number in the tree, nested ones included, in document order (repeats kept). */
export function numbersIn(nodes: ClozeNode[]): number[] {
  const found: number[] = [];
  const walk = (list: ClozeNode[]) =>
    list.forEach((n) => {
      if (n.type === 'cloze') {
        found.push(...n.numbers);
        walk(n.children);
      }
    });
  walk(nodes);
  return found;
}

/** A cloze's own children split at its first top-level `::` into answer and hint. */
export function splitHint(children: ClozeNode[]): { answer: ClozeNode[]; hint: string | null } {
  const answer: ClozeNode[] = [];
  for (let k = 0; k < children.length; k++) {
    const child = children[k]!;
    if (child.type === 'text') {
      const at = child.text.indexOf('::');
      if (at >= 0) {
        if (at > 0) answer.push({ type: 'text', text: child.text.slice(0, at) });
        const hint = child.text.slice(at + 2) + children.slice(k + 1).map(revealedText).join('');
        return { answer, hint: hint.trim() === '' ? null : hint.trim() };
      }
    }
    answer.push(child);
  }
  return { answer, hint: null };
}

/** The revealed text of a node (hints dropped). */
export function revealedText(node: ClozeNode): string {
  if (node.type === 'text') return node.text;
  return splitHint(node.children).answer.map(revealedText).join('');
}

// ---- exchange: numbers and renumbering ------------------------------------------------------------

export function clozeNumbers(text: string): number[] {
  return [...new Set(numbersIn(parseCloze(text)))].filter((n) => n >= 1).sort((a, b) => a - b);
}

/** Serialises nodes: the deletions `keep` accepts stay (as c1), every other one shows its answer. */
function render(nodes: ClozeNode[], keep: (numbers: number[]) => boolean): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : renderCloze(n, keep))).join('');
}

function renderCloze(node: Extract<ClozeNode, { type: 'cloze' }>, keep: (numbers: number[]) => boolean): string {
  if (keep(node.numbers)) return `{{c1::${render(node.children, keep)}}}`;
  return render(splitHint(node.children).answer, keep);
}

/** The card for deletion `n`: its gaps become c1, every other deletion shows its answer. */
export function clozeForNumber(text: string, n: number): string {
  return render(parseCloze(text), (numbers) => numbers.includes(n));
}

/** Lectern cloze and list cards use c1 only: any other number is renumbered to c1. */
export function renumberToC1(text: string): string {
  return render(parseCloze(text), () => true);
}
