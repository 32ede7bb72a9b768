import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ShopSpec } from '@ops/api-sandbox';
import { CredentialSealer, type Database, getCredentialState, openDatabase } from '@ops/store';
import { describeWithPostgres, keyNeedles, scanFiles, scanText, secretNeedles, type SecretNeedle } from '@ops/store/testing';
import { sql } from 'drizzle-orm';

import { startHarness } from './test/shopify-harness';

/**
 * Issue 7's acceptance test for credentials at rest: after a real client-credentials sync against
 * the sandbox, no access token, client secret or sealing key is anywhere in the database files
 * (PGlite's data directory read raw, byte by byte) or in a `pg_dump`. Each scan is shown to work:
 * it finds a token written unsealed to a control row, and a shop domain stored in plain.
 */

const shops = (prefix: string): ShopSpec[] => [
  { domain: `${prefix}-uk.myshopify.com`, currency: 'GBP', orders: 60, products: 5 },
  { domain: `${prefix}-eu.myshopify.com`, currency: 'EUR', orders: 40, products: 5 },
];

/** The secrets a run handled: issued tokens, client secrets, and the key in every encoding. */
function needlesOf(tokens: string[], clientSecrets: string[], key: Buffer): SecretNeedle[] {
  return [...secretNeedles({ 'access token': tokens, 'client secret': clientSecrets }), ...keyNeedles(key)];
}

/** Syncs `specs` with client credentials only; returns the tokens it stored and the client secrets it used. */
async function syncWithClientCredentials(database: Database, specs: ShopSpec[], sealer: CredentialSealer) {
  const harness = await startHarness(database, specs, { clientCredentials: specs.map((_, i) => i), sealer });
  try {
    const result = await harness.run(true);
    expect(result).toMatchObject({ status: 'succeeded', counters: { stores: specs.length, failedStores: 0 } });
    expect(harness.sandbox.requests.filter((r) => r.api === 'oauth').length).toBe(specs.length);
    const tokens: string[] = [];
    for (const spec of specs) {
      const state = await getCredentialState(database.db, sealer, 'shopify', spec.domain);
      expect(state?.['accessToken']).toMatch(/^shpca_/);
      tokens.push(String(state?.['accessToken']));
    }
    return { tokens, clientSecrets: specs.map((spec) => harness.sandbox.credentials(spec.domain).clientSecret) };
  } finally {
    await harness.close();
  }
}

/** A row holding `token` the way credentials were stored before sealing: plain JSON. */
async function writePlainControlRow(database: Database, token: string): Promise<void> {
  const plain = JSON.stringify({ accessToken: token, expiresAt: 0 });
  await database.db.execute(
    sql`insert into integration_accounts (integration, account_id, credential_state) values ('shopify', 'control-plain.myshopify.com', ${plain}::jsonb)`,
  );
}

describe('credentials at rest: the PGlite data directory, read raw', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'credentials-at-rest-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds no access token, client secret or key after a client-credentials sync; the same scan finds a plain control row', async () => {
    const key = randomBytes(32);
    const sealer = new CredentialSealer(key);
    const specs = shops('rest-pglite');
    const dataDir = join(dir, 'pglite');

    let database = await openDatabase({ dataDir });
    const { tokens, clientSecrets } = await syncWithClientCredentials(database, specs, sealer).finally(() => database.close());

    const needles = needlesOf(tokens, clientSecrets, key);
    const scan = scanFiles(dataDir, needles);
    expect(scan.found).toEqual([]);
    // Not vacuous: the files are the database, and plain data in them is found by the same scan.
    expect(scan.files).toBeGreaterThan(100);
    expect(scanFiles(dataDir, [{ label: 'shop domain', bytes: Buffer.from(specs[0].domain) }]).found.length).toBeGreaterThan(0);

    database = await openDatabase({ dataDir });
    await writePlainControlRow(database, tokens[0]).finally(() => database.close());
    expect(scanFiles(dataDir, needles).found).toEqual(expect.arrayContaining([expect.stringMatching(/^access token 0 in /)]));
  });
});

describeWithPostgres('credentials at rest: a pg_dump of the Postgres database', (pg) => {
  let database: Database | undefined;
  afterAll(async () => database?.close());

  const dump = () => execFileSync('pg_dump', ['--dbname', pg.url], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

  it('holds no access token, client secret or key after a client-credentials sync; the same scan finds a plain control row', async () => {
    const key = randomBytes(32);
    const sealer = new CredentialSealer(key);
    const specs = shops('rest-postgres');
    database = await openDatabase({ databaseUrl: pg.url });
    const { tokens, clientSecrets } = await syncWithClientCredentials(database, specs, sealer);

    const needles = needlesOf(tokens, clientSecrets, key);
    const before = dump();
    expect(scanText(before, needles)).toEqual([]);
    expect(before).toContain('COPY public.integration_accounts');
    expect(before).toContain(specs[0].domain);

    await writePlainControlRow(database, tokens[0]);
    expect(scanText(dump(), needles)).toEqual(['access token 0']);
  });
});
