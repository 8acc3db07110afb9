import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardItem } from '../../../../shared/contract/card-models';
import type { RatingValue, ReviewQueue } from '../../../../shared/contract/review-models';
import { useApp } from '../../app-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { call } from '../../core-client/client';
import { plural } from '../../format';
import { SetDueDialog } from '../cards/SetDueDialog';
import { MenuButton } from '../reader/MenuButton';
import { AnswerButtons } from './AnswerButtons';
import { CardFace, flagNames, PassageView } from './CardFace';
import { EditCardDialog } from './EditCardDialog';
import { saveReviewSession, type ReviewSession } from './review-session';

/** Anki's default: time on one card counts at most a minute (a card left open is not a minute of study). */
const MAX_ANSWER_MS = 60_000;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}

/** One card at a time: the front, Space for the back, 1–4 to answer, and the reviewer's card actions. */
export function ReviewSessionView({ initial, onEnd }: { initial: ReviewSession; onEnd: (session: ReviewSession, answered: boolean) => void }) {
  const app = useApp();
  const session = useRef<ReviewSession & { answered?: number }>({ ...initial });
  const [queue, setQueue] = useState<ReviewQueue | null>(null);
  const [revealed, setRevealedState] = useState(false);
  // Read by the key handler synchronously: Space then 1 typed faster than a render must still answer.
  const revealedRef = useRef(false);
  const setRevealed = useCallback((value: boolean) => {
    revealedRef.current = value;
    setRevealedState(value);
  }, []);
  const [passageOpen, setPassageOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const shownAt = useRef(performance.now());
  const cardRef = useRef<HTMLDivElement>(null);
  /** The card being edited (the editor's copy of it, from `card.get`). */
  const [editing, setEditing] = useState<CardItem | null>(null);
  const [confirmForget, setConfirmForget] = useState(false);
  const [settingDue, setSettingDue] = useState(false);

  // The shell's callbacks change identity whenever the collection changes (an edit here included):
  // read them through a ref, so that does not reload the queue and turn the card back to its front.
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  const answered = () => session.current.answered ?? 0;
  const save = () => saveReviewSession(session.current);

  const load = useCallback(
    async (options: { first?: string; keepRevealed?: boolean } = {}) => {
      const s = session.current;
      try {
        const q = await call('review.queue', { scope: s.scope, custom: s.custom, done: s.custom ? s.done : undefined, first: options.first });
        if (s.startedAt === null) s.startedAt = q.now;
        save();
        if (q.card === null) {
          onEndRef.current({ ...s }, (s.answered ?? 0) > 0);
          return;
        }
        setQueue(q);
        setError(null);
        if (!options.keepRevealed) {
          setRevealed(false);
          setPassageOpen(false);
          shownAt.current = performance.now();
        }
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [setRevealed],
  );

  useEffect(() => {
    void load();
  }, [load]);

  // A new card takes the focus, so a screen reader reads it and the keys keep working after a click.
  const cardId = queue?.card?.id;
  useEffect(() => {
    if (cardId) cardRef.current?.focus({ preventScroll: true });
  }, [cardId]);

  // One action at a time: a second key press while an answer is on its way is ignored, not a second answer.
  const inFlight = useRef(false);
  const run = useCallback(async (work: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  const card = queue?.card ?? null;

  const answer = (rating: RatingValue) => {
    if (!card || !revealedRef.current || inFlight.current) return;
    const durationMs = Math.min(MAX_ANSWER_MS, Math.max(0, Math.round(performance.now() - shownAt.current)));
    void run(async () => {
      const s = session.current;
      const result = await call('review.answer', { cardId: card.id, rating, durationMs, sessionKind: s.custom ? 'preview' : 'normal' });
      if (s.custom) s.done = [...s.done, card.id];
      s.answered = answered() + 1;
      save();
      setNotice(
        result.leech
          ? 'That card lapsed too often: it is now a leech, tagged “leech” and suspended. Ctrl+Z brings it back.'
          : result.buried > 0
            ? `${result.buried} ${result.buried === 1 ? 'card' : 'cards'} from the same passage buried until tomorrow.`
            : null,
      );
      await load();
    });
  };

  const undo = () => {
    if (busy) return;
    void run(async () => {
      const result = await call('review.undo', {});
      if (!result.undone) {
        setNotice('Nothing to undo.');
        return;
      }
      const s = session.current;
      if (result.undone.action === 'answer') {
        s.answered = Math.max(0, answered() - 1);
        const at = s.done.lastIndexOf(result.undone.cardId);
        if (at >= 0) s.done = [...s.done.slice(0, at), ...s.done.slice(at + 1)];
      }
      save();
      setNotice(`Undone: ${undoLabel[result.undone.action] ?? result.undone.action}.`);
      await load({ first: result.undone.cardId });
    });
  };

  const bury = () => {
    if (!card || busy) return;
    void run(async () => {
      await call('card.bury', { cardIds: [card.id], buried: true });
      setNotice('Card buried until tomorrow. Ctrl+Z brings it back.');
      await load();
    });
  };

  const suspend = () => {
    if (!card || busy) return;
    void run(async () => {
      await call('card.suspend', { cardIds: [card.id], suspended: true });
      setNotice('Card suspended: it will not be shown until you unsuspend it. Ctrl+Z brings it back.');
      await load();
    });
  };

  const flag = (value: number) => {
    if (!card || busy) return;
    const next = card.flag === value ? 0 : value;
    void run(async () => {
      await call('card.flag', { cardIds: [card.id], flag: next });
      setNotice(next === 0 ? 'Flag removed.' : `Flagged ${flagNames[next]?.toLowerCase()}.`);
      await load({ first: card.id, keepRevealed: true });
    });
  };

  const edit = () => {
    if (!card || busy) return;
    void run(async () => {
      setEditing(await call('card.get', { cardId: card.id }));
    });
  };

  const closeEditor = () => {
    setEditing(null);
    cardRef.current?.focus({ preventScroll: true });
  };

  // The edited card stays on screen, on the side it was shown (its faces come again from the queue).
  const saved = (edited: CardItem) => {
    setEditing(null);
    app.changed();
    setNotice('Card saved.');
    void run(async () => {
      await load({ first: edited.id, keepRevealed: true });
      cardRef.current?.focus({ preventScroll: true });
    });
  };

  const forget = () => {
    if (!card || busy) return;
    setConfirmForget(false);
    void run(async () => {
      await call('card.forget', { cardIds: [card.id] });
      setNotice('Card reset to new: its review history is kept and the reset is logged. Ctrl+Z brings it back.');
      await load();
      cardRef.current?.focus({ preventScroll: true });
    });
  };

  const setDue = (days: number) => {
    if (!card || busy) return;
    setSettingDue(false);
    void run(async () => {
      await call('card.setDue', { cardIds: [card.id], days });
      setNotice(
        `Card due ${days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} ${plural(days, 'day', 'days')}`}. Ctrl+Z brings it back.`,
      );
      await load();
      cardRef.current?.focus({ preventScroll: true });
    });
  };

  const showInArticle = () => {
    if (!card?.articleId) return;
    save();
    const p = card.passage;
    app.read(card.articleId, card.sectionIndex ?? undefined, p ? { paragraph: p.paragraphIndex, start: p.start, end: p.end } : undefined);
  };

  const finish = () => {
    onEnd({ ...session.current }, answered() > 0);
  };

  const askForget = () => card && !busy && setConfirmForget(true);
  const askDue = () => card && !busy && setSettingDue(true);
  const keys = { answer, undo, bury, suspend, flag, showInArticle, finish, edit, askForget, askDue, reveal: () => setRevealed(true), card };
  const latest = useRef(keys);
  latest.current = keys;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const k = latest.current;
      if (!k.card) return;
      const mod = event.ctrlKey || event.metaKey;
      let handled = true;
      if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z') k.undo();
      else if (event.ctrlKey && !event.altKey && /^[1-7]$/.test(event.key)) k.flag(Number(event.key));
      // Anki's keys: Ctrl+Alt+N forgets (resets) the card, Ctrl+Shift+D sets its due date.
      else if (mod && event.altKey && !event.shiftKey && event.code === 'KeyN') k.askForget();
      else if (mod && event.shiftKey && !event.altKey && event.code === 'KeyD') k.askDue();
      else if (mod || event.altKey) handled = false;
      else if (event.key === ' ' || event.key === 'Enter') {
        if (isControl(event.target)) handled = false;
        else if (!revealedRef.current) k.reveal();
        else k.answer(3);
      } else if (/^[1-4]$/.test(event.key)) {
        if (revealedRef.current) k.answer(Number(event.key) as RatingValue);
      } else if (event.key === '-') k.bury();
      else if (event.key === '@') k.suspend();
      else if (event.key === 'e') k.edit();
      else if (event.key === 'p' && revealedRef.current && k.card?.passage) setPassageOpen((o) => !o);
      else if (event.key === 'o' && k.card?.articleId) k.showInArticle();
      else if (event.key === 'Escape') k.finish();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!queue || !card) {
    return (
      <>
        <h1 id="screen-title" className="visually-hidden">
          Review
        </h1>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : (
          <p className="quiet">Finding the next card…</p>
        )}
      </>
    );
  }

  const current = card.state === 0 ? 'new' : card.state === 2 ? 'review' : 'learning';
  return (
    <div className="reviewer">
      <header className="reviewer-top">
        <h1 id="screen-title" className="reviewer-scope">
          {session.current.custom ? 'Practice ahead · ' : ''}
          {queue.scopeLabel}
        </h1>
        <p className="review-counts" aria-label={`Left: ${queue.counts.new} new, ${queue.counts.learning} learning, ${queue.counts.review} review`}>
          <span className={`count count-new${current === 'new' ? ' count-current' : ''}`} title="New">
            {queue.counts.new}
          </span>
          <span className={`count count-learning${current === 'learning' ? ' count-current' : ''}`} title="Learning">
            {queue.counts.learning}
          </span>
          <span className={`count count-review${current === 'review' ? ' count-current' : ''}`} title="Review">
            {queue.counts.review}
          </span>
        </p>
      </header>

      <div className="review-card" ref={cardRef} tabIndex={-1} aria-label={revealed ? 'Card, answer shown' : 'Card, question'} aria-live="polite">
        {card.flag > 0 && (
          <span className={`card-flag flag-${card.flag}`} aria-label={`Flag: ${flagNames[card.flag]}`}>
            ⚑ {flagNames[card.flag]}
          </span>
        )}
        <CardFace card={card} revealed={revealed} />
        {revealed && passageOpen && card.passage && <PassageView passage={card.passage} />}
      </div>

      <div className="reviewer-bottom">
        {session.current.custom && (
          <p className="quiet review-note">Practice: answers are logged, but no card’s schedule changes.</p>
        )}
        {revealed ? (
          <AnswerButtons buttons={queue.buttons} disabled={busy} onAnswer={answer} />
        ) : (
          <button type="button" className="button primary show-answer" onClick={() => setRevealed(true)} aria-keyshortcuts="Space Enter">
            Show answer <kbd aria-hidden="true">Space</kbd>
          </button>
        )}
        <div className="card-actions" role="group" aria-label="Card actions">
          <button type="button" className="button quiet-button" onClick={undo} disabled={busy || queue.undoDepth === 0} aria-keyshortcuts="Control+Z Meta+Z">
            Undo <kbd aria-hidden="true">Ctrl Z</kbd>
          </button>
          <button type="button" className="button quiet-button" onClick={bury} disabled={busy} aria-keyshortcuts="-">
            Bury <kbd aria-hidden="true">-</kbd>
          </button>
          <button type="button" className="button quiet-button" onClick={suspend} disabled={busy} aria-keyshortcuts="@">
            Suspend <kbd aria-hidden="true">@</kbd>
          </button>
          <label className="field flag-field">
            <span className="visually-hidden">Flag</span>
            <select value={card.flag} onChange={(e) => flag(Number(e.target.value) || card.flag)} disabled={busy} aria-label="Flag">
              {flagNames.map((name, i) => (
                <option key={name} value={i}>
                  {i === 0 ? (card.flag > 0 ? 'No flag' : 'Flag…') : `${name} (Ctrl+${i})`}
                </option>
              ))}
            </select>
          </label>
          {revealed && card.passage && (
            <button type="button" className="button quiet-button" aria-pressed={passageOpen} onClick={() => setPassageOpen((o) => !o)} aria-keyshortcuts="p">
              Passage <kbd aria-hidden="true">p</kbd>
            </button>
          )}
          {card.articleId && (
            <button type="button" className="button quiet-button" onClick={showInArticle} aria-keyshortcuts="o">
              Show in article <kbd aria-hidden="true">o</kbd>
            </button>
          )}
          <button type="button" className="button quiet-button" onClick={edit} disabled={busy} aria-keyshortcuts="e">
            Edit <kbd aria-hidden="true">e</kbd>
          </button>
          <MenuButton
            label="More"
            ariaLabel="More card actions"
            up
            alignEnd
            disabled={busy}
            items={[
              { label: 'Forget…', keys: 'Ctrl+Alt+N', shortcut: 'Control+Alt+N', onSelect: () => setConfirmForget(true) },
              { label: 'Set due date…', keys: 'Ctrl+Shift+D', shortcut: 'Control+Shift+D', onSelect: () => setSettingDue(true) },
            ]}
          />
          <button type="button" className="button quiet-button" onClick={finish} aria-keyshortcuts="Escape">
            End session <kbd aria-hidden="true">Esc</kbd>
          </button>
        </div>
        <p className="review-notice" role="status">
          {notice ?? ''}
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
      <EditCardDialog card={editing} onSaved={saved} onClose={closeEditor} />
      <ConfirmDialog
        open={confirmForget}
        title="Forget this card?"
        body="It goes back to being a new card, as if never studied. Its review history is kept and the reset is logged; Ctrl+Z undoes it."
        confirmLabel="Forget"
        onConfirm={forget}
        onCancel={() => setConfirmForget(false)}
      />
      <SetDueDialog open={settingDue} count={1} onSet={setDue} onCancel={() => setSettingDue(false)} />
    </div>
  );
}

const undoLabel: Record<string, string> = {
  answer: 'the last answer',
  forget: 'forget',
  'set-due': 'set due date',
  suspend: 'suspend',
  unsuspend: 'unsuspend',
  bury: 'bury',
  unbury: 'unbury',
  flag: 'flag',
};
