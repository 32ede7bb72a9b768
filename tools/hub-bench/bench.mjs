#!/usr/bin/env node
// SSE hub benchmark: hub vs a raw-Node SSE baseline vs a socket-write floor. See README.md.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadContract } from './lib/contract.mjs';
import { hardFdLimit, hasCommand, killAllChildren, machineInfo } from './lib/proc.mjs';
import { renderMarkdown, upsertSection } from './lib/report.mjs';
import { SERVER_KINDS } from './lib/servers.mjs';
import { machineBusyPct, runHeartbeat, runSession } from './lib/session.mjs';
import { runRedisBench, upsertRedisSection } from './redis-bench.mjs';

const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '?');
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const SERVER_CORE = 0;
const GEN_CORE = 1;
const FD_MARGIN = 500;
const HARD_TIMEOUT_MS = 40 * 60_000;
const DISTURBED_PCT = 25;
const QUIET_WAIT_MS = 45_000;
const RETRY_BUDGET_MS = 20 * 60_000;

/** Waits (bounded) until the machine is idle apart from this run: < DISTURBED_PCT % busy over 1 s. */
async function waitQuiet() {
  const deadline = Date.now() + QUIET_WAIT_MS;
  let busy = await machineBusyPct(1000);
  while (busy > DISTURBED_PCT && Date.now() < deadline) busy = await machineBusyPct(1000);
  return busy;
}

function parseArgs(argv) {
  const a = {};
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    a[m[1]] = m[2] ?? true;
  }
  const known = ['sizes', 'quick', 'servers', 'write', 'no-write', 'build', 'no-heartbeat', 'batch', 'burst-concurrency', 'burst-deliveries', 'light-seconds', 'per-process', 'note', 'retries', 'help', 'redis', 'subscribers', 'rate', 'seconds', 'burst-events'];
  for (const key of Object.keys(a)) if (!known.includes(key)) throw new Error(`unknown option --${key} (try --help)`);
  return a;
}

const HELP = `npm run bench:hub -- [options]
  --quick                 sizes 1000,5000, shorter phases (about 2 minutes)
  --sizes=1000,5000,max   subscriber counts; "max" = fd hard limit - ${FD_MARGIN} (default 1000,5000,10000,max)
  --servers=floor,baseline,hub   which servers to measure (default all three)
  --build                 rebuild the hub first (NX_DAEMON=false npx nx build sse-hub); it is built when missing anyway
  --no-heartbeat          skip the heartbeat measurement
  --batch=1 --burst-concurrency=4 --burst-deliveries=800000 --light-seconds=5 --per-process=5000
  --retries=2             re-measure a (server, N) up to this many times when other processes used
                          more than ${DISTURBED_PCT}% of a core during it; the least disturbed attempt is kept
  --note="text"           add a line to the notes of the written section
  --redis                 the Redis Streams benchmark instead: in-process hub vs 1 and 3 replicas over Redis
                          (--subscribers=3000 --rate=50 --seconds=20 --burst-events=500; --quick: 600, 8 s);
                          writes its own section of docs/benchmarks.md unless --quick or --no-write
  HUB_BENCH_MAIN=<file>   env: run this hub bundle instead of dist/apps/sse-hub/main.js (no build)
  --write / --no-write    update docs/benchmarks.md (default: only for the default sizes or with --write)`;

/** Re-executes this script pinned to the generator core with the fd soft limit at the hard limit. */
function reexecPinned() {
  const pin = hasCommand('taskset') ? `exec taskset -c ${GEN_CORE} ` : 'exec ';
  const args = [process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)].map((x) => `'${x.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('bash', ['-c', `ulimit -n $(ulimit -Hn); ${pin}${args}`], { stdio: 'inherit', env: { ...process.env, HUB_BENCH_PINNED: '1' } });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function ensureHub(force, notes) {
  const main = path.join(ROOT, 'dist/apps/sse-hub/main.js');
  if (fs.existsSync(main) && !force) return true;
  console.log('building the hub: NX_DAEMON=false npx nx build sse-hub');
  try {
    execFileSync('npx', ['nx', 'build', 'sse-hub'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' }, timeout: 10 * 60_000 });
  } catch (err) {
    notes.push(`The hub did not build (\`npx nx build sse-hub\`: ${err.message.split('\n')[0]}), so it was skipped.`);
    return false;
  }
  return fs.existsSync(main);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(HELP);
    return;
  }
  if (!process.env.HUB_BENCH_PINNED) {
    reexecPinned();
    return;
  }
  process.chdir(ROOT);
  if (args.redis) {
    if (!ensureHub(Boolean(args.build), [])) throw new Error('the hub did not build');
    const markdown = await runRedisBench(args, ROOT);
    if (!args['no-write'] && (!args.quick || args.write)) upsertRedisSection(path.join(ROOT, 'docs/benchmarks.md'), markdown);
    return;
  }
  const started = Date.now();
  const quick = Boolean(args.quick);
  const fdHard = hardFdLimit();
  const maxN = fdHard - FD_MARGIN;
  const sizeSpec = args.sizes || (quick ? '1000,5000' : '1000,5000,10000,max');
  const sizes = sizeSpec.split(',').map((s) => (s === 'max' ? maxN : Number(s)));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > maxN)) throw new Error(`sizes must be integers in 1..${maxN} (fd hard limit ${fdHard})`);
  const servers = (args.servers || SERVER_KINDS.join(',')).split(',');
  if (servers.some((s) => !SERVER_KINDS.includes(s))) throw new Error(`servers must be among ${SERVER_KINDS.join(', ')}`);
  const write = args['no-write'] ? false : Boolean(args.write) || (!args.sizes && !quick);
  const notes = [];
  if (typeof args.note === 'string') notes.push(args.note);
  if (!hasCommand('taskset')) notes.push('`taskset` was not found: nothing was pinned, ratios are less reliable.');

  const opts = {
    root: ROOT,
    core: SERVER_CORE,
    logDir: path.join(ROOT, 'dist/hub-bench'),
    perProcess: Number(args['per-process'] || 5000),
    connectTimeoutMs: 120_000,
    settleMs: quick ? 2000 : 3000,
    lightRate: 10,
    lightSeconds: Number(args['light-seconds'] || (quick ? 3 : 5)),
    batch: Number(args.batch || 1),
    burstConcurrency: Number(args['burst-concurrency'] || 4),
    burstDeliveries: Number(args['burst-deliveries'] || (quick ? 300_000 : 800_000)),
    minBurstEvents: quick ? 50 : 100,
    burstCapMs: 180_000,
    stallMs: 15_000,
    genBoundPct: 85,
    heartbeatIntervalMs: 1000,
    heartbeatWindowMs: quick ? 5000 : 10_000,
  };
  fs.mkdirSync(opts.logDir, { recursive: true });
  for (const kind of servers) fs.rmSync(path.join(opts.logDir, `${kind}.log`), { force: true });

  if (process.env.HUB_BENCH_MAIN) notes.push(`Hub started from HUB_BENCH_MAIN=${process.env.HUB_BENCH_MAIN}, not the workspace build.`);
  else if (servers.includes('hub') && !ensureHub(Boolean(args.build), notes)) servers.splice(servers.indexOf('hub'), 1);
  const contract = loadContract(ROOT);
  const machine = machineInfo();
  console.log(`hub-bench: sizes ${sizes.join(', ')}; servers ${servers.join(', ')}; server core ${SERVER_CORE}, generators core ${GEN_CORE}`);

  const hubMain = process.env.HUB_BENCH_MAIN || path.join(ROOT, 'dist/apps/sse-hub/main.js');
  const hubBuiltAt = servers.includes('hub') ? fs.statSync(hubMain).mtime.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : null;
  const results = { disturbedPct: DISTURBED_PCT, hubBuiltAt, machine, sizes, servers, quick, maxN, serverCore: SERVER_CORE, genCore: GEN_CORE, ...opts, sessions: [], notes };
  delete results.root;
  let seq = 1;
  const retries = Number(args.retries ?? 2);
  for (const n of sizes) {
    for (const kind of servers) {
      let best = null;
      for (let attempt = 0; attempt <= retries; attempt++) {
        const idleBusy = await waitQuiet();
        if (idleBusy > DISTURBED_PCT) console.log(`  (machine still ${idleBusy.toFixed(0)}% busy before ${kind} N=${n}; measuring anyway)`);
        const r = await runSession(kind, n, opts, contract, seq);
        seq = r.nextSeq;
        r.attempts = attempt + 1;
        if (!best || (r.otherCpuPct ?? Infinity) < (best.otherCpuPct ?? Infinity)) best = { ...r, attempts: attempt + 1 };
        best.attempts = attempt + 1;
        const disturbed = !(r.otherCpuPct <= DISTURBED_PCT);
        if (!disturbed || r.error || Date.now() - started > RETRY_BUDGET_MS) break;
        if (attempt < retries) console.log(`  [${kind} N=${n}] other processes used ${f0(r.otherCpuPct)}% of a core: measuring again`);
      }
      results.sessions.push(best);
      if (best.error) notes.push(`${kind} at N=${n}: ${best.error}`);
    }
  }
  if (servers.includes('hub') && !args['no-heartbeat']) {
    results.heartbeat = await runHeartbeat(Math.max(...sizes), opts, contract, opts.heartbeatIntervalMs);
  }
  const genBound = results.sessions.filter((s) => s.burst?.generatorBound);
  if (genBound.length) {
    notes.push(
      `Generator-bound burst rows (${genBound.map((s) => `${s.kind} ${s.n}`).join(', ')}): the load generators saturated their core, so deliveries/s and burst latency there are a floor on what the server can do; CPU per delivery is unaffected.`,
    );
  }
  results.durationS = (Date.now() - started) / 1000;

  const md = renderMarkdown(results);
  console.log('\n' + md);
  fs.writeFileSync(path.join(opts.logDir, 'last-run.json'), JSON.stringify(results, (key, v) => (key === 'hist' ? undefined : v), 2));
  console.log(`raw results: dist/hub-bench/last-run.json; server logs: dist/hub-bench/*.log`);
  if (write) {
    upsertSection(path.join(ROOT, 'docs/benchmarks.md'), md);
    console.log('updated docs/benchmarks.md');
  }
}

if (process.env.HUB_BENCH_PINNED) {
  // The measuring process: on a signal, an error or the wrapper's death, kill every child.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      killAllChildren();
      process.exit(130);
    });
  }
  process.on('exit', killAllChildren);
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      console.error('hub-bench: the wrapper process is gone, stopping');
      killAllChildren();
      process.exit(1);
    }
  }, 1000).unref();
  const hardStop = setTimeout(() => {
    console.error(`hub-bench: hard timeout after ${HARD_TIMEOUT_MS / 60_000} min`);
    killAllChildren();
    process.exit(2);
  }, HARD_TIMEOUT_MS);
  hardStop.unref();
}

main().then(
  () => {
    killAllChildren();
  },
  (err) => {
    console.error(`hub-bench failed: ${err.stack || err.message}`);
    killAllChildren();
    process.exit(1);
  },
);
