import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { parseArticleFile, parseArticleText } from '../src/core/article';
import { manualClock } from '../src/core/clock';
import { openCollection } from '../src/core/collection';
import { generateCards } from '../src/core/generate';
import { importArticle } from '../src/core/library/import';
import { studyQueue } from '../src/core/schedule';
import { compare } from './measure';
import { syntheticCollection } from './synthetic';

/**
 * `npm run bench`: each line is a subject timed against a baseline in the same run. A ratio is what to
 * watch from one run to the next; milliseconds vary with the machine's load.
 */
interface Row {
  name: string;
  baseline: string;
  baselineMs: number;
  subjectMs: number;
  ratio: number;
}

const rows: Row[] = [];
function record(name: string, baseline: string, result: ReturnType<typeof compare>): void {
  rows.push({ name, baseline, baselineMs: result.baseline.medianMs, subjectMs: result.subject.medianMs, ratio: result.ratio });
}

export async function main(): Promise<number> {
  const bundledPath = resolve(import.meta.dirname, '../resources/articles/collective-self-defense.txt');
  const bundled = readFileSync(bundledPath);
  const text = bundled.toString('utf8');
  const nlp = winkNLP(model);

  // Parsing the bundled article into sections, against reading its text with the NLP model once.
  record('parse bundled article (text)', 'wink-nlp readDoc of the same text', compare(() => nlp.readDoc(text).sentences().length(), () => parseArticleFile(bundled, 'a.txt')));

  // Card generation for the bundled article, against the same NLP pass it is built on.
  const parsed = parseArticleFile(bundled, 'a.txt');
  record('generate bundled article cards', 'wink-nlp readDoc of the same text', compare(() => nlp.readDoc(text).sentences().length(), () => generateCards(parsed.article, { kinds: parsed.kinds })));

  // A whole import (parse, generate, store), against inserting the raw text into SQLite.
  record(
    'import bundled article (parse+generate+store)',
    'one INSERT of the raw text in a :memory: database',
    compare(
      () => {
        const col = openCollection({ path: ':memory:' });
        col.db.exec('CREATE TABLE raw (t TEXT)');
        col.db.prepare('INSERT INTO raw VALUES (?)').run(text);
        col.close();
      },
      () => {
        const col = openCollection({ path: ':memory:' });
        importArticle(col, { bytes: bundled, fileName: 'a.txt', source: null });
        col.close();
      },
      7,
    ),
  );

  // HTML import: a synthetic saved page, against parsing the same HTML into a DOM.
  const page = `<html><body><nav>a b c</nav><article><h1>Title</h1>${Array.from({ length: 60 }, (_, i) => `<h2>Part ${i}</h2><p>${text.slice(i * 150, i * 150 + 600)}</p>`).join('')}</article></body></html>`;
  record('parse a 60-section HTML page', 'linkedom parseHTML of the same page', compare(() => parseHTML(page).document.body.childNodes.length, () => parseArticleText(page, 'html'), 9));

  // The review queue of a 100,000-card collection, against fetching the 200 earliest due ids.
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
  try {
    const now = Date.UTC(2026, 5, 1, 12);
    const col = syntheticCollection(join(dir, 'lectern.sqlite'), { cards: 100_000, now, clock: manualClock(now) });
    const earliest = col.db.prepare('SELECT id FROM cards WHERE suspended = 0 ORDER BY due LIMIT 200');
    record('build the review queue, 100,000 cards', 'SELECT of the 200 earliest-due card ids', compare(() => earliest.all(), () => studyQueue(col), 5));
    col.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const width = Math.max(...rows.map((r) => r.name.length));
  process.stdout.write(`${'benchmark'.padEnd(width)}  ratio   subject ms  baseline ms  baseline\n`);
  for (const r of rows) {
    process.stdout.write(
      `${r.name.padEnd(width)}  ${r.ratio.toFixed(1).padStart(6)}x  ${r.subjectMs.toFixed(2).padStart(10)}  ${r.baselineMs.toFixed(2).padStart(11)}  ${r.baseline}\n`,
    );
  }
  return 0;
}
