import type { Locator, Page } from '@playwright/test';

/** The app shell: navigation and the main region. */
export class ShellPage {
  readonly nav: Locator;
  readonly main: Locator;
  readonly heading: Locator;
  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.main = page.locator('main');
    this.heading = page.getByRole('heading', { level: 1 });
  }
  navItem(label: string): Locator {
    return this.nav.getByRole('button', { name: new RegExp(`^${label}`) });
  }
}
