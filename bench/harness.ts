/**
 * What a bench suite is and how its figures are kept. A suite is a file in `bench/suites/` exporting
 * `suite`; `npm run bench` finds every one, so adding a suite touches no shared list.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Comparison } from './measure';

export interface Budget {
  /** The subject's median must be at most this many milliseconds. */
  maxMs?: number;
  /** The ratio to the baseline must be at most this. */
  maxRatio?: number;
  /** The budget in words, as the issue states it. */
  text: string;
}

export interface BenchRow {
  suite: string;
  name: string;
  /** Cards in the collection, or null for a figure that does not depend on it. */
  size: number | null;
  baseline: string;
  baselineMs: number;
  subjectMs: number;
  ratio: number;
  runs: number;
  budget?: Budget;
  /** Whether the budget holds (absent without a budget). */
  holds?: boolean;
  note?: string;
}

export interface BenchContext {
  /** Collection sizes to measure at (cards). */
  sizes: readonly number[];
  /** Fewer runs, for the harness's own smoke test. */
  quick: boolean;
  /** How many timed runs a figure gets (fewer when quick). */
  runs(normal: number): number;
  /** A scratch folder, removed at the end. */
  dir: string;
  record(row: Omit<BenchRow, 'suite' | 'holds'>): void;
  /** Records a comparison from measure.compare. */
  compared(name: string, size: number | null, baseline: string, result: Comparison, budget?: Budget, note?: string): void;
  log(message: string): void;
}

export interface BenchSuite {
  name: string;
  /** What it measures, one line. */
  description: string;
  run(ctx: BenchContext): Promise<void>;
}

export function holds(row: Pick<BenchRow, 'budget' | 'subjectMs' | 'ratio'>): boolean | undefined {
  if (!row.budget) return undefined;
  if (row.budget.maxMs !== undefined && row.subjectMs > row.budget.maxMs) return false;
  if (row.budget.maxRatio !== undefined && row.ratio > row.budget.maxRatio) return false;
  return true;
}

export async function runSuites(
  suites: readonly BenchSuite[],
  options: { sizes: readonly number[]; quick?: boolean; log?: (message: string) => void },
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  for (const suite of suites) {
    const dir = mkdtempSync(join(tmpdir(), `lectern-bench-${suite.name}-`));
    const push = (row: Omit<BenchRow, 'suite' | 'holds'>) => {
      const full: BenchRow = { suite: suite.name, ...row };
      const verdict = holds(full);
      if (verdict !== undefined) full.holds = verdict;
      rows.push(full);
      log(`  ${row.name}${row.size === null ? '' : ` @ ${row.size}`}: ${row.subjectMs.toFixed(2)} ms, ${row.ratio.toFixed(2)}× ${row.baseline}`);
    };
    const ctx: BenchContext = {
      sizes: options.sizes,
      quick: options.quick ?? false,
      runs: (normal) => (options.quick ? Math.min(2, normal) : normal),
      dir,
      record: push,
      compared: (name, size, baseline, result, budget, note) =>
        push({
          name,
          size,
          baseline,
          baselineMs: result.baseline.medianMs,
          subjectMs: result.subject.medianMs,
          ratio: result.ratio,
          runs: result.subject.runs,
          ...(budget ? { budget } : {}),
          ...(note ? { note } : {}),
        }),
      log,
    };
    log(`${suite.name}: ${suite.description}`);
    try {
      await suite.run(ctx);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
