// `npm run bench:amazon [-- --rate-scale=2 --orders-rate-scale=50 --skus=10000 --orders=2500 --shipments=40]`: an Amazon
// sync of a realistic seller (20k SKUs and 5k orders over 30 days across 2 marketplaces by default)
// against the SP-API sandbox with its per-operation buckets on. Reports wall time, the lower bound
// the limits impose on the requests the sync made, their ratio, 429s, and the worker's peak RSS.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type AmazonOperation, DOCUMENTED_USAGE_PLANS, startAmazonSandbox, type UsagePlan } from '@ops/api-sandbox';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
// Amazon's documented rates would make this a 90-minute run (searchOrders restores one request
// every 180 s); the sandbox runs them faster by these factors, and the bound uses the same rates.
const rateScale = arg('rate-scale', 2);
const ordersRateScale = arg('orders-rate-scale', 50);
const skus = arg('skus', 10_000);
const orders = arg('orders', 2_500);
const shipments = arg('shipments', 40);

/**
 * The shortest time the limits allow for `count` requests of one operation starting from a full
 * bucket: the first `burst` go at once, each further one waits 1/rate. Operations have separate
 * buckets and the sync runs them concurrently, so the sync's bound is the largest of them.
 */
function boundSeconds(count: number, plan: UsagePlan): number {
  return Math.max(0, count - plan.burst) / plan.rate;
}

function runChild(env: Record<string, string>): Promise<{ runs: { label: string; wallMs: number; result: unknown }[]; published: Record<string, number>; maxRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'sync-run.ts')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')) : reject(new Error(`sync child exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const marketplaces = [
    { id: 'A1F83G8C2ARO7P', currency: 'GBP', skus, orders, shipments },
    { id: 'A1PA6795UKMFR9', currency: 'EUR', skus, orders, shipments },
  ];
  const sandbox = await startAmazonSandbox({ marketplaces, rateScale, rateScales: { searchOrders: ordersRateScale }, seed: 11 });
  const dir = mkdtempSync(join(tmpdir(), 'amazon-bench-'));
  try {
    console.log(`Amazon sync bench: ${marketplaces.length} marketplaces x ${skus} SKUs, ${orders} orders (30 days), ${shipments} inbound shipments; rates x${rateScale}`);
    const output = await runChild({
      AMAZON_ENDPOINT: sandbox.url,
      AMAZON_REGION: sandbox.region,
      AMAZON_MARKETPLACES: marketplaces.map((m) => m.id).join(','),
      AMAZON_CLIENT_ID: sandbox.credentials.clientId,
      AMAZON_CLIENT_SECRET: sandbox.credentials.clientSecret,
      AMAZON_REFRESH_TOKEN: sandbox.credentials.refreshToken,
      BENCH_DATA_DIR: join(dir, 'pglite'),
      SWC_NODE_PROJECT: 'tsconfig.ts-node.json',
    });
    // The run's own counters: requests per operation it sent (429 retries would be included).
    const countersOf = (run: { result: unknown }) => (run.result as { counters?: Record<string, number> }).counters ?? {};
    const counts = new Map<AmazonOperation, number>(
      Object.entries(countersOf(output.runs[0]))
        .filter(([key]) => key.startsWith('requests.'))
        .map(([key, value]) => [key.slice('requests.'.length) as AmazonOperation, value]),
    );
    const rows = [...counts].map(([operation, count]) => ({
      operation,
      requests: count,
      plan: `${sandbox.usagePlans[operation].rate}/s burst ${sandbox.usagePlans[operation].burst}`,
      boundS: Number(boundSeconds(count, sandbox.usagePlans[operation]).toFixed(2)),
      documentedBoundS: Number(boundSeconds(count, DOCUMENTED_USAGE_PLANS[operation]).toFixed(0)),
    }));
    const bound = Math.max(...rows.map((r) => r.boundS));
    const wall = output.runs[0].wallMs / 1000;
    console.table(rows);
    console.log(`first run: wall ${wall.toFixed(2)} s, bound ${bound.toFixed(2)} s, ratio ${(wall / bound).toFixed(3)}x (target <= 1.15x)`);
    console.log(`second run (nothing changed): wall ${(output.runs[1].wallMs / 1000).toFixed(2)} s, requests ${JSON.stringify(countersOf(output.runs[1]))}`);
    console.log(`429 answers: ${sandbox.requests.filter((r) => r.status === 429).length}; token requests: ${sandbox.requests.filter((r) => r.operation === 'token').length}`);
    console.log(`worker peak RSS: ${output.maxRssMb} MB (the sync process alone; the sandbox runs in the parent)`);
    console.log(`at Amazon's documented rates the same requests need at least ${Math.max(...rows.map((r) => r.documentedBoundS))} s`);
    console.log(`results: ${JSON.stringify(output.runs.map((r) => ({ label: r.label, wallMs: r.wallMs, result: r.result })))}`);
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
