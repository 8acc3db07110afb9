import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { runSuites } from './harness';
import { renderTable, replaceTable, saveSection, machine } from './report';
import { loadSuites } from './run';
import { syntheticCollectionFile } from './synthetic';

// A smoke test of the bench's machinery at a tiny size: every suite runs and yields figures. The
// figures themselves are not asserted (timing is never asserted); `npm run bench` is the real run.
let dir: string;
const previousCache = process.env.LECTERN_BENCH_CACHE;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lectern-bench-test-'));
  process.env.LECTERN_BENCH_CACHE = join(dir, 'cache');
});
afterAll(() => {
  if (previousCache === undefined) delete process.env.LECTERN_BENCH_CACHE;
  else process.env.LECTERN_BENCH_CACHE = previousCache;
  rmSync(dir, { recursive: true, force: true });
});

describe('the synthetic collection', () => {
  it('is built from the bundled article’s generated cards, spread over its paragraphs, with a study history', () => {
    const path = join(dir, 'c.sqlite');
    const info = syntheticCollectionFile(path, 600);
    const db = new Database(path, { readonly: true });
    try {
      expect(info.cards).toBe(600);
      expect(db.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(600);
      expect(db.prepare('SELECT count(*) FROM review_logs').pluck().get()).toBe(info.reviewLogs);
      const states = db.prepare('SELECT DISTINCT state FROM cards ORDER BY state').pluck().all();
      expect(states).toEqual([0, 1, 2, 3]);
      // Siblings are the cards of one paragraph: a few, as the generator writes them, not thousands.
      const siblings = db
        .prepare('SELECT max(n) FROM (SELECT count(*) AS n FROM cards GROUP BY article_id, section_index, source_paragraph)')
        .pluck()
        .get() as number;
      expect(siblings).toBeLessThanOrEqual(8);
      // Every card quotes its article's paragraph.
      const mismatched = db
        .prepare(
          `SELECT count(*) FROM cards c JOIN articles a ON a.id = c.article_id
            WHERE instr(json_extract(a.sections, '$[' || c.section_index || '].paragraphs[' || c.source_paragraph || ']'), c.source_quote) = 0`,
        )
        .pluck()
        .get();
      expect(mismatched).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('the bench', () => {
  it('runs every suite and reports figures', { timeout: 180_000 }, async () => {
    const suites = await loadSuites();
    expect(new Set(suites.map((s) => s.name)).size).toBe(suites.length);
    const rows = await runSuites(suites, { sizes: [300], quick: true, log: () => undefined });
    for (const suite of suites) expect(rows.some((r) => r.suite === suite.name), suite.name).toBe(true);
    for (const row of rows) {
      expect(Number.isFinite(row.subjectMs) && row.subjectMs >= 0, row.name).toBe(true);
      expect(Number.isFinite(row.ratio), row.name).toBe(true);
    }
  });

  it('writes its section of the results and the doc’s table between the markers, keeping the prose', () => {
    const results = join(dir, 'latest.json');
    const doc = join(dir, 'performance.md');
    writeFileSync(results, JSON.stringify({ ui: { date: 'x', machine: machine(), sizes: [], rows: [] } }));
    writeFileSync(doc, '# Performance\n\nProse before.\n\n<!-- bench:start -->\nold\n<!-- bench:end -->\n\nProse after.\n');
    const row = { suite: 's', name: 'a figure', size: 1000, baseline: 'b', baselineMs: 1, subjectMs: 3, ratio: 3, runs: 5, budget: { maxMs: 2, text: '≤ 2 ms' }, holds: false };
    saveSection('bench', { date: '2026-06-01T12:00:00.000Z', machine: machine(), sizes: [1000], rows: [row] }, { results, doc });
    const saved = JSON.parse(readFileSync(results, 'utf8'));
    expect(Object.keys(saved).sort()).toEqual(['bench', 'ui']);
    const text = readFileSync(doc, 'utf8');
    expect(text).toContain('Prose before.');
    expect(text).toContain('Prose after.');
    expect(text).not.toContain('\nold\n');
    expect(text).toMatch(/\| a figure \| b \| 3\.00 ms \(3\.00×\) \|.*\| ≤ 2 ms \| \*\*no\*\* \(1,000\) \|/);
    expect(replaceTable('# Doc\n', 'ui', 'T')).toBe('# Doc\n\n<!-- ui:start -->\nT\n<!-- ui:end -->\n');
    expect(renderTable({ date: '2026-06-01T12:00:00.000Z', machine: machine(), sizes: [], rows: [] })).toContain('| figure |');
  });
});
