import { expect, test } from './fixtures';
import { LibraryPage } from './page-models/library-page';
import { ShellPage } from './page-models/shell-page';

const BUNDLED_TITLE = 'Examining the legal basis for collective self-defense and its limits in interstate and asymmetrical conflicts.';

test('a new user finds the bundled article in the library', async ({ page, host }) => {
  await page.goto(host.url);
  const library = new LibraryPage(page);
  await expect(library.article(BUNDLED_TITLE)).toBeVisible();
  await expect(library.articles).toHaveCount(1);
  await expect(library.dueSummary).toHaveText(/0 cards due today/);
  // The token leaves the address bar but survives a reload.
  await expect(page).not.toHaveURL(/token=/);
  await page.reload();
  await expect(library.article(BUNDLED_TITLE)).toBeVisible();
});

test('every screen is reachable from the keyboard, and the shortcuts sheet opens with ?', async ({ page, host }) => {
  await page.goto(host.url);
  const shell = new ShellPage(page);
  await expect(shell.heading).toHaveText('Library');
  for (const [key, label] of [
    ['r', 'Read'],
    ['v', 'Review'],
    ['c', 'Cards'],
    ['s', 'Stats'],
    [',', 'Settings'],
    ['l', 'Library'],
  ] as const) {
    await page.keyboard.press('g');
    await page.keyboard.press(key);
    await expect(shell.heading).toHaveText(label);
    await expect(shell.navItem(label)).toHaveAttribute('aria-current', 'page');
  }
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('the API refuses a request without the token', async ({ host, request }) => {
  const response = await request.post(`${host.origin}/api/library.list`, { data: {} });
  expect(response.status()).toBe(401);
});
