import { readFileSync } from 'node:fs';

import { forecastMany, type SeriesResult } from '@ops/forecasting';

import { generateSku, kindOf } from './demand-generator';
import { summarise } from './bench-summary';

const skus = Number(process.env['BENCH_SKUS'] ?? 1000);
const days = Number(process.env['BENCH_DAYS'] ?? 730);
const horizon = 28;

/** 1-minute load average: on a shared machine wall time exceeds CPU time when other processes compete. */
const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

async function main() {
  const loadBefore = loadAverage();
  const series = Array.from({ length: skus }, (_, i) => ({ id: `SKU-${i}`, values: generateSku(i, days, 20261202) }));
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const stageTimes: Record<string, number> = {};
  const results: SeriesResult[] = await forecastMany(series, {
    frequency: 'day',
    horizon,
    onProgress: (p) => {
      if (p.fraction === 1) stageTimes[p.stage] = (performance.now() - started) / 1000;
    },
  });
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const report = {
    skus,
    days,
    horizon,
    wallSeconds: Number(wall.toFixed(2)),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    stageEndSeconds: stageTimes,
    loadAverage: { before: loadBefore, after: loadAverage() },
    peakRssMiB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
    node: process.version,
    cpusAllowed: process.env['BENCH_CPUS'] ?? 'unpinned',
    ...summarise(results, (id) => kindOf(Number(id.slice(4)))),
  };
  console.log(JSON.stringify(report, null, 2));
}

void main();
