#!/usr/bin/env node
// `npm run sync -- <integration> [--full]`: builds the integration's worker and runs one sync now,
// printing progress. Configuration comes from the environment (and .env if present).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const WORKERS = { shopify: 'shopify-sync' };
const [name, ...flags] = process.argv.slice(2);
const app = WORKERS[name];
if (!app) {
  console.error(`usage: npm run sync -- <${Object.keys(WORKERS).join('|')}> [--full]`);
  process.exit(2);
}
const env = { ...process.env, NX_DAEMON: 'false' };
const build = spawnSync('npx', ['nx', 'build', app, '--output-style=static'], { stdio: ['ignore', 'ignore', 'inherit'], env });
if (build.status !== 0) process.exit(build.status ?? 1);
const nodeArgs = existsSync('.env') ? ['--env-file=.env'] : [];
const run = spawnSync(process.execPath, [...nodeArgs, `dist/apps/${app}/main.js`, '--once', ...flags], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
