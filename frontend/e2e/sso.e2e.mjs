// Browser test of single sign-on: signs in on the OpenID Connect provider's own login page (Keycloak in the tests),
// lands in the app signed in, uses the API, and signs out of the app and the provider.
//
//   BASE_URL=http://localhost:8080 OIDC_ISSUER=http://localhost:15580/realms/finagent node --test e2e/sso.e2e.mjs
//
// Run by SingleSignOnIT with the Keycloak that the integration tests start; not part of `npm run test:e2e`, which
// runs without a provider.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { orderedSteps } from './steps.mjs';

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const OIDC_ISSUER = process.env.OIDC_ISSUER;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const WAIT = 20_000;
const STEP_TIMEOUT = 60_000;
const person = { username: 'bruno', password: 'bruno-password', name: 'Bruno Browser' };

const byTestId = (id) => `[data-testid="${id}"]`;

if (!OIDC_ISSUER) throw new Error('Set OIDC_ISSUER to the provider the application is configured with');
if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);

describe(`single sign-on at ${BASE_URL} through ${OIDC_ISSUER}`, () => {
  let browser;
  let page;
  const step = orderedSteps(STEP_TIMEOUT, () => `\nat ${page?.url()}`);

  const visible = (selector) => page.locator(selector).first().waitFor({ state: 'visible', timeout: WAIT });
  const storage = (key) => page.evaluate((k) => window.localStorage.getItem(k), key);

  before(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(WAIT);
  });

  after(async () => {
    await browser?.close();
  });

  step('offers "Sign in with Keycloak" beside the local sign-in', async () => {
    await page.goto(`${BASE_URL}/`);
    await visible(byTestId('signin-oidc'));
    assert.equal((await page.textContent(byTestId('signin-oidc'))).trim(), 'Sign in with Keycloak');
    await visible(byTestId('signin-button'));
  });

  step("signs in on the provider's own login page", async () => {
    await page.click(byTestId('signin-oidc'));
    await page.waitForURL((url) => url.href.startsWith(OIDC_ISSUER), { timeout: WAIT });
    await page.fill('#username', person.username);
    await page.fill('#password', person.password);
    await page.click('#kc-login');
  });

  step('lands in the app signed in, with no code left in the address bar', async () => {
    await page.locator(byTestId('user-name'), { hasText: person.name }).waitFor({ timeout: WAIT });
    assert.ok(await storage('finagent.token'), 'our access token is stored');
    assert.equal(await storage('finagent.signedInWith'), 'sso');
    const url = new URL(page.url());
    assert.equal(url.origin, BASE_URL);
    assert.equal(url.hash, '', 'the one-time code is gone from the URL');
  });

  step('uses the same API as a local account: creates and lists a portfolio', async () => {
    await page.click(byTestId('nav-portfolios'));
    await visible(byTestId('portfolio-name'));
    await page.fill(byTestId('portfolio-name'), 'Signed on');
    await page.click(byTestId('create-portfolio-button'));
    await page.locator(byTestId('portfolio-row'), { hasText: 'Signed on' }).waitFor({ timeout: WAIT });
  });

  step("signs out of the app and of the provider's session", async () => {
    await page.click(byTestId('signout-button'));
    await page.waitForURL((url) => url.href === `${BASE_URL}/`, { timeout: WAIT });
    await visible(byTestId('signin-oidc'));
    assert.equal(await storage('finagent.token'), null, 'token removed');
    await page.click(byTestId('signin-oidc'));
    await page.waitForURL((url) => url.href.startsWith(OIDC_ISSUER), { timeout: WAIT });
    await visible('#username');
  });
});
