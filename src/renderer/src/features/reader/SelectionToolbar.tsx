import { useEffect, useState, type RefObject } from 'react';

interface Selected {
  top: number;
  left: number;
  section: number;
  paragraph: number;
}

/**
 * A small toolbar over selected text in the reading column. Today it can mark the passage's paragraph
 * as not for study; making a card from a selection comes with the card-editing issue.
 */
export function SelectionToolbar(props: { container: RefObject<HTMLDivElement | null>; onExclude: (section: number, paragraph: number) => void }) {
  const [selected, setSelected] = useState<Selected | null>(null);
  useEffect(() => {
    const onChange = () => {
      const selection = document.getSelection();
      const column = props.container.current;
      if (!selection || selection.isCollapsed || !column || selection.rangeCount === 0) return setSelected(null);
      const range = selection.getRangeAt(0);
      const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
      const paragraph = start?.closest<HTMLElement>('[data-paragraph]');
      if (!paragraph || !column.contains(paragraph)) return setSelected(null);
      const rect = range.getBoundingClientRect();
      const host = column.getBoundingClientRect();
      setSelected({
        top: rect.top - host.top + column.offsetTop - 44,
        left: Math.max(0, rect.left - host.left + column.offsetLeft + rect.width / 2 - 80),
        section: Number(paragraph.dataset.section),
        paragraph: Number(paragraph.dataset.paragraph),
      });
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [props.container]);
  if (!selected) return null;
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Selected text" style={{ top: selected.top, left: selected.left }}>
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
