import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LibraryPage } from './page-models/library-page';
import { ReaderPage } from './page-models/reader-page';
import { ReviewPage } from './page-models/review-page';
import { ShellPage } from './page-models/shell-page';

/** The bundled article, with its cards, in every new collection. */
const BUNDLED = 'Examining the legal basis for collective self-defense and its limits in interstate and asymmetrical conflicts.';

async function openBundled(page: Page): Promise<ReaderPage> {
  await new ShellPage(page).navItem('Library').click();
  await new LibraryPage(page).article(BUNDLED).getByRole('button', { name: 'Start reading' }).click();
  const reader = new ReaderPage(page);
  await expect(reader.title).toHaveText(BUNDLED);
  return reader;
}

/**
 * Presets as options groups: a new preset made in Settings, given to the bundled article's deck from
 * the reader's Article menu, drives that article's daily limit of new cards.
 */
test('a new preset with one new card a day, chosen for the bundled article, limits its review to one new card', async ({ page, host }) => {
  const shell = new ShellPage(page);
  const review = new ReviewPage(page);
  await page.goto(host.url);

  // Settings: a new preset (a copy of Default), with one new card a day.
  await shell.navItem('Settings').click();
  const picker = page.getByRole('combobox', { name: 'Preset' });
  await expect(picker).toHaveValue('default');
  await expect(page.getByRole('list', { name: 'Decks using “Default”' })).toContainText(BUNDLED);
  await page.getByRole('button', { name: 'New preset…' }).click();
  const create = page.getByRole('dialog', { name: 'New preset' });
  await expect(create.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await create.getByRole('textbox', { name: 'Name' }).fill('One a day');
  await page.keyboard.press('Enter');
  await expect(create).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Created “One a day”' })).toBeVisible();
  await expect(picker.locator('option:checked')).toHaveText('One a day (0 decks)');

  // A taken name is refused in the dialog, which stays open.
  await page.getByRole('button', { name: 'Rename “One a day”…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename preset' });
  await rename.getByRole('textbox', { name: 'Name' }).fill('default');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename.getByRole('alert')).toContainText('already a preset called');
  await page.keyboard.press('Escape');
  await expect(rename).toBeHidden();

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.locator('.settings-group').last().screenshot({ path: `reports/screenshots/settings-presets-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('1');
  await page.getByRole('button', { name: 'Save preset' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // The reader: Article › Study options… from the keyboard, choose the new preset.
  const reader = await openBundled(page);
  await reader.articleMenu.focus();
  await page.keyboard.press('Enter');
  await expect(reader.menuItem('Review this article')).toBeFocused();
  await page.keyboard.press('End');
  await expect(reader.menuItem('Study options…')).toBeFocused();
  await page.keyboard.press('Enter');
  const options = page.getByRole('dialog', { name: 'Study options' });
  await expect(options.getByRole('radio', { name: /^Default/ })).toBeChecked();
  await expect(options.getByRole('radio', { name: /^Default/ })).toBeFocused();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `reports/screenshots/reader-study-options-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await options.getByRole('radio', { name: /^One a day/ }).check();
  await options.getByRole('button', { name: 'Use this preset' }).click();
  await expect(options).toBeHidden();
  await expect(page.getByText(`“${BUNDLED}” now uses the preset “One a day”.`)).toBeVisible();

  // Review this article: one new card today.
  await reader.articleMenu.click();
  await reader.menuItem('Review this article').click();
  await expect(page.locator('.reviewer-scope')).toHaveText(BUNDLED);
  await expect(review.showAnswer).toBeVisible();
  expect((await review.readCounts()).new).toBe(1);
  await page.keyboard.press('Escape');

  // Settings show the deck under the new preset; deleting it sends the deck back to Default.
  await shell.navItem('Settings').click();
  await picker.selectOption({ label: 'One a day (1 deck)' });
  await expect(page.getByRole('list', { name: 'Decks using “One a day”' })).toContainText(BUNDLED);
  await page.getByRole('button', { name: 'Delete “One a day”…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “One a day”?' });
  await expect(confirm).toContainText('1 deck uses it');
  await confirm.getByRole('button', { name: 'Delete preset' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “One a day”. 1 deck uses the default preset again.' })).toBeVisible();
  await expect(picker).toHaveValue('default');
  await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Decks using “Default”' })).toContainText(BUNDLED);
});
