// What the browser journey checks on every page it reaches: axe-core finds no serious or critical violation, and
// at a phone's width (375 px) the page body does not scroll sideways and the navigation stays reachable. A
// screenshot at each width is kept for a person to look at (SCREENSHOT_DIR, by default ear/target/screenshots).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR || join(here, '..', '..', 'ear', 'target', 'screenshots'));
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

/** Serious and critical violations of WCAG 2.x A and AA on the page as it is now, one line per element. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Evaluated through the DevTools protocol: the app's Content-Security-Policy refuses inline scripts, rightly.
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) =>
        v.nodes.map((n) => {
          // For contrast, the colours and ratio axe measured, so the message says what to change.
          const data = n.any.find((check) => check.data && check.data.contrastRatio)?.data;
          const colours = data ? ` (${data.fgColor} on ${data.bgColor}: ${data.contrastRatio})` : '';
          return `${v.impact} ${v.id}: ${v.help} at ${n.target.join(' ')}${colours} "${n.html.slice(0, 80)}"`;
        }),
      );
  });
  return violations;
}

/**
 * Checks the page at desktop and phone widths, keeps a screenshot of each and answers the problems found (none:
 * an empty list); leaves the page at desktop width. The journey collects them and fails at its end, so that one run
 * reports every page.
 * `name` names the screenshots (`<n>-<name>-desktop.png`, `<n>-<name>-phone.png`).
 */
let shots = 0;
export async function inspectPage(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const prefix = String(++shots).padStart(2, '0');
  const found = [];
  for (const [width, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await page.setViewportSize(viewport);
    // Let layout and the charts (autoSize) follow the new width before measuring.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${prefix}-${name}-${width}.png`), fullPage: true });
    found.push(...(await axeViolations(page)).map((v) => `${width}: ${v}`));
    if (viewport === PHONE) {
      const overflow = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        wide: [...document.body.querySelectorAll('*')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .filter((e) => !e.closest('.table-scroll'))
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}`),
      }));
      if (overflow.scroll > overflow.client) {
        found.push(`phone: the page scrolls sideways (${overflow.scroll} > ${overflow.client} px); too wide: ${overflow.wide.join(', ')}`);
      }
      const links = page.locator('nav a, nav button');
      for (let i = 0; i < (await links.count()); i++) {
        const box = await links.nth(i).boundingBox();
        if (!box || box.x < 0 || box.x + box.width > PHONE.width) {
          found.push(`phone: navigation entry ${i + 1} is off screen`);
        }
      }
    }
  }
  await page.setViewportSize(DESKTOP);
  return found.map((problem) => `${name}: ${problem}`);
}
