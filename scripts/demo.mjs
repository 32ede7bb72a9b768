#!/usr/bin/env node
// `npm run demo`: the whole product against emulated systems, in one command. Builds the
// all-in-one process and the dashboard page, starts `npm run sandbox` (every emulated system),
// points each integration at it from the sandbox's manifest line, starts the all-in-one process
// on a fresh data directory (so every integration syncs at start-up) and prints
// `Dashboard: http://127.0.0.1:<port>` (page, API and streams on that one origin). Ctrl-C or
// SIGTERM stops both processes and removes the data directory.
//
// Options: --port=N (default DEMO_PORT, else a free port), --without=xero[,amazon...] (leave
// integrations unconfigured), --reference-date=ISO (the sandbox's "now"), --no-build.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const INTEGRATIONS = ['shopify', 'amazon', 'xero', 'unleashed'];
/** Settings of the caller's shell that would point the demo elsewhere than the sandbox. */
const FOREIGN_SETTINGS = /^(SHOPIFY|AMAZON|XERO|UNLEASHED|HUB|REDIS|DATABASE|DATA|DASHBOARD)_|^NX_TASK/;

function parseArgs(argv) {
  const flags = Object.fromEntries(argv.filter((a) => a.startsWith('--')).map((a) => [a.slice(2).split('=')[0], a.split('=').slice(1).join('=')]));
  const without = (flags.without ?? '').split(',').filter(Boolean);
  const unknown = without.filter((name) => !INTEGRATIONS.includes(name));
  const port = Number(flags.port || process.env.DEMO_PORT || 0);
  if (unknown.length > 0 || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`usage: npm run demo -- [--port=N] [--without=${INTEGRATIONS.join(',')}] [--reference-date=ISO] [--no-build]`);
    process.exit(2);
  }
  return { without, port, referenceDate: flags['reference-date'] || new Date().toISOString(), build: !('no-build' in flags) };
}

/** The environment that points every integration not left out at the sandbox (as apps/all-in-one/test/support/sandbox-env.ts does). */
function integrationEnv(manifest, without) {
  const env = {};
  if (!without.includes('shopify')) {
    env.SHOPIFY_STORES = manifest.shopify.shops.map((_, i) => `S${i}`).join(',');
    manifest.shopify.shops.forEach((shop, i) => {
      env[`SHOPIFY_S${i}_DOMAIN`] = shop.domain;
      env[`SHOPIFY_S${i}_ENDPOINT`] = shop.url;
      env[`SHOPIFY_S${i}_ACCESS_TOKEN`] = shop.accessToken;
    });
  }
  if (!without.includes('amazon')) {
    const { amazon } = manifest;
    Object.assign(env, {
      AMAZON_ENDPOINT: amazon.endpoint,
      AMAZON_REGION: amazon.region,
      AMAZON_MARKETPLACES: amazon.marketplaces.map((m) => m.id).join(','),
      AMAZON_CLIENT_ID: amazon.clientId,
      AMAZON_CLIENT_SECRET: amazon.clientSecret,
      AMAZON_REFRESH_TOKEN: amazon.refreshToken,
    });
  }
  if (!without.includes('xero')) {
    const { xero } = manifest;
    Object.assign(env, { XERO_CLIENT_ID: xero.clientId, XERO_CLIENT_SECRET: xero.clientSecret, XERO_REFRESH_TOKEN: xero.refreshToken, XERO_ENDPOINT: xero.endpoint });
  }
  if (!without.includes('unleashed')) {
    const { unleashed } = manifest;
    Object.assign(env, {
      UNLEASHED_API_ID: unleashed.apiId,
      UNLEASHED_API_KEY: unleashed.apiKey,
      UNLEASHED_CLIENT_TYPE: 'ops/dashboard-sandbox',
      UNLEASHED_ENDPOINT: unleashed.endpoint,
    });
  }
  return env;
}

function build() {
  console.log('Building the all-in-one process and the dashboard page...');
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'all-in-one', 'dashboard', '--output-style=static'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
  });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    console.error('the build failed: run `npx nx run-many -t build -p all-in-one dashboard` to see why');
    process.exit(1);
  }
}

/** A child in its own process group, so stopping it also stops whatever it started (npm -> node). */
function startGroup(command, args, env, stdout = 'pipe') {
  return spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', stdout, stdout === 'pipe' ? 'pipe' : stdout] });
}

function groupAlive(child) {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the child's group; SIGKILL after `graceMs` if any of it is still there. */
async function stopGroup(child, graceMs) {
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // the group has just gone
    }
  };
  if (!child?.pid || !groupAlive(child)) return;
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(child) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (groupAlive(child)) signal('SIGKILL');
}

/** Resolves with the first line `match` accepts (its result); rejects if the child exits first. */
function waitForLine(child, name, match, onLine = () => undefined) {
  return new Promise((resolve, reject) => {
    let found = false;
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const result = found ? undefined : match(line);
      if (result !== undefined) {
        found = true;
        resolve(result);
      } else onLine(line);
    });
    child.once('exit', (code, signal) => {
      if (!found) reject(new Error(`${name} stopped before it was ready (${signal ?? `exit ${code}`})`));
    });
  });
}

function messageOf(line) {
  try {
    const entry = JSON.parse(line);
    return `${entry.level}: ${entry.msg ?? entry.message ?? line}`;
  } catch {
    return line;
  }
}

/** Prints each configured integration's first sync as it finishes (they start by themselves on a fresh data directory). */
async function reportFirstSyncs(url, without, isStopping) {
  const waiting = new Set(INTEGRATIONS.filter((name) => !without.includes(name)));
  while (waiting.size > 0 && !isStopping()) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const integrations = await fetch(`${url}/api/integrations`)
      .then((response) => (response.ok ? response.json() : []))
      .catch(() => []);
    for (const { integration, lastRun } of integrations) {
      if (!waiting.has(integration) || !lastRun?.finishedAt) continue;
      waiting.delete(integration);
      console.log(`  first sync: ${integration} ${lastRun.status}`);
    }
  }
}

const children = [];
let dataDir;
let stopping = false;

/** Stops the product, then the sandbox; removes the data directory unless something failed (its log is there). */
async function stop(code, message) {
  if (stopping) return;
  stopping = true;
  if (message) console.log(message);
  for (const child of [...children].reverse()) await stopGroup(child, 20_000);
  if (code === 0 && dataDir) rmSync(dataDir, { recursive: true, force: true });
  console.log(code === 0 ? 'Demo stopped: the sandbox and the all-in-one process have exited.' : `Demo stopped; data and log kept in ${dataDir}`);
  process.exit(code);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.build) build();

  dataDir = mkdtempSync(join(tmpdir(), 'ops-demo-'));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0, `\n${signal}: stopping the demo...`));

  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !FOREIGN_SETTINGS.test(name)));
  const sandbox = startGroup('npm', ['run', '--silent', 'sandbox', '--', '--port=0', `--reference-date=${options.referenceDate}`], cleanEnv);
  children.push(sandbox);
  sandbox.stderr.pipe(process.stderr);
  const manifest = await waitForLine(
    sandbox,
    'the sandbox',
    (line) => (line.startsWith('{') ? JSON.parse(line) : undefined),
    (line) => console.log(`  sandbox | ${line}`),
  );

  const logFile = join(dataDir, 'all-in-one.log');
  const product = startGroup(process.execPath, [join(ROOT, 'dist/apps/all-in-one/main.js')], {
    ...cleanEnv,
    HUB_HOST: '127.0.0.1',
    HUB_PORT: String(options.port),
    HUB_AUTH: 'off',
    DATA_DIR: join(dataDir, 'pglite'),
    ...integrationEnv(manifest, options.without),
  });
  children.push(product);
  // The product's JSON log lines go to the log file; its warnings and errors show here too.
  const log = createWriteStream(logFile);
  product.stdout.pipe(log);
  product.stderr.pipe(log);
  product.stderr.pipe(process.stderr);
  const url = await waitForLine(
    product,
    'the all-in-one process',
    (line) => /"message":"all-in-one listening".*"url":"(http:[^"]+)"/.exec(line)?.[1],
    (line) => {
      if (/"level":"(warn|error|fatal)"/.test(line)) console.log(`  all-in-one | ${messageOf(line)}`);
    },
  );
  product.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`the all-in-one process stopped (${signal ?? `exit ${code}`}); its log: ${logFile}`);
    void stop(1);
  });
  sandbox.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`the sandbox stopped (${signal ?? `exit ${code}`})`);
    void stop(1);
  });

  const left = options.without.length > 0 ? ` (not configured: ${options.without.join(', ')})` : '';
  console.log(`\nEvery integration points at the sandbox${left}; first syncs are running. Product log: ${logFile}`);
  console.log(`Dashboard: ${url}`);
  console.log('Ctrl-C stops everything.');
  await reportFirstSyncs(url, options.without, () => stopping);
}

main().catch((error) => void stop(1, `demo failed: ${error.message}`));
