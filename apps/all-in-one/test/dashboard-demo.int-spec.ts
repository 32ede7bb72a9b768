import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { describeWith, DESKTOP, launchBrowser, maybeScreenshot, PHONE, waitForConnectionState } from './support/browser';

const WORKSPACE = join(__dirname, '../../..');
const AXE = require.resolve('axe-core/axe.min.js');
const SCREENSHOTS = join(WORKSPACE, 'docs/screenshots');
const READ_PATHS = ['/api/sales', '/api/working-capital', '/api/inventory', '/api/production'] as const;

interface Demo {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | string | null>;
  url: string;
}

/** `npm run demo` as a user runs it (the test target has built both apps already, hence `--no-build`). */
async function startDemo(args: string[]): Promise<Demo> {
  const child = spawn(process.execPath, [join(WORKSPACE, 'scripts/demo.mjs'), '--no-build', ...args], {
    cwd: WORKSPACE,
    env: { ...process.env, NX_DAEMON: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const deadline = Date.now() + 90_000;
  for (;;) {
    const url = /^Dashboard: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output)?.[1];
    if (url) return { child, output: () => output, exited, url };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGINT');
      throw new Error(`the demo did not print its Dashboard line:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The sandbox's own totals, as the demo's sandbox process printed them (its start-up lines, which
 * the demo echoes): per Shopify shop the counted orders and gross; per Amazon marketplace its FBA
 * SKUs; Unleashed's stock on hand and value.
 */
function sandboxTotals(output: string) {
  const shops = [...output.matchAll(/sandbox \|\s+(\S+\.myshopify\.com)\s.*\sorders=(\d+) gross=([\d.]+) ([A-Z]{3})/g)].map(
    ([, domain, orders, gross, currency]) => ({ domain, orders, gross, currency }),
  );
  const unleashed = /sandbox \|.*stock lines \(on hand ([\d.]+), value ([\d.]+)\)/.exec(output);
  const marketplaces = [...output.matchAll(/sandbox \|\s+marketplace (\S+) [A-Z]{3}: (\d+) SKUs/g)].map(([, id, skus]) => ({ id, skus }));
  if (shops.length === 0 || !unleashed || marketplaces.length === 0) throw new Error(`the sandbox's totals are not in the demo's output:\n${output}`);
  return { shops, marketplaces, unleashed: { totalOnHand: unleashed[1], totalValue: unleashed[2] } };
}

/** A decimal string without trailing fractional zeros, so `12.50` and `12.5` compare equal. */
const decimal = (value: string | null) => value?.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') ?? null;

type Json = Record<string, unknown>;
type Section = { status: string; accounts?: (Json & { status: string; source: { account: string } })[] };

/** Every scalar figure of the read API under the page's `data-figure` key (see the page's lib/figure-key). */
function apiFigures(responses: Record<(typeof READ_PATHS)[number], Json>): Map<string, string> {
  const figures = new Map<string, string>();
  const add = (prefix: string, entry: Json) => {
    for (const [field, value] of Object.entries(entry)) {
      if (typeof value === 'string' || typeof value === 'number') figures.set(`${prefix}.${field}`, String(value));
    }
  };
  const okAccounts = (section: unknown) => ((section as Section).accounts ?? []).filter((entry) => entry.status === 'ok');
  for (const system of ['shopify', 'amazon']) {
    for (const entry of okAccounts(responses['/api/sales'][system])) {
      add(`sales.${system}.${entry.source.account}`, entry);
      const periods = (entry['periods'] ?? {}) as Record<string, Json>;
      for (const period of ['today', 'last7Days', 'last30Days']) if (periods[period]) add(`sales.${system}.${entry.source.account}.${period}`, periods[period]);
    }
  }
  for (const entry of okAccounts(responses['/api/working-capital']['xero'])) add(`working-capital.${entry.source.account}`, entry);
  for (const system of ['amazon', 'unleashed']) {
    for (const entry of okAccounts(responses['/api/inventory'][system])) add(`inventory.${system}.${entry.source.account}`, entry);
  }
  for (const entry of okAccounts(responses['/api/production']['unleashed'])) add(`production.${entry.source.account}`, entry);
  return figures;
}

async function readApi(url: string) {
  const entries = await Promise.all(READ_PATHS.map(async (path) => [path, (await (await fetch(`${url}${path}`)).json()) as Json] as const));
  return Object.fromEntries(entries) as Record<(typeof READ_PATHS)[number], Json>;
}

function pageFigures(page: Page): Promise<[string, string][]> {
  return page
    .locator('[data-figure][data-value]')
    .evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-figure') ?? '', element.getAttribute('data-value') ?? ''] as [string, string]));
}

async function figureValue(page: Page, key: string): Promise<string | null> {
  const figure = page.locator(`[data-figure="${key}"]`);
  return (await figure.count()) === 0 ? null : figure.first().getAttribute('data-value');
}

/** Polls until `read` gives `expected` (the page refetches after each sync event), then returns it. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await read();
  }
  return last;
}

const refused = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(3_000) }).then(
    () => false,
    () => true,
  );

describeWith(['chromium'], 'npm run demo in a browser (issue #13 acceptance)', () => {
  let demo: Demo;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    demo = await startDemo(['--without=xero']);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(demo.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    // SIGINT, not SIGKILL: the demo's children run in their own process groups and it stops them.
    if (demo && demo.child.exitCode === null) {
      demo.child.kill('SIGINT');
      await demo.exited;
    }
  }, 60_000);

  it('shows every configured integration synced and Xero, left out, as not configured', async () => {
    await waitForConnectionState(page, 'open');
    for (const name of ['shopify', 'amazon', 'unleashed']) {
      await page.locator(`[data-testid="integration-${name}"][data-status="succeeded"]`).waitFor({ timeout: 90_000 });
    }
    const xero = page.getByTestId('integration-xero');
    expect(await xero.getAttribute('data-status')).toBe('not_configured');
    expect(await xero.innerText()).toContain('Xero not configured');
  });

  it("shows the sandbox's own totals, every figure exactly as the read API gives it, with the sandbox badge", async () => {
    // Expected values: the totals the demo's own sandbox process printed (computed by the sandbox from
    // its dataset), compared with what the page shows; every other figure is compared with the read API.
    const totals = sandboxTotals(demo.output());
    for (const shop of totals.shops) {
      const key = `sales.shopify.${shop.domain}`;
      const read = async () => [await figureValue(page, `${key}.orders`), decimal(await figureValue(page, `${key}.revenue`))];
      expect(await eventually(read, [shop.orders, decimal(shop.gross)])).toEqual([shop.orders, decimal(shop.gross)]);
    }
    for (const marketplace of totals.marketplaces) {
      const skus = () => figureValue(page, `inventory.amazon.${marketplace.id}.totalSKUs`);
      expect(await eventually(skus, marketplace.skus)).toBe(marketplace.skus);
    }
    const stock = async () => [decimal(await figureValue(page, 'inventory.unleashed.main.totalOnHand')), decimal(await figureValue(page, 'inventory.unleashed.main.totalValue'))];
    const expectedStock = [decimal(totals.unleashed.totalOnHand), decimal(totals.unleashed.totalValue)];
    expect(await eventually(stock, expectedStock)).toEqual(expectedStock);

    // Page and API read again until they agree: a scheduled sync may refresh both meanwhile.
    const mismatches = async () => {
      const api = apiFigures(await readApi(demo.url));
      return (await pageFigures(page)).filter(([key, value]) => api.get(key) !== value).map(([key, value]) => ({ key, page: value, api: api.get(key) }));
    };
    expect(await eventually(mismatches, [], 15_000)).toEqual([]);
    const shown = await pageFigures(page);
    expect(shown.length).toBeGreaterThan(30);
    // Amazon's figures are there too (compared with the API above).
    expect(shown.some(([key]) => key.startsWith('sales.amazon.'))).toBe(true);
    expect(shown.some(([key]) => key.startsWith('inventory.amazon.'))).toBe(true);

    const badge = page.getByTestId('sandbox-badge').first();
    expect(await badge.isVisible()).toBe(true);
    expect((await badge.innerText()).trim()).toBe('SANDBOX DATA');
  });

  it('has no WCAG 2.1 A/AA violations that axe-core finds (labels, contrast, roles, names)', async () => {
    await page.addScriptTag({ path: AXE });
    // In the page (a string: this spec compiles without the DOM library).
    const violations = await page.evaluate<string[]>(`axe
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((result) => result.violations.map((v) => v.id + ' (' + v.nodes.length + ': ' + v.nodes[0].target.join(' ') + ')'))`);
    expect(violations).toEqual([]);
  });

  it('runs a forecast from the keyboard: the progress bar reaches 100 and the job completes', async () => {
    // Tab through the page to the button, as a keyboard user would, and press Enter.
    let focused = '';
    for (let presses = 0; presses < 200 && focused !== 'Run forecast'; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string>(`document.activeElement?.tagName === 'BUTTON' ? document.activeElement.textContent.trim() : ''`);
    }
    expect(focused).toBe('Run forecast');
    await page.keyboard.press('Enter');
    await page.locator('[role="progressbar"][aria-label="Forecast progress"][aria-valuenow="100"]').waitFor({ timeout: 90_000 });
    const status = page.getByTestId('forecast-status');
    expect(await eventually(async () => /complete$/.test((await status.innerText()).trim()), true, 30_000)).toBe(true);
  });

  it('saves desktop and phone screenshots when UPDATE_SCREENSHOTS=1', async () => {
    // The job's channel is dropped once it is done, which reopens the shared connection.
    await waitForConnectionState(page, 'open');
    await page.evaluate('window.scrollTo(0, 0)');
    await maybeScreenshot(page, join(SCREENSHOTS, 'dashboard-desktop.png'));
    await page.setViewportSize(PHONE);
    // Usable at phone width: nothing wider than the screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await maybeScreenshot(page, join(SCREENSHOTS, 'dashboard-phone.png'));
  });

  it('Ctrl-C stops the demo, its sandbox and its all-in-one process, exit 0', async () => {
    const sandboxUrls = [...demo.output().matchAll(/sandbox \|\s+\S+\.myshopify\.com\s+(http:\/\/127\.0\.0\.1:\d+)/g)].map((match) => match[1]);
    expect(sandboxUrls.length).toBeGreaterThan(0);
    demo.child.kill('SIGINT');
    expect(await demo.exited).toBe(0);
    expect(demo.output()).toContain('Demo stopped');
    for (const url of [demo.url, ...sandboxUrls]) expect(await refused(url)).toBe(true);
  }, 60_000);
});
