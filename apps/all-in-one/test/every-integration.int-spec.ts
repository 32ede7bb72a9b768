import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SANDBOX_SYSTEMS, type StartedSandbox, startSandboxSystems } from '@ops/api-sandbox';
import { keyNeedles, scanFiles, scanText, secretNeedles } from '@ops/store/testing';

import { type GateProxy, startGateProxy } from './support/gate-proxy';
import { amazonEnv, unleashedEnv, xeroEnv } from './support/sandbox-env';
import { killLeftovers, spawnProduct, terminate } from './support/spawn-product';
import { SseSubscriber } from './support/sse-subscriber';

/**
 * The product with Xero, Amazon and Unleashed configured from the sandbox's manifest (what
 * `npm run sandbox` prints), logging at `debug`: each start-up sync reaches a dashboard subscriber,
 * and afterwards no credential is in anything the process wrote: its whole log output and every
 * byte of its data directory. Tokens the sandbox issued during the run are unknown to the test, so
 * their prefixes are searched for too (`sbx_at_`/`sbx_rt_` Xero, `Atza|`/`Atzr|` Amazon).
 * The systems sit behind gates that open once the subscriber is connected: start-up syncs begin
 * before the hub listens, and an event published before a subscriber connects is not replayed.
 */
describe('all-in-one with every sandbox system', () => {
  let dataRoot: string;
  let sandbox: StartedSandbox;
  let gates: GateProxy[] = [];

  beforeAll(async () => {
    dataRoot = mkdtempSync(join(tmpdir(), 'all-in-one-every-'));
    sandbox = await startSandboxSystems(SANDBOX_SYSTEMS, ['--port=0', '--shops=every-uk.myshopify.com:GBP:40'], {});
  });
  afterAll(async () => {
    killLeftovers();
    await Promise.all(gates.map((gate) => gate.close()));
    await sandbox.close();
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it('syncs each at start-up to a dashboard subscriber and leaves no secret in its logs or data files', async () => {
    const { xero, amazon, unleashed } = sandbox.manifest;
    const dataDir = join(dataRoot, 'pglite');
    gates = await Promise.all([xero.endpoint, amazon.endpoint, unleashed.endpoint].map(startGateProxy));
    const [xeroGate, amazonGate, unleashedGate] = gates.map((gate) => ({ endpoint: gate.url }));
    const env = {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      ...xeroEnv({ ...xero, ...xeroGate }),
      ...amazonEnv({ ...amazon, ...amazonGate }),
      ...unleashedEnv({ ...unleashed, ...unleashedGate }),
    };
    const product = await spawnProduct(env);
    const dashboard = new SseSubscriber(`${product.url}/sse/dashboard`);
    try {
      await dashboard.waitFor((events) => events.some((e) => e.type === 'connected'));
      for (const gate of gates) gate.open();
      const done = ['working_capital:update', 'amazon:sync_completed', 'unleashed:sync_completed'];
      await dashboard.waitFor((events) => done.every((type) => events.some((e) => e.type === type)), 90_000);
      await dashboard.waitFor((events) => events.filter((e) => e.type === 'working_capital:update').length === xero.tenants.length, 30_000);
      const updates = dashboard.events.filter((e) => e.type === 'working_capital:update');
      expect(new Set(updates.map((e) => e.data.payload?.['tenantId']))).toEqual(new Set(xero.tenants.map((t) => t.tenantId)));
      expect(dashboard.events.filter((e) => e.type !== 'connected').every((e) => e.data.source?.['environment'] === 'sandbox')).toBe(true);

      const integrations = (await (await fetch(`${product.url}/api/integrations`)).json()) as { integration: string; lastRun: { status: string } | null }[];
      const statusOf = (name: string) => integrations.find((i) => i.integration === name)?.lastRun?.status;
      expect([statusOf('xero'), statusOf('amazon'), statusOf('unleashed')]).toEqual(['succeeded', 'succeeded', 'succeeded']);
    } finally {
      dashboard.close();
    }
    expect((await terminate(product)).code).toBe(0);

    const needles = [
      ...secretNeedles({
        'xero client secret': [xero.clientSecret],
        'xero refresh token': [xero.refreshToken],
        'amazon client secret': [amazon.clientSecret],
        'amazon refresh token': [amazon.refreshToken],
        'unleashed api key': [unleashed.apiKey],
        'a xero access token': ['sbx_at_'],
        'a xero refresh token': ['sbx_rt_'],
        'an amazon access token': ['Atza|'],
        'an amazon refresh token': ['Atzr|'],
      }),
      ...keyNeedles(Buffer.from(readFileSync(join(dataRoot, 'credentials.key'), 'utf8').trim(), 'base64')),
    ];
    const output = product.output();
    expect(scanText(output, needles)).toEqual([]);
    const files = scanFiles(dataDir, needles);
    expect(files.found).toEqual([]);
    // Not vacuous: the log is verbose, and the scans find what the process did write in plain.
    expect(output.length).toBeGreaterThan(10_000);
    expect(scanText(output, secretNeedles({ marketplace: [amazon.marketplaces[0].id], tenant: [xero.tenants[0].name] }))).toEqual(['marketplace', 'tenant']);
    expect(scanFiles(dataDir, secretNeedles({ marketplace: [amazon.marketplaces[0].id] })).found.length).toBeGreaterThan(0);
  });
});
