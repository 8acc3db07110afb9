#!/usr/bin/env node
// `npm test`: everything, in order: both type checks, lint, the import rules, unit and integration tests,
// the builds (the app, and the bundled web host and CLI), and the end-to-end tests in Chromium against the
// real web host. Every step runs even after a failure,
// so one run shows everything that is wrong; the exit code is non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

const steps = [
  { name: 'typecheck:node', cmd: bin('tsc'), args: ['-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'typecheck:web', cmd: bin('tsc'), args: ['-p', 'tsconfig.web.json', '--noEmit'] },
  { name: 'lint', cmd: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  { name: 'imports', cmd: bin('depcruise'), args: ['src', '--config', '.dependency-cruiser.cjs'] },
  {
    name: 'unit',
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json'],
  },
  { name: 'build', cmd: bin('electron-vite'), args: ['build'] },
  { name: 'bundle', cmd: process.execPath, args: [fileURLToPath(new URL('../bin/bundle.mjs', import.meta.url))] },
  { name: 'e2e', cmd: bin('playwright'), args: ['test'], needs: ['build', 'bundle'] },
];

rmSync(new URL('../reports', import.meta.url), { recursive: true, force: true });
mkdirSync(new URL('../reports', import.meta.url), { recursive: true });

const results = [];
for (const step of steps) {
  const blocked = (step.needs ?? []).filter((need) => results.find((r) => r.name === need)?.status !== 'passed');
  if (blocked.length > 0) {
    results.push({ name: step.name, status: 'failed', note: `not run: ${blocked.join(', ')} failed` });
    continue;
  }
  process.stdout.write(`\n== ${step.name}\n`);
  const started = Date.now();
  const run = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name: step.name, status: run.status === 0 ? 'passed' : 'failed', seconds });
}

writeFileSync(new URL('../reports/steps.json', import.meta.url), JSON.stringify(results, null, 2));
process.stdout.write('\n== summary\n');
for (const r of results) process.stdout.write(`${r.status === 'passed' ? 'ok  ' : 'FAIL'}  ${r.name}${r.seconds ? ` (${r.seconds}s)` : ''}${r.note ? ` — ${r.note}` : ''}\n`);
process.exitCode = results.every((r) => r.status === 'passed') ? 0 : 1;
