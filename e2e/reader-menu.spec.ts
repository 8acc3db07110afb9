import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LibraryPage } from './page-models/library-page';
import { ReaderPage } from './page-models/reader-page';
import { ReviewPage } from './page-models/review-page';

/** The bundled article, with its cards, in every new collection. */
const BUNDLED = 'Examining the legal basis for collective self-defense and its limits in interstate and asymmetrical conflicts.';

async function openBundled(page: Page, url: string): Promise<ReaderPage> {
  await page.goto(url);
  await new LibraryPage(page).article(BUNDLED).getByRole('button', { name: 'Start reading' }).click();
  const reader = new ReaderPage(page);
  await expect(reader.title).toHaveText(BUNDLED);
  return reader;
}

test('the article menu exports this article to a downloaded file', async ({ page, host }) => {
  const reader = await openBundled(page, host.url);

  // The menu opens from the keyboard on its first item; Esc closes it and gives the focus back.
  await reader.articleMenu.focus();
  await page.keyboard.press('Enter');
  await expect(reader.menuItem('Review this article')).toBeFocused();
  await expect(reader.menuItem(/./)).toHaveText(['Review this article', 'Write cards again', 'Export this article…', 'Study options…']);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `reports/screenshots/reader-article-menu-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(reader.articleMenu).toBeFocused();

  await reader.articleMenu.click();
  await reader.menuItem('Export this article…').click();
  const dialog = page.getByRole('dialog', { name: 'Export cards' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: `This article: “${BUNDLED}”` })).toBeChecked();
  await dialog.getByLabel('Format').selectOption('json');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  const json = JSON.parse(readFileSync(await file.path(), 'utf8')) as { cards?: unknown[] };
  expect(Array.isArray(json.cards)).toBe(true);
  expect(json.cards!.length).toBeGreaterThan(0);
  await expect(dialog.getByRole('status')).toContainText(`Saved ${json.cards!.length} cards`);
});

/** How long a generation job may take to end: a worker boots, loads the language model, then writes the cards. */
const JOB_ENDS = 60_000;

test('write cards again for a section shows progress and adds no card that exists already', async ({ page, host }) => {
  test.slow(); // two generation jobs, each in a worker of its own
  const reader = await openBundled(page, host.url);
  const intro = reader.section('Introduction');
  const statsBefore = await intro.locator('.section-stats').innerText();

  await page.keyboard.press('e');
  const tools = reader.sectionTools('Introduction');
  await expect(tools).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `reports/screenshots/reader-section-tools-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await tools.getByRole('button', { name: 'Write cards again' }).click();
  const toast = page.locator('.toast');
  // The progress shows while the job runs (a single section may finish before a poll sees it running).
  await expect(reader.writingProgress.or(toast)).toBeVisible();
  // The job starts a worker that loads the language model first: on a busy machine that alone takes seconds.
  await expect(toast).toContainText('0 new cards were added to “Introduction”', { timeout: JOB_ENDS });
  await expect(reader.writingProgress).toHaveCount(0);
  await expect(intro.locator('.section-stats')).toHaveText(statsBefore);

  // The whole article, from the article menu: the same, for every section.
  await reader.articleMenu.click();
  await reader.menuItem('Write cards again').click();
  await expect(reader.writingProgress).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `reports/screenshots/reader-writing-cards-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(toast).toContainText(`0 new cards were added to “${BUNDLED}”`, { timeout: JOB_ENDS });
});

test('the article menu reviews the article, and a section is studied ahead from its tools', async ({ page, host }) => {
  const reader = await openBundled(page, host.url);
  const review = new ReviewPage(page);

  await reader.articleMenu.click();
  await reader.menuItem('Review this article').click();
  await expect(page.locator('.reviewer-scope')).toHaveText(BUNDLED);
  await expect(review.showAnswer).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Read/ }).click();
  await expect(reader.title).toHaveText(BUNDLED);
  await page.keyboard.press('e');
  await reader.sectionTools('Introduction').getByRole('button', { name: 'Study this section ahead' }).click();
  await expect(page.locator('.reviewer-scope')).toContainText(`Practice ahead · ${BUNDLED}`);
  await expect(page.getByText('Practice: answers are logged, but no card’s schedule changes.')).toBeVisible();
});
