import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ArticleView } from '../../../../shared/contract';
import { useApp } from '../../app-context';
import { call } from '../../core-client/client';
import { useCommand } from '../../core-client/use-command';
import { ArticleHeader } from './ArticleHeader';
import { decodePosition, encodePosition } from './reading-position';
import { ReaderSection } from './ReaderSection';
import { ReaderToolbar } from './ReaderToolbar';
import { SelectionToolbar } from './SelectionToolbar';
import { TableOfContents } from './TableOfContents';
import { useReaderKeys } from './use-reader-keys';

const FONT_KEY = 'lectern.readerFontSize';
const FONT_SIZES = [15, 16, 17, 18, 19, 20, 22, 24];

export function ReaderScreen({ articleId, sectionIndex }: { articleId: string; sectionIndex?: number | undefined }) {
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
  return <Reader article={state.data} initialSection={sectionIndex} />;
}

function Reader({ article, initialSection }: { article: ArticleView; initialSection: number | undefined }) {
  const app = useApp();
  const columnRef = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  const [tocOpen, setTocOpen] = useState(true);
  const [editing, setEditing] = useState(false);
  const [fontSize, setFontSize] = useState(() => Number(localStorage.getItem(FONT_KEY)) || 18);
  const restored = useRef(false);

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

  useReaderKeys({
    next: () => goToSection(Math.min(article.sections.length - 1, current + 1)),
    previous: () => goToSection(Math.max(0, current - 1)),
    toggleContents: () => setTocOpen((open) => !open),
    bigger: () => changeFont(1),
    smaller: () => changeFont(-1),
    toggleEditing: () => setEditing((on) => !on),
  });

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
    <div className={`reader ${tocOpen ? 'with-toc' : ''}`}>
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
        />
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
            />
          ))}
        </div>
        <SelectionToolbar
          container={columnRef}
          onExclude={(sectionIndex, paragraphIndex) =>
            void edit(() => call('paragraph.setStudy', { articleId: article.id, sectionIndex, paragraphIndex, study: false }))
          }
        />
      </div>
    </div>
  );
}
