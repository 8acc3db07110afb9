import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startHost, test } from './fixtures';
import { CardPanel, CardsPage, selectText } from './page-models/cards-page';
import { LibraryPage } from './page-models/library-page';
import { ReaderPage } from './page-models/reader-page';
import { ShellPage } from './page-models/shell-page';

const article = `---
title: Field Notes on Glaciers
---

A glacier is a persistent body of dense ice that moves under its own weight. It forms where snow accumulates faster than it melts over many years.

## Formation

Snow that survives the summer turns to firn and, after decades of compaction under later layers, into glacial ice.

## Movement

Glaciers flow downhill by internal deformation of the ice and by sliding over their beds on a film of meltwater.
`;

async function openArticle(page: Page, url: string) {
  await page.goto(url);
  const library = new LibraryPage(page);
  await library.importFile('glaciers.md', 'text/markdown', article);
  await expect(library.toast()).toContainText('Imported “Field Notes on Glaciers”');
  await library.article('Field Notes on Glaciers').getByRole('button', { name: 'Start reading' }).click();
  await expect(new ReaderPage(page).title).toHaveText('Field Notes on Glaciers');
}

test('cards from the reader: make, edit, delete and undo, find in the browser, and show in the article', async ({ page, host }) => {
  await openArticle(page, host.url);
  const reader = new ReaderPage(page);
  const panel = new CardPanel(page);

  // The panel lists the current section's cards ("c" toggles it).
  await page.keyboard.press('c');
  await expect(panel.root).toBeVisible();
  await expect(panel.root).toContainText('Introduction');
  const before = await panel.loadedCount();

  // A cloze from a selection: the selection becomes the gap of its sentence.
  await selectText(page, 'dense ice');
  await page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: /Cloze/ }).click();
  const made = panel.card('A glacier is a persistent body of [dense ice] that moves under its own weight.');
  await expect(made).toHaveCount(1);
  await expect(panel.cards).toHaveCount(before + 1);

  // Edit in place, with a live preview of both sides.
  await made.getByRole('button', { name: 'Edit' }).click();
  const editor = panel.editor();
  const text = editor.getByRole('textbox', { name: /^Text/ });
  await text.fill('A glacier is a persistent body of {{c1::dense ice}} that moves under its own {{c1::weight}}.');
  await expect(editor.getByLabel('Front preview')).toContainText('A glacier is a persistent body of […] that moves under its own […].');
  await expect(editor.getByLabel('Back preview')).toContainText('dense ice');
  await editor.getByLabel(/^Tags/).fill('ice');
  await editor.getByRole('button', { name: 'Save' }).click();
  const edited = panel.card('[dense ice] that moves under its own [weight]');
  await expect(edited).toHaveCount(1);

  // A question about a selection, by key: the answer is the selection, the question is typed.
  await selectText(page, 'snow accumulates faster than it melts');
  await page.keyboard.press('q');
  const draft = panel.editor();
  await expect(draft.getByRole('textbox', { name: /^Back/ })).toHaveValue('snow accumulates faster than it melts');
  await draft.getByRole('textbox', { name: /^Front/ }).fill('Where does a glacier form?');
  await draft.getByRole('textbox', { name: /^Front/ }).press('Control+Enter');
  await expect(panel.card('Where does a glacier form?')).toHaveCount(1);

  // Suspend and unsuspend.
  await panel.card('Where does a glacier form?').getByRole('button', { name: 'Suspend' }).click();
  await expect(panel.card('Where does a glacier form?').locator('.badge', { hasText: 'Suspended' })).toBeVisible();
  await panel.card('Where does a glacier form?').getByRole('button', { name: 'Unsuspend' }).click();
  await expect(panel.card('Where does a glacier form?').locator('.badge', { hasText: 'Suspended' })).toHaveCount(0);

  // Delete, then undo from the message.
  await panel.card('Where does a glacier form?').getByRole('button', { name: 'Delete' }).click();
  await expect(panel.card('Where does a glacier form?')).toHaveCount(0);
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(panel.card('Where does a glacier form?')).toHaveCount(1);

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `reports/screenshots/cards-panel-${colorScheme}.png` });
    await page.setViewportSize({ width: 900, height: 700 });
    await page.screenshot({ path: `reports/screenshots/cards-panel-${colorScheme}-900x700.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The browser finds it by a word of its text and its tag (the generated question about glaciers says
  // "weight" too), and opens it.
  await new ShellPage(page).navItem('Cards').click();
  const cards = new CardsPage(page);
  await cards.search.fill('weight tag:ice');
  await expect(cards.row('[dense ice] that moves under its own [weight]')).toHaveCount(1);
  await expect(cards.count).toHaveText(/^1 card$/);
  await cards.row('[dense ice]').click();
  await expect(cards.pane.getByLabel('Front preview')).toContainText('[…]');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await cards.search.fill('');
    await expect(cards.rows.first()).toBeVisible();
    await page.screenshot({ path: `reports/screenshots/cards-browser-${colorScheme}.png` });
    await page.setViewportSize({ width: 900, height: 700 });
    await page.screenshot({ path: `reports/screenshots/cards-browser-${colorScheme}-900x700.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await cards.search.fill('weight tag:ice');
  await cards.row('[dense ice]').click();

  // "Show in article" lands on the passage, highlighted and in view.
  await cards.pane.getByRole('button', { name: 'Show in article' }).click();
  const highlight = reader.column.locator('.source-highlight');
  await expect(highlight).toHaveText('A glacier is a persistent body of dense ice that moves under its own weight.');
  await expect(highlight).toBeInViewport();
});

test('the browser filters and sorts, and bulk-tags the selected cards', async ({ page, host }) => {
  await openArticle(page, host.url);
  await page.keyboard.press('c');
  await expect(new CardPanel(page).root).toBeVisible();
  for (const words of ['firn', 'meltwater']) {
    await selectText(page, words);
    await page.keyboard.press('z');
    await expect(page.locator('.toast')).toContainText(`{{c1::${words}}}`);
  }
  await new ShellPage(page).navItem('Cards').click();
  const cards = new CardsPage(page);
  await page.getByLabel('Article').selectOption({ label: 'Field Notes on Glaciers' });
  await page.getByLabel('Source').selectOption('ok');
  await expect(cards.row('[firn]')).toHaveCount(1);
  await expect(cards.row('[meltwater]')).toHaveCount(1);
  await cards.row('[firn]').getByRole('checkbox').check();
  await cards.row('[meltwater]').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Tag…' }).click();
  await page.getByLabel('Tags to add (prefix - to remove)').fill('glaciology');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.toast')).toContainText('Tagged 2 cards');
  await page.getByRole('button', { name: 'Clear filters (2)' }).click();
  await cards.search.fill('tag:glaciology');
  await expect(cards.rows).toHaveCount(2);

  // Sorting by the card's text, one way and the other.
  await page.getByRole('button', { name: 'Card', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Card', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  await expect(cards.rows.locator('.col-text')).toHaveText([/^Glaciers flow/, /^Snow that survives/]);
  await page.getByRole('button', { name: 'Card', exact: true }).click();
  await expect(cards.rows.locator('.col-text')).toHaveText([/^Snow that survives/, /^Glaciers flow/]);
});

test('the browser flags the selected cards, shows the flag in their rows and filters by it', async ({ page, host }) => {
  await page.goto(host.url);
  await new ShellPage(page).navItem('Cards').click();
  const cards = new CardsPage(page);
  await expect(cards.rows.nth(2)).toBeVisible();
  const texts = [await cards.rows.nth(0).locator('.col-text').innerText(), await cards.rows.nth(1).locator('.col-text').innerText()];
  await cards.rows.nth(0).getByRole('checkbox').check();
  await cards.rows.nth(1).getByRole('checkbox').check();

  // "Flag…" opens a menu of the seven colours (and "No flag"), by mouse or by keyboard.
  const flagButton = page.getByRole('toolbar', { name: 'Selected cards' }).getByRole('button', { name: 'Flag', exact: true });
  await flagButton.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'No flag' })).toBeFocused();
  await expect(page.getByRole('menuitem')).toHaveCount(8);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `reports/screenshots/cards-flag-menu-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('g'); // a letter moves to the item that starts with it
  await expect(page.getByRole('menuitem', { name: 'Green' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.toast')).toContainText('Flagged 2 cards green');

  // The rows show it: the colour, and its name.
  for (const text of texts) {
    const row = cards.row(text);
    await expect(row.getByRole('img', { name: 'Green flag' })).toBeVisible();
    await expect(row.locator('.badge-flag')).toHaveText('Green');
  }
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `reports/screenshots/cards-flagged-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The flag filter finds exactly those two.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await page.getByRole('combobox', { name: /^Flag/ }).selectOption('3');
  await expect(cards.count).toHaveText('2 cards');

  // And "No flag" clears it.
  await cards.rows.nth(0).getByRole('checkbox').check();
  await cards.rows.nth(1).getByRole('checkbox').check();
  await flagButton.click();
  await page.getByRole('menuitem', { name: 'No flag' }).click();
  await expect(page.locator('.toast')).toContainText('Removed the flag from 2 cards');
  await expect(cards.count).toHaveText('0 cards');
});

test('the browser forgets the selected cards and sets their due date', async ({ page, host }) => {
  await page.goto(host.url);
  await new ShellPage(page).navItem('Cards').click();
  const cards = new CardsPage(page);
  await expect(cards.rows.first()).toBeVisible();
  const text = await cards.rows.nth(0).locator('.col-text').innerText();
  const row = cards.row(text);
  await row.getByRole('checkbox').check();

  await page.getByRole('button', { name: 'Set due date…' }).click();
  const due = page.getByRole('dialog', { name: 'Set due date' });
  await due.getByLabel('Due in (days from today)').fill('3');
  await expect(due).toContainText('Due in 3 days.');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `reports/screenshots/cards-set-due-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await due.getByRole('button', { name: 'Set due date' }).click();
  await expect(page.locator('.toast')).toContainText('The card is due in 3 days');

  await page.getByRole('button', { name: 'Forget…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Forget 1 card?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Forget' }).click();
  await expect(page.locator('.toast')).toContainText('Reset 1 card to new');
  await expect(row.locator('.col-due')).toHaveText('New');
});

test('a collection of 100,000 cards scrolls to its end with only a screenful of rows in the page', async ({ page }) => {
  test.setTimeout(120_000);
  const { host, stop } = await startHost(
    {},
    {
      seed: (dataDir) => {
        const seeded = spawnSync(process.execPath, [resolve('bin/run-ts.mjs'), resolve('bench/seed-cards.ts'), dataDir, '100000'], {
          stdio: ['ignore', 'inherit', 'inherit'],
        });
        if (seeded.status !== 0) throw new Error('seeding the collection failed');
      },
    },
  );
  try {
    await page.goto(host.url);
    await new ShellPage(page).navItem('Cards').click();
    const cards = new CardsPage(page);
    await expect(cards.count).toHaveText('100,000 cards');
    await expect(cards.table).toHaveAttribute('aria-rowcount', '100001');
    await expect(cards.rows.first()).toContainText('Card 100000');

    // To the end, by key.
    await cards.rows.first().click();
    await page.keyboard.press('End');
    await expect(cards.row(/^Card 1: /)).toHaveCount(1);
    await expect(cards.row(/^Card 1: /)).toBeInViewport();
    const inDom = await cards.rows.count();
    const screenful = Math.ceil((await cards.scroller.evaluate((el) => el.clientHeight)) / 36);
    expect(inDom).toBeGreaterThan(screenful / 2);
    expect(inDom).toBeLessThanOrEqual(screenful + 20);
    await page.screenshot({ path: 'reports/screenshots/cards-browser-100k.png' });

    // A search over all of them narrows the table (every tenth card is tagged).
    await cards.search.fill('tag:tenth');
    await expect(cards.count).toHaveText('10,000 cards');
  } finally {
    await stop();
  }
});
