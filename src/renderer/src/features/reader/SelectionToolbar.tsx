import { useEffect, useRef, useState, type RefObject } from 'react';

/** A selection inside one paragraph's text: offsets into the paragraph string (UTF-16), as the core counts them. */
export interface TextSelection {
  section: number;
  paragraph: number;
  start: number;
  end: number;
  quote: string;
}

interface Selected {
  top: number;
  left: number;
  section: number;
  paragraph: number;
  /** Null where no card can come from (code, tables, a selection outside the text). */
  text: TextSelection | null;
}

/** Where a DOM point falls in an element's text, clamped to its start or end when outside it. */
function offsetWithin(element: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  const length = range.toString().length;
  const side = range.comparePoint(node, offset);
  if (side < 0) return 0;
  if (side > 0) return length;
  range.setEnd(node, offset);
  return range.toString().length;
}

function readSelection(column: HTMLElement): Selected | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const paragraph = start?.closest<HTMLElement>('[data-paragraph]');
  if (!paragraph || !column.contains(paragraph)) return null;
  const rect = range.getBoundingClientRect();
  const host = column.getBoundingClientRect();
  const section = Number(paragraph.dataset.section);
  const index = Number(paragraph.dataset.paragraph);
  const textElement = paragraph.querySelector('.paragraph-text');
  let text: TextSelection | null = null;
  if (textElement) {
    const from = offsetWithin(textElement, range.startContainer, range.startOffset);
    const to = offsetWithin(textElement, range.endContainer, range.endOffset);
    const quote = (textElement.textContent ?? '').slice(from, to);
    if (to > from && quote.trim() !== '') text = { section, paragraph: index, start: from, end: to, quote };
  }
  return {
    top: rect.top - host.top + column.offsetTop - 44,
    left: Math.max(0, rect.left - host.left + column.offsetLeft + rect.width / 2 - 110),
    section,
    paragraph: index,
    text,
  };
}

/**
 * A small toolbar over selected text in the reading column: make a cloze of the selection (z), a
 * question about it (q), or mark its paragraph as not for study.
 */
export function SelectionToolbar(props: {
  container: RefObject<HTMLDivElement | null>;
  onExclude: (section: number, paragraph: number) => void;
  onCloze: (selection: TextSelection) => void;
  onQuestion: (selection: TextSelection) => void;
}) {
  const [selected, setSelected] = useState<Selected | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const onChange = () => {
      const column = props.container.current;
      setSelected(column ? readSelection(column) : null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [props.container]);

  const act = (run: (s: TextSelection) => void) => {
    if (!selected?.text) return;
    run(selected.text);
    document.getSelection()?.removeAllRanges();
    setSelected(null);
  };

  // z and q act on the selection while it is there.
  useEffect(() => {
    if (!selected?.text) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const run = event.key === 'z' ? latest.current.onCloze : event.key === 'q' ? latest.current.onQuestion : null;
      if (!run) return;
      event.preventDefault();
      act(run);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!selected) return null;
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Selected text" style={{ top: selected.top, left: selected.left }}>
      {selected.text && (
        <>
          <button
            type="button"
            className="chip chip-accent"
            aria-keyshortcuts="z"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => act(props.onCloze)}
          >
            Cloze <kbd aria-hidden="true">z</kbd>
          </button>
          <button
            type="button"
            className="chip chip-accent"
            aria-keyshortcuts="q"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => act(props.onQuestion)}
          >
            Q&amp;A <kbd aria-hidden="true">q</kbd>
          </button>
        </>
      )}
      <button
        type="button"
        className="chip"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          props.onExclude(selected.section, selected.paragraph);
          document.getSelection()?.removeAllRanges();
        }}
      >
        Not for study
      </button>
    </div>
  );
}
