import type { Locator, Page } from '@playwright/test';

export class LibraryPage {
  readonly articles: Locator;
  readonly dueSummary: Locator;
  constructor(readonly page: Page) {
    this.articles = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
    this.dueSummary = page.locator('.due-summary');
  }
  async importFile(name: string, mimeType: string, content: string): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
  }
  toast(): Locator {
    return this.page.locator('.toast');
  }
  article(title: string): Locator {
    return this.articles.filter({ has: this.page.getByRole('heading', { name: title }) });
  }
}
