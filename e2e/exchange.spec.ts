import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, startHost, test } from './fixtures';

/**
 * Decks out and in from the UI (issue 8). The library toolbar carries "Export…" and "Import deck…"
 * (ExportDialog and ImportDeckDialog from features/exchange); exports arrive as browser downloads.
 */
class ExchangeDialogs {
  constructor(readonly page: Page) {}
  get exportDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Export cards' });
  }
  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import a deck' });
  }
  async exportWhole(format: string, options: { withSchedule?: boolean } = {}): Promise<Download> {
    await this.page.getByRole('button', { name: 'Export…' }).click();
    const dialog = this.exportDialog;
    await dialog.getByLabel('The whole collection').check();
    await dialog.getByLabel('Format').selectOption({ label: format });
    if (options.withSchedule) await dialog.getByLabel(/Include the schedule/).check();
    const download = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    await expect(dialog.getByRole('status')).toContainText('Saved');
    await dialog.getByRole('button', { name: 'Close' }).click();
    return file;
  }
  async chooseDeckFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByRole('button', { name: 'Import deck…' }).click();
    await this.importDialog.getByLabel('Choose a deck file to import').setInputFiles(file);
  }
  count(name: 'added' | 'updated' | 'skipped' | 'reviewLogs'): Locator {
    return this.importDialog.locator(`dd[data-count="${name}"]`);
  }
}

const words = ['#separator:comma', '#html:false', '#deck:E2E words', 'hund,dog', 'katze,cat', '"{{c1::Bonn}} was the capital of {{c2::West Germany}}",', ''].join('\n');

test('imports a deck, exports the collection from the UI, and imports the download into another collection', async ({ page, host }) => {
  await page.goto(host.url);
  const ui = new ExchangeDialogs(page);

  // 1. An Anki CSV in: preview first, then import with progress.
  await ui.chooseDeckFile({ name: 'words.csv', mimeType: 'text/csv', buffer: Buffer.from(words) });
  await expect(ui.count('added')).toHaveText('4 cards');
  await expect(ui.importDialog).toContainText('E2E words');
  await ui.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(ui.importDialog.getByRole('status')).toContainText('Imported: 4 cards added, 0 updated, 0 unchanged.');
  await ui.importDialog.getByRole('button', { name: 'Close' }).click();

  // The same file again: nothing to import.
  await ui.chooseDeckFile({ name: 'words.csv', mimeType: 'text/csv', buffer: Buffer.from(words) });
  await expect(ui.importDialog).toContainText('nothing to import');
  await expect(ui.importDialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await ui.importDialog.getByRole('button', { name: 'Cancel' }).click();

  // 2. Export: Lectern JSON and an Anki package with the schedule, as downloads.
  const json = await ui.exportWhole('Lectern JSON (.json)');
  expect(json.suggestedFilename()).toMatch(/^Lectern collection \d{4}-\d\d-\d\d\.json$/);
  const text = readFileSync(await json.path(), 'utf8');
  const doc = JSON.parse(text) as { format: string; cards: { front?: string }[] };
  expect(doc.format).toBe('lectern');
  expect(doc.cards.map((c) => c.front)).toEqual(expect.arrayContaining(['hund', 'katze']));

  const apkg = await ui.exportWhole('Anki package (.apkg)', { withSchedule: true });
  expect(apkg.suggestedFilename()).toMatch(/\.apkg$/);
  expect(readFileSync(await apkg.path()).subarray(0, 2).toString()).toBe('PK');

  // 3. The downloaded JSON into a fresh collection (another web host): the cards arrive.
  const other = await startHost();
  try {
    await page.goto(other.host.url);
    await ui.chooseDeckFile({ name: json.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(ui.count('added')).toContainText(/^\d+ cards?$/);
    const added = Number((await ui.count('added').textContent())!.split(' ')[0]);
    expect(added).toBeGreaterThanOrEqual(4);
    await ui.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(ui.importDialog.getByRole('status')).toContainText(`Imported: ${added} ${added === 1 ? 'card' : 'cards'} added`);
    await expect(ui.importDialog.getByRole('status')).toContainText('backups');
    await ui.importDialog.getByRole('button', { name: 'Close' }).click();

    // Importing the same download again changes nothing.
    await ui.chooseDeckFile({ name: json.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(ui.importDialog).toContainText('nothing to import');
  } finally {
    await other.stop();
  }
});

test('a bad deck file gets a clear error next to the action, and the dialog stays usable', async ({ page, host }) => {
  await page.goto(host.url);
  const ui = new ExchangeDialogs(page);
  await ui.chooseDeckFile({ name: 'broken.apkg', mimeType: 'application/octet-stream', buffer: Buffer.from('this is not a zip') });
  await expect(ui.importDialog.getByRole('alert')).toContainText('not a zip');
  await ui.importDialog.getByLabel('Choose a deck file to import').setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"lectern","version":7,"exportedAt":0}') });
  await expect(ui.importDialog.getByRole('alert')).toContainText('newer Lectern');
});
