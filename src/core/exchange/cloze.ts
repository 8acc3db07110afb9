/**
 * Anki cloze syntax (`{{c1::answer::hint}}`, nested, and `{{c1,2::…}}`), as far as exchange needs it:
 * which numbers a note has, and the text of the card for one number, renumbered to c1 with the other
 * deletions revealed. One Lectern card is one schedule, so an Anki note with c1..cN becomes N cards.
 */

type Node = { type: 'text'; text: string } | { type: 'cloze'; numbers: number[]; children: Node[] };

const OPEN = /^\{\{c(\d+(?:,\d+)*)::/;

/** Parses into a tree; an unmatched opener or closer is kept as text, as Anki renders it. */
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
    const open = OPEN.exec(text.slice(i, i + 64));
    if (open) {
      stack.push({ numbers: open[1]!.split(',').map(Number), children: [], opener: open[0] });
      i += open[0].length;
    } else if (text.startsWith('}}', i) && stack.length > 0) {
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
    const list = current();
    list.push({ type: 'text', text: open.opener }, ...open.children);
  }
  return root;
}

export function clozeNumbers(text: string): number[] {
  const found = new Set<number>();
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.type === 'cloze') {
        n.numbers.forEach((k) => found.add(k));
        walk(n.children);
      }
    }
  };
  walk(parse(text));
  return [...found].filter((n) => n >= 1).sort((a, b) => a - b);
}

/** Serialises children; `reveal` drops the hint, which lives after the first `::` of the cloze's own text. */
function render(nodes: Node[], keep: (numbers: number[]) => boolean): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : renderCloze(n, keep))).join('');
}

function renderCloze(node: Extract<Node, { type: 'cloze' }>, keep: (numbers: number[]) => boolean): string {
  if (keep(node.numbers)) return `{{c1::${render(node.children, keep)}}}`;
  const answer: Node[] = [];
  for (const child of node.children) {
    if (child.type === 'text' && child.text.includes('::')) {
      answer.push({ type: 'text', text: child.text.slice(0, child.text.indexOf('::')) });
      break;
    }
    answer.push(child);
  }
  return render(answer, keep);
}

/** The card for deletion `n`: its gaps become c1, every other deletion shows its answer. */
export function clozeForNumber(text: string, n: number): string {
  return render(parse(text), (numbers) => numbers.includes(n));
}

/** Lectern cloze and list cards use c1 only: any other number is renumbered to c1. */
export function renumberToC1(text: string): string {
  return render(parse(text), () => true);
}
