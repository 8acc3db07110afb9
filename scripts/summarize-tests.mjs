#!/usr/bin/env node
// Prints one line, "N passed, N failed[, N skipped]", computed from the reporters' JSON output of the
// last `npm test`: vitest's and Playwright's test counts, plus each non-test step (type checks, lint,
// build) as one check. A missing report counts as a failed suite, never as zero tests.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(new URL(`../${path}`, import.meta.url)) ? JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;

const steps = read('reports/steps.json') ?? [];
if (steps.length === 0) failed += 1;
for (const step of steps) {
  if (step.name === 'unit' || step.name === 'e2e') continue;
  if (step.status === 'passed') passed += 1;
  else failed += 1;
}

const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A file that failed to load has no tests to count; count the file.
  failed += (vitest.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else {
  failed += 1;
}

const e2e = read('reports/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
  failed += (e2e.errors ?? []).length;
} else {
  failed += 1;
}

process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
