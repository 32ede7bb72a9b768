#!/usr/bin/env node
// `npm run connect -- <integration>`: connects an account the way a user does (for Xero: the OAuth
// consent in a browser, PKCE, a loopback redirect) and stores its tokens sealed in the store.
// Configuration comes from the environment (and .env if present). Runs the built all-in-one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { buildApp } from './build-app.mjs';

const env = { ...process.env };
const main = buildApp('all-in-one', env);
const nodeArgs = existsSync('.env') ? ['--env-file=.env'] : [];
const run = spawnSync(process.execPath, [...nodeArgs, main, 'connect', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
