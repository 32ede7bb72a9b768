import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's `chromium` (`.ci/run` installs it when missing); `CHROMIUM_PATH` overrides. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The Redis the browser specs that need one use: `REDIS_URL`, else a local server. */
export const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';

export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

type Requirement = 'chromium' | 'redis';
type Availability = { ok: true } | { ok: false; reason: string };

function chromiumAvailable(): Availability {
  return existsSync(CHROMIUM_PATH) ? { ok: true } : { ok: false, reason: `no Chromium at ${CHROMIUM_PATH} (install chromium or set CHROMIUM_PATH)` };
}

/** Whether Redis answers PING within 3 s; synchronous (a child process) because `describe` bodies cannot await. */
function redisAvailable(): Availability {
  const script = `
    const { Redis } = require(${JSON.stringify(require.resolve('ioredis'))});
    const client = new Redis(process.argv[1], { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    client.connect().then(() => client.ping()).then(() => { client.disconnect(); process.exit(0); },
      (error) => { console.error(error.message); process.exit(1); });`;
  const probe = spawnSync(process.execPath, ['-e', script, REDIS_URL], { encoding: 'utf8', timeout: 10_000 });
  return probe.status === 0 ? { ok: true } : { ok: false, reason: `Redis unreachable at ${REDIS_URL}: ${probe.stderr.trim() || `exit ${probe.status}`}` };
}

const CHECKS: Record<Requirement, () => Availability> = { chromium: chromiumAvailable, redis: redisAvailable };

/**
 * `describe` for specs that need a browser (and Redis). When one is missing: with `CI=true` the
 * block fails (one test naming what is missing); otherwise it is skipped with a console message,
 * as `describeWithPostgres` does.
 */
export function describeWith(requirements: readonly Requirement[], name: string, body: () => void): void {
  const missing = requirements.map((requirement) => CHECKS[requirement]()).flatMap((status) => (status.ok ? [] : [status.reason]));
  if (missing.length === 0) return describe(name, body);
  if (process.env['CI'] === 'true') {
    describe(name, () => {
      it(`needs ${requirements.join(' and ')}`, () => {
        throw new Error(`${missing.join('; ')} (CI=true)`);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": ${missing.join('; ')}.`);
  describe.skip(name, body);
}

/** Headless Chromium as the acceptance tests run it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
}

/** A port free right now, for a process that must come back on the same port after a restart. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The connection state the page shows (`[data-testid="connection-state"]`'s `data-state`). */
export function connectionState(page: Page): Promise<string | null> {
  return page.locator('[data-testid="connection-state"]').first().getAttribute('data-state');
}

/** Waits until the page shows `state` as its connection state. */
export async function waitForConnectionState(page: Page, state: string, timeoutMs = 15_000): Promise<void> {
  await page.locator(`[data-testid="connection-state"][data-state="${state}"]`).first().waitFor({ timeout: timeoutMs });
}

/** The ids of the events in the page's event log, in the order shown. */
export function loggedEventIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid="event-log"] li[data-event-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-event-id') ?? ''));
}

/** Waits until the page's event log shows an event with this id. */
export async function waitForLoggedEvent(page: Page, id: string, timeoutMs = 15_000): Promise<void> {
  await page.locator(`[data-testid="event-log"] li[data-event-id="${id}"]`).first().waitFor({ state: 'attached', timeout: timeoutMs });
}

/** Saves a screenshot of the viewport (the size a reader sees first) only when `UPDATE_SCREENSHOTS=1`. */
export async function maybeScreenshot(page: Page, path: string): Promise<void> {
  if (process.env['UPDATE_SCREENSHOTS'] !== '1') return;
  await page.screenshot({ path });
}
