/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--only suite,…] [--quick] [--no-save]`
 *
 * Runs every suite in `bench/suites/` (each figure a subject timed against a baseline in the same run,
 * at each collection size where the size matters), prints the figures, and saves them to
 * `bench/results/latest.json` and the table in `docs/performance.md`. A ratio is what to watch from one
 * run to the next; milliseconds vary with the machine's load.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { runSuites, type BenchSuite } from './harness';
import { machine, saveSection } from './report';

export const DEFAULT_SIZES = [1_000, 10_000, 100_000];

export async function loadSuites(only?: readonly string[]): Promise<BenchSuite[]> {
  const dir = resolve(import.meta.dirname, 'suites');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const suites: BenchSuite[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(resolve(dir, file)).href)) as { suite?: BenchSuite };
    if (!module.suite) throw new Error(`bench/suites/${file} exports no suite`);
    if (!only || only.includes(module.suite.name)) suites.push(module.suite);
  }
  if (only) {
    const missing = only.filter((name) => !suites.some((s) => s.name === name));
    if (missing.length) throw new Error(`no bench suite named ${missing.join(', ')} (have: ${files.join(', ')})`);
  }
  return suites;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      only: { type: 'string' },
      quick: { type: 'boolean' },
      'no-save': { type: 'boolean' },
    },
    strict: true,
  });
  const sizes = values.sizes ? values.sizes.split(',').map((s) => Number(s.replace(/_/g, ''))) : DEFAULT_SIZES;
  if (sizes.some((s) => !Number.isInteger(s) || s <= 0)) throw new Error(`--sizes takes whole numbers, got ${values.sizes}`);
  const suites = await loadSuites(values.only?.split(','));
  const rows = await runSuites(suites, { sizes, quick: values.quick ?? false });

  const width = Math.max(...rows.map((r) => r.name.length + 10));
  process.stdout.write(`${'figure'.padEnd(width)}  ${'ratio'.padStart(8)}  ${'ms'.padStart(9)}  ${'baseline ms'.padStart(11)}  holds  baseline\n`);
  for (const r of rows) {
    const name = r.size === null ? r.name : `${r.name} @ ${r.size}`;
    const verdict = r.holds === undefined ? '     ' : r.holds ? 'yes  ' : 'NO   ';
    process.stdout.write(
      `${name.padEnd(width)}  ${`${r.ratio.toFixed(2)}×`.padStart(8)}  ${r.subjectMs.toFixed(2).padStart(9)}  ${r.baselineMs.toFixed(2).padStart(11)}  ${verdict}  ${r.baseline}\n`,
    );
  }
  if (!values['no-save'] && !values.quick) {
    saveSection('bench', { date: new Date().toISOString(), machine: machine(), sizes, rows });
    process.stderr.write('Saved bench/results/latest.json and the table in docs/performance.md.\n');
  }
  return 0;
}
