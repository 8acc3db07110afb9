import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCollection } from '../../core/collection';
import { reviewedCollection } from '../../core/exchange/collection-fixtures';
import { parseLecternJson } from '../../core/exchange/lectern-json';
import { runCli, tempDirs } from '../test-support';

const tempDir = tempDirs('lectern-cli-exchange-');
const run = runCli;

/** A data folder holding a collection reviewed for a few days. */
function reviewedDataDir(): { dir: string; articleId: string; cards: number } {
  const dir = tempDir();
  const { collection, articleId, cardIds } = reviewedCollection({ days: 3, path: join(dir, 'lectern.sqlite') });
  collection.close();
  return { dir, articleId, cards: cardIds.length };
}

const counts = (dir: string) => {
  const c = openCollection({ path: join(dir, 'lectern.sqlite') });
  try {
    return c.db.prepare('SELECT (SELECT count(*) FROM cards) AS cards, (SELECT count(*) FROM review_logs) AS logs, (SELECT count(*) FROM decks) AS decks').get();
  } finally {
    c.close();
  }
};

describe('lectern export', () => {
  it('--json prints { file, cards, notes } and writes the file, for every format', async () => {
    const { dir, articleId, cards } = reviewedDataDir();
    for (const format of ['apkg', 'csv', 'tsv', 'json', 'markdown']) {
      const out = join(dir, `out.${format}`);
      const { code, stdout } = await run(['export', '--format', format, '--all', '--out', out, '--data-dir', dir, '--json', '--with-schedule']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual({ file: out, cards, notes: cards });
      expect(stdout.trim().split('\n')).toHaveLength(1);
      expect(readFileSync(out).length).toBeGreaterThan(0);
    }
    const one = await run(['--data-dir', dir, 'export', '--format', 'json', '--article', articleId, '--out', join(dir, 'article.json'), '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ cards: cards - 1 });
    const doc = parseLecternJson(readFileSync(join(dir, 'article.json'), 'utf8'));
    expect(doc.articles.map((a) => a.id)).toEqual([articleId]);
  });

  it('refuses bad options with exit code 1 and the message on stderr', async () => {
    const { dir } = reviewedDataDir();
    const cases: [string[], RegExp][] = [
      [['export', '--all', '--out', 'x'], /Name a format/],
      [['export', '--format', 'docx', '--all', '--out', 'x'], /not an export format/],
      [['export', '--format', 'json', '--out', 'x'], /--article <id> or --all/],
      [['export', '--format', 'json', '--all', '--article', 'a', '--out', 'x'], /--article <id> or --all/],
      [['export', '--format', 'json', '--all'], /--out/],
      [['export', '--format', 'json', '--article', 'nope', '--out', join(dir, 'x.json')], /No article/],
      [['export', '--format', 'json', '--all', '--out', join(dir, 'missing', 'x.json')], /Cannot write/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr, stdout } = await run([...argv, '--data-dir', dir, '--json']);
      expect(code, argv.join(' ')).toBe(1);
      expect(stderr).toMatch(message);
      expect(JSON.parse(stdout).error.code).toBe(argv.includes('nope') ? 'not_found' : 'bad_input');
    }
  });
});

describe('lectern import-deck', () => {
  it('imports a Lectern JSON file into a new collection, then a second time changes nothing', async () => {
    const { dir, cards } = reviewedDataDir();
    const file = join(dir, 'all.json');
    expect((await run(['export', '--format', 'json', '--all', '--out', file, '--data-dir', dir])).code).toBe(0);
    const target = tempDir();

    const dry = await run(['import-deck', file, '--dry-run', '--data-dir', target, '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ added: cards, updated: 0, skipped: 0 });
    expect(dry.stderr).toMatch(/Dry run: nothing was changed/);
    expect(counts(target)).toMatchObject({ cards: 0, logs: 0 });

    const first = await run(['import-deck', file, '--data-dir', target, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ added: cards, updated: 0, skipped: 0 });
    expect(first.stderr).toMatch(/Backup of the collection before the import: .*backups/);
    expect(readdirSync(join(target, 'backups'))).toHaveLength(1);
    expect(counts(target)).toEqual(counts(dir));

    const second = await run(['import-deck', file, '--data-dir', target, '--json']);
    expect(JSON.parse(second.stdout)).toEqual({ added: 0, updated: 0, skipped: cards });
    expect(readdirSync(join(target, 'backups'))).toHaveLength(1);
    const human = await run(['import-deck', file, '--data-dir', target]);
    expect(human.stdout).toMatch(/Cards: 0 added, 0 updated, \d+ skipped/);
  });

  it('imports an .apkg with its schedule and a CSV', async () => {
    const { dir, cards } = reviewedDataDir();
    const apkg = join(dir, 'all.apkg');
    const csv = join(dir, 'all.csv');
    await run(['export', '--format', 'apkg', '--with-schedule', '--all', '--out', apkg, '--data-dir', dir]);
    await run(['export', '--format', 'csv', '--all', '--out', csv, '--data-dir', dir]);
    const target = tempDir();
    const fromApkg = await run(['import-deck', apkg, '--data-dir', target, '--json']);
    expect(fromApkg.code).toBe(0);
    expect(JSON.parse(fromApkg.stdout)).toEqual({ added: cards, updated: 0, skipped: 0 });
    expect((counts(target) as { logs: number }).logs).toBe((counts(dir) as { logs: number }).logs);
    const fromCsv = await run(['import-deck', csv, '--data-dir', target, '--json']);
    expect(JSON.parse(fromCsv.stdout)).toEqual({ added: 0, updated: 0, skipped: cards });
  });

  it('refuses bad files with exit code 1, the message on stderr, and no change', async () => {
    const { dir } = reviewedDataDir();
    const before = counts(dir);
    const bad: [string, string, RegExp][] = [
      ['broken.apkg', 'PK\u0003\u0004 not really a zip', /damaged or truncated/],
      ['future.json', '{"format":"lectern","version":9,"exportedAt":0}', /newer Lectern/],
      ['ragged.csv', '#separator:comma\na,b\nc\n', /Line 3 has 1 columns/],
    ];
    for (const [name, content, message] of bad) {
      const path = join(dir, name);
      writeFileSync(path, content);
      const { code, stderr } = await run(['import-deck', path, '--data-dir', dir]);
      expect(code, name).toBe(1);
      expect(stderr).toMatch(message);
    }
    const missing = await run(['import-deck', join(dir, 'nope.apkg'), '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does not exist/);
    expect(counts(dir)).toEqual(before);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});
