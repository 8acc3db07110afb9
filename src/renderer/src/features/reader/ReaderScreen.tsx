import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ArticleView, JobStatus } from '../../../../shared/contract';
import type { CardItem } from '../../../../shared/contract/card-models';
import { useApp } from '../../app-context';
import { JobProgress } from '../../components/JobProgress';
import { call } from '../../core-client/client';
import { useCommand } from '../../core-client/use-command';
import { useJob } from '../../core-client/use-job';
import { plural } from '../../format';
import type { EditorSubject } from '../cards/CardEditor';
import { CardsPanel } from '../cards/CardsPanel';
import { ExportDialog } from '../exchange/ExportDialog';
import { startReview } from '../review/review-session';
import { ArticleHeader } from './ArticleHeader';
import { decodePosition, encodePosition } from './reading-position';
import { ReaderSection, type PassageMark } from './ReaderSection';
import { ReaderToolbar } from './ReaderToolbar';
import { StudyOptionsDialog } from './StudyOptionsDialog';
import { SelectionToolbar, type TextSelection } from './SelectionToolbar';
import { sectionLabel, TableOfContents } from './TableOfContents';
import { useReaderKeys } from './use-reader-keys';

const FONT_KEY = 'lectern.readerFontSize';
const FONT_SIZES = [15, 16, 17, 18, 19, 20, 22, 24];
const CARDS_KEY = 'lectern.readerCards';

/** A passage to open the reader at and highlight ("show in article"). */
export type PassageTarget = PassageMark;

export function ReaderScreen({
  articleId,
  sectionIndex,
  passage,
}: {
  articleId: string;
  sectionIndex?: number | undefined;
  passage?: PassageTarget | undefined;
}) {
  const app = useApp();
  const { state } = useCommand('article.get', { articleId }, app.version);
  if (state.status === 'loading') return <p className="quiet reader-loading">Opening the article…</p>;
  if (state.status === 'error') {
    return (
      <section className="screen">
        <p className="error" role="alert">
          {state.message}
        </p>
      </section>
    );
  }
  return <Reader article={state.data} initialSection={sectionIndex} passage={passage} />;
}

function Reader({
  article,
  initialSection,
  passage,
}: {
  article: ArticleView;
  initialSection: number | undefined;
  passage: PassageTarget | undefined;
}) {
  const app = useApp();
  const columnRef = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  // In a narrow window the contents start closed, so they do not crowd the text (t opens them).
  const [tocOpen, setTocOpen] = useState(() => window.innerWidth >= 1100);
  const [editing, setEditing] = useState(false);
  const [fontSize, setFontSize] = useState(() => Number(localStorage.getItem(FONT_KEY)) || 18);
  const restored = useRef(false);
  const [cardsOpen, setCardsOpen] = useState(() => localStorage.getItem(CARDS_KEY) === 'open');
  const [draft, setDraft] = useState<EditorSubject | null>(null);
  const [highlight, setHighlight] = useState<(PassageMark & { section: number }) | null>(() =>
    passage && initialSection !== undefined ? { ...passage, section: initialSection } : null,
  );

  const scroller = () => columnRef.current?.closest<HTMLElement>('.content') ?? null;
  const sectionElement = (index: number) => document.getElementById(`section-${index}`);

  const goToSection = useCallback((index: number) => {
    const target = sectionElement(index);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.querySelector<HTMLElement>('.section-heading, p')?.focus({ preventScroll: true });
    setCurrent(index);
  }, []);

  // Open at the remembered position (or the section asked for), once.
  useLayoutEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const position = initialSection !== undefined ? { section: initialSection, fraction: 0 } : decodePosition(article.readingPosition);
    const target = position && sectionElement(position.section);
    const container = scroller();
    if (!position || !target || !container) return;
    container.scrollTop = target.offsetTop + position.fraction * target.offsetHeight - 24;
    setCurrent(position.section);
  }, [article.readingPosition, initialSection]);

  // Mark the article opened; remember the position as the reader scrolls.
  useEffect(() => {
    void call('article.open', { articleId: article.id, readingPosition: null }).catch(() => undefined);
  }, [article.id]);
  useEffect(() => {
    const container = scroller();
    if (!container) return;
    let timer = 0;
    const onScroll = () => {
      const top = container.scrollTop + 80;
      let index = 0;
      for (let i = 0; i < article.sections.length; i++) {
        const el = sectionElement(i);
        if (el && el.offsetTop <= top) index = i;
      }
      setCurrent(index);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const el = sectionElement(index);
        const fraction = el ? Math.max(0, Math.min(1, (top - 80 - el.offsetTop + 24) / Math.max(1, el.offsetHeight))) : 0;
        void call('article.open', { articleId: article.id, readingPosition: encodePosition({ section: index, fraction }) }).catch(
          () => undefined,
        );
      }, 600);
    };
    container.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      container.removeEventListener('scroll', onScroll);
      window.clearTimeout(timer);
    };
  }, [article.id, article.sections.length]);

  const changeFont = useCallback((step: number) => {
    setFontSize((size) => {
      const i = FONT_SIZES.indexOf(size);
      const next = FONT_SIZES[Math.max(0, Math.min(FONT_SIZES.length - 1, (i < 0 ? 3 : i) + step))]!;
      localStorage.setItem(FONT_KEY, String(next));
      return next;
    });
  }, []);

  const toggleCards = useCallback(() => {
    setCardsOpen((open) => {
      localStorage.setItem(CARDS_KEY, open ? 'closed' : 'open');
      return !open;
    });
  }, []);
  const openCards = useCallback(() => {
    localStorage.setItem(CARDS_KEY, 'open');
    setCardsOpen(true);
  }, []);

  // The highlighted passage is brought to the middle of the screen whenever it changes.
  useEffect(() => {
    if (!highlight) return;
    const frame = requestAnimationFrame(() => document.querySelector('.source-highlight')?.scrollIntoView({ block: 'center' }));
    return () => cancelAnimationFrame(frame);
  }, [highlight]);

  const showCard = useCallback((card: CardItem) => {
    if (!card.source || card.sectionIndex === null) return;
    setHighlight({ section: card.sectionIndex, paragraph: card.source.paragraphIndex, start: card.source.start, end: card.source.end });
  }, []);

  const makeCloze = useCallback(
    (selection: TextSelection) => {
      setCurrent(selection.section);
      openCards();
      void call('card.create', {
        articleId: article.id,
        sectionIndex: selection.section,
        kind: 'cloze',
        selection: { paragraphIndex: selection.paragraph, start: selection.start, end: selection.end },
      }).then(
        (card) => {
          app.changed();
          app.notify({ message: `Cloze card added: “${card.text ?? ''}”` });
        },
        (error: Error) => app.notify({ message: error.message, tone: 'error' }),
      );
    },
    [app, article.id, openCards],
  );

  const makeQuestion = useCallback(
    (selection: TextSelection) => {
      setCurrent(selection.section);
      openCards();
      setDraft({
        mode: 'new',
        articleId: article.id,
        sectionIndex: selection.section,
        kind: 'qa',
        front: '',
        back: selection.quote.trim(),
        selection: { paragraphIndex: selection.paragraph, start: selection.start, end: selection.end, quote: selection.quote },
      });
    },
    [article.id, openCards],
  );

  useReaderKeys({
    toggleCards,
    escape: () => {
      if (!cardsOpen) return;
      localStorage.setItem(CARDS_KEY, 'closed');
      setCardsOpen(false);
    },
    next: () => goToSection(Math.min(article.sections.length - 1, current + 1)),
    previous: () => goToSection(Math.max(0, current - 1)),
    toggleContents: () => setTocOpen((open) => !open),
    bigger: () => changeFont(1),
    smaller: () => changeFont(-1),
    toggleEditing: () => setEditing((on) => !on),
  });

  // "Write cards again", for the article or one section: a job, with progress and cancel.
  const [exportOpen, setExportOpen] = useState(false);
  const [studyOptionsOpen, setStudyOptionsOpen] = useState(false);
  const [writing, setWriting] = useState<{ jobId: string; label: string } | null>(null);
  const jobEnded = useRef<(status: JobStatus) => void>(() => undefined);
  jobEnded.current = (status: JobStatus) => {
    const label = writing?.label ?? article.title;
    setWriting(null);
    if (status.state === 'done') {
      const added = (status.result as { cardsAdded?: number } | null)?.cardsAdded ?? 0;
      app.changed();
      app.notify({
        message:
          added === 0
            ? `0 new cards were added to “${label}”: the cards it would write are there already.`
            : `${added} new ${plural(added, 'card was', 'cards were')} added to “${label}”.`,
      });
    } else if (status.state === 'cancelled') {
      app.notify({ message: `Stopped writing cards for “${label}”: none were added.` });
    } else {
      app.notify({ message: `Writing cards for “${label}” failed: ${status.error?.message ?? 'unknown error'}`, tone: 'error' });
    }
  };
  const jobStatus = useJob(writing?.jobId ?? null, (status) => jobEnded.current(status));

  const writeCards = useCallback(
    async (sectionIndex?: number) => {
      if (writing) return;
      const section = sectionIndex === undefined ? undefined : article.sections[sectionIndex];
      const label = section ? sectionLabel(section) : article.title;
      try {
        const { job } = await call('cards.generate', sectionIndex === undefined ? { articleId: article.id } : { articleId: article.id, sectionIndex });
        setWriting({ jobId: job.id, label });
      } catch (error) {
        app.notify({ message: (error as Error).message, tone: 'error' });
      }
    },
    [app, article.id, article.sections, article.title, writing],
  );

  const edit = useCallback(
    async (run: () => Promise<unknown>) => {
      try {
        await run();
        app.changed();
      } catch (error) {
        app.notify({ message: (error as Error).message, tone: 'error' });
      }
    },
    [app],
  );

  return (
    <div className={`reader ${tocOpen ? 'with-toc' : ''} ${cardsOpen ? 'with-cards' : ''}`}>
      {tocOpen && <TableOfContents sections={article.sections} current={current} onGo={goToSection} />}
      <div className="reader-main">
        <ReaderToolbar
          tocOpen={tocOpen}
          onToggleToc={() => setTocOpen((open) => !open)}
          onSmaller={() => changeFont(-1)}
          onBigger={() => changeFont(1)}
          fontSize={fontSize}
          editing={editing}
          onToggleEditing={() => setEditing((on) => !on)}
          cardsOpen={cardsOpen}
          onToggleCards={toggleCards}
          onReview={() => startReview(app, { articleId: article.id })}
          onWriteCards={() => void writeCards()}
          writing={writing !== null}
          onExport={() => setExportOpen(true)}
          onStudyOptions={() => setStudyOptionsOpen(true)}
        />
        {writing && jobStatus && (
          <div className="reader-job">
            <JobProgress status={jobStatus} label={`Writing cards for “${writing.label}”`} />
          </div>
        )}
        <div ref={columnRef} className="reading-column" style={{ fontSize: `${fontSize}px` }}>
          <ArticleHeader article={article} />
          {article.sections.map((section, index) => (
            <ReaderSection
              key={index}
              articleId={article.id}
              section={section}
              index={index}
              isLast={index === article.sections.length - 1}
              editing={editing}
              edit={edit}
              highlight={highlight?.section === index ? highlight : null}
              onWriteCards={(i) => void writeCards(i)}
              onStudyAhead={(i) => startReview(app, { articleId: article.id, sectionIndex: i }, true)}
              writing={writing !== null}
            />
          ))}
        </div>
        <SelectionToolbar
          container={columnRef}
          onExclude={(sectionIndex, paragraphIndex) =>
            void edit(() => call('paragraph.setStudy', { articleId: article.id, sectionIndex, paragraphIndex, study: false }))
          }
          onCloze={makeCloze}
          onQuestion={makeQuestion}
        />
      </div>
      {cardsOpen && article.sections[current] && (
        <CardsPanel
          articleId={article.id}
          sectionIndex={current}
          sectionLabel={sectionLabel(article.sections[current])}
          draft={draft}
          onDraft={setDraft}
          onShow={showCard}
          onClose={toggleCards}
        />
      )}
      <ExportDialog open={exportOpen} onClose={() => setExportOpen(false)} articleId={article.id} articleTitle={article.title} />
      <StudyOptionsDialog
        open={studyOptionsOpen}
        onClose={() => setStudyOptionsOpen(false)}
        articleId={article.id}
        articleTitle={article.title}
      />
    </div>
  );
}
