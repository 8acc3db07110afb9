import { useEffect, useId, useState } from 'react';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { PresetList } from '../../../../shared/contract/commands/presets';
import { useApp } from '../../app-context';
import { call } from '../../core-client/client';
import { plural } from '../../format';

/**
 * "Study options…" of the reader's Article menu: which preset this article's deck uses (Anki's options
 * group). The presets themselves are made and edited in Settings.
 */
export function StudyOptionsDialog(props: { open: boolean; onClose: () => void; articleId: string; articleTitle: string }) {
  const app = useApp();
  const [list, setList] = useState<PresetList | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const ref = useModalDialog(props.open, () => {
    setList(null);
    setChoice(null);
    setError(null);
    setBusy(false);
    call('presets.list', { articleId: props.articleId })
      .then((next) => {
        setList(next);
        setChoice(next.deck?.presetId ?? null);
      })
      .catch((e: Error) => setError(e.message));
  });

  // Once the presets are there, the focus goes to the chosen one (as in any radio group).
  useEffect(() => {
    if (list && props.open) ref.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }, [list, props.open, ref]);

  const save = async () => {
    if (!list?.deck || !choice) return;
    if (choice === list.deck.presetId) {
      props.onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('deck.setPreset', { deck: { articleId: props.articleId }, presetId: choice });
      const name = list.presets.find((p) => p.id === choice)?.name ?? '';
      app.changed();
      props.onClose();
      app.notify({ message: `“${props.articleTitle}” now uses the preset “${name}”.` });
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={`${id}-title`}>Study options</h2>
        <div className="dialog-body">
          {!list && !error && <p className="quiet">Reading the presets…</p>}
          {list && !list.deck && <p className="quiet">This article has no deck yet.</p>}
          {list?.deck && (
            <fieldset className="preset-choices">
              <legend>Preset for “{props.articleTitle}”</legend>
              {list.presets.map((p) => {
                const others = p.decks.filter((d) => d.id !== list.deck!.id).length;
                return (
                  <label key={p.id} className="preset-choice">
                    <input
                      type="radio"
                      name={`${id}-preset`}
                      value={p.id}
                      checked={choice === p.id}
                      onChange={() => setChoice(p.id)}
                      aria-describedby={`${id}-${p.id}`}
                    />
                    <span className="preset-choice-text">
                      <span className="preset-choice-name">{p.name}</span>
                      <span className="preset-choice-detail quiet" id={`${id}-${p.id}`}>
                        {p.newPerDay} new and {p.reviewsPerDay} reviews a day · retention {p.desiredRetention.toFixed(2)}
                        {others > 0 ? ` · also used by ${others} other ${plural(others, 'deck', 'decks')}` : ''}
                      </span>
                    </span>
                  </label>
                );
              })}
            </fieldset>
          )}
          <p className="quiet preset-choices-hint">
            New presets and their limits are in{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                props.onClose();
                app.go('settings');
              }}
            >
              Settings
            </button>
            .
          </p>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy || !list?.deck || !choice}>
            Use this preset
          </button>
        </div>
      </form>
    </dialog>
  );
}
