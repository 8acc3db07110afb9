import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { openCollection } from '../collection';
import { cancelJob, jobStatus, waitForJob } from '../jobs/registry';
import { generateForArticle } from './generate-cards';
import { INLINE_GENERATION_WORDS } from './generation-job';
import { importArticle } from './import';

const bundled = readFileSync(resolve(__dirname, '../../../resources/articles/collective-self-defense.txt'));
const cardCount = (col: ReturnType<typeof openCollection>) => (col.db.prepare('SELECT count(*) AS n FROM cards').get() as { n: number }).n;

/** A long plain-text "book": numbered chapters of varied prose, over the inline-generation limit. */
function book(words: number): string {
  const topics = ['glaciers', 'rivers', 'volcanoes', 'deserts', 'forests', 'coral reefs', 'tides', 'monsoons'];
  const chapters: string[] = ['The Long Book of Landscapes', ''];
  let count = 0;
  for (let c = 1; count < words; c++) {
    const topic = topics[c % topics.length]!;
    chapters.push(`${c}. Chapter on ${topic} number ${c}`, '');
    for (let p = 0; p < 6; p++) {
      const paragraph = `The study of ${topic} in region ${c}-${p} shows how sediment transport, seasonal melting and erosion shape the surrounding valleys over centuries. Researchers measured discharge rates of ${100 + c + p} cubic metres per second and compared them with the historical records of the basin. These observations support the model of gradual landscape change proposed by the survey team.`;
      chapters.push(paragraph, '');
      count += paragraph.split(' ').length;
    }
  }
  return chapters.join('\n');
}

describe('cards on import', () => {
  it('writes the bundled article’s cards in the same import, each tied to its passage', () => {
    const col = openCollection({ path: ':memory:', clock: manualClock(Date.UTC(2026, 0, 5)) });
    const result = importArticle(col, { bytes: bundled, fileName: 'collective-self-defense.txt', source: null });
    expect(result.generationJob).toBeNull();
    expect(result.cardsAdded).toBeGreaterThan(20);
    expect(cardCount(col)).toBe(result.cardsAdded);
    const rows = col.db.prepare('SELECT section_index AS s, source_paragraph AS p, source_start AS a, source_end AS b, source_quote AS q FROM cards').all() as {
      s: number;
      p: number;
      a: number;
      b: number;
      q: string;
    }[];
    for (const row of rows) expect(result.article.sections[row.s]!.paragraphs[row.p]!.slice(row.a, row.b)).toBe(row.q);
    expect(new Set(rows.map((r) => r.s))).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it('generating again adds nothing that exists, so reviewed cards are never touched', () => {
    const col = openCollection({ path: ':memory:', clock: manualClock(Date.UTC(2026, 0, 5)) });
    const { articleId } = importArticle(col, { bytes: bundled, fileName: 'a.txt', source: null });
    const before = cardCount(col);
    expect(generateForArticle(col, articleId)).toBe(0);
    expect(generateForArticle(col, articleId, { sectionIndex: 2 })).toBe(0);
    expect(cardCount(col)).toBe(before);
  });
});

describe('cards for a long text', () => {
  it('are written by a job with progress, and stored when it finishes', async () => {
    const col = openCollection({ path: ':memory:' });
    const result = importArticle(col, { bytes: new TextEncoder().encode(book(INLINE_GENERATION_WORDS + 2000)), fileName: 'book.txt', source: null });
    expect(result.generationJob).not.toBeNull();
    expect(cardCount(col)).toBe(0);
    const status = await waitForJob(col, result.generationJob!);
    expect(status.state).toBe('done');
    expect(status.progress.total).toBeGreaterThan(0);
    expect(status.progress.message).toMatch(/paragraph \d+ of \d+/); // reported from the worker thread
    expect((status.result as { cardsAdded: number }).cardsAdded).toBe(cardCount(col));
    // the book repeats one templated paragraph per topic: the generator cards each template once
    expect(cardCount(col)).toBeGreaterThan(0);
  }, 120_000);

  it('a cancelled job really stops and adds no card', async () => {
    const col = openCollection({ path: ':memory:' });
    const result = importArticle(col, { bytes: new TextEncoder().encode(book(INLINE_GENERATION_WORDS * 3)), fileName: 'book.txt', source: null });
    const cancelled = cancelJob(col, result.generationJob!);
    expect(cancelled.state).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 1500));
    expect(jobStatus(col, result.generationJob!).state).toBe('cancelled');
    expect(cardCount(col)).toBe(0);
  }, 60_000);
});
