// One Shopify sync in its own process, so its peak RSS is its own. Prints one JSON line.
// Stores authenticate with access tokens, so nothing is sealed: a throwaway key will do.
import { randomBytes } from 'node:crypto';

import { MemoryPublisher } from '@ops/sse-events';
import { createShopifyClients, readShopifyConfig, ShopifySync } from '@ops/integrations/shopify';
import { CredentialSealer, openDatabase } from '@ops/store';
import { OutboxRelay, SyncRunner } from '@ops/sync-core';

interface RunSpec {
  env: Record<string, string>;
  dataDir: string;
  databaseUrl?: string;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]) as RunSpec;
  const config = readShopifyConfig(spec.env);
  if (!config) throw new Error('no stores');
  const database = await openDatabase({ dataDir: spec.dataDir, databaseUrl: spec.databaseUrl });
  const publisher = new MemoryPublisher();
  let events = 0;
  publisher.subscribe(() => (events += 1));
  const runner = new SyncRunner(database, new OutboxRelay(database, publisher));
  const job = new ShopifySync(config, createShopifyClients(config, database, new CredentialSealer(randomBytes(32))));
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  let firstPageMs: number | undefined;
  const result = await runner.run(job, {
    progress: (line) => {
      if (firstPageMs === undefined && /orders stored/.test(line)) firstPageMs = elapsed();
    },
  });
  const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
  await database.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ result, durationMs, firstPageMs, maxRssMb, events })}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
