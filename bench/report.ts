/**
 * Keeps the figures: `bench/results/latest.json` (each of `npm run bench` and `npm run bench:ui` owns a
 * section and leaves the other's alone) and the generated tables in `docs/performance.md`, between
 * marker comments, so the prose around them is written by hand.
 */
import { cpus, loadavg } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { BenchRow } from './harness';

export const RESULTS = resolve(import.meta.dirname, 'results/latest.json');
export const PERFORMANCE_DOC = resolve(import.meta.dirname, '../docs/performance.md');

export type SectionName = 'bench' | 'ui';

export interface ResultSection {
  date: string;
  machine: { cpus: number; model: string; node: string; loadAverage: number[] };
  sizes: number[];
  rows: BenchRow[];
}

export type Results = Partial<Record<SectionName, ResultSection>>;

export function machine(): ResultSection['machine'] {
  const list = cpus();
  return { cpus: list.length, model: list[0]?.model ?? 'unknown', node: process.version, loadAverage: loadavg().map((l) => Number(l.toFixed(2))) };
}

export function readResults(file = RESULTS): Results {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Results;
  } catch {
    return {};
  }
}

/** Replaces one section of the results file and regenerates that section's table in the doc. */
export function saveSection(name: SectionName, section: ResultSection, files = { results: RESULTS, doc: PERFORMANCE_DOC }): void {
  const results = { ...readResults(files.results), [name]: section };
  mkdirSync(dirname(files.results), { recursive: true });
  writeFileSync(files.results, `${JSON.stringify(results, null, 2)}\n`);
  if (existsSync(files.doc)) {
    writeFileSync(files.doc, replaceTable(readFileSync(files.doc, 'utf8'), name, renderTable(section)));
  }
}

const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const fmtRatio = (r: number) => (r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2));
const fmtSize = (n: number) => n.toLocaleString('en-US');

/** One line per figure, a column per collection size: "subject ms (ratio×)", then the budget and whether it holds. */
export function renderTable(section: ResultSection): string {
  const sizes = [...section.sizes].sort((a, b) => a - b);
  const groups = new Map<string, BenchRow[]>();
  for (const row of section.rows) {
    const key = `${row.suite}\u0000${row.name}\u0000${row.baseline}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const head = ['figure', 'baseline (same run)', ...(sizes.length ? sizes.map((s) => `${fmtSize(s)} cards`) : []), 'any size', 'budget', 'holds'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const cell = (row: BenchRow | undefined) => (row ? `${fmtMs(row.subjectMs)} ms (${fmtRatio(row.ratio)}×)` : '');
    const sized = sizes.map((s) => cell(rows.find((r) => r.size === s)));
    const unsized = cell(rows.find((r) => r.size === null));
    const budgeted = rows.filter((r) => r.budget);
    const verdict = budgeted.length === 0 ? '' : budgeted.every((r) => r.holds) ? 'yes' : `**no** (${budgeted.filter((r) => !r.holds).map((r) => (r.size === null ? 'miss' : fmtSize(r.size))).join(', ')})`;
    const name = first.note ? `${first.name} — ${first.note}` : first.name;
    lines.push(`| ${[name, first.baseline, ...sized, unsized, budgeted[0]?.budget?.text ?? '', verdict].join(' | ')} |`);
  }
  const m = section.machine;
  return [
    `Measured ${section.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpus} × ${m.model}, Node ${m.node}, load average ${m.loadAverage.join(' / ')}.`,
    'Each cell: the median in milliseconds (its ratio to the baseline timed in the same run).',
    '',
    ...lines,
  ].join('\n');
}

export function replaceTable(doc: string, name: SectionName, table: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${table}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from >= 0 && to > from) return doc.slice(0, from) + block + doc.slice(to + end.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}
