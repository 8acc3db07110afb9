import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { PresetDto, StudySettings } from '../../../../shared/contract/review-models';
import { PRESET_LIMITS, PresetFields, type PresetNumberField } from '../../../../shared/contract/study-rules';
import { useApp } from '../../app-context';
import { call } from '../../core-client/client';
import { useCommand } from '../../core-client/use-command';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { plural } from '../../format';
import { PresetNameDialog } from './PresetNameDialog';
import { SettingsActions, SettingsForm } from './SettingsForm';
import type { ThemeChoice } from '../../theme';

/** One setting: its control, and in one line the reason to change it (the control's description: `${htmlFor}-reason`). */
function Setting({ label, reason, children, htmlFor }: { label: string; reason: string; children: ReactNode; htmlFor: string }) {
  return (
    <div className="setting">
      <label className="setting-label" htmlFor={htmlFor}>
        {label}
      </label>
      <div className="setting-control">{children}</div>
      <p className="setting-reason" id={`${htmlFor}-reason`}>
        {reason}
      </p>
    </div>
  );
}

type Status = { tone: 'ok' | 'error'; message: string } | null;

function StatusLine({ status }: { status: Status }) {
  if (!status) return <p className="setting-status" role="status" />;
  return status.tone === 'error' ? (
    <p className="setting-status error" role="alert">
      {status.message}
    </p>
  ) : (
    <p className="setting-status" role="status">
      {status.message}
    </p>
  );
}

const hours = Array.from({ length: 24 }, (_, h) => h);
const zones: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

/** Study settings (the collection's day, the presets) and the theme, grouped, each with its reason. */
export function SettingsScreen() {
  const app = useApp();
  const { state } = useCommand('settings.get', {}, app.version);
  const [settings, setSettings] = useState<StudySettings | null>(null);
  useEffect(() => {
    if (state.status === 'ready') setSettings(state.data);
  }, [state]);

  return (
    <section className="screen settings-screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Settings</h1>
      </header>
      <ThemeGroup theme={app.theme} setTheme={app.setTheme} />
      {state.status === 'loading' && <p className="quiet">Reading the settings…</p>}
      {state.status === 'error' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      {settings && (
        <>
          <DayGroup settings={settings} onSaved={setSettings} />
          <PresetGroup settings={settings} onSaved={setSettings} />
        </>
      )}
    </section>
  );
}

function ThemeGroup({ theme, setTheme }: { theme: ThemeChoice; setTheme: (t: ThemeChoice) => void }) {
  return (
    <fieldset className="settings-group">
      <legend>Appearance</legend>
      <div className="setting">
        <span className="setting-label" id="theme-label">
          Theme
        </span>
        <div className="setting-control segmented" role="radiogroup" aria-labelledby="theme-label" aria-describedby="theme-reason">
          {(['system', 'light', 'dark'] as const).map((t) => (
            <label key={t} className="segment">
              <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => setTheme(t)} />
              <span>{t === 'system' ? 'Follow the system' : t === 'light' ? 'Light' : 'Dark'}</span>
            </label>
          ))}
        </div>
        <p className="setting-reason" id="theme-reason">
          Both themes are designed for long reading; following the system switches with your computer’s day and night.
        </p>
      </div>
    </fieldset>
  );
}

function DayGroup({ settings, onSaved }: { settings: StudySettings; onSaved: (s: StudySettings) => void }) {
  const app = useApp();
  const [dayStartsAt, setDayStartsAt] = useState(settings.collection.dayStartsAt);
  const [zone, setZone] = useState(settings.collection.timeZone ?? '');
  const [status, setStatus] = useState<Status>(null);
  const zoneId = useId();
  const hourId = useId();
  const dirty = dayStartsAt !== settings.collection.dayStartsAt || (zone.trim() || null) !== settings.collection.timeZone;

  const reset = () => {
    setDayStartsAt(settings.collection.dayStartsAt);
    setZone(settings.collection.timeZone ?? '');
    setStatus(null);
  };
  const save = async () => {
    try {
      const next = await call('settings.update', { collection: { dayStartsAt, timeZone: zone.trim() || null } });
      onSaved(next);
      app.changed();
      setStatus({ tone: 'ok', message: 'Saved. Today’s cards and limits follow the new day.' });
    } catch (e) {
      setStatus({ tone: 'error', message: (e as Error).message });
    }
  };

  return (
    <SettingsForm dirty={dirty} onSave={() => void save()} onReset={reset}>
      <fieldset>
        <legend>Study day</legend>
        <Setting
          label="A new day starts at"
          htmlFor={hourId}
          reason="What is due “today” and the daily limits reset at this hour; put it after your usual bedtime so a late session counts for the day it belongs to."
        >
          <select id={hourId} aria-describedby={`${hourId}-reason`} value={dayStartsAt} onChange={(e) => setDayStartsAt(Number(e.target.value))}>
            {hours.map((h) => (
              <option key={h} value={h}>
                {String(h).padStart(2, '0')}:00
              </option>
            ))}
          </select>
        </Setting>
        <Setting
          label="Time zone"
          htmlFor={zoneId}
          reason={`Days are counted in this zone; leave it empty to follow this computer (now ${settings.systemTimeZone}).`}
        >
          <input id={zoneId} aria-describedby={`${zoneId}-reason`} list={`${zoneId}-list`} value={zone} placeholder={`System: ${settings.systemTimeZone}`} onChange={(e) => setZone(e.target.value)} />
          <datalist id={`${zoneId}-list`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Setting>
        <SettingsActions dirty={dirty} onReset={reset}>
          Save study day
        </SettingsActions>
        <StatusLine status={status} />
      </fieldset>
    </SettingsForm>
  );
}

interface PresetForm {
  desiredRetention: string;
  maximumInterval: string;
  learningSteps: string;
  relearningSteps: string;
  enableFuzz: boolean;
  newPerDay: string;
  reviewsPerDay: string;
  burySiblings: boolean;
  leechThreshold: string;
}

function toForm(p: PresetDto): PresetForm {
  return {
    desiredRetention: p.desiredRetention.toFixed(2),
    maximumInterval: String(p.maximumInterval),
    learningSteps: p.learningSteps.join(' '),
    relearningSteps: p.relearningSteps.join(' '),
    enableFuzz: p.enableFuzz,
    newPerDay: String(p.newPerDay),
    reviewsPerDay: String(p.reviewsPerDay),
    burySiblings: p.burySiblings,
    leechThreshold: String(p.leechThreshold),
  };
}

const steps = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** Field-level checks with the words a person needs: the contract's own rules, which the core applies again. */
function check(form: PresetForm): { errors: Partial<Record<keyof PresetForm, string>>; ok: boolean } {
  const errors: Partial<Record<keyof PresetForm, string>> = {};
  const num = (key: PresetNumberField) => {
    const raw = String(form[key]).trim();
    const result = PresetFields.shape[key].safeParse(raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw);
    if (!result.success) errors[key] = result.error.issues[0]!.message;
  };
  (['desiredRetention', 'maximumInterval', 'newPerDay', 'reviewsPerDay', 'leechThreshold'] as const).forEach(num);
  for (const key of ['learningSteps', 'relearningSteps'] as const) {
    const result = PresetFields.shape[key].safeParse(steps(form[key]));
    if (!result.success) errors[key] = result.error.issues[0]!.message;
  }
  return { errors, ok: Object.keys(errors).length === 0 };
}

function PresetGroup({ settings, onSaved }: { settings: StudySettings; onSaved: (s: StudySettings) => void }) {
  const app = useApp();
  const [presetId, setPresetId] = useState(settings.presets[0]?.id ?? 'default');
  const preset = settings.presets.find((p) => p.id === presetId) ?? settings.presets[0];
  const [form, setForm] = useState<PresetForm | null>(preset ? toForm(preset) : null);
  const [status, setStatus] = useState<Status>(null);
  const [tried, setTried] = useState(false);
  const base = useMemo(() => (preset ? toForm(preset) : null), [preset]);
  useEffect(() => {
    setForm(base);
    setTried(false);
  }, [base]);
  const ids = useId();
  const [dialog, setDialog] = useState<'new' | 'rename' | 'delete' | null>(null);
  if (!preset || !form || !base) return null;

  const decksUsing = settings.decks.filter((d) => d.presetId === preset.id);
  /** Reads the settings again after a change to the presets, and shows `nextPresetId`. */
  const reload = async (nextPresetId: string, message: string) => {
    const next = await call('settings.get', {});
    setPresetId(nextPresetId);
    onSaved(next);
    app.changed();
    setStatus({ tone: 'ok', message });
  };
  const create = async (name: string) => {
    const { presetId: created } = await call('preset.create', { name, fromId: preset.id });
    setDialog(null);
    await reload(created, `Created “${name}” as a copy of “${preset.name}”. Choose it for an article from the reader’s Article menu (Study options…).`);
  };
  const rename = async (name: string) => {
    await call('preset.rename', { presetId: preset.id, name });
    setDialog(null);
    await reload(preset.id, `Renamed to “${name}”.`);
  };
  const remove = async () => {
    setDialog(null);
    try {
      const { movedDecks } = await call('preset.delete', { presetId: preset.id });
      const moved = movedDecks > 0 ? ` ${movedDecks} ${plural(movedDecks, 'deck uses', 'decks use')} the default preset again.` : '';
      await reload('default', `Deleted “${preset.name}”.${moved}`);
    } catch (e) {
      setStatus({ tone: 'error', message: (e as Error).message });
    }
  };

  const { errors, ok } = check(form);
  const dirty = JSON.stringify(form) !== JSON.stringify(base);
  const set = <K extends keyof PresetForm>(key: K, value: PresetForm[K]) => {
    setForm({ ...form, [key]: value });
    setStatus(null);
  };
  const reset = () => {
    setForm(base);
    setTried(false);
    setStatus(null);
  };
  const save = async () => {
    setTried(true);
    if (!ok) {
      const first = (Object.keys(form) as (keyof PresetForm)[]).find((k) => errors[k]);
      setStatus({ tone: 'error', message: `Nothing was saved: ${first ? errors[first] : 'check the fields.'}` });
      if (first) document.getElementById(`${ids}-${first}`)?.focus();
      return;
    }
    try {
      const next = await call('settings.update', {
        preset: {
          id: preset.id,
          desiredRetention: Number(form.desiredRetention),
          maximumInterval: Number(form.maximumInterval),
          learningSteps: steps(form.learningSteps),
          relearningSteps: steps(form.relearningSteps),
          enableFuzz: form.enableFuzz,
          newPerDay: Number(form.newPerDay),
          reviewsPerDay: Number(form.reviewsPerDay),
          burySiblings: form.burySiblings,
          leechThreshold: Number(form.leechThreshold),
        },
      });
      onSaved(next);
      app.changed();
      setStatus({ tone: 'ok', message: 'Saved. New intervals apply from the next answer.' });
    } catch (e) {
      setStatus({ tone: 'error', message: `Nothing was saved: ${(e as Error).message}` });
    }
  };

  const field = (key: keyof PresetForm, label: string, reason: string, input: ReactNode) => (
    <Setting label={label} reason={reason} htmlFor={`${ids}-${key}`}>
      {input}
      {tried && errors[key] && (
        <span className="field-error" id={`${ids}-${key}-e`}>
          {errors[key]}
        </span>
      )}
    </Setting>
  );
  const text = (key: keyof PresetForm, props: Record<string, unknown> = {}) => (
    <input
      id={`${ids}-${key}`}
      aria-describedby={`${ids}-${key}-reason`}
      value={form[key] as string}
      aria-invalid={tried && errors[key] ? true : undefined}
      aria-errormessage={tried && errors[key] ? `${ids}-${key}-e` : undefined}
      onChange={(e) => set(key, e.target.value as never)}
      {...props}
    />
  );
  const box = (key: 'enableFuzz' | 'burySiblings', label: string) => (
    <label className="check">
      <input id={`${ids}-${key}`} aria-describedby={`${ids}-${key}-reason`} type="checkbox" checked={form[key]} onChange={(e) => set(key, e.target.checked)} /> {label}
    </label>
  );

  return (
    <>
      <SettingsForm dirty={dirty} onSave={() => void save()} onReset={reset} noValidate>
        <fieldset>
          <legend>Study preset</legend>
          <Setting
            label="Preset"
            htmlFor={`${ids}-preset`}
            reason="Each article’s deck uses one preset, and decks share presets: changing a preset changes every deck that uses it. Choose an article’s preset from the reader’s Article menu (Study options…)."
          >
            <select
              id={`${ids}-preset`}
              aria-describedby={`${ids}-preset-reason`}
              value={preset.id}
              onChange={(e) => {
                setPresetId(e.target.value);
                setStatus(null);
              }}
            >
              {settings.presets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.decks} {plural(p.decks, 'deck', 'decks')})
                </option>
              ))}
            </select>
            <span className="preset-manage" role="group" aria-label="Manage presets">
              <button type="button" className="button quiet-button" onClick={() => setDialog('new')}>
                New preset…
              </button>
              <button type="button" className="button quiet-button" onClick={() => setDialog('rename')} aria-label={`Rename “${preset.name}”…`}>
                Rename…
              </button>
              {preset.id !== 'default' && (
                <button type="button" className="button quiet-button" onClick={() => setDialog('delete')} aria-label={`Delete “${preset.name}”…`}>
                  Delete…
                </button>
              )}
            </span>
          </Setting>
          <p className="quiet settings-intro">
            “{preset.name}” is used by {preset.decks} {plural(preset.decks, 'deck', 'decks')}
            {preset.customWeights ? ', with optimised FSRS parameters' : ', with FSRS’s default parameters'}
            {decksUsing.length > 0 ? ':' : '.'}
          </p>
          {decksUsing.length > 0 && (
            <ul className="preset-decks" aria-label={`Decks using “${preset.name}”`}>
              {decksUsing.slice(0, 12).map((d) => (
                <li key={d.id}>{d.name}</li>
              ))}
              {decksUsing.length > 12 && <li className="quiet">and {decksUsing.length - 12} more</li>}
            </ul>
          )}
          {field(
            'desiredRetention',
            'Desired retention',
            'The chance of remembering a card when it comes up: higher means fewer forgotten cards but many more reviews each day (0.90 is a good balance).',
            text('desiredRetention', { type: 'number', ...PRESET_LIMITS.desiredRetention, step: 0.01, inputMode: 'decimal' }),
          )}
          {field(
            'newPerDay',
            'New cards per day',
            'Each new card brings reviews for weeks: raise this only if today’s reviews leave you time.',
            text('newPerDay', { type: 'number', ...PRESET_LIMITS.newPerDay, step: 1 }),
          )}
          {field(
            'reviewsPerDay',
            'Maximum reviews per day',
            'A ceiling for heavy days; cards over it wait until tomorrow, and waiting cards are remembered less well.',
            text('reviewsPerDay', { type: 'number', ...PRESET_LIMITS.reviewsPerDay, step: 1 }),
          )}
          {field(
            'learningSteps',
            'Learning steps',
            'Short delays a new card goes through the first day (such as 1m 10m) before FSRS schedules it in days.',
            text('learningSteps', { placeholder: '1m 10m' }),
          )}
          {field(
            'relearningSteps',
            'Relearning steps',
            'Short delays after you forget a card, before it goes back to days; leave empty to send it straight back to days.',
            text('relearningSteps', { placeholder: '10m' }),
          )}
          {field(
            'maximumInterval',
            'Maximum interval (days)',
            'The longest a card may wait between reviews; lower it for an exam date, at the cost of more reviews.',
            text('maximumInterval', { type: 'number', ...PRESET_LIMITS.maximumInterval, step: 1 }),
          )}
          {field(
            'enableFuzz',
            'Fuzz',
            'Spreads intervals by a little, so cards learnt together do not stay bunched on the same days.',
            box('enableFuzz', 'Vary intervals slightly'),
          )}
          {field(
            'burySiblings',
            'Bury siblings',
            'After you answer a card, other cards from the same passage wait until tomorrow, so one does not give away another.',
            box('burySiblings', 'Bury cards from the same passage'),
          )}
          {field(
            'leechThreshold',
            'Leech threshold (lapses)',
            'A card forgotten this many times is tagged “leech” and suspended: rewriting it helps more than drilling it.',
            text('leechThreshold', { type: 'number', ...PRESET_LIMITS.leechThreshold, step: 1 }),
          )}
          <SettingsActions dirty={dirty} onReset={reset}>
            Save preset
          </SettingsActions>
          <StatusLine status={status} />
        </fieldset>
      </SettingsForm>
      <PresetNameDialog
        open={dialog === 'new'}
        title="New preset"
        body={`It starts as a copy of “${preset.name}”; no deck uses it until you choose it for one.`}
        initialName={`${preset.name} copy`}
        confirmLabel="Create preset"
        onSubmit={create}
        onCancel={() => setDialog(null)}
      />
      <PresetNameDialog
        open={dialog === 'rename'}
        title="Rename preset"
        body="Decks keep using this preset under its new name."
        initialName={preset.name}
        confirmLabel="Rename"
        onSubmit={rename}
        onCancel={() => setDialog(null)}
      />
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Delete “${preset.name}”?`}
        body={
          preset.decks > 0
            ? `${preset.decks} ${plural(preset.decks, 'deck uses', 'decks use')} it; ${plural(preset.decks, 'it goes', 'they go')} back to the default preset, with its limits and intervals.`
            : 'No deck uses it. Its settings are lost.'
        }
        confirmLabel="Delete preset"
        onConfirm={() => void remove()}
        onCancel={() => setDialog(null)}
      />
    </>
  );
}
