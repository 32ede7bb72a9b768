// Child process of bench.ts: one Amazon sync on its own store, so its peak RSS is the worker's alone.
// Reads AMAZON_* from the environment and BENCH_DATA_DIR; prints one JSON line with the results.
import { randomBytes } from 'node:crypto';

import { amazonWorker } from '@ops/integrations/amazon';
import { MemoryPublisher } from '@ops/sse-events';
import { CredentialSealer, openDatabase } from '@ops/store';
import { OutboxRelay, SyncRunner } from '@ops/sync-core';

async function main(): Promise<void> {
  const answer = amazonWorker.readConfig(process.env);
  if (!answer.configured) throw new Error(answer.reason);
  const database = await openDatabase({ dataDir: process.env['BENCH_DATA_DIR'] });
  const publisher = new MemoryPublisher();
  const published: Record<string, number> = {};
  publisher.subscribe((e) => void (published[e.type] = (published[e.type] ?? 0) + 1));
  const runner = new SyncRunner(database, new OutboxRelay(database, publisher));
  const job = amazonWorker.createJob(answer.config, { database, sealer: new CredentialSealer(randomBytes(32)), shutdownSignal: new AbortController().signal });
  const runs = [];
  for (const label of ['first (full)', 'second (incremental, nothing changed)']) {
    const started = performance.now();
    const result = await runner.run(job, { progress: (line) => process.stderr.write(`  ${line}\n`) });
    runs.push({ label, wallMs: Math.round(performance.now() - started), result });
  }
  await database.close();
  console.log(JSON.stringify({ runs, published, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
