import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startXeroSandbox, type XeroSandbox } from '@ops/api-sandbox';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { describeWith, launchBrowser, waitForConnectionState, waitForLoggedEvent } from './support/browser';
import { xeroEnv } from './support/sandbox-env';
import { killLeftovers, type RunningProduct, spawnProduct } from './support/spawn-product';

interface Status {
  activeConnections: number;
  totalConnections: number;
}

describeWith(['chromium'], 'two tabs of the dashboard page, with Xero on the sandbox', () => {
  let xero: XeroSandbox;
  let dataRoot: string;
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;

  const status = async (): Promise<Status> => (await (await fetch(`${product.url}/sse/status`)).json()) as Status;

  /** Polls the hub's status until `done` holds; returns it and how long after `started` that was. */
  async function statusWhen(done: (status: Status) => boolean, timeoutMs: number, started = Date.now()): Promise<{ status: Status; ms: number }> {
    for (;;) {
      const current = await status();
      if (done(current) || Date.now() - started > timeoutMs) return { status: current, ms: Date.now() - started };
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  const broadcast = async (message: string): Promise<string> => {
    const response = await fetch(`${product.url}/sse/admin/broadcast`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message, level: 'info' }),
    });
    return ((await response.json()) as { id: string }).id;
  };

  const openTab = async (): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(product.url);
    await waitForConnectionState(page, 'open');
    return page;
  };

  beforeAll(async () => {
    dataRoot = mkdtempSync(join(tmpdir(), 'dashboard-tabs-'));
    xero = await startXeroSandbox();
    const manifest = { endpoint: xero.url, clientId: xero.clientId, clientSecret: xero.clientSecret, refreshToken: xero.refreshToken, tenants: [...xero.tenants] };
    product = await spawnProduct({ DATA_DIR: join(dataRoot, 'pglite'), ...xeroEnv(manifest) });
    browser = await launchBrowser();
    context = await browser.newContext();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    killLeftovers();
    await xero?.close();
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it("shows each Xero tenant's working capital as the sandbox works it out from its ledger", async () => {
    const page = await openTab();
    await page.locator('[data-testid="integration-xero"][data-status="succeeded"]').waitFor({ timeout: 60_000 });
    for (const tenant of xero.tenants) {
      const expected = xero.expected(tenant.tenantId);
      for (const field of ['workingCapital', 'currentAssets', 'currentLiabilities', 'cash', 'accountsReceivable', 'accountsPayable', 'inventory'] as const) {
        const figure = page.locator(`[data-figure="working-capital.${tenant.tenantId}.${field}"]`);
        await figure.waitFor({ state: 'attached', timeout: 30_000 });
        expect([field, await figure.getAttribute('data-value')]).toEqual([field, expected[field]]);
      }
    }
    await page.close();
  }, 90_000);

  it('share one SSE connection, and the other tab takes it over within 2 s of the leader closing', async () => {
    const leader = await openTab();
    const follower = await openTab();
    // Both tabs show live events through the one connection.
    const before = await statusWhen((s) => s.activeConnections === 1, 5_000);
    expect(before.status.activeConnections).toBe(1);
    const first = await broadcast('seen by both tabs');
    await Promise.all([waitForLoggedEvent(leader, first), waitForLoggedEvent(follower, first)]);

    const closedAt = Date.now();
    await leader.close();
    // The leader's connection closes and the follower opens its own: one new connection, one open.
    const handover = await statusWhen((s) => s.totalConnections > before.status.totalConnections && s.activeConnections === 1, 2_000, closedAt);
    expect(handover.status).toMatchObject({ activeConnections: 1, totalConnections: before.status.totalConnections + 1 });
    expect(handover.ms).toBeLessThanOrEqual(2_000);
    await waitForConnectionState(follower, 'open', 2_000);

    const sentinel = await broadcast('after the handover');
    await waitForLoggedEvent(follower, sentinel);
    expect((await status()).activeConnections).toBe(1);
  }, 60_000);
});
