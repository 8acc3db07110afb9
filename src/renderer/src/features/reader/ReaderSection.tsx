import { useState } from 'react';
import type { SectionView } from '../../../../shared/contract';
import { call } from '../../core-client/client';
import { plural } from '../../format';
import { paragraphBlocks, tableCells, type Block } from './paragraph-blocks';
import { sectionLabel } from './TableOfContents';

/** A passage to highlight: a span of one paragraph of this section (UTF-16 offsets). */
export interface PassageMark {
  paragraph: number;
  start: number;
  end: number;
}

interface Props {
  articleId: string;
  highlight?: PassageMark | null | undefined;
  section: SectionView;
  index: number;
  isLast: boolean;
  editing: boolean;
  edit: (run: () => Promise<unknown>) => Promise<void>;
  /** The section tools' study actions: write its cards again (a job), study it ahead of schedule. */
  onWriteCards: (sectionIndex: number) => void;
  onStudyAhead: (sectionIndex: number) => void;
  /** Cards are being written (one job at a time). */
  writing: boolean;
}

export function ReaderSection({ articleId, section, index, isLast, editing, edit, highlight, onWriteCards, onStudyAhead, writing }: Props) {
  const ref = { articleId, sectionIndex: index };
  const Heading = section.level <= 1 ? 'h2' : section.level === 2 ? 'h3' : 'h4';
  return (
    <section id={`section-${index}`} className={`reader-section ${section.study ? '' : 'not-for-study'}`} aria-label={sectionLabel(section)}>
      <header className="section-header">
        {section.heading !== null ? (
          <Heading className="section-heading" tabIndex={-1}>
            {section.heading}
          </Heading>
        ) : (
          <span className="visually-hidden section-heading" tabIndex={-1}>
            Introduction
          </span>
        )}
        <p className="section-stats">
          {section.study ? (
            <>
              {section.cards} {plural(section.cards, 'card', 'cards')} · {section.due} due
            </>
          ) : (
            'Not for study'
          )}
        </p>
        {editing && (
          <SectionTools
            section={section}
            index={index}
            isLast={isLast}
            edit={edit}
            refArgs={ref}
            onWriteCards={() => onWriteCards(index)}
            onStudyAhead={() => onStudyAhead(index)}
            writing={writing}
          />
        )}
      </header>
      {paragraphBlocks(section).map((block) => (
        <BlockView
          key={block.items[0]!.index}
          block={block}
          section={index}
          editing={editing}
          edit={edit}
          refArgs={ref}
          highlight={highlight && block.items.some((i) => i.index === highlight.paragraph) ? highlight : null}
        />
      ))}
    </section>
  );
}

function SectionTools(props: {
  section: SectionView;
  index: number;
  isLast: boolean;
  edit: Props['edit'];
  refArgs: { articleId: string; sectionIndex: number };
  onWriteCards: () => void;
  onStudyAhead: () => void;
  writing: boolean;
}) {
  const [renaming, setRenaming] = useState(false);
  const [heading, setHeading] = useState(props.section.heading ?? '');
  const { refArgs, edit } = props;
  if (renaming) {
    return (
      <form
        className="section-tools"
        onSubmit={(e) => {
          e.preventDefault();
          setRenaming(false);
          void edit(() => call('section.rename', { ...refArgs, heading: heading.trim() === '' && props.index === 0 ? null : heading }));
        }}
      >
        <label className="visually-hidden" htmlFor={`rename-${props.index}`}>
          New heading
        </label>
        <input id={`rename-${props.index}`} className="rename-input" value={heading} autoFocus onChange={(e) => setHeading(e.target.value)} />
        <button type="submit" className="button">
          Save
        </button>
        <button type="button" className="button quiet-button" onClick={() => setRenaming(false)}>
          Cancel
        </button>
      </form>
    );
  }
  return (
    <div className="section-tools" role="group" aria-label={`Fix “${sectionLabel(props.section)}”`}>
      <button type="button" className="button quiet-button" onClick={() => setRenaming(true)}>
        Rename
      </button>
      {!props.isLast && (
        <button type="button" className="button quiet-button" onClick={() => void edit(() => call('section.merge', refArgs))}>
          Merge with next
        </button>
      )}
      <button
        type="button"
        className="button quiet-button"
        onClick={() => void edit(() => call('section.setStudy', { ...refArgs, study: !props.section.study }))}
      >
        {props.section.study ? 'Not for study' : 'Study this section'}
      </button>
      <span className="section-tools-divider" aria-hidden="true" />
      <button
        type="button"
        className="button quiet-button"
        onClick={props.onWriteCards}
        disabled={props.writing || !props.section.study}
        title={props.section.study ? 'Write this section’s cards again; cards it already has are not added twice' : 'Not for study: no cards are written'}
      >
        Write cards again
      </button>
      <button
        type="button"
        className="button quiet-button"
        onClick={props.onStudyAhead}
        disabled={props.section.cards === 0}
        title="Practice this section’s cards now; answers are logged as practice and change no schedule"
      >
        Study this section ahead
      </button>
    </div>
  );
}

/**
 * A paragraph's text in one element, so a selection's offsets are counted in the paragraph string
 * itself, with the highlighted passage (if any) marked.
 */
function ParagraphText({ text, mark }: { text: string; mark: PassageMark | null }) {
  if (!mark || mark.end <= mark.start) return <span className="paragraph-text">{text}</span>;
  const start = Math.min(mark.start, text.length);
  const end = Math.min(mark.end, text.length);
  return (
    <span className="paragraph-text">
      {text.slice(0, start)}
      <mark className="source-highlight" data-highlight="true">
        {text.slice(start, end)}
      </mark>
      {text.slice(end)}
    </span>
  );
}

function BlockView(props: {
  highlight: PassageMark | null;
  block: Block;
  section: number;
  editing: boolean;
  edit: Props['edit'];
  refArgs: { articleId: string; sectionIndex: number };
}) {
  const { block } = props;
  const item = (i: Block['items'][number], content: React.ReactNode, Tag: 'p' | 'li' | 'blockquote' | 'div' = 'p') => (
    <Tag
      key={i.index}
      className={`paragraph ${i.excluded ? 'excluded' : ''}`}
      data-section={props.section}
      data-paragraph={i.index}
      title={i.excluded ? 'Not for study' : undefined}
    >
      {typeof content === 'string' ? <ParagraphText text={content} mark={props.highlight?.paragraph === i.index ? props.highlight : null} /> : content}
      {props.editing && <ParagraphTools index={i.index} excluded={i.excluded} edit={props.edit} refArgs={props.refArgs} />}
    </Tag>
  );
  switch (block.kind) {
    case 'list':
      return <ul className="reader-list">{block.items.map((i) => item(i, i.text, 'li'))}</ul>;
    case 'code':
      return item(block.items[0]!, <pre className="reader-code"><code>{block.items[0]!.text}</code></pre>, 'div');
    case 'table':
      return (
        <div className="reader-table-wrap">
          <table className="reader-table">
            <tbody>
              {block.items.map((i) => (
                <tr key={i.index} data-section={props.section} data-paragraph={i.index}>
                  {tableCells(i.text).map((cell, c) => (
                    <td key={c}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'quote':
      return item(block.items[0]!, block.items[0]!.text, 'blockquote');
    case 'definition':
      return <div className="reader-definitions">{block.items.map((i) => item(i, i.text, 'p'))}</div>;
    default:
      return item(block.items[0]!, block.items[0]!.text);
  }
}

function ParagraphTools(props: {
  index: number;
  excluded: boolean;
  edit: Props['edit'];
  refArgs: { articleId: string; sectionIndex: number };
}) {
  const { refArgs, edit, index } = props;
  const [splitting, setSplitting] = useState(false);
  const [heading, setHeading] = useState('');
  if (splitting) {
    return (
      <form
        className="paragraph-tools"
        onSubmit={(e) => {
          e.preventDefault();
          if (!heading.trim()) return;
          setSplitting(false);
          void edit(() => call('section.split', { ...refArgs, paragraphIndex: index, heading }));
        }}
      >
        <label className="visually-hidden" htmlFor={`split-${refArgs.sectionIndex}-${index}`}>
          Heading of the new section
        </label>
        <input
          id={`split-${refArgs.sectionIndex}-${index}`}
          className="rename-input"
          placeholder="Heading of the new section"
          value={heading}
          autoFocus
          onChange={(e) => setHeading(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setSplitting(false)}
        />
        <button type="submit" className="chip">
          Split
        </button>
      </form>
    );
  }
  return (
    <span className="paragraph-tools" role="group" aria-label={`Paragraph ${index + 1}`}>
      {index > 0 && (
        <button type="button" className="chip" onClick={() => setSplitting(true)}>
          Split here
        </button>
      )}
      <button
        type="button"
        className="chip"
        onClick={() => void edit(() => call('paragraph.setStudy', { ...refArgs, paragraphIndex: index, study: props.excluded }))}
      >
        {props.excluded ? 'Study this' : 'Not for study'}
      </button>
    </span>
  );
}
