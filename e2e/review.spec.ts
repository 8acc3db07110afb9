import { expect, test } from './fixtures';
import { ReviewPage } from './page-models/review-page';
import { ShellPage } from './page-models/shell-page';
import { StatsPage } from './page-models/stats-page';

/**
 * A whole review session from the keyboard against the real web host, whose new collection holds the
 * bundled article and the cards generated from it.
 */
test.describe('review', () => {
  // The Review, Stats and Settings screens are built (src/renderer/src/features/{review,stats,settings}) but
  // App.tsx still shows placeholders for them: enable once the lead mounts them.

  test('reviews a whole session from the keyboard, undoes an answer and sees the counts change', async ({ page, host }) => {
    const shell = new ShellPage(page);
    const review = new ReviewPage(page);
    await page.goto(host.url);
    await expect(shell.heading).toHaveText('Library');
    await shell.navItem('Review').click();
    await expect(review.start).toBeVisible();
    await page.keyboard.press('Enter'); // the start button has the focus

    await expect(review.showAnswer).toBeVisible();
    const before = await review.readCounts();
    expect(before.new).toBeGreaterThan(0);

    // Again on the first (new) card: one new card fewer, one learning card more.
    await page.keyboard.press('Space');
    await expect(review.answer('Again')).toContainText(/Again · \d+m/);
    await page.keyboard.press('1');
    await review.expectCounts({ ...before, new: before.new - 1, learning: before.learning + 1 });

    // Ctrl+Z: the answer is undone and the counts are back.
    await page.keyboard.press('Control+z');
    await review.expectCounts(before);
    await expect(page.getByRole('status').filter({ hasText: 'Undone: the last answer.' })).toBeVisible();

    // Then answer everything: Good once, Easy for the rest, until the session ends.
    let answers = 0;
    for (let i = 0; i < 80; i++) {
      await expect(review.showAnswer.or(review.done)).toBeVisible();
      if (await review.done.isVisible()) break;
      await page.keyboard.press('Space');
      await expect(review.answers).toBeVisible();
      await page.keyboard.press(answers === 0 ? '3' : '4');
      answers += 1;
    }
    await expect(review.done).toBeVisible();
    // Fewer answers than new cards is right: answering a card buries its siblings (same passage) until tomorrow.
    expect(answers).toBeGreaterThan(1);

    // The session's numbers come from the log: every answer, none of the undone one. Only the card
    // answered Good (a learning step) comes back a second time.
    const cardsDone = Number(/^\d+/.exec((await review.summaryValue('Cards done').textContent()) ?? '')?.[0]);
    expect(cardsDone).toBeLessThanOrEqual(answers);
    expect(cardsDone).toBeGreaterThanOrEqual(answers - 1);
    await expect(review.summaryValue('Retention')).toContainText('100%');
    await expect(review.summaryValue('Next cards due')).not.toBeEmpty();

    // Nothing left today: the overview says when the next card is due.
    await page.getByRole('button', { name: 'Review something else' }).click();
    await expect(review.empty).toContainText(/Nothing is due(?: right now)?\. The next card is due/);

    // Stats count the same answers.
    await shell.navItem('Stats').click();
    const reviewsRow = page.locator('.stats-table tr').filter({ has: page.getByRole('rowheader', { name: 'Reviews', exact: true }) });
    await expect(reviewsRow.locator('td').first()).toHaveText(String(answers));
  });

  test('edits the card from the reviewer and shows the edited card on the same side', async ({ page, host }) => {
    const shell = new ShellPage(page);
    const review = new ReviewPage(page);
    await page.goto(host.url);
    await shell.navItem('Review').click();
    await review.start.click();
    await expect(review.showAnswer).toBeVisible();

    // On the answer side, "e" opens the card editor over the card.
    await page.keyboard.press('Space');
    await expect(review.answers).toBeVisible();
    const before = await review.cardText();
    await page.keyboard.press('e');
    await expect(review.editDialog).toBeVisible();
    const text = review.editDialog.getByRole('textbox', { name: /^Text/ });
    const isCloze = (await text.count()) > 0;
    const field = isCloze ? text : review.editDialog.getByRole('textbox', { name: /^Front/ });
    await expect(field).toBeFocused();
    await field.fill(isCloze ? 'Edited in review: the {{c1::reviewer}} can change a card.' : 'Edited in review: can the reviewer change a card?');
    await expect(review.editDialog.getByLabel('Front preview')).toContainText('Edited in review');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `reports/screenshots/review-edit-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Ctrl+Enter saves: the same card, edited, still on its answer side.
    await page.keyboard.press('Control+Enter');
    await expect(review.editDialog).toBeHidden();
    await expect(review.card).toContainText(isCloze ? 'Edited in review: the reviewer can change a card.' : 'Edited in review: can the reviewer change a card?');
    expect(await review.cardText()).not.toBe(before);
    await expect(review.answers).toBeVisible();
    await expect(review.notice).toHaveText('Card saved.');
    await expect(review.card).toBeFocused();

    // Esc in the editor cancels it, and only it: the session goes on.
    await page.keyboard.press('e');
    await expect(review.editDialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(review.editDialog).toBeHidden();
    await expect(review.answers).toBeVisible();

    // The edit is in the collection: the card browser finds it.
    await shell.navItem('Cards').click();
    await page.getByRole('searchbox', { name: 'Search cards' }).fill('Edited in review');
    await expect(page.locator('.cards-count')).toHaveText('1 card');
  });

  test('forgets a card from the reviewer: it is new again and the reset is logged', async ({ page, host }) => {
    const shell = new ShellPage(page);
    const review = new ReviewPage(page);
    const stats = new StatsPage(page);
    await page.goto(host.url);

    // Easy on the first card makes it a review card.
    await shell.navItem('Review').click();
    await review.start.click();
    await expect(review.showAnswer).toBeVisible();
    const front = await review.cardText();
    await page.keyboard.press('Space');
    await page.keyboard.press('4');
    await expect(review.showAnswer).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(review.done).toBeVisible();
    await shell.navItem('Stats').click();
    await expect(stats.value('Review')).toHaveText('1');
    const newBefore = Number(await stats.value('New').textContent());

    // Practising the article ahead of schedule brings it back.
    await shell.navItem('Review').click();
    await page.getByLabel('Article').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Practise this article ahead of schedule' }).click();
    let found = false;
    for (let i = 0; i < 150 && !found; i++) {
      await expect(review.showAnswer).toBeVisible();
      if ((await review.cardText()) === front) found = true;
      else {
        await page.keyboard.press('Space');
        await expect(review.answers).toBeVisible();
        await page.keyboard.press('3');
      }
    }
    expect(found).toBe(true);

    // The More menu lists Forget and Set due date with their keys; Forget asks first.
    await review.more.click();
    await expect(review.menuItem('Forget…')).toBeFocused();
    await expect(review.menuItem('Set due date…')).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `reports/screenshots/review-more-${colorScheme}.png` });
      await page.setViewportSize({ width: 900, height: 700 });
      await page.screenshot({ path: `reports/screenshots/review-more-${colorScheme}-900x700.png` });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await expect(review.more).toBeFocused();
    await expect(review.showAnswer).toBeVisible(); // Esc closed the menu, not the session

    await review.card.focus();
    await page.keyboard.press('Control+Alt+KeyN');
    const confirm = page.getByRole('dialog', { name: 'Forget this card?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Forget' }).click();
    await expect(review.notice).toContainText('Card reset to new');
    await expect(confirm).toBeHidden();

    // Ctrl+Z names what it undoes; forget it again from the menu.
    await page.keyboard.press('Control+z');
    await expect(review.notice).toHaveText('Undone: forget.');
    await review.more.click();
    await review.menuItem('Forget…').click();
    await confirm.getByRole('button', { name: 'Forget' }).click();
    await expect(review.notice).toContainText('Card reset to new');

    // Stats: no review card left, one more new card.
    await page.keyboard.press('Escape');
    await shell.navItem('Stats').click();
    await expect(stats.value('Review')).toHaveText('0');
    await expect(stats.value('New')).toHaveText(String(newBefore + 1));
  });

  test('settings refuse a desired retention of 0.5 and save a valid one', async ({ page, host }) => {
    const shell = new ShellPage(page);
    await page.goto(host.url);
    await shell.navItem('Settings').click();
    const retention = page.getByRole('spinbutton', { name: 'Desired retention' });
    await retention.fill('0.5');
    await page.getByRole('button', { name: 'Save preset' }).click();
    await expect(page.getByRole('alert')).toContainText('Desired retention must be from 0.7 to 0.99');
    await expect(retention).toBeFocused();
    await retention.fill('0.85');
    await page.getByRole('button', { name: 'Save preset' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('spinbutton', { name: 'Desired retention' })).toHaveValue('0.85');
  });
});
