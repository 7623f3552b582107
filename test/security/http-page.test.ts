/**
 * The web page of `flux server` in headless Chromium (Debian's, through playwright-core): what an
 * execution carries (its input, a pause's output, a resume value) and what a store holds (an id or
 * workflow name an older version wrote) is shown as text, never taken as markup; and with a token
 * the page asks for it once, keeps it for the tab, and sends it only in a header.
 */
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { JSON_TYPE, rawRequest, startHttpServer } from '../fixtures/http-server.js';

const CHROMIUM = '/usr/bin/chromium';
/** Counts its own runs in the page: any run at all is the failure. */
const MARKUP = '<img src=x onerror="window.fluxInjected=(window.fluxInjected||0)+1">';

describe('the web page of flux server: values as text, the token in a header (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;

  before(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (npm test installs it)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(() => browser?.close());

  /** A new page that records script errors and requests; closed with its context by the test. */
  async function openPage(
    base: string,
  ): Promise<{ page: Page; failures: string[]; requests: { url: string; authorization?: string }[] }> {
    const page = await (await browser.newContext()).newPage();
    const failures: string[] = [];
    const requests: { url: string; authorization?: string }[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('console', (message) => /Content Security Policy/.test(message.text()) && failures.push(message.text()));
    page.on('request', (request) =>
      requests.push({
        url: request.url(),
        ...(request.headers().authorization && { authorization: request.headers().authorization }),
      }),
    );
    await page.goto(base);
    return { page, failures, requests };
  }

  it('markup in an input, a pause output, a resume value and stored ids or names shows as text: nothing injected, no handler runs', async () => {
    const http = await startHttpServer();
    try {
      const started = await rawRequest(
        http.port,
        'POST',
        '/workflows/expenseApproval/run?mode=sync',
        JSON_TYPE,
        JSON.stringify(MARKUP),
      );
      expect(started.body.state).to.equal('paused');
      // What an older version (before ids were checked) could have stored, in the real SQLite file.
      const db = new Database(http.databasePath);
      const now = new Date(Date.now() + 60_000).toISOString(); // listed first
      db.prepare('INSERT INTO executions (id, workflow, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
        MARKUP,
        `<b>old</b>${MARKUP}`,
        'paused',
        now,
        now,
      );
      db.close();

      const { page, failures } = await openPage(http.base);
      await page.locator('#executions li', { hasText: `<b>old</b>${MARKUP}` }).waitFor();
      await page.locator(`#executions li[data-id="${started.body.executionId}"]`).click();
      await page.locator('#timeline li', { hasText: 'WORKFLOW_PAUSED' }).waitFor();
      expect(await page.locator('#timeline li', { hasText: 'WORKFLOW_STARTED' }).textContent()).to.contain(
        JSON.stringify(MARKUP),
      );

      await page.fill('#resume-value', JSON.stringify({ approved: true, reviewer: MARKUP }));
      await page.click('#resume');
      await page.locator('#timeline li', { hasText: 'WORKFLOW_COMPLETED' }).waitFor();
      expect(await page.locator('#timeline li', { hasText: 'WORKFLOW_COMPLETED' }).textContent()).to.contain(
        'approved by <img src=x',
      );

      const injected = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { querySelectorAll(q: string): { length: number } } })
          .document;
        return {
          elements: doc.querySelectorAll('img, #executions b, [onerror], [onload]').length,
          ran: (globalThis as { fluxInjected?: number }).fluxInjected,
        };
      });
      expect(injected).to.deep.equal({ elements: 0, ran: undefined });
      expect(failures).to.deep.equal([]);
      await page.context().close();
    } finally {
      await http.close();
    }
  });

  it('asks for the token once when the API says 401, keeps it for the tab, and sends it only in Authorization, never in a URL', async () => {
    const TOKEN = 'page-token-5b2e9c71d04a';
    const http = await startHttpServer({ token: TOKEN });
    try {
      const { page, failures, requests } = await openPage(http.base);
      await page.locator('#token-form').waitFor({ state: 'visible' });
      await page.fill('#token', 'not-the-token');
      await page.click('#token-submit');
      await page.locator('#token-message', { hasText: 'refused' }).waitFor();
      await page.fill('#token', TOKEN);
      await page.click('#token-submit');
      await page.locator('#workflow option[value="expenseApproval"]').waitFor({ state: 'attached' });
      expect(await page.isHidden('#token-form')).to.equal(true);

      // A run followed live: the timeline is the event stream, read with fetch and the header.
      await page.fill('#input', '640');
      await page.click('#start');
      await page.locator('#timeline li', { hasText: 'WORKFLOW_PAUSED' }).waitFor();
      await page.fill('#resume-value', '{"approved":true,"reviewer":"page"}');
      await page.click('#resume');
      await page.locator('#timeline li', { hasText: 'WORKFLOW_COMPLETED' }).waitFor();
      expect(await page.locator('#timeline li').count()).to.equal(
        new Set(await page.locator('#timeline li').allTextContents()).size,
      );

      // Kept for the tab: a reload asks nothing.
      await page.reload();
      await page.locator('#executions li').first().waitFor();
      expect(await page.isHidden('#token-form')).to.equal(true);
      const storage = await page.evaluate(() => {
        const g = globalThis as unknown as { sessionStorage: { length: number }; localStorage: { length: number } };
        return { session: g.sessionStorage.length, local: g.localStorage.length };
      });
      expect(storage).to.deep.equal({ session: 1, local: 0 });

      expect(requests.filter((r) => r.url.includes(TOKEN) || r.url.includes('token='))).to.deep.equal([]);
      const api = requests.filter((r) => /\/(executions|workflows|health)/.test(new URL(r.url).pathname));
      expect(api.filter((r) => r.authorization === `Bearer ${TOKEN}`).length).to.be.above(5);
      expect(
        api.some((r) => new URL(r.url).pathname.endsWith('/stream') && r.authorization === `Bearer ${TOKEN}`),
      ).to.equal(true);
      expect(failures).to.deep.equal([]);
      await page.context().close();
    } finally {
      await http.close();
    }
  });
});
