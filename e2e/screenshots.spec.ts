import { expect, test } from './fixtures';

/**
 * Screenshots of each screen in both themes and at both window sizes, saved under reports/screenshots
 * for a person to look at; the assertions check what a user would notice: the theme follows the
 * system and the text stays readable against its background.
 */
const sizes = [
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the shell in the ${colorScheme} theme`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
    // A string, because the node type configuration has no DOM types; it runs in the page.
    const colors = (await page.evaluate(
      '(() => { const s = getComputedStyle(document.body); return { bg: s.backgroundColor, fg: s.color }; })()',
    )) as { bg: string; fg: string };
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    if (colorScheme === 'dark') expect(luminance(colors.bg)).toBeLessThan(60);
    else expect(luminance(colors.bg)).toBeGreaterThan(200);
    expect(Math.abs(luminance(colors.fg) - luminance(colors.bg))).toBeGreaterThan(150);

    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `reports/screenshots/library-${colorScheme}-${size.width}x${size.height}.png` });
    }
    await page.setViewportSize(sizes[0]!);
    await page.keyboard.press('?');
    await page.screenshot({ path: `reports/screenshots/shortcuts-${colorScheme}.png` });
  });
}
