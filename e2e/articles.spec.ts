import { expect, test } from './fixtures';
import { LibraryPage } from './page-models/library-page';
import { ReaderPage } from './page-models/reader-page';

const markdown = `---
title: Field Notes on Beekeeping
author: A. Keeper
---

A colony is a superorganism: thousands of workers, a few drones and one queen act together as one animal.

## The hive

Workers build comb from wax they secrete, and store honey in the upper cells of the frames.

{{#include ../snippets/hive.md}}

- Brood frames hold eggs and larvae.
- Honey supers sit above the brood box.

\`\`\`
hive --inspect --frames 10
\`\`\`

## Swarming

In spring a strong colony may swarm: the old queen leaves with half of the workers to found a new nest.
`;

const html = `<!doctype html><html><head><title>Glaciers | Example Encyclopedia</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main><article>
<h1>Glaciers</h1>
<p>A glacier is a persistent body of dense ice that moves under its own weight, formed where snow accumulates faster than it melts over many years.</p>
<h2>Formation<span class="mw-editsection">[<a href="#">edit</a>]</span></h2>
<p>Snow that survives the summer turns to firn and, after decades of compaction under later layers, into glacial ice.</p>
<p>Glaciers form only on land, and they cover about a tenth of the land surface of the Earth today.</p>
<h2>Movement</h2>
<p>Glaciers flow downhill by internal deformation of the ice and by sliding over their beds on a film of meltwater.</p>
<h2>References</h2>
<ol><li>Benn, D. and Evans, D. Glaciers and Glaciation. 2010.</li></ol>
</article></main>
<footer>Copyright Example Encyclopedia. All rights reserved.</footer>
</body></html>`;

test('imports a Markdown file from the UI and reads it', async ({ page, host }) => {
  await page.goto(host.url);
  const library = new LibraryPage(page);
  await library.importFile('beekeeping.md', 'text/markdown', markdown);
  await expect(library.toast()).toContainText('Imported “Field Notes on Beekeeping”');
  await expect(library.articles).toHaveCount(2);

  await library.article('Field Notes on Beekeeping').getByRole('button', { name: 'Start reading' }).click();
  const reader = new ReaderPage(page);
  await expect(reader.title).toHaveText('Field Notes on Beekeeping');
  await expect(reader.tocEntries()).toHaveText([/Introduction/, /The hive/, /Swarming/]);
  await expect(reader.column).toContainText('Brood frames hold eggs and larvae.');
  await expect(reader.column).not.toContainText('#include');
  await expect(reader.column.locator('pre')).toContainText('hive --inspect');

  // Keys move between sections and the contents mark where the reader is.
  await page.keyboard.press('n');
  await expect(reader.currentEntry()).toContainText('The hive');
  await page.keyboard.press('n');
  await expect(reader.currentEntry()).toContainText('Swarming');
});

test('imports an HTML page from the UI, drops its page furniture, and keeps references out of study', async ({ page, host }) => {
  await page.goto(host.url);
  const library = new LibraryPage(page);
  await library.importFile('glaciers.html', 'text/html', html);
  await expect(library.toast()).toContainText('Imported “Glaciers”');
  await library.article('Glaciers').getByRole('button', { name: 'Start reading' }).click();

  const reader = new ReaderPage(page);
  await expect(reader.tocEntries()).toHaveText([/Introduction/, /Formation/, /Movement/, /References/]);
  await expect(reader.column).not.toContainText('[edit]');
  await expect(reader.column).not.toContainText('cookies');
  await expect(reader.column).not.toContainText('About');
  await expect(reader.section('References')).toContainText('Not for study');
});

test('importing the same file twice changes nothing, and a bad file is refused with a reason', async ({ page, host }) => {
  await page.goto(host.url);
  const library = new LibraryPage(page);
  await library.importFile('beekeeping.md', 'text/markdown', markdown);
  await expect(library.toast()).toContainText('Imported');
  await library.importFile('beekeeping-copy.md', 'text/markdown', markdown);
  await expect(library.toast()).toContainText('already in your library');
  await expect(library.articles).toHaveCount(2);

  await page.locator('input[type=file]').setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0, 1, 2, 0, 255, 0, 3]) });
  await expect(page.getByRole('alert')).toContainText('binary');
  await expect(library.articles).toHaveCount(2);
});

test('a bad import can be fixed: rename, split, merge and mark a passage not for study', async ({ page, host }) => {
  await page.goto(host.url);
  const library = new LibraryPage(page);
  await library.importFile('beekeeping.md', 'text/markdown', markdown);
  await library.article('Field Notes on Beekeeping').getByRole('button', { name: 'Start reading' }).click();
  const reader = new ReaderPage(page);
  await expect(reader.title).toBeVisible();
  await page.keyboard.press('e');

  const hive = reader.section('The hive');
  await hive.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New heading').fill('Inside the hive');
  await page.getByLabel('New heading').press('Enter');
  await expect(reader.tocEntries()).toHaveText([/Introduction/, /Inside the hive/, /Swarming/]);

  await reader.section('Inside the hive').getByRole('button', { name: 'Merge with next' }).click();
  await expect(reader.tocEntries()).toHaveText([/Introduction/, /Inside the hive/]);

  // Split the merged section again before its last paragraph (the swarming one).
  const merged = reader.section('Inside the hive');
  const last = merged.locator('[data-paragraph]').last();
  await last.getByRole('button', { name: 'Split here' }).click();
  await page.getByLabel('Heading of the new section').fill('Swarms');
  await page.getByLabel('Heading of the new section').press('Enter');
  await expect(reader.tocEntries()).toHaveText([/Introduction/, /Inside the hive/, /Swarms/]);
  await expect(reader.section('Swarms')).toContainText('the old queen leaves');

  const passage = reader.section('Inside the hive').locator('[data-paragraph="0"]');
  await passage.getByRole('button', { name: 'Not for study' }).click();
  await expect(reader.section('Inside the hive').locator('[data-paragraph="0"]')).toHaveClass(/excluded/);

  // The fixes are stored: they survive a reload.
  await page.reload();
  await expect(reader.tocEntries()).toHaveText([/Introduction/, /Inside the hive/, /Swarms/]);
});

test('deleting an article asks first and can be undone', async ({ page, host }) => {
  await page.goto(host.url);
  const library = new LibraryPage(page);
  await library.importFile('beekeeping.md', 'text/markdown', markdown);
  await expect(library.articles).toHaveCount(2);
  await library.article('Field Notes on Beekeeping').getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(library.articles).toHaveCount(1);
  await library.toast().getByRole('button', { name: 'Undo' }).click();
  await expect(library.articles).toHaveCount(2);
});

test('Ctrl+O opens the file picker from any screen and imports into the library', async ({ page, host }) => {
  await page.goto(host.url);
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stats');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name: 'beekeeping.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
  const library = new LibraryPage(page);
  await expect(library.article('Field Notes on Beekeeping')).toBeVisible();
});
