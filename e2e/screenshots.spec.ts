import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, startHost, test, type RunningHost } from './fixtures';
import { CardPanel, CardsPage } from './page-models/cards-page';
import { LibraryPage } from './page-models/library-page';
import { ReaderPage } from './page-models/reader-page';
import { ReviewPage } from './page-models/review-page';
import { ShellPage } from './page-models/shell-page';

/**
 * Every screen, in both themes and at both window sizes, saved as reports/screenshots/<screen>-<theme>-<width>.png
 * for a person to look at. Each capture also checks what a user would notice: the theme follows the system
 * (light and dark backgrounds really differ), text stands out from what is behind it, nothing runs off the
 * side of the window, and the screen's heading is in view.
 *
 * One host for the whole file; the tests run in order on its collection (the review session is answered
 * before Stats is shot, so Stats has numbers to show).
 */
const themes = ['light', 'dark'] as const;
const sizes = [
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
];
const DIR = 'reports/screenshots';

test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let stop: () => Promise<void>;
test.beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  ({ host, stop } = await startHost());
});
test.afterAll(async () => {
  await stop();
});

interface PageLook {
  background: string;
  /** Elements that stick out past the right edge of the main area (or the open dialog). */
  wide: string[];
  overflow: { document: number; window: number; main: number; mainClient: number; dialog: number; dialogClient: number };
  /** Text whose contrast with the background behind it is too low to read comfortably. */
  faint: { text: string; ratio: number; color: string; background: string }[];
}

/**
 * Measured in the page (a string, because the node type configuration has no DOM types). Contrast is the
 * WCAG ratio between an element's text colour and the first opaque background behind it; 3:1 is the floor
 * (large or secondary text), which every visible piece of text must clear.
 */
const measure = `(() => {
  const parse = (c) => {
    const n = (c.match(/[\\d.]+/g) || []).map(Number);
    if (c.startsWith('color(')) return { r: n[0] * 255, g: n[1] * 255, b: n[2] * 255, a: n.length > 3 ? n[3] : 1 };
    return { r: n[0], g: n[1], b: n[2], a: n.length > 3 ? n[3] : 1 };
  };
  const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const lum = (c) => 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const backgroundOf = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg.a >= 0.5) return bg;
    }
    return parse(getComputedStyle(document.body).backgroundColor);
  };
  const dialog = document.querySelector('dialog[open]');
  const scope = dialog || document.body;
  const faint = [];
  for (const el of scope.querySelectorAll('*')) {
    if (faint.length > 8) break;
    if (!dialog && el.closest('dialog')) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim());
    if (!own) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 2 || r.height <= 2 || r.bottom < 0 || r.top > innerHeight) continue;
    const s = getComputedStyle(el);
    if (s.visibility !== 'visible' || el.closest('[disabled], :disabled, [aria-hidden="true"]')) continue;
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    if (opacity < 0.9) continue;
    const fg = parse(s.color), bg = backgroundOf(el);
    const q = ratio(fg, bg);
    if (q < 3) faint.push({ text: el.textContent.trim().slice(0, 40), ratio: Math.round(q * 100) / 100, color: s.color, background: 'rgb(' + [bg.r, bg.g, bg.b].join(',') + ')' });
  }
  const main = document.querySelector('main');
  const box = (dialog || main || document.body).getBoundingClientRect();
  const wide = [];
  for (const el of (dialog || main || document.body).querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > box.right + 1 && wide.length < 4) wide.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' right=' + Math.round(r.right));
  }
  return {
    wide,
    background: getComputedStyle(document.body).backgroundColor,
    overflow: {
      document: document.documentElement.scrollWidth, window: innerWidth,
      main: main ? main.scrollWidth : 0, mainClient: main ? main.clientWidth : 0,
      dialog: dialog ? dialog.scrollWidth : 0, dialogClient: dialog ? dialog.clientWidth : 0,
    },
    faint,
  };
})()`;

const backgrounds: Record<string, Set<string>> = {};

/** Shoots one screen in both themes at both sizes, checking each shot; leaves the page light and 1280×800. */
async function capture(page: Page, screen: string, heading: Locator): Promise<void> {
  for (const colorScheme of themes) {
    await page.emulateMedia({ colorScheme });
    for (const size of sizes) {
      await page.setViewportSize(size);
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await expect.soft(heading, `${screen}: the heading is in view`).toBeInViewport();
      await page.screenshot({ path: `${DIR}/${screen}-${colorScheme}-${size.width}.png` });
      const look = await page.evaluate<PageLook>(measure);
      const where = `${screen}, ${colorScheme}, ${size.width}×${size.height}`;
      // Soft, so one run reports every screen's problems (the test still fails).
      expect.soft(look.overflow.document, `${where}: the page is no wider than the window`).toBeLessThanOrEqual(look.overflow.window);
      expect.soft(look.overflow.main, `${where}: the main area does not scroll sideways (${look.wide.join(', ')})`).toBeLessThanOrEqual(look.overflow.mainClient);
      expect.soft(look.overflow.dialog, `${where}: the dialog does not scroll sideways (${look.wide.join(', ')})`).toBeLessThanOrEqual(look.overflow.dialogClient);
      expect.soft(look.faint, `${where}: every text contrasts with its background`).toEqual([]);
      (backgrounds[colorScheme] ??= new Set()).add(look.background);
    }
  }
  // The two themes are designed apart: their backgrounds are not the same colour.
  for (const dark of backgrounds.dark ?? []) expect(backgrounds.light?.has(dark), `${screen}: light and dark differ`).toBe(false);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(sizes[0]!);
}

async function openApp(page: Page): Promise<ShellPage> {
  await page.goto(host.url);
  const shell = new ShellPage(page);
  await expect(shell.heading).toHaveText('Library');
  return shell;
}

test('library, its dialogs and the shortcuts sheet', async ({ page }) => {
  const shell = await openApp(page);
  const library = new LibraryPage(page);
  await expect(library.articles).toHaveCount(1);
  await capture(page, 'library', shell.heading);

  const dialog = page.locator('dialog[open]');
  await page.keyboard.press('?');
  await expect(dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  // The sheet lists the keys: the screens' "g" keys, the reader's and the reviewer's.
  await expect(dialog.getByRole('row', { name: /Go to Review/ })).toBeVisible();
  for (const place of ['Anywhere', 'Reader', 'Review']) await expect(dialog.getByRole('rowheader', { name: place })).toBeAttached();
  await expect(dialog.getByRole('row', { name: /Next section/ })).toBeAttached();
  await expect(dialog.getByRole('row', { name: /^1 Again/ })).toBeAttached();
  await capture(page, 'shortcuts', dialog.getByRole('heading', { name: 'Keyboard shortcuts' }));
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Paste text…' }).click();
  await page.getByLabel('Article text').fill('A short note pasted in.\n\nIt has two paragraphs.');
  await capture(page, 'paste', dialog.getByRole('heading', { name: 'Paste an article' }));
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Import deck…' }).click();
  await capture(page, 'import-deck', dialog.getByRole('heading', { name: 'Import a deck' }));
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await library.articles.first().getByRole('button', { name: /^Export/ }).click();
  await capture(page, 'export', dialog.getByRole('heading', { name: 'Export cards' }));
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('the reader with its contents and cards panel', async ({ page }) => {
  await openApp(page);
  await new LibraryPage(page).articles.first().getByRole('button', { name: 'Start reading' }).click();
  const reader = new ReaderPage(page);
  await expect(reader.title).toHaveText(/collective self-defense/);
  const contents = page.getByRole('button', { name: 'Contents', exact: true });
  if ((await contents.getAttribute('aria-pressed')) !== 'true') await contents.click();
  await expect(reader.contents).toBeVisible();
  await page.keyboard.press('c');
  await expect(new CardPanel(page).root).toBeVisible();
  await capture(page, 'read', reader.title);
});

test('the card browser with a card open in the editor', async ({ page }) => {
  const shell = await openApp(page);
  await shell.navItem('Cards').click();
  const cards = new CardsPage(page);
  await expect(cards.rows.first()).toBeVisible();
  await cards.rows.nth(1).click();
  await expect(cards.pane).toBeVisible();
  await capture(page, 'cards', page.getByRole('heading', { name: 'Cards', level: 1 }));
});

test('a review: the front, the back, and the end of the session', async ({ page }) => {
  const shell = await openApp(page);
  const review = new ReviewPage(page);
  await shell.navItem('Review').click();
  await expect(review.start).toBeVisible();
  await capture(page, 'review-start', shell.heading);
  await review.start.click();
  await expect(review.showAnswer).toBeVisible();
  await capture(page, 'review-front', review.card);
  await page.keyboard.press('Space');
  await expect(review.answers).toBeVisible();
  await capture(page, 'review-back', review.card);
  await page.keyboard.press('3');
  for (let i = 0; i < 80; i++) {
    await expect(review.showAnswer.or(review.done)).toBeVisible();
    if (await review.done.isVisible()) break;
    await page.keyboard.press('Space');
    await expect(review.answers).toBeVisible();
    await page.keyboard.press('4');
  }
  await expect(review.done).toBeVisible();
  await capture(page, 'review-end', review.done);
});

test('stats and settings', async ({ page }) => {
  const shell = await openApp(page);
  await shell.navItem('Stats').click();
  await expect(shell.heading).toHaveText('Stats');
  await expect(page.locator('.stats-table').first()).toBeVisible();
  await capture(page, 'stats', shell.heading);
  await shell.navItem('Settings').click();
  await expect(shell.heading).toHaveText('Settings');
  await capture(page, 'settings', shell.heading);
});

test('every control is reachable with Tab and shows a focus ring', async ({ page }) => {
  const shell = await openApp(page);
  const screens = ['Library', 'Read', 'Review', 'Cards', 'Stats', 'Settings'];
  for (const name of screens) {
    if (name === 'Read') {
      // The reader with an article open: its toolbar, contents and the text's own controls.
      await shell.navItem('Library').click();
      await new LibraryPage(page).articles.first().getByRole('button', { name: /reading/ }).click();
      await expect(new ReaderPage(page).title).toBeVisible();
    } else {
      await shell.navItem(name).click();
    }
    await expect(shell.heading).toBeVisible();
    // Walk the whole tab order once; every stop has a visible outline (or box-shadow) in the focus colour.
    await page.evaluate(`document.querySelector('main').focus()`);
    const bad: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate<{ key: string; label: string; ring: boolean } | null>(`(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || (s.boxShadow && s.boxShadow !== 'none');
        const path = [];
        for (let e = el; e && e !== document.body; e = e.parentElement) path.unshift(e.tagName + (e.id ? '#' + e.id : '') + '[' + [...(e.parentElement?.children ?? [])].indexOf(e) + ']');
        return { key: path.join('>'), label: (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 40), ring };
      })()`);
      if (!stop) continue;
      if (seen.has(stop.key)) break;
      seen.add(stop.key);
      if (!stop.ring) bad.push(stop.label);
    }
    expect(seen.size, `${name}: Tab reaches the controls`).toBeGreaterThan(5);
    expect(bad, `${name}: every focused control shows a ring`).toEqual([]);
  }
});
