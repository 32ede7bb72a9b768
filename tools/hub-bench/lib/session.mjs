// One measurement: a fresh server of one kind, N subscribers, then the phases in order:
// connect -> idle (RSS, idle CPU) -> light load -> bursts. Everything is bounded in time.
import { performance } from 'node:perf_hooks';

import { GeneratorPool } from './generators.mjs';
import { percentile } from './histogram.mjs';
import { cpuSeconds, machineBusySeconds, rssKb, sleep, stopChild } from './proc.mjs';
import { createPublisher } from './publisher.mjs';
import { startServer } from './servers.mjs';

const now = () => performance.timeOrigin + performance.now();

/** Waits until `expected` deliveries arrived, or no progress for `stallMs`, or `capMs` elapsed. */
async function waitDeliveries(pool, expected, stallMs, capMs) {
  const start = Date.now();
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const p = await pool.progress();
    if (p.deliveries + p.dups >= expected && p.deliveries >= expected) return { complete: true };
    if (p.deliveries !== last) {
      last = p.deliveries;
      lastChange = Date.now();
    }
    if (Date.now() - lastChange > stallMs || Date.now() - start > capMs) return { complete: false };
    await sleep(expected > 200_000 ? 100 : 25);
  }
}

function summarize(rep) {
  return {
    deliveries: rep.deliveries,
    lost: rep.lost,
    dups: rep.dups,
    strays: rep.strays,
    noId: rep.noId,
    dropped: rep.dropped,
    p50: percentile(rep.hist, 50),
    p99: percentile(rep.hist, 99),
    max: percentile(rep.hist, 100),
  };
}

export async function runSession(kind, n, opts, contract, seqStart) {
  const log = (m) => console.log(`  [${kind} N=${n}] ${m}`);
  const server = await startServer(kind, opts);
  const pool = new GeneratorPool(n, opts.perProcess);
  const publisher = createPublisher(server.pubPort, server.token, opts.burstConcurrency);
  let seq = seqStart;
  const result = { kind, n };
  try {
    await sleep(1000);
    const rss0 = rssKb(server.pid);

    // connect
    const conn = await pool.connect('127.0.0.1', server.subPort, `/sse/${contract.channel}`, opts.connectTimeoutMs);
    result.connectS = conn.seconds;
    result.connectFailed = conn.failed;
    log(`connected ${n - conn.failed}/${n} in ${conn.seconds.toFixed(2)} s (errors ${conn.connectErrors}, non-200 ${conn.badStatus})`);
    if (conn.failed > 0) result.error = `${conn.failed} of ${n} subscribers failed to connect`;

    // idle: settle, then RSS and idle CPU over the settle window
    const idleCpu0 = cpuSeconds(server.pid);
    const idleT0 = performance.now();
    await sleep(opts.settleMs);
    result.idleCpuPct = ((cpuSeconds(server.pid) - idleCpu0) / ((performance.now() - idleT0) / 1000)) * 100;
    const rss1 = rssKb(server.pid);
    result.rssKb = rss1;
    result.rssPerSubKb = (rss1 - rss0) / n;
    log(`idle RSS ${rss0} -> ${rss1} kB (${result.rssPerSubKb.toFixed(2)} KB/sub), idle CPU ${result.idleCpuPct.toFixed(1)}%`);

    // light load: single events at opts.lightRate per second
    const lightCount = Math.round(opts.lightSeconds * opts.lightRate);
    await pool.startPhase('light', seq, lightCount);
    const lightCpu0 = cpuSeconds(server.pid);
    const lightBusy0 = machineBusySeconds();
    const lightSelf0 = process.cpuUsage();
    const lightT0 = performance.now();
    const tLight = Date.now();
    for (let i = 0; i < lightCount; i++) {
      const due = tLight + (i * 1000) / opts.lightRate;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      await publisher.post(contract.benchEnvelope(seq + i));
    }
    await waitDeliveries(pool, lightCount * n, opts.stallMs, 60_000);
    const lightOther = machineBusySeconds() - lightBusy0 - (cpuSeconds(server.pid) - lightCpu0);
    const lightSelf = process.cpuUsage(lightSelf0);
    const lightRep = await pool.report(lightCount);
    const light = summarize(lightRep);
    light.otherCpuPct = ((lightOther - lightRep.cpuMs / 1000 - (lightSelf.user + lightSelf.system) / 1e6) / ((performance.now() - lightT0) / 1000)) * 100;
    seq += lightCount;
    result.light = light;
    log(`light: ${light.deliveries}/${lightCount * n} p50 ${light.p50} ms p99 ${light.p99} ms lost ${light.lost} dup ${light.dups}, other CPU ${light.otherCpuPct.toFixed(0)}%`);

    // bursts: events posted back to back, `batch` per POST body (1 = single envelopes), with
    // `burstConcurrency` POSTs in flight; total deliveries bounded
    const batch = opts.batch;
    const burstEvents = Math.max(opts.minBurstEvents, Math.ceil(opts.burstDeliveries / n / batch) * batch);
    await pool.startPhase('burst', seq, burstEvents);
    await sleep(200);
    const genCpu0 = (await pool.report(0)).cpuMs; // cumulative since phase start, ~0
    const cpu0 = cpuSeconds(server.pid);
    const busy0 = machineBusySeconds();
    const self0 = process.cpuUsage();
    const t0 = now();
    let next = 0;
    const postLoop = async () => {
      while (next < burstEvents) {
        const i = next;
        next = Math.min(i + batch, burstEvents);
        const envs = [];
        for (let j = i; j < next; j++) envs.push(contract.benchEnvelope(seq + j));
        await publisher.post(batch === 1 ? envs[0] : envs);
      }
    };
    await Promise.all(Array.from({ length: opts.burstConcurrency }, postLoop));
    const tPosted = now();
    const done = await waitDeliveries(pool, burstEvents * n, opts.stallMs, opts.burstCapMs);
    const cpu1 = cpuSeconds(server.pid);
    const busy1 = machineBusySeconds();
    const self = process.cpuUsage(self0);
    const tEnd = now();
    const rep = await pool.report(burstEvents);
    seq += burstEvents;
    const burst = summarize(rep);
    const wall = (rep.lastRecv - t0) / 1000;
    const serverCpu = cpu1 - cpu0;
    burst.events = burstEvents;
    burst.complete = done.complete;
    burst.postSeconds = (tPosted - t0) / 1000;
    burst.seconds = wall;
    burst.deliveriesPerS = rep.deliveries / wall;
    burst.cpuUsPerDelivery = (serverCpu * 1e6) / rep.deliveries;
    burst.serverCpuPct = (serverCpu / wall) * 100;
    burst.genCpuPct = ((rep.cpuMs - genCpu0) / 1000 / wall) * 100;
    const selfS = (self.user + self.system) / 1e6;
    // CPU used by anything else on the machine during the burst (other processes, unattributed kernel work)
    burst.otherCpuPct = ((busy1 - busy0 - serverCpu - (rep.cpuMs - genCpu0) / 1000 - selfS) / ((tEnd - t0) / 1000)) * 100;
    burst.benchCpuPct = (selfS / wall) * 100;
    burst.generatorBound = burst.genCpuPct >= opts.genBoundPct && burst.serverCpuPct < opts.genBoundPct;
    result.burst = burst;
    log(
      `burst: ${burstEvents} events, ${rep.deliveries}/${burstEvents * n} in ${wall.toFixed(2)} s = ${Math.round(burst.deliveriesPerS)}/s, ` +
        `${burst.cpuUsPerDelivery.toFixed(2)} µs/delivery, server ${burst.serverCpuPct.toFixed(0)}% gen ${burst.genCpuPct.toFixed(0)}% orchestrator ${burst.benchCpuPct.toFixed(0)}% other ${burst.otherCpuPct.toFixed(0)}%, ` +
        `p50 ${burst.p50} p99 ${burst.p99} ms, lost ${burst.lost} dup ${burst.dups}`,
    );
    result.rssAfterKb = rssKb(server.pid);
    result.otherCpuPct = Math.max(light.otherCpuPct, burst.otherCpuPct);
  } catch (err) {
    result.error = (result.error ? result.error + '; ' : '') + err.message;
    log(`ERROR ${err.message}`);
  } finally {
    result.nextSeq = seq;
    publisher.close();
    await pool.close();
    await stopChild(server.child);
  }
  return result;
}

/** Heartbeat cost: the hub with a short interval, N idle subscribers, CPU over a fixed window. */
export async function runHeartbeat(n, opts, contract, intervalMs) {
  const log = (m) => console.log(`  [hub heartbeat N=${n}] ${m}`);
  const server = await startServer('hub', { ...opts, hubEnv: { HUB_HEARTBEAT_MS: String(intervalMs) } });
  const pool = new GeneratorPool(n, opts.perProcess);
  const out = { n, intervalMs };
  try {
    const conn = await pool.connect('127.0.0.1', server.subPort, `/sse/${contract.channel}`, opts.connectTimeoutMs);
    out.connected = n - conn.failed;
    await sleep(opts.settleMs);
    await pool.startPhase('heartbeat', 0, 1);
    const c0 = cpuSeconds(server.pid);
    const t0 = performance.now();
    await sleep(opts.heartbeatWindowMs);
    const secs = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(server.pid) - c0;
    const rep = await pool.report(0);
    out.heartbeats = rep.heartbeats;
    out.windowS = secs;
    out.cpuPct = (cpu / secs) * 100;
    out.expectedHeartbeats = Math.floor((secs * 1000) / intervalMs) * out.connected;
    out.usPerHeartbeat = rep.heartbeats ? (cpu * 1e6) / rep.heartbeats : null;
    out.cpuPctAt30s = out.usPerHeartbeat !== null ? ((out.usPerHeartbeat * out.connected) / 30 / 1e6) * 100 : null;
    out.dropped = rep.dropped;
    log(
      `${rep.heartbeats} heartbeats (~${out.expectedHeartbeats} expected) in ${secs.toFixed(1)} s, CPU ${out.cpuPct.toFixed(2)}% at ${intervalMs} ms ` +
        `-> ${out.cpuPctAt30s?.toFixed(3)}% at 30 s`,
    );
  } catch (err) {
    out.error = err.message;
    log(`ERROR ${err.message}`);
  } finally {
    await pool.close();
    await stopChild(server.child);
  }
  return out;
}

/** CPU % (100 = one core) used by the whole machine over `ms`, from /proc/stat. */
export async function machineBusyPct(ms) {
  const b0 = machineBusySeconds();
  const t0 = performance.now();
  await sleep(ms);
  return ((machineBusySeconds() - b0) / ((performance.now() - t0) / 1000)) * 100;
}
