import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../core/storage/migrations';
import { runCli, tempDirs } from './test-support';

const tempDir = tempDirs('lectern-cli-');
const run = runCli;

describe('lectern', () => {
  it('--help lists the commands and the exit codes', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: lectern <command>/);
    expect(stdout).toMatch(/info/);
    expect(stdout).toMatch(/Exit codes: 0 done, 1 input refused, 2 internal error/);
  });

  it('info --json prints exactly one JSON document of bare data', async () => {
    const dir = tempDir();
    const { code, stdout } = await run(['info', '--json', '--data-dir', dir]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ dataDir: dir, schemaVersion: LATEST_SCHEMA_VERSION, articles: 0, cards: 0, reviewLogs: 0 });
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('accepts global options before the command and creates the data folder', async () => {
    const dir = join(tempDir(), 'new', 'folder');
    const { code, stdout } = await run(['--data-dir', dir, 'info']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Data folder:    ${dir}`);
    expect(statSync(join(dir, 'lectern.sqlite')).isFile()).toBe(true);
  });

  it('a new CLI collection starts empty: no bundled article', async () => {
    const dir = tempDir();
    const { stdout } = await run(['info', '--json', '--data-dir', dir]);
    expect(JSON.parse(stdout)).toMatchObject({ articles: 0 });
  });

  it('refuses an unknown command or option with exit code 1 and a JSON error under --json', async () => {
    const unknown = await run(['frobnicate', '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toEqual({ error: { code: 'bad_input', message: expect.stringMatching(/Unknown command "frobnicate"/) } });
    const badOption = await run(['info', '--colour', 'blue', '--data-dir', tempDir()]);
    expect(badOption.code).toBe(1);
    expect(badOption.stderr).toMatch(/--colour/);
  });

  it('refuses a collection that cannot be opened with exit code 1 and says why', async () => {
    const dir = tempDir();
    // A folder where the collection file should be: the database cannot be opened as a file.
    const blocked = join(dir, 'lectern.sqlite');
    mkdirSync(blocked);
    const { code, stderr } = await run(['info', '--data-dir', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Cannot open the collection/);
  });

  it('runs as a real command from the committed bin file', () => {
    const bin = resolve(__dirname, '../../bin/lectern.mjs');
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    const dir = tempDir();
    const result = spawnSync(bin, ['info', '--json', '--data-dir', dir], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ dataDir: dir, schemaVersion: LATEST_SCHEMA_VERSION });
  });
});
