import { expect, type Locator, type Page } from '@playwright/test';

export interface Counts {
  new: number;
  learning: number;
  review: number;
}

/** The Review screen: its overview, the card, the answer buttons, the counts and the end of a session. */
export class ReviewPage {
  readonly start: Locator;
  readonly showAnswer: Locator;
  readonly answers: Locator;
  readonly counts: Locator;
  readonly card: Locator;
  readonly done: Locator;
  readonly empty: Locator;
  /** The card editor over the reviewer ("e"). */
  readonly editDialog: Locator;
  /** The reviewer's "More" menu button (Forget…, Set due date…). */
  readonly more: Locator;
  readonly notice: Locator;
  constructor(readonly page: Page) {
    this.start = page.getByRole('button', { name: /^Review \d+ cards? now$/ });
    this.showAnswer = page.getByRole('button', { name: /^Show answer/ });
    this.answers = page.getByRole('group', { name: 'How well did you remember?' });
    this.counts = page.locator('.review-counts');
    this.card = page.locator('.review-card');
    this.done = page.getByRole('heading', { name: 'Session done', level: 1 });
    this.empty = page.locator('.review-empty');
    this.editDialog = page.getByRole('dialog', { name: 'Edit the card' });
    this.more = page.getByRole('button', { name: 'More card actions' });
    this.notice = page.locator('.review-notice');
  }

  /** A button of the reviewer's action row (Undo, Bury, Suspend, Edit, …). */
  action(name: string | RegExp): Locator {
    return this.page.getByRole('group', { name: 'Card actions' }).getByRole('button', { name });
  }

  menuItem(name: string | RegExp): Locator {
    return this.page.getByRole('menuitem', { name });
  }

  /** The card's text as shown (the front, or the back once revealed). */
  async cardText(): Promise<string> {
    return (await this.card.locator('.card-text').innerText()).trim();
  }

  answer(name: 'Again' | 'Hard' | 'Good' | 'Easy'): Locator {
    return this.answers.getByRole('button', { name: new RegExp(`^${name}`) });
  }

  /** The three numbers, read from the counts' accessible name ("Left: 3 new, 0 learning, 12 review"). */
  async readCounts(): Promise<Counts> {
    const label = (await this.counts.getAttribute('aria-label')) ?? '';
    const m = /Left: (\d+) new, (\d+) learning, (\d+) review/.exec(label);
    if (!m) throw new Error(`unexpected counts label: ${label}`);
    return { new: Number(m[1]), learning: Number(m[2]), review: Number(m[3]) };
  }

  async expectCounts(counts: Counts): Promise<void> {
    await expect(this.counts).toHaveAttribute('aria-label', `Left: ${counts.new} new, ${counts.learning} learning, ${counts.review} review`);
  }

  summaryValue(term: string): Locator {
    return this.page.locator('.summary-grid > div').filter({ has: this.page.locator('dt', { hasText: term }) }).locator('dd');
  }
}
