#!/usr/bin/env node
// `npm start`: builds and starts the SSE hub. Configuration comes from `.env` when it exists
// (see `.env.example`). Without one, it runs the documented local development setup: listening
// on 127.0.0.1 only, with subscriber/publisher auth off (the hub logs a loud warning).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env, NX_DAEMON: 'false' };
const build = spawnSync('npx', ['nx', 'build', 'sse-hub', '--output-style=static'], { stdio: ['ignore', 'ignore', 'inherit'], env });
if (build.status !== 0) process.exit(build.status ?? 1);

const nodeArgs = [];
if (existsSync('.env')) {
  nodeArgs.push('--env-file=.env');
} else if (!env.HUB_AUTH && !env.HUB_PUBLISHER_TOKEN) {
  console.log('No .env found: local development mode (auth off, 127.0.0.1 only). Copy .env.example to .env to turn auth on.');
  Object.assign(env, { HUB_AUTH: 'off', HUB_HOST: '127.0.0.1' });
}
const hub = spawn(process.execPath, [...nodeArgs, 'dist/apps/sse-hub/main.js'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => hub.kill(signal));
hub.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
