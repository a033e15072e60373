// Browser end-to-end test for the Fin Agent front end.
//
//   BASE_URL=http://localhost:8080 CHROMIUM_PATH=/usr/bin/chromium npm run test:e2e
//
// Drives Debian's Chromium through playwright-core against the running Java
// application. The steps share one browser page and run in order; after a
// failure the remaining steps are skipped. A missing Chromium is a failure.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';
import { orderedSteps } from './steps.mjs';

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ASSISTANT_IDS = ['general', 'analyst', 'trader', 'advisor', 'riskManager', 'economist'];
const STEP_TIMEOUT = 60_000;
const WAIT = 15_000;

const unique = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const user = {
  email: `e2e-${unique}@example.com`,
  password: 'violet-anchor-tundra-58',
  displayName: `E2E Tester ${unique}`,
};
const portfolioName = `E2E Portfolio ${unique}`;
/** Named in the test domain's FINAGENT_ADMIN_EMAILS, so it becomes an admin when it registers or signs in. */
const admin = { email: 'e2e-admin@example.com', password: 'granite-lantern-meadow-73', displayName: 'E2E Admin' };

const byTestId = (id) => `[data-testid="${id}"]`;

if (!existsSync(CHROMIUM_PATH)) {
  throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium or set CHROMIUM_PATH`);
}

describe(`Fin Agent front end at ${BASE_URL}`, () => {
  let browser;
  let page;
  const consoleErrors = [];
  const step = orderedSteps(STEP_TIMEOUT, () =>
    consoleErrors.length ? `\nBrowser console errors:\n  ${consoleErrors.join('\n  ')}` : '');

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
    await visible(byTestId('signout-button'));
    assert.equal(await page.locator(byTestId('error-message')).count(), 0, 'no error after registering');
  });

  step('is signed in straight after registering', async () => {
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
    await visible(`${byTestId('price-chart')} canvas`);
    await visible(byTestId('market-risk'));
    const legend = page.locator(byTestId('price-legend'));
    assert.match(await legend.innerText(), /O \d+\.\d\d H \d+\.\d\d L \d+\.\d\d C \d+\.\d\d Vol /, 'an OHLC legend');
    // The candles are drawn: the chart's canvases hold pixels in the rising and in the falling candles' colours.
    const candlePixels = await page.waitForFunction(
      (selector) => {
        const count = { up: 0, down: 0 };
        for (const canvas of document.querySelectorAll(selector)) {
          if (canvas.width === 0 || canvas.height === 0) continue;
          const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] < 200) continue;
            if (data[i] === 0x16 && data[i + 1] === 0xa3 && data[i + 2] === 0x4a) count.up++;
            if (data[i] === 0xdc && data[i + 1] === 0x26 && data[i + 2] === 0x26) count.down++;
          }
        }
        return count.up > 50 && count.down > 50 ? count : null;
      },
      `${byTestId('price-chart')} canvas`,
      { timeout: WAIT },
    );
    assert.ok((await candlePixels.jsonValue()).up > 50, 'rising candles drawn');
    const bars = async () => Number((await page.locator(`${byTestId('price-chart')} figcaption`).innerText()).match(/(\d+) bars/)[1]);
    const yearOfBars = await bars();
    assert.ok(yearOfBars > 150, `a year of daily bars, not ${yearOfBars}`);
    // The live feed moves the last candle: with no crosshair the legend shows it, at the streamed price.
    await page.locator(byTestId('market-live')).waitFor({ timeout: WAIT });
    await page.waitForFunction(
      ([close, price]) =>
        document.querySelector(close)?.textContent?.trim() === `C ${document.querySelector(price)?.textContent?.trim()}`,
      [byTestId('price-legend-close'), byTestId('market-price')],
      { timeout: WAIT },
    );
    // The crosshair shows the bar under it.
    const lastDate = (await legend.innerText()).match(/\d{4}-\d{2}-\d{2}/)[0];
    const box = await page.locator(`${byTestId('price-chart')} .chart-canvas`).boundingBox();
    await page.mouse.move(box.x + box.width * 0.3, box.y + 100);
    await page.waitForFunction(
      ([selector, last]) => !document.querySelector(selector)?.textContent?.includes(last),
      [byTestId('price-legend'), lastDate],
      { timeout: WAIT },
    );
    await page.mouse.move(0, 0);
    await page.click(byTestId('range-1M'));
    await page.waitForFunction(
      ([selector, before]) => {
        const match = document.querySelector(selector)?.textContent?.match(/(\d+) bars/);
        return match && Number(match[1]) < before / 5;
      },
      [`${byTestId('price-chart')} figcaption`, yearOfBars],
      { timeout: WAIT },
    );
    await page.click(byTestId('range-5Y'));
    await page.locator(byTestId('price-source'), { hasText: 'Weekly bars' }).waitFor({ timeout: WAIT });
    await page.click(byTestId('overlay-bollinger'));
    await page.click(byTestId('pane-macd'));
    await visible(`${byTestId('price-chart')} canvas`);
    await visible(byTestId('compare-chart'));
    assert.equal(await page.locator(`${byTestId('compare-table')} tbody tr`).count(), 2, 'KO against SPY');
    await page.fill(byTestId('market-symbol'), 'spy');
    await page.click(byTestId('market-go'));
    await page.waitForURL(`${BASE_URL}/markets/SPY`);
    await page.locator(byTestId('market-price')).waitFor();
  });

  step('connects the sandbox bank and sees accounts, transactions and holdings', async () => {
    await page.click(byTestId('nav-accounts'));
    await page.waitForURL(`${BASE_URL}/accounts`);
    await visible(byTestId('accounts-empty'));
    await page.click(byTestId('connect-bank-button'));
    await visible(byTestId('sandbox-dialog'));
    assert.equal(await page.inputValue(byTestId('sandbox-username')), 'user_good');
    await page.click(byTestId('sandbox-connect'));
    await visible(byTestId('sync-message'));
    assert.match(await page.locator(byTestId('institution-name')).first().innerText(), /First Platypus Bank/);
    assert.ok((await page.locator(byTestId('account-row')).count()) >= 4, 'checking, savings, credit, investment');
    await visible(byTestId('transaction-row'));
    assert.match(await page.locator(byTestId('transactions-total')).innerText(), /^[1-9]\d* transactions/);
    await visible(byTestId('holding-row'));
  });

  step('adds the linked brokerage account to a portfolio and sees P&L at current prices', async () => {
    await page.click(byTestId('nav-portfolios'));
    await rowNamed(portfolioName).locator(byTestId('open-portfolio')).click();
    await visible(byTestId('positions-empty'));
    await page.selectOption(byTestId('linked-account-select'), { label: 'First Platypus Bank · Plaid Brokerage' });
    await page.click(byTestId('add-linked-account'));
    await visible(byTestId('position-row'));
    assert.ok((await page.locator(byTestId('position-row')).count()) >= 4, 'holdings became positions');
    assert.match(await page.locator(byTestId('portfolio-value')).innerText(), /\d/);
    assert.match(await page.locator(byTestId('portfolio-pnl')).innerText(), /%/);
    await page.fill(byTestId('position-symbol'), 'IBM');
    await page.fill(byTestId('position-quantity'), '-3');
    await page.fill(byTestId('position-cost'), '120');
    await page.click(byTestId('add-position'));
    await visible(byTestId('error-message'));
    await page.fill(byTestId('position-quantity'), '3');
    await page.click(byTestId('add-position'));
    await page.click(byTestId('measure-risk'));
    await visible(byTestId('portfolio-risk'));
  });

  step('imports a broker export and sees FIFO P&L, returns and the growth chart against SPY', async () => {
    const schwab = [
      '"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount",',
      '"03/02/2015","Buy","AAPL","APPLE INC","10","$128.40","$4.95","-$1,288.95",',
      '"05/14/2015","Qualified Dividend","AAPL","APPLE INC","","","","$5.20",',
      '"06/01/2015","Sell","AAPL","APPLE INC","4","$130.54","$4.95","$517.21",',
    ].join('\n');
    await page.selectOption(byTestId('import-preset'), 'schwab');
    await page.fill(byTestId('import-csv'), schwab);
    await page.click(byTestId('import-preview'));
    await page.locator(byTestId('import-result'), { hasText: 'nothing stored' }).waitFor();
    await page.click(byTestId('import-submit'));
    await page.locator(byTestId('import-result'), { hasText: '3 activities stored' }).waitFor();
    await visible(byTestId('returns-table'));
    assert.match(await page.locator(byTestId('realised')).innerText(), /1\.63/);
    assert.match(await page.locator(byTestId('returns-table')).innerText(), /ALL/);
    await visible(`${byTestId('growth-chart')} canvas`);
  });

  step('asks the analyst about a symbol and watches the debate arrive live', async () => {
    await page.click(byTestId('nav-debates'));
    await page.waitForURL(`${BASE_URL}/debates`);
    await page.fill(byTestId('debate-query'), 'Should I buy Coca-Cola now?');
    await page.fill(byTestId('debate-symbols'), 'KO');
    await page.selectOption(byTestId('debate-assistant'), 'analyst');
    await page.click(byTestId('debate-start'));
    await page.waitForURL(/\/debates\/[0-9a-f-]{36}$/);
    await visible(byTestId('debate-step'));
    await page.locator(byTestId('debate-recommendation')).waitFor({ timeout: 55_000 });
    assert.match(await page.locator(byTestId('debate-rating')).innerText(), /^(strong sell|sell|hold|buy|strong buy)$/);
    assert.ok((await page.locator(`${byTestId('debate-step')}[data-status="completed"]`).count()) >= 5, 'steps streamed');
    await visible(byTestId('debate-consensus'));
    assert.ok((await page.locator(`${byTestId('debate-evidence')} li`).count()) >= 1, 'evidence listed');
  });

  step('replays the finished debate and reaches the same rating', async () => {
    const original = page.url();
    const rating = await page.locator(byTestId('debate-rating')).innerText();
    await page.click(byTestId('debate-replay'));
    await page.waitForURL((url) => /\/debates\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== original);
    await page.locator(byTestId('debate-recommendation')).waitFor({ timeout: 55_000 });
    assert.equal(await page.locator(byTestId('debate-rating')).innerText(), rating);
  });

  step('runs a monthly backtest of AAPL, watches it progress, and reads its figures against the baselines', async () => {
    await page.click(byTestId('nav-backtests'));
    await page.waitForURL(`${BASE_URL}/backtests`);
    await page.fill(byTestId('backtest-symbols'), 'AAPL');
    await page.fill(byTestId('backtest-from'), '2014-01-01');
    await page.fill(byTestId('backtest-to'), '2017-12-31');
    await page.selectOption(byTestId('backtest-frequency'), 'monthly');
    await page.click(byTestId('backtest-start'));
    await page.waitForURL(/\/backtests\/[0-9a-f-]{36}$/);
    await visible(byTestId('backtest-progress'));
    await page.locator(`${byTestId('backtest-state')}:has-text("completed")`).waitFor({ timeout: 55_000 });
    assert.equal(await page.locator(byTestId('backtest-progress')).getAttribute('value'), '48', '48 monthly debates');
    const strategies = await page.locator(`${byTestId('backtest-figures')} tbody tr td:first-child`).allInnerTexts();
    assert.deepEqual(strategies.map((s) => s.trim()), ['Debate', 'Buy and hold', 'MACD', 'KDJ & RSI', 'ZMR', 'SMA']);
    await visible(`${byTestId('backtest-chart')} canvas`);
    assert.equal(await page.locator(`${byTestId('backtest-calls')} tbody tr`).count(), 48, 'every call listed');
  });

  step('chats with the assistant, which remembers the conversation and what the user said about themselves', async () => {
    await page.click(byTestId('nav-chat'));
    await page.waitForURL(`${BASE_URL}/chat`);
    await page.fill(byTestId('chat-message'), 'I have a low risk tolerance. How risky is KO?');
    await page.click(byTestId('chat-send'));
    await visible(byTestId('chat-answer-details'));
    assert.match(await page.locator(byTestId('chat-assistant')).last().innerText(), /KO/);
    await visible(byTestId('memory'));
    assert.match(await page.locator(byTestId('memories')).innerText(), /risk/i);
    await page.reload();
    await visible(byTestId('chat-assistant'));
    assert.equal(await page.locator(byTestId('chat-user')).count(), 1, 'the conversation is remembered');
  });

  step('sees its own security events', async () => {
    await page.click(byTestId('nav-security'));
    await page.waitForURL(`${BASE_URL}/security`);
    await page.locator(byTestId('audit-row'), { hasText: 'auth.registered' }).first().waitFor();
    assert.equal(await page.locator(byTestId('nav-admin')).count(), 0, 'no admin entry for a user');
  });

  step('signs out', async () => {
    await page.click(byTestId('signout-button'));
    await visible(byTestId('signin-button'));
    assert.equal(await storage('finagent.token'), null, 'token removed');
    await page.reload();
    await visible(byTestId('signin-button'));
  });

  step('an admin disables and enables the user and finds it in the audit log', async () => {
    await page.fill(byTestId('email'), admin.email);
    await page.fill(byTestId('password'), admin.password);
    await page.fill(byTestId('display-name'), admin.displayName);
    await page.click(byTestId('register-button'));
    await page.locator(`${byTestId('signout-button')}, ${byTestId('error-message')}`).first().waitFor();
    if ((await page.locator(byTestId('signout-button')).count()) === 0) {
      // registered by an earlier run against the same database: sign in instead
      await page.click(byTestId('signin-button'));
      await visible(byTestId('signout-button'));
    }
    await page.click(byTestId('nav-admin'));
    await page.waitForURL(`${BASE_URL}/admin/users`);
    const row = page.locator(`[data-testid="admin-user-row"][data-email="${user.email}"]`);
    await row.waitFor();
    await row.locator(byTestId('disable-user')).click();
    await row.locator(byTestId('admin-user-status'), { hasText: 'disabled' }).waitFor();
    await row.locator(byTestId('enable-user')).click();
    await row.locator(byTestId('admin-user-status'), { hasText: 'active' }).waitFor();

    await page.click(byTestId('admin-tab-audit'));
    await page.waitForURL(`${BASE_URL}/admin/audit`);
    await page.fill(byTestId('audit-action'), 'admin.user_disabled');
    await page.click(byTestId('audit-apply'));
    await page.locator(byTestId('audit-row'), { hasText: user.email }).first().waitFor();
  });

  step('an admin registers a partner client, sees its secret once, and revokes it', async () => {
    await page.click(byTestId('admin-tab-clients'));
    await page.waitForURL(`${BASE_URL}/admin/clients`);
    const name = `E2E partner ${Date.now()}`;
    await page.fill(byTestId('client-name'), name);
    await page.check(byTestId('client-scope-analytics:run'));
    await page.click(byTestId('client-register'));
    const clientId = (await page.locator(byTestId('issued-client-id')).textContent()).trim();
    const secret = (await page.locator(byTestId('issued-client-secret')).textContent()).trim();
    assert.ok(clientId.length > 8 && secret.length > 20, 'the id and secret are shown');
    const row = page.locator(`[data-testid="client-row"][data-client-id="${clientId}"]`);
    await row.locator(byTestId('client-status'), { hasText: 'active' }).waitFor();
    assert.match(await row.textContent(), /market:read analytics:run/);
    await row.locator(byTestId('revoke-client')).click();
    await row.locator(byTestId('client-status'), { hasText: 'revoked' }).waitFor();
    await page.reload();
    await row.waitFor();
    assert.equal(await page.locator(byTestId('issued-client-secret')).count(), 0, 'the secret is not shown again');
    await page.click(byTestId('signout-button'));
    await visible(byTestId('signin-button'));
  });
});
