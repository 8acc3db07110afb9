import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article, CardDraft } from '../../shared/contract';
import { runCli, tempDirs } from '../test-support';

const tempDir = tempDirs('lectern-cli-articles-');
const fixtures = resolve(__dirname, '../../core/article/fixtures');
const bundled = resolve(__dirname, '../../../resources/articles/collective-self-defense.txt');

describe('lectern parse, generate and import', () => {
  it('parse --json prints the Article and stores nothing', async () => {
    const dir = tempDir();
    const { code, stdout } = await runCli(['parse', bundled, '--json', '--data-dir', dir]);
    expect(code).toBe(0);
    const article = JSON.parse(stdout) as Article;
    expect(article.title).toBe('Examining the legal basis for collective self-defense and its limits in interstate and asymmetrical conflicts.');
    expect(article.sections.map((s) => s.heading)).toEqual([
      null,
      'The interaction between sovereignty and collective security in practice',
      'Shifts in norms as warfare evolves with technology and non-state actors',
      'Practical constraints and humanitarian concerns in enforcement',
      'Toward a coherent, norm-based approach to future defense',
    ]);
    const info = JSON.parse((await runCli(['info', '--json', '--data-dir', dir])).stdout) as { articles: number };
    expect(info.articles).toBe(0);
  });

  it('generate --json prints byte-identical output twice, with every quote from its paragraph', async () => {
    const first = await runCli(['generate', bundled, '--json']);
    const second = await runCli(['generate', bundled, '--json']);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const { article, cards } = JSON.parse(first.stdout) as { article: Article; cards: CardDraft[] };
    expect(cards.length).toBeGreaterThan(20);
    for (const card of cards) {
      const paragraph = article.sections[card.sectionIndex]!.paragraphs[card.source.paragraphIndex]!;
      expect(paragraph.slice(card.source.start, card.source.end)).toBe(card.source.quote);
    }
  });

  it.each([
    ['plain text', 'news-article.txt'],
    ['Markdown', 'guide.md'],
    ['HTML', 'encyclopedia.html'],
  ])('imports %s with its cards, and a second import changes nothing', async (_format, file) => {
    const dir = tempDir();
    const path = resolve(fixtures, file);
    const first = await runCli(['import', path, '--json', '--data-dir', dir]);
    expect(first.code).toBe(0);
    const created = JSON.parse(first.stdout) as { articleId: string; created: boolean; cards: number; article: Article };
    expect(created.created).toBe(true);
    expect(created.cards).toBeGreaterThan(0);
    expect(created.article.sections.length).toBeGreaterThan(1);

    const again = await runCli(['import', path, '--json', '--data-dir', dir]);
    expect(JSON.parse(again.stdout)).toMatchObject({ articleId: created.articleId, created: false, cards: created.cards });
    expect(again.stderr).toMatch(/nothing changed/);
    const info = JSON.parse((await runCli(['info', '--json', '--data-dir', dir])).stdout) as { articles: number; cards: number };
    expect(info).toMatchObject({ articles: 1, cards: created.cards });
  });

  it('refuses a missing file and a binary file with exit code 1', async () => {
    const missing = await runCli(['import', resolve(fixtures, 'no-such-file.txt'), '--json', '--data-dir', tempDir()]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'bad_input' } });
    const png = resolve(tempDir(), 'photo.txt');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    const binary = await runCli(['parse', png]);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toMatch(/PNG|binary/i);
  });
});
