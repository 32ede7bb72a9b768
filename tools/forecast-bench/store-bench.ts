import { readFileSync } from 'node:fs';

import { ForecastJobEngine } from '@ops/forecasting';
import type { Envelope, EventPublisher } from '@ops/sse-events';
import { openDatabase, streamDailySalesBySku } from '@ops/store';
import { sql } from 'drizzle-orm';

import { generateSku } from './demand-generator';

/**
 * The whole job over the store: BENCH_SKUS x BENCH_DAYS of daily sales written to PGlite as
 * orders (one order and line per SKU-day with sales), then one forecast job through the SQL
 * history query, fitting, backtesting and saving. Prints stage times and peak RSS as JSON.
 */
const skus = Number(process.env['BENCH_SKUS'] ?? 1000);
const days = Number(process.env['BENCH_DAYS'] ?? 730);
const horizon = 28;
const DAY_MS = 86_400_000;
const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

async function main() {
  const loadBefore = loadAverage();
  const database = await openDatabase({ inMemory: true });
  const yesterday = Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS;
  const seedStarted = performance.now();
  let rows = 0;
  for (let i = 0; i < skus; i++) {
    const values = generateSku(i, days, 20261202);
    const ids: string[] = [];
    const at: string[] = [];
    const qty: number[] = [];
    values.forEach((v, t) => {
      if (v <= 0) return;
      ids.push(`b${i}-${t}`);
      at.push(new Date(yesterday - (days - 1 - t) * DAY_MS + 12 * 3_600_000).toISOString());
      qty.push(v);
    });
    const sku = `SKU-${String(i).padStart(4, '0')}`;
    await database.db.execute(sql`insert into orders (integration, account_id, external_id, name, currency, created_at, updated_at, gross, net)
      select 'shopify', 'bench', id, id, 'GBP', t::timestamptz, t::timestamptz, 1, 1 from unnest(${pgArray(ids)}::text[], ${pgArray(at)}::text[]) as u(id, t)`);
    await database.db.execute(sql`insert into order_lines (integration, account_id, order_external_id, external_id, sku, quantity, price)
      select 'shopify', 'bench', id, '1', ${sku}, q, 1 from unnest(${pgArray(ids)}::text[], ${pgArray(qty.map(String))}::numeric[]) as u(id, q)`);
    rows += ids.length;
    // As the store's upserts do (noteInserted): keep planner statistics current while the tables grow.
    if ((i & (i + 1)) === 0 || i === skus - 1) for (const table of [sql`orders`, sql`order_lines`]) await database.db.execute(sql`analyze ${table}`);
    if ((i + 1) % 100 === 0) process.stderr.write(`seeded ${i + 1} SKUs (${((performance.now() - seedStarted) / 1000).toFixed(1)} s)\n`);
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const probe = performance.now();
  let probed = 0;
  for await (const s of streamDailySalesBySku(database.db, { timeZone: 'UTC', through: new Date(yesterday).toISOString().slice(0, 10) })) probed += s.units.length;
  process.stderr.write(`history query alone: ${probed} days in ${((performance.now() - probe) / 1000).toFixed(2)} s\n`);

  const stageStart: Record<string, number> = {};
  const started = performance.now();
  const publisher: EventPublisher = {
    publish: async (envelopes: Envelope | readonly Envelope[]) => {
      for (const e of Array.isArray(envelopes) ? envelopes : [envelopes]) {
        const stage = (e.payload as { stage?: string }).stage;
        if (stage && stageStart[stage] === undefined) {
          stageStart[stage] = Number(((performance.now() - started) / 1000).toFixed(2));
          process.stderr.write(`${stage} from ${stageStart[stage]} s\n`);
        }
      }
    },
    close: async () => undefined,
  };
  const engine = new ForecastJobEngine({ database, config: { timeZone: 'UTC', environment: 'production' }, publisher });
  const cpuStart = process.cpuUsage();
  const job = await engine.submit({ skus: null, sources: null, horizonDays: horizon }, 'api');
  await job.finished;
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const stored = await engine.get(job.jobId);
  await database.close();
  console.log(
    JSON.stringify(
      {
        skus,
        days,
        horizon,
        orderLinesSeeded: rows,
        seedSeconds: Number(seedSeconds.toFixed(1)),
        jobStatus: stored?.status,
        summary: stored?.summary,
        jobWallSeconds: Number(wall.toFixed(2)),
        jobCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
        stageStartSeconds: stageStart,
        peakRssMiB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
        loadAverage: { before: loadBefore, after: loadAverage() },
        node: process.version,
      },
      null,
      2,
    ),
  );
}

/** A Postgres array literal of plain tokens (ids, ISO times, integers: no quotes or commas inside). */
const pgArray = (values: readonly string[]) => `{${values.join(',')}}`;

void main();
