import type { SectionView } from '../../../../shared/contract';

export function sectionLabel(section: SectionView): string {
  return section.heading ?? 'Introduction';
}

export function TableOfContents(props: { sections: SectionView[]; current: number; onGo: (index: number) => void }) {
  return (
    <nav className="toc" aria-label="Contents">
      <p className="toc-title">Contents</p>
      <ol className="toc-list">
        {props.sections.map((section, index) => (
          <li key={index} className={`toc-level-${Math.min(section.level, 3)}`}>
            <button
              type="button"
              className="toc-item"
              aria-current={index === props.current ? 'location' : undefined}
              onClick={() => props.onGo(index)}
            >
              <span className="toc-label">{sectionLabel(section)}</span>
              {section.cards > 0 && (
                <span className="toc-count" aria-label={`${section.cards} cards`}>
                  {section.cards}
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
