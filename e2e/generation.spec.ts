import { expect, test } from './fixtures';
import { LibraryPage } from './page-models/library-page';
import { ReaderPage } from './page-models/reader-page';

/** A long plain-text book, far over the size that is written during the import. */
function book(words: number): string {
  const topics = ['glaciers', 'rivers', 'volcanoes', 'deserts', 'forests', 'coral reefs', 'tides', 'monsoons'];
  const lines = ['The Long Book of Landscapes', ''];
  let count = 0;
  for (let c = 1; count < words; c++) {
    const topic = topics[c % topics.length]!;
    lines.push(`${c}. Chapter on ${topic} number ${c}`, '');
    for (let p = 0; p < 6; p++) {
      const paragraph = `The study of ${topic} in region ${c}-${p} shows how sediment transport, seasonal melting and erosion shape the surrounding valleys over centuries. Researchers measured discharge rates of ${100 + c + p} cubic metres per second and compared them with the records of the basin.`;
      lines.push(paragraph, '');
      count += paragraph.split(' ').length;
    }
  }
  return lines.join('\n');
}

test('the bundled article arrives with its cards, counted per section in the reader', async ({ page, host }) => {
  await page.goto(host.url);
  const library = new LibraryPage(page);
  const row = library.article('Examining the legal basis for collective self-defense and its limits in interstate and asymmetrical conflicts.');
  await expect(row).toContainText(/[1-9]\d* cards/);
  await row.getByRole('button', { name: 'Start reading' }).click();
  const reader = new ReaderPage(page);
  const intro = reader.section('Introduction');
  await expect(intro.locator('.section-stats')).toHaveText(/^[1-9]\d* cards · \d+ due$/);
});

test('writing the cards of a long book shows progress and can be cancelled, adding no card', async ({ page, host }) => {
  await page.goto(host.url);
  const library = new LibraryPage(page);
  await library.importFile('landscapes.txt', 'text/plain', book(120_000));
  const progress = page.getByRole('group', { name: 'Writing cards' });
  await expect(progress).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(library.toast()).toContainText('no cards were added');
  const row = library.article('The Long Book of Landscapes');
  await expect(row).toContainText('0 cards');
  // Nothing arrives later either: the work really stopped.
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(library.article('The Long Book of Landscapes')).toContainText('0 cards');
});
