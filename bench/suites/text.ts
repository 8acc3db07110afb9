/**
 * Reading text: parsing, card generation and import of real text, against the libraries they are
 * built on (wink-nlp's own parse, linkedom's DOM) and a peer (@mozilla/readability alone on the same page).
 */
import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Article } from '../../src/shared/contract';
import { parseArticleFile, parseArticleText } from '../../src/core/article';
import { openCollection } from '../../src/core/collection';
import { generateCards } from '../../src/core/generate';
import { importArticle } from '../../src/core/library/import';
import type { BenchSuite } from '../harness';
import { compare } from '../measure';
import { baseText, BUNDLED_ARTICLE } from '../synthetic';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A saved web page around an article: navigation, a share bar, an aside and a footer, as pages have. */
export function webPage(article: Article, copies: number): string {
  const body: string[] = [];
  for (let c = 0; c < copies; c++) {
    for (const section of article.sections) {
      if (section.heading) body.push(`<h2>${escape(section.heading)}${c ? ` (${c + 1})` : ''}</h2>`);
      for (const p of section.paragraphs) body.push(`<p>${escape(p)}</p>`);
    }
  }
  return `<!doctype html><html><head><title>${escape(article.title)}</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav></header>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>
<main><article><h1>${escape(article.title)}</h1><p class="byline">By A. Writer</p>${body.join('\n')}</article></main>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">And another</a></li></ul></aside>
<footer><p>© 2026 The Publisher. All rights reserved.</p></footer></body></html>`;
}

/** The article's sections repeated `copies` times: a longer text of the same kind. */
function longer(article: Article, kinds: string[][], copies: number): { article: Article; kinds: string[][] } {
  const sections = Array.from({ length: copies }, (_, c) =>
    article.sections.map((s) => ({ ...s, heading: c === 0 ? s.heading : `${s.heading ?? 'Introduction'} (${c + 1})` })),
  ).flat();
  return { article: { ...article, sections }, kinds: Array.from({ length: copies }, () => kinds).flat() };
}

/**
 * A book of at least `atLeast` words in which no sentence repeats: copy c of the article has the words of every
 * sentence rotated by c, so the generator skips none of them as a templated sentence — the most work a text
 * of that length can ask of it.
 */
function distinctBook(article: Article, kinds: string[][], atLeast: number): { article: Article; kinds: string[][] } {
  const sections: Article['sections'] = [];
  const allKinds: string[][] = [];
  for (let c = 0; words({ ...article, sections }) < atLeast; c++) {
    for (const [i, s] of article.sections.entries()) {
      const paragraphs = s.paragraphs.map((p) =>
        p
          .split(/(?<=[.!?])\s+/)
          .map((sentence) => {
            const w = sentence.replace(/[.!?]$/, '').split(/\s+/);
            const k = c % w.length;
            return `${[...w.slice(k), ...w.slice(0, k)].join(' ')}.`;
          })
          .join(' '),
      );
      sections.push({ ...s, heading: `${s.heading ?? 'Introduction'} (${c + 1})`, paragraphs });
      allKinds.push(kinds[i] ?? []);
    }
  }
  return { article: { ...article, sections }, kinds: allKinds };
}

const words = (article: Article) => article.sections.reduce((n, s) => n + s.paragraphs.join(' ').split(/\s+/).length, 0);

export const suite: BenchSuite = {
  name: 'text',
  description: 'parse, generate and import real text, against the libraries underneath and a peer',
  async run(ctx) {
    const bundled = readFileSync(BUNDLED_ARTICLE);
    const text = bundled.toString('utf8');
    const nlp = winkNLP(model);
    const readDoc = (t: string) => () => nlp.readDoc(t).sentences().length();

    ctx.compared('parse the bundled article (text)', null, 'wink-nlp readDoc of the same text', await compare(readDoc(text), () => parseArticleFile(bundled, 'a.txt'), ctx.runs(9)));

    // Card generation grows with the text: the same article, longer. (src/core/generate is the gen engineer's.)
    const { parsed } = baseText();
    for (const copies of ctx.quick ? [1] : [1, 4, 16]) {
      const long = longer(parsed.article, parsed.kinds, copies);
      const joined = long.article.sections.map((s) => s.paragraphs.join('\n')).join('\n');
      ctx.compared(
        `generate cards, ${words(long.article).toLocaleString('en-US')} words`,
        null,
        'wink-nlp readDoc of the same text',
        await compare(readDoc(joined), () => generateCards(long.article, { kinds: long.kinds as never }), ctx.runs(copies > 4 ? 3 : 5)),
      );
    }

    // A 100,000-word book must stay well under a minute: the figure is its ratio to wink-nlp reading the same
    // text (the language analysis it cannot do without).
    if (!ctx.quick) {
      const book = distinctBook(parsed.article, parsed.kinds, 100_000);
      const joined = book.article.sections.map((s) => s.paragraphs.join('\n')).join('\n');
      ctx.compared(
        `generate cards, ${words(book.article).toLocaleString('en-US')} words, no sentence repeated`,
        null,
        'wink-nlp readDoc of the same text',
        await compare(readDoc(joined), () => generateCards(book.article, { kinds: book.kinds as never }), ctx.runs(1)),
      );
    }

    ctx.compared(
      'import the bundled article (parse, generate, store)',
      null,
      'one INSERT of the raw text in a :memory: database',
      await compare(
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
        ctx.runs(5),
      ),
    );

    // Saved web pages: Lectern's HTML import against Readability alone on the same page (the peer), and
    // against building the DOM it runs on.
    for (const copies of ctx.quick ? [1] : [1, 8]) {
      const page = webPage(parsed.article, copies);
      const label = `${Math.round(page.length / 1024)} KB page`;
      const readabilityAlone = () => new Readability(parseHTML(page).document as never).parse();
      ctx.compared(`parse a saved web page, ${label}`, null, '@mozilla/readability alone (linkedom DOM + parse)', await compare(readabilityAlone, () => parseArticleText(page, 'html'), ctx.runs(7)));
      ctx.compared(`parse a saved web page, ${label}`, null, 'linkedom parseHTML of the same page', await compare(() => parseHTML(page).document.body.childNodes.length, () => parseArticleText(page, 'html'), ctx.runs(7)));
    }
  },
};
