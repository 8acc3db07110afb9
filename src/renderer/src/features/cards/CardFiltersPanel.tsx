import type { CardFilters } from '../../../../shared/contract/card-models';
import { useApp } from '../../app-context';
import { useCommand } from '../../core-client/use-command';
import { FLAG_NAMES } from './card-text';

function Select(props: { label: string; value: string; onChange: (value: string) => void; options: [string, string][] }) {
  return (
    <label className="filter">
      <span className="filter-label">{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Any</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

function SectionSelect({ articleId, value, onChange }: { articleId: string; value: string; onChange: (v: string) => void }) {
  const { state } = useCommand('article.get', { articleId });
  const sections = state.status === 'ready' ? state.data.sections : [];
  return (
    <Select
      label="Section"
      value={value}
      onChange={onChange}
      options={sections.map((s, i) => [String(i), s.heading ?? 'Introduction'])}
    />
  );
}

/** The browser's filters, beside the table. Each is a select; "Any" leaves it out. */
export function CardFiltersPanel({ filters, onChange }: { filters: CardFilters; onChange: (f: CardFilters) => void }) {
  const app = useApp();
  const { state } = useCommand('library.list', {}, app.version);
  const articles = state.status === 'ready' ? state.data.articles : [];
  const set = <K extends keyof CardFilters>(key: K, value: CardFilters[K] | undefined) => {
    const next = { ...filters };
    if (value === undefined) delete next[key];
    else next[key] = value;
    if (key === 'articleId') delete next.sectionIndex;
    onChange(next);
  };
  const active = Object.keys(filters).length;
  return (
    <aside className="cards-filters" aria-label="Filters">
      <p className="filters-title">Filters</p>
      <Select
        label="Article"
        value={filters.articleId ?? ''}
        onChange={(v) => set('articleId', v || undefined)}
        options={articles.map((a) => [a.id, a.title])}
      />
      {filters.articleId && (
        <SectionSelect
          articleId={filters.articleId}
          value={filters.sectionIndex === undefined ? '' : String(filters.sectionIndex)}
          onChange={(v) => set('sectionIndex', v === '' ? undefined : Number(v))}
        />
      )}
      <Select
        label="Kind"
        value={filters.kind ?? ''}
        onChange={(v) => set('kind', (v || undefined) as CardFilters['kind'])}
        options={[
          ['cloze', 'Cloze'],
          ['qa', 'Q&A'],
          ['list', 'List'],
        ]}
      />
      <Select
        label="State"
        value={filters.state ?? ''}
        onChange={(v) => set('state', (v || undefined) as CardFilters['state'])}
        options={[
          ['new', 'New'],
          ['learning', 'Learning'],
          ['review', 'Review'],
          ['relearning', 'Relearning'],
        ]}
      />
      <Select
        label="Due"
        value={filters.due ?? ''}
        onChange={(v) => set('due', (v || undefined) as CardFilters['due'])}
        options={[
          ['overdue', 'Overdue'],
          ['today', 'Due today'],
          ['tomorrow', 'Tomorrow'],
          ['week', 'Within 7 days'],
          ['later', 'Later'],
        ]}
      />
      <Select
        label="Flag"
        value={filters.flag === undefined ? '' : String(filters.flag)}
        onChange={(v) => set('flag', v === '' ? undefined : Number(v))}
        options={FLAG_NAMES.map((name, i) => [String(i), name])}
      />
      <Select
        label="Suspended"
        value={filters.suspended === undefined ? '' : String(filters.suspended)}
        onChange={(v) => set('suspended', v === '' ? undefined : v === 'true')}
        options={[
          ['true', 'Suspended'],
          ['false', 'Not suspended'],
        ]}
      />
      <Select
        label="Source"
        value={filters.sourceStatus ?? ''}
        onChange={(v) => set('sourceStatus', (v || undefined) as CardFilters['sourceStatus'])}
        options={[
          ['ok', 'Passage as quoted'],
          ['changed', 'Passage changed'],
          ['missing', 'Passage missing'],
          ['none', 'No passage'],
        ]}
      />
      <button type="button" className="button quiet-button" disabled={active === 0} onClick={() => onChange({})}>
        Clear filters{active > 0 ? ` (${active})` : ''}
      </button>
    </aside>
  );
}
