// Browser end-to-end test for the Fin Agent front end.
//
//   BASE_URL=http://localhost:8080 CHROMIUM_PATH=/usr/bin/chromium npm run test:e2e
//
// Drives Debian's Chromium through playwright-core against the running Java
// application. The steps share one browser page and run in order; after a
// failure the remaining steps are skipped. A missing Chromium is a failure.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ASSISTANT_IDS = ['general', 'analyst', 'trader', 'advisor', 'riskManager', 'economist'];
const STEP_TIMEOUT = 60_000;
const WAIT = 15_000;

const unique = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const user = {
  email: `e2e-${unique}@example.com`,
  password: `E2e-pass-${unique}!`,
  displayName: `E2E Tester ${unique}`,
};
const portfolioName = `E2E Portfolio ${unique}`;

const byTestId = (id) => `[data-testid="${id}"]`;

if (!existsSync(CHROMIUM_PATH)) {
  throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium or set CHROMIUM_PATH`);
}

describe(`Fin Agent front end at ${BASE_URL}`, () => {
  let browser;
  let page;
  let failed = false;
  const consoleErrors = [];

  /** One ordered step; skipped once an earlier step has failed. */
  function step(name, fn) {
    it(name, { timeout: STEP_TIMEOUT }, async (t) => {
      if (failed) {
        t.skip('an earlier step failed');
        return;
      }
      try {
        await fn();
      } catch (err) {
        failed = true;
        if (consoleErrors.length) err.message += `\nBrowser console errors:\n  ${consoleErrors.join('\n  ')}`;
        throw err;
      }
    });
  }

  const visible = (selector) => page.locator(selector).first().waitFor({ state: 'visible', timeout: WAIT });
  const storage = (key) => page.evaluate((k) => window.localStorage.getItem(k), key);
  const rowNamed = (name) => page.locator(byTestId('portfolio-row'), { hasText: name });

  before(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
  });

  after(async () => {
    await browser?.close();
  });

  step('shows the sign-in form to a new visitor', async () => {
    await page.goto(`${BASE_URL}/`);
    await visible(byTestId('email'));
    await visible(byTestId('signin-button'));
    await visible(byTestId('register-button'));
  });

  step('registers a new user', async () => {
    await page.fill(byTestId('email'), user.email);
    await page.fill(byTestId('password'), user.password);
    await page.fill(byTestId('display-name'), user.displayName);
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/auth/register') && r.request().method() === 'POST',
      ),
      page.click(byTestId('register-button')),
    ]);
    assert.equal(response.status(), 201, `register answered ${response.status()}: ${await response.text()}`);
    await visible(byTestId('success-message'));
    assert.equal(await page.locator(byTestId('error-message')).count(), 0, 'no error after registering');
  });

  step('signs in', async () => {
    await page.click(byTestId('signin-button'));
    await visible(byTestId('signout-button'));
    assert.ok(await storage('finagent.token'), 'token stored under finagent.token');
    await page.locator(byTestId('user-name'), { hasText: user.displayName }).waitFor();
  });

  step('lists the six assistants', async () => {
    await page.click(byTestId('nav-assistants'));
    await page.waitForURL(`${BASE_URL}/assistants`);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid^="assistant-card-"]').length === n,
      ASSISTANT_IDS.length,
    );
    for (const id of ASSISTANT_IDS) {
      assert.equal(await page.locator(byTestId(`assistant-card-${id}`)).count(), 1, `card for ${id}`);
    }
  });

  step('selects the analyst and keeps it selected after a reload', async () => {
    const card = page.locator(byTestId('assistant-card-analyst'));
    await card.click();
    await card.locator(byTestId('selected-assistant')).waitFor();
    assert.equal(await storage('finagent.assistant'), 'analyst');

    await page.reload();
    await page.locator(byTestId('assistant-card-analyst')).locator(byTestId('selected-assistant')).waitFor();
    assert.match(await page.locator(byTestId('selected-assistant')).innerText(), /selected/i);
    assert.equal(await page.locator(byTestId('selected-assistant')).count(), 1, 'only one assistant is selected');
    assert.equal(await page.locator(byTestId('assistant-card-analyst')).getAttribute('aria-pressed'), 'true');
  });

  step('creates a portfolio', async () => {
    await page.click(byTestId('nav-portfolios'));
    await page.waitForURL(`${BASE_URL}/portfolios`);
    await page.fill(byTestId('portfolio-name'), portfolioName);
    await page.fill(byTestId('portfolio-description'), 'Created by the browser test');
    await page.click(byTestId('create-portfolio-button'));
    await rowNamed(portfolioName).waitFor();
    assert.equal(await page.inputValue(byTestId('portfolio-name')), '', 'form is cleared after creating');
  });

  step('still lists the portfolio after loading the /portfolios deep link', async () => {
    await page.goto(`${BASE_URL}/portfolios`);
    await visible(byTestId('signout-button'));
    await rowNamed(portfolioName).waitFor();
    assert.equal(await rowNamed(portfolioName).count(), 1);
  });

  step('shows an error for an empty portfolio name', async () => {
    const rowsBefore = await page.locator(byTestId('portfolio-row')).count();
    await page.fill(byTestId('portfolio-name'), '');
    await page.click(byTestId('create-portfolio-button'));
    await visible(byTestId('error-message'));
    assert.notEqual((await page.locator(byTestId('error-message')).first().innerText()).trim(), '');
    assert.equal(await page.locator(byTestId('portfolio-row')).count(), rowsBefore, 'no portfolio was added');
  });

  step('shows a live quote, a chart and risk measures for a symbol', async () => {
    await page.goto(`${BASE_URL}/markets/KO`);
    await visible(byTestId('market-price'));
    assert.ok(Number((await page.locator(byTestId('market-price')).innerText()).trim()) > 0, 'a positive price');
    assert.match(await page.locator(byTestId('market-source')).innerText(), /source:/i);
    await visible(byTestId('price-chart'));
    await visible(byTestId('market-risk'));
    await page.locator('.badge', { hasText: 'live' }).waitFor({ timeout: WAIT });
    await page.fill(byTestId('market-symbol'), 'spy');
    await page.click(byTestId('market-go'));
    await page.waitForURL(`${BASE_URL}/markets/SPY`);
    await page.locator(byTestId('market-price')).waitFor();
  });

  step('signs out', async () => {
    await page.click(byTestId('signout-button'));
    await visible(byTestId('signin-button'));
    assert.equal(await storage('finagent.token'), null, 'token removed');
    await page.reload();
    await visible(byTestId('signin-button'));
  });
});
