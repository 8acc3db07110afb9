import { useApp } from '../../app-context';
import type { ThemeChoice } from '../../theme';
import { MenuButton } from './MenuButton';

export function ReaderToolbar(props: {
  tocOpen: boolean;
  onToggleToc: () => void;
  fontSize: number;
  onSmaller: () => void;
  onBigger: () => void;
  editing: boolean;
  onToggleEditing: () => void;
  cardsOpen: boolean;
  onToggleCards: () => void;
  /** The article menu. */
  onReview: () => void;
  onWriteCards: () => void;
  /** Cards are being written (one job at a time). */
  writing: boolean;
  onExport: () => void;
  onStudyOptions: () => void;
}) {
  const app = useApp();
  return (
    <div className="reader-toolbar" role="toolbar" aria-label="Reading options">
      <button type="button" className="button quiet-button" aria-pressed={props.tocOpen} onClick={props.onToggleToc} aria-keyshortcuts="t">
        Contents
      </button>
      <span className="toolbar-spacer" />
      <div className="button-group" role="group" aria-label={`Text size ${props.fontSize} pixels`}>
        <button type="button" className="button quiet-button" onClick={props.onSmaller} aria-label="Smaller text" aria-keyshortcuts="-">
          A−
        </button>
        <button type="button" className="button quiet-button" onClick={props.onBigger} aria-label="Larger text" aria-keyshortcuts="+">
          A+
        </button>
      </div>
      <label className="field">
        <span className="field-label">Theme</span>
        <select value={app.theme} onChange={(e) => app.setTheme(e.target.value as ThemeChoice)}>
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <button
        type="button"
        className="button quiet-button"
        aria-pressed={props.editing}
        onClick={props.onToggleEditing}
        aria-keyshortcuts="e"
      >
        {props.editing ? 'Done fixing' : 'Fix sections'}
      </button>
      <button type="button" className="button quiet-button" aria-pressed={props.cardsOpen} onClick={props.onToggleCards} aria-keyshortcuts="c">
        Cards
      </button>
      <MenuButton
        label="⋯ Article"
        ariaLabel="Article"
        alignEnd
        items={[
          { label: 'Review this article', onSelect: props.onReview },
          { label: 'Write cards again', onSelect: props.onWriteCards, disabled: props.writing },
          { label: 'Export this article…', onSelect: props.onExport },
          { label: 'Study options…', onSelect: props.onStudyOptions },
        ]}
      />
    </div>
  );
}
