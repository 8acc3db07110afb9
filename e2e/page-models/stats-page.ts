import type { Locator, Page } from '@playwright/test';

/** The Stats screen. */
export class StatsPage {
  constructor(readonly page: Page) {}
  /** The number in a row of a stats table ("Review" in Cards, "Reviews" in the period table, …). */
  value(rowHeader: string): Locator {
    return this.page
      .locator('.stats-table tr')
      .filter({ has: this.page.getByRole('rowheader', { name: rowHeader, exact: true }) })
      .locator('td')
      .first();
  }
}
