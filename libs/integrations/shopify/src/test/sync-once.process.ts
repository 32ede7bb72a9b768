// Runs one Shopify sync in its own process (for the kill test). argv[2]: JSON {env, databaseUrl}.
// The kill test's store uses an access token, so nothing is sealed: a throwaway key will do.
import { randomBytes } from 'node:crypto';

import { MemoryPublisher } from '@ops/sse-events';
import { CredentialSealer, openDatabase } from '@ops/store';
import { OutboxRelay, SyncRunner } from '@ops/sync-core';

import { readShopifyConfig } from '../config/shopify.config';
import { createShopifyClients } from '../shopify-clients';
import { ShopifySync } from '../shopify.sync';

async function main(): Promise<void> {
  const { env, databaseUrl } = JSON.parse(process.argv[2]) as { env: Record<string, string>; databaseUrl: string };
  const config = readShopifyConfig(env);
  if (!config) throw new Error('no stores configured');
  const database = await openDatabase({ databaseUrl });
  const runner = new SyncRunner(database, new OutboxRelay(database, new MemoryPublisher()));
  const result = await runner.run(new ShopifySync(config, createShopifyClients(config, database, new CredentialSealer(randomBytes(32)))), {
    progress: (line) => process.stdout.write(`${line}\n`),
  });
  await database.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
