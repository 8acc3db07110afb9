import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('npm run serve', () => {
  it('refuses a damaged collection in one line, exits 1, and leaves the file as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-serve-'));
    dirs.push(dir);
    const file = join(dir, 'lectern.sqlite');
    writeFileSync(file, 'not a database, just words '.repeat(50));
    const errors: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      errors.push(String(chunk));
      return true;
    });
    expect(await main(['--port', '0', '--data-dir', dir])).toBe(1);
    expect(errors.join('')).toMatch(/^lectern: .*is not a Lectern collection.*left untouched\.\n$/);
    expect(readFileSync(file, 'utf8')).toBe('not a database, just words '.repeat(50));
  });

  it('refuses a port that is not a number', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['--port', 'eighty'])).toBe(1);
  });
});
