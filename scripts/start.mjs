#!/usr/bin/env node
// `npm start`: builds and starts the whole product in one process (apps/all-in-one): the SSE hub,
// every configured sync worker publishing to it in memory, the outbox relay and the embedded store
// under ./data. Configuration comes from `.env` when it exists (see `.env.example`). Without one,
// it runs the documented local development setup: 127.0.0.1 only, subscriber/publisher auth off
// (the hub logs a loud warning).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

import { buildApp } from './build-app.mjs';

const env = { ...process.env };
const main = buildApp('all-in-one', env);

const nodeArgs = [];
if (existsSync('.env')) {
  nodeArgs.push('--env-file=.env');
} else if (!env.HUB_AUTH && !env.HUB_PUBLISHER_TOKEN) {
  console.log('No .env found: local development mode (auth off, 127.0.0.1 only). Copy .env.example to .env to turn auth on.');
  Object.assign(env, { HUB_AUTH: 'off', HUB_HOST: env.HUB_HOST ?? '127.0.0.1' });
}
const app = spawn(process.execPath, [...nodeArgs, main], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
