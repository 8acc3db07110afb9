import type { Locator, Page } from '@playwright/test';

export class ReaderPage {
  readonly contents: Locator;
  readonly title: Locator;
  readonly column: Locator;
  /** The "⋯ Article" menu button in the reader's toolbar. */
  readonly articleMenu: Locator;
  /** Progress of "Write cards again", with its Cancel. */
  readonly writingProgress: Locator;
  constructor(readonly page: Page) {
    this.contents = page.getByRole('navigation', { name: 'Contents' });
    this.title = page.locator('.article-heading');
    this.column = page.locator('.reading-column');
    this.articleMenu = page.getByRole('toolbar', { name: 'Reading options' }).getByRole('button', { name: 'Article', exact: true });
    this.writingProgress = page.getByRole('group', { name: /^Writing cards for/ });
  }
  menuItem(name: string | RegExp): Locator {
    return this.page.getByRole('menu').getByRole('menuitem', { name });
  }
  /** A section's tools (shown in edit mode, key "e"). */
  sectionTools(sectionName: string): Locator {
    return this.page.getByRole('group', { name: `Fix “${sectionName}”` });
  }
  tocEntries(): Locator {
    return this.contents.getByRole('button');
  }
  currentEntry(): Locator {
    return this.contents.locator('[aria-current="location"]');
  }
  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }
}
