import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_STARTS_AT_LIMITS, LecternError, PRESET_LIMITS, PresetFields } from '../../shared/contract';
import { openCollection, type Collection } from '../collection';
import { checkPreset } from '../schedule/study-settings';
import { DEFAULT_PRESET, type Preset } from '../schedule/types';
import { savePreset } from './presets';

/**
 * Preset ranges exist once, in the contract (study-rules.ts). The SQL CHECK constraints are older and
 * coarser; these tests hold them to the contract: every bound SQL writes is the contract's, and every
 * preset the contract accepts, SQL stores.
 */
const open: Collection[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));
const collection = () => {
  const c = openCollection({ path: ':memory:' });
  open.push(c);
  return c;
};

const COLUMN_OF: Record<string, keyof typeof PRESET_LIMITS | 'dayStartsAt'> = {
  desired_retention: 'desiredRetention',
  maximum_interval: 'maximumInterval',
  new_per_day: 'newPerDay',
  reviews_per_day: 'reviewsPerDay',
  leech_threshold: 'leechThreshold',
  day_starts_at: 'dayStartsAt',
};

/** Every `CHECK (column BETWEEN a AND b)` and `CHECK (column >= a)` in a table's SQL. */
function sqlBounds(c: Collection, table: string): Map<string, { min: number; max: number | null }> {
  const sql = (c.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string }).sql;
  const out = new Map<string, { min: number; max: number | null }>();
  for (const m of sql.matchAll(/CHECK \((\w+) BETWEEN ([\d.]+) AND ([\d.]+)\)/g)) out.set(m[1]!, { min: Number(m[2]), max: Number(m[3]) });
  for (const m of sql.matchAll(/CHECK \((\w+) >= ([\d.]+)\)/g)) out.set(m[1]!, { min: Number(m[2]), max: null });
  return out;
}

describe('preset rules, one schema', () => {
  it('every SQL CHECK bound on presets and settings is the contract’s bound', () => {
    const c = collection();
    const bounds = [...sqlBounds(c, 'presets'), ...sqlBounds(c, 'collection_settings')];
    expect(bounds.map(([column]) => column).sort()).toEqual(Object.keys(COLUMN_OF).sort());
    for (const [column, bound] of bounds) {
      const field = COLUMN_OF[column]!;
      const limits = field === 'dayStartsAt' ? DAY_STARTS_AT_LIMITS : PRESET_LIMITS[field];
      expect({ column, min: bound.min }).toEqual({ column, min: (limits as { min: number }).min });
      if (bound.max !== null) expect({ column, max: bound.max }).toEqual({ column, max: (limits as { max: number }).max });
    }
  });

  const stepArb = fc
    .tuple(fc.integer({ min: 1, max: 99999 }), fc.constantFrom('m', 'h', 'd'))
    .map(([n, unit]) => `${n}${unit}`);
  const presetArb: fc.Arbitrary<Preset> = fc.record({
    id: fc.constant('p1'),
    name: fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim().length > 0),
    desiredRetention: fc.double({ min: 0.7, max: 0.99, noNaN: true }),
    maximumInterval: fc.integer(PRESET_LIMITS.maximumInterval),
    learningSteps: fc.array(stepArb, { maxLength: 10 }),
    relearningSteps: fc.array(stepArb, { maxLength: 10 }),
    enableFuzz: fc.boolean(),
    newPerDay: fc.integer(PRESET_LIMITS.newPerDay),
    reviewsPerDay: fc.integer(PRESET_LIMITS.reviewsPerDay),
    burySiblings: fc.boolean(),
    leechThreshold: fc.integer(PRESET_LIMITS.leechThreshold),
    weights: fc.constant(null),
  });

  it('a preset the contract accepts is stored by SQL and passes the core’s check', () => {
    const c = collection();
    fc.assert(
      fc.property(presetArb, (preset) => {
        expect(PresetFields.safeParse(preset).success).toBe(true);
        checkPreset(preset);
        savePreset(c.db, preset);
      }),
      { numRuns: 200 },
    );
  });

  it('a value just outside a range is refused by the core with the field’s name and the value', () => {
    const cases: [Partial<Preset>, RegExp][] = [
      [{ desiredRetention: 0.995 }, /Desired retention must be from 0.7 to 0.99, got 0.995/],
      [{ maximumInterval: 1e15 }, /maximum interval .* from 1 to 36500, got 1000000000000000/],
      [{ maximumInterval: 36501 }, /got 36501/],
      [{ newPerDay: -1 }, /New cards per day .* from 0 to 9999, got -1/],
      [{ reviewsPerDay: 2.5 }, /Reviews per day must be a whole number/],
      [{ leechThreshold: 0 }, /leech threshold/],
      [{ learningSteps: ['abc'] }, /"abc" is not a step/],
      [{ relearningSteps: ['0m'] }, /"0m" is not a step/],
      [{ learningSteps: Array.from({ length: 11 }, () => '1m') }, /at most 10 steps/],
      [{ name: '   ' }, /name of 1 to 100/],
      [{ weights: [1, 2, 3] }, /17, 19 or 21/],
    ];
    for (const [change, message] of cases) {
      let error: unknown;
      try {
        checkPreset({ ...DEFAULT_PRESET, ...change });
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(change)).toBeInstanceOf(LecternError);
      expect((error as LecternError).message).toMatch(message);
    }
  });
});
