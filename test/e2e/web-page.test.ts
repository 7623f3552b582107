/**
 * The page `flux server` serves at `/`, driven in headless Chromium (Debian's `chromium`, through
 * playwright-core; no browser download): start a workflow, resume it with a value from the page,
 * and see the picture show the final state. The server is the CLI's, in a process of its own, as a
 * user starts it.
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tempDir } from '../fixtures/runtimes.js';
import { until } from '../fixtures/wait-for.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');

describe('the web page of flux server (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let base: string;
  usePageServer('flux-page-', (url, chromium) => {
    base = url;
    browser = chromium;
  });

  it('starts a workflow, resumes it with a value from the page, and the picture shows the final state', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    // The page's policy allows only its own script and style: anything it blocks is a bug of the page.
    page.on('console', (message) => /Content Security Policy/.test(message.text()) && failures.push(message.text()));
    page.on(
      'request',
      (request) => !request.url().startsWith(base) && failures.push(`request outside the server: ${request.url()}`),
    );
    // A schedule made through the API is listed with its next fire.
    const made = await fetch(`${base}/schedules`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workflow: 'expenseApproval', id: 'weekly-expenses', cron: '0 8 * * MON', input: 1 }),
    });
    expect(made.status).to.equal(201);
    await page.goto(base);
    await page.locator('#schedules li', { hasText: 'weekly-expenses' }).waitFor();
    expect(await page.textContent('#schedules li'))
      .to.contain('cron 0 8 * * MON')
      .and.contain('next fire: 20');
    await page.locator('#workflow option[value="expenseApproval"]').waitFor({ state: 'attached' });
    await page.fill('#input', '640');
    await page.click('#start');

    expect(await waitForText(page, '#execution-state', 'paused')).to.equal('paused');
    await page.locator('#timeline li', { hasText: 'WORKFLOW_PAUSED' }).waitFor();
    await page.locator('#picture svg g.node.current', { hasText: 'paused' }).waitFor();

    await page.fill('#resume-value', '{"approved":true,"reviewer":"page"}');
    await page.click('#resume');
    expect(await waitForText(page, '#execution-state', 'succeeded')).to.equal('succeeded');
    await page.locator('#timeline li', { hasText: 'WORKFLOW_COMPLETED' }).waitFor();
    // The picture marks the current state: the node titled "succeeded" carries the current-state class.
    const current = page.locator('#picture svg g.node.current');
    await current.filter({ hasText: 'succeeded' }).waitFor();
    expect(await current.count()).to.equal(1);
    expect(await page.locator('#picture svg g.node.visited', { hasText: 'paused' }).count()).to.equal(1);

    const id = (await page.textContent('#execution-title'))!.split(' ').at(-1)!;
    const stored = (await (await fetch(`${base}/executions/${id}`)).json()) as { state: string; output: unknown };
    expect(stored).to.include({ state: 'succeeded', output: 'paid 640, approved by page' });
    await screenshot(page, 'web-page.png');
    expect(failures).to.deep.equal([]);
  });

  it('offers Retry on a failed execution and Fork on a finished one; the fork links back to its source', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(base);
    await page.locator('#workflow option[value="expenseApproval"]').waitFor({ state: 'attached' });
    await page.fill('#input', '90');
    await page.click('#start');
    expect(await waitForText(page, '#execution-state', 'paused')).to.equal('paused');
    expect(await page.isHidden('#retry')).to.equal(true);
    expect(await page.isHidden('#fork')).to.equal(true);
    // A resume value the code cannot take fails the execution.
    await page.fill('#resume-value', 'null');
    await page.click('#resume');
    expect(await waitForText(page, '#execution-state', 'failed')).to.equal('failed');
    const source = (await page.textContent('#execution-title'))!.split(' ').at(-1)!;
    // The failure in full: its message, and where it was thrown one click away.
    await page.locator('#failure p.error').waitFor();
    expect(await page.textContent('#failure p.error')).to.match(/Error.*: /);
    expect(await page.locator('#failure details.stack').count()).to.be.greaterThan(0);
    await page.locator('#failure details.stack').first().click();
    await page.locator('#picture svg g.node.current', { hasText: 'failed' }).waitFor();
    await screenshot(page, 'console-failure.png');
    await page.locator('#retry').waitFor({ state: 'visible' });
    await page.click('#retry');
    await page.locator('#timeline li', { hasText: 'WORKFLOW_RETRIED' }).waitFor();
    await page.fill('#fork-from', '2');
    await page.click('#fork');
    // The fork is selected: it waits at the approval again, its first step kept.
    await page.locator('#links', { hasText: `forked from ${source} at step 2` }).waitFor();
    expect(await waitForText(page, '#execution-state', 'paused')).to.equal('paused');
    await page.fill('#resume-value', '{"approved":true,"reviewer":"fork"}');
    await page.click('#resume');
    expect(await waitForText(page, '#execution-state', 'succeeded')).to.equal('succeeded');
    await page.click(`#links a`);
    await page.locator('#links', { hasText: 'forked as' }).waitFor();
    expect(await page.textContent('#execution-title')).to.contain(source);
    // The list says when each execution last moved; a cancelled one is not drawn as a failed one.
    const started = await fetch(`${base}/workflows/expenseApproval/run?mode=async`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '5',
    });
    const { executionId: toCancel } = (await started.json()) as { executionId: string };
    await until(
      async () =>
        ((await (await fetch(`${base}/executions/${toCancel}`)).json()) as { state: string }).state === 'paused' ||
        undefined,
    );
    await fetch(`${base}/executions/${toCancel}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    const cancelled = page.locator(`#executions li[data-id="${toCancel}"] .state.cancelled`);
    await cancelled.waitFor();
    // Read in one go in the page: the list is drawn anew every few seconds.
    const colours = (ids: string[]) =>
      page.evaluate((wanted) => {
        const doc = (globalThis as unknown as { document: { querySelector(q: string): unknown } }).document;
        const style = (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } })
          .getComputedStyle;
        return wanted.map((q) => {
          const found = doc.querySelector(q);
          return found ? style(found).backgroundColor : '';
        });
      }, ids);
    const [cancelledColour, failedColour] = await until(async () => {
      const read = await colours([
        `#executions li[data-id="${toCancel}"] .state.cancelled`,
        `#executions li[data-id="${source}"] .state.failed`,
      ]);
      return read.every(Boolean) ? read : undefined;
    });
    expect(cancelledColour).to.not.equal(failedColour);
    expect(await page.textContent(`#executions li[data-id="${toCancel}"] .id`)).to.match(/· 20\d\d-\d\d-\d\dT/);
    expect(failures).to.deep.equal([]);
  });
});

describe('the web page as a console (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let base: string;
  usePageServer('flux-console-', (url, chromium) => {
    base = url;
    browser = chromium;
  });

  it('filters the list by state, pages through it, and finds an execution by id', async () => {
    const start = async (input: number) => {
      const answer = await fetch(`${base}/workflows/expenseApproval/run?mode=sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: String(input),
      });
      return ((await answer.json()) as { executionId: string }).executionId;
    };
    const ids: string[] = [];
    for (let i = 0; i < 53; i++) ids.push(await start(i));
    const cancelled = ids[0]!;
    await fetch(`${base}/executions/${cancelled}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(base);
    await page.locator('#filter-workflow option[value="expenseApproval"]').waitFor({ state: 'attached' });
    await waitForText(page, '#page', '1–50');
    expect(await page.isDisabled('#older')).to.equal(false);
    await page.click('#older');
    await waitForText(page, '#page', '51–53');
    expect(await page.locator('#executions li').count()).to.equal(3);
    expect(await page.isDisabled('#older')).to.equal(true);

    await page.selectOption('#filter-state', 'cancelled');
    await waitForText(page, '#page', '1–1');
    expect(await page.getAttribute('#executions li', 'data-id')).to.equal(cancelled);
    await page.selectOption('#filter-state', 'succeeded');
    await waitForText(page, '#page', 'none');

    await page.fill('#find-id', ids[7]!);
    await page.press('#find-id', 'Enter');
    await page.locator('#execution-title', { hasText: ids[7]! }).waitFor();
    await page.fill('#find-id', 'no-such-execution');
    await page.press('#find-id', 'Enter');
    await page.locator('#list-message', { hasText: 'EXECUTION_NOT_FOUND' }).waitFor();

    // 800 px wide: nothing is cut off or pushes the page sideways; the picture scrolls in its frame.
    await page.setViewportSize({ width: 800, height: 900 });
    await page.locator('#picture svg').waitFor();
    const widths = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document;
      return doc.documentElement.scrollWidth;
    });
    expect(widths, 'the page is no wider than the window').to.be.at.most(800);
    expect(failures).to.deep.equal([]);
  });
});

/**
 * `flux server` with the approval example, as a user starts it (the CLI, in a process of its own, on
 * an embedded store of its own), and headless Chromium, for the enclosing `describe`.
 */
function usePageServer(home: string, use: (base: string, browser: Browser) => void): void {
  let browser: Browser | undefined;
  let server: ChildProcess | undefined;
  before(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (npm test installs it)`);
    const args = [
      '--import',
      'tsx',
      join(ROOT, 'cli', 'flux.ts'),
      'server',
      join(ROOT, 'examples', 'pause-with-input.ts'),
    ];
    const started = spawn(process.execPath, [...args, '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, FLUX_HOME: tempDir(home), FLUX_NATS_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    server = started;
    const base = await new Promise<string>((resolve, reject) => {
      let said = '';
      started.stdout!.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        const url = /on (http:\/\/\S+)/.exec(said)?.[1];
        if (url) resolve(url);
      });
      started.once('exit', (code) => reject(new Error(`flux server exited with ${code}: ${said}`)));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    use(base, browser);
  });
  after(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  });
}

/** FLUX_SCREENSHOTS=docs: the README's pictures of the page, taken where the tests get to each view. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.FLUX_SCREENSHOTS)
    await page.screenshot({ path: join(process.env.FLUX_SCREENSHOTS, name), fullPage: true });
}

async function waitForText(page: Page, selector: string, text: string): Promise<string | null> {
  // Runs in the page (this project's lib has no DOM types): `document` is the page's.
  const inPage = ([s, t]: string[]) =>
    (
      globalThis as unknown as { document: { querySelector(q: string): { textContent: string } | null } }
    ).document.querySelector(s!)?.textContent === t;
  await page.waitForFunction(inPage, [selector, text], { timeout: 15_000 });
  return page.textContent(selector);
}
