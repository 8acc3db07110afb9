import type { Locator, Page } from '@playwright/test';

export class ReaderPage {
  readonly contents: Locator;
  readonly title: Locator;
  readonly column: Locator;
  constructor(readonly page: Page) {
    this.contents = page.getByRole('navigation', { name: 'Contents' });
    this.title = page.locator('.article-heading');
    this.column = page.locator('.reading-column');
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
