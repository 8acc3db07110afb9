/**
 * Card generation on a long text, as a user watching its progress sees it: how long the longest pause
 * between two progress reports is, against the whole generation, and how soon a cancelled generation
 * stops, against the usual pause between reports. One long run: the figures are shares of it.
 */
import type { Article } from '../../src/shared/contract';
import { GenerationCancelled, generateCards } from '../../src/core/generate';
import type { BenchSuite } from '../harness';
import { median } from '../measure';
import { baseText } from '../synthetic';

/** The bundled article's sections repeated until the text has at least `minWords` words. */
function longText(minWords: number): { article: Article; kinds: never; words: number } {
  const { parsed } = baseText();
  const perCopy = parsed.article.sections.reduce((n, s) => n + s.paragraphs.join(' ').split(/\s+/).length, 0);
  const copies = Math.ceil(minWords / perCopy);
  const sections = Array.from({ length: copies }, (_, c) => parsed.article.sections.map((s) => ({ ...s, heading: `${s.heading ?? 'Introduction'} (${c + 1})` }))).flat();
  const kinds = Array.from({ length: copies }, () => parsed.kinds).flat() as never;
  return { article: { ...parsed.article, sections }, kinds, words: copies * perCopy };
}

export const suite: BenchSuite = {
  name: 'progress',
  description: 'how evenly generation reports progress on a long text, and how soon it stops when cancelled',
  async run(ctx) {
    const { article, kinds, words } = longText(ctx.quick ? 5_000 : 100_000);
    const label = `${words.toLocaleString('en-US')} words`;

    const reports: number[] = [];
    const start = performance.now();
    generateCards(article, { kinds, onProgress: () => reports.push(performance.now()) });
    const whole = performance.now() - start;
    const pauses = reports.slice(1).map((t, i) => t - reports[i]!);
    const longest = Math.max(...pauses);
    ctx.record({
      name: `longest pause between two progress reports, ${label}`,
      size: null,
      baseline: 'the whole generation',
      baselineMs: whole,
      subjectMs: longest,
      ratio: longest / whole,
      runs: 1,
      budget: { maxRatio: 0.05, text: 'progress at least every twentieth of the work' },
    });
    // Before the first report the generator reads the whole text once (term statistics), without progress.
    ctx.record({
      name: `first progress report, ${label}`,
      size: null,
      baseline: 'the whole generation',
      baselineMs: whole,
      subjectMs: reports[0]! - start,
      ratio: (reports[0]! - start) / whole,
      runs: 1,
    });

    // Cancel once a tenth of the paragraphs are done: from the first "cancel" answer to the stop.
    const usual = median(pauses);
    const stops: number[] = [];
    for (let i = 0; i < ctx.runs(5); i++) {
      let done = 0;
      let cancelledAt = 0;
      try {
        generateCards(article, {
          kinds,
          onProgress: (d, total) => (done = d / total),
          shouldCancel: () => done >= 0.1 && (cancelledAt ||= performance.now()) > 0,
        });
        throw new Error('generation was not cancelled');
      } catch (error) {
        if (!(error instanceof GenerationCancelled)) throw error;
        stops.push(performance.now() - cancelledAt);
      }
    }
    const stop = median(stops);
    ctx.record({
      name: `stop after cancel, ${label}`,
      size: null,
      baseline: 'the usual pause between progress reports',
      baselineMs: usual,
      subjectMs: stop,
      ratio: stop / Math.max(usual, 1e-6),
      runs: stops.length,
      budget: { maxRatio: 1, text: 'stops within one paragraph of work' },
    });
  },
};
