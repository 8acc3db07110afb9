import { expect, type Locator, type Page } from '@playwright/test';

/** The reader's card panel. */
export class CardPanel {
  readonly root: Locator;
  readonly cards: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('complementary', { name: 'Cards of this section' });
    this.cards = this.root.locator('.panel-card');
  }
  card(text: string | RegExp): Locator {
    return this.cards.filter({ hasText: text });
  }
  /** How many cards the section has, once the panel has loaded them (not while it says "Loading"). */
  async loadedCount(): Promise<number> {
    await expect(this.root.getByText('Loading the cards…')).toHaveCount(0);
    return this.cards.count();
  }
  editor(): Locator {
    return this.root.locator('form.card-editor');
  }
}

/** The card browser. */
export class CardsPage {
  readonly search: Locator;
  readonly count: Locator;
  readonly table: Locator;
  readonly scroller: Locator;
  readonly rows: Locator;
  readonly pane: Locator;
  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search cards' });
    this.count = page.locator('.cards-count');
    this.table = page.getByRole('table', { name: 'Cards' });
    this.scroller = page.locator('.cards-scroll');
    this.rows = this.scroller.locator('.cards-row');
    this.pane = page.getByRole('complementary', { name: 'Card' });
  }
  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }
}

/** Selects `needle` inside the reader's paragraph that contains it, as a user dragging over it would. */
export async function selectText(page: Page, needle: string): Promise<void> {
  // A string, because the node type configuration has no DOM types; it runs in the page.
  await page.evaluate(`(() => {
    const needle = ${JSON.stringify(needle)};
    const el = [...document.querySelectorAll('.paragraph-text')].find((e) => e.textContent.includes(needle));
    if (!el) throw new Error('no paragraph contains ' + needle);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const selection = document.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error('the text is split across elements');
  })()`);
}
