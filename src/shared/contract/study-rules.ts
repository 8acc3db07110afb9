import { z } from 'zod';

/**
 * The rules of study settings, written once: the commands' inputs (`settings.update`, presets), the
 * core's checks before every write (`checkPreset`), every deck import, the Settings screen's field
 * messages and the test that holds the SQL CHECK constraints to these ranges all read them from here.
 */

/** Inclusive ranges of a preset's numeric fields, and of its name and step lists. */
export const PRESET_LIMITS = {
  name: { min: 1, max: 100 },
  desiredRetention: { min: 0.7, max: 0.99 },
  maximumInterval: { min: 1, max: 36500 },
  newPerDay: { min: 0, max: 9999 },
  reviewsPerDay: { min: 0, max: 99999 },
  leechThreshold: { min: 1, max: 99 },
  steps: { max: 10 },
} as const;

/** The hour a study day starts at, local time. */
export const DAY_STARTS_AT_LIMITS = { min: 0, max: 23 } as const;

/** The longest answer time a review log keeps (review.answer's limit; imports clamp or refuse beyond it). */
export const MAX_ANSWER_DURATION_MS = 86_400_000;

const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** A number field with the words a person needs: "<label> must be a whole number from 1 to 36500, got 1e15." */
export function rangedNumber(label: string, range: { min: number; max: number }, integer: boolean) {
  const must = `${label} must be ${integer ? 'a whole number ' : ''}from ${range.min} to ${range.max}`;
  const error = (issue: { input?: unknown }) => `${must}, got ${shown(issue.input)}.`;
  const base = z.number({ error });
  return (integer ? base.int({ error }) : base).min(range.min, { error }).max(range.max, { error });
}

const STEP = /^(\d{1,5})(?:\.\d{1,3})?[mhd]$/;

/** An Anki-style step: a positive number and a unit, minutes, hours or days ("1m", "10m", "1h", "1d"). */
export const Step = z.string().refine((s) => {
  const m = STEP.exec(s);
  return m !== null && parseFloat(s) > 0;
}, { error: (issue) => `${shown(issue.input)} is not a step; write a positive number and m, h or d, such as 10m or 1d.` });

const steps = (label: string) =>
  z.array(Step).max(PRESET_LIMITS.steps.max, { error: `${label}: at most ${PRESET_LIMITS.steps.max} steps.` });

const flag = (label: string) => z.boolean({ error: (issue) => `${label} must be true or false, got ${shown(issue.input)}.` });

export const PresetFields = z.object({
  name: z
    .string({ error: 'A preset needs a name of 1 to 100 characters.' })
    .trim()
    .min(PRESET_LIMITS.name.min, { error: 'A preset needs a name of 1 to 100 characters.' })
    .max(PRESET_LIMITS.name.max, { error: 'A preset needs a name of 1 to 100 characters.' }),
  desiredRetention: rangedNumber('Desired retention', PRESET_LIMITS.desiredRetention, false),
  maximumInterval: rangedNumber('The maximum interval (days)', PRESET_LIMITS.maximumInterval, true),
  learningSteps: steps('Learning steps'),
  relearningSteps: steps('Relearning steps'),
  enableFuzz: flag('Fuzz'),
  newPerDay: rangedNumber('New cards per day', PRESET_LIMITS.newPerDay, true),
  reviewsPerDay: rangedNumber('Reviews per day', PRESET_LIMITS.reviewsPerDay, true),
  burySiblings: flag('Burying siblings'),
  leechThreshold: rangedNumber('The leech threshold (lapses)', PRESET_LIMITS.leechThreshold, true),
});
export type PresetFields = z.infer<typeof PresetFields>;

/** The field names of a preset that the Settings screen edits as numbers. */
export type PresetNumberField = 'desiredRetention' | 'maximumInterval' | 'newPerDay' | 'reviewsPerDay' | 'leechThreshold';

/**
 * FSRS weights: null for ts-fsrs's defaults, else 17, 19 or 21 finite numbers (FSRS 4.5, 5 and 6), the
 * lengths ts-fsrs accepts; it clamps each to its own range.
 */
export const FsrsWeights = z
  .array(z.number({ error: 'FSRS weights must be finite numbers.' }))
  .refine((w) => w.length === 17 || w.length === 19 || w.length === 21, { error: (issue) => `FSRS weights must be 17, 19 or 21 numbers, got ${(issue.input as unknown[]).length}.` })
  .nullable();

/** Whether this JavaScript engine knows the IANA time zone (e.g. Europe/Paris). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA zone such as Europe/Paris that this engine knows. */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { error: (issue) => `${shown(issue.input)} is not a time zone Lectern knows; use a name such as Europe/Paris, or follow the system.` });

/** The collection's day: when a study day starts, in which zone (null follows the machine). */
export const DaySettingsFields = z.object({
  dayStartsAt: rangedNumber('The hour the day starts at', DAY_STARTS_AT_LIMITS, true),
  timeZone: TimeZone.nullable(),
});
export type DaySettingsFields = z.infer<typeof DaySettingsFields>;
