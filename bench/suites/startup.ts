/**
 * Start-up: `lectern info` on an existing collection, a new process each time as a user types it, against
 * `node -e 0` (Node starting and doing nothing), interleaved. The command runs its bundle (bin/bundle.mjs).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { BenchSuite } from '../harness';
import { compare } from '../measure';

const LECTERN = resolve(import.meta.dirname, '../../bin/lectern.mjs');

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
}

export const suite: BenchSuite = {
  name: 'startup',
  description: 'the lectern command starting, against node -e 0',
  async run(ctx) {
    const info = ['info', '--data-dir', join(ctx.dir, 'data')];
    run([LECTERN, ...info]); // creates the collection, and builds the bundle if a source changed
    ctx.compared(
      'lectern info (a new process)',
      null,
      'node -e 0 (a new process)',
      await compare(() => run(['-e', '0']), () => run([LECTERN, ...info]), ctx.runs(21)),
      { maxRatio: 3, text: 'lectern info starts in at most 3× node -e 0' },
    );
  },
};
