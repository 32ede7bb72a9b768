#!/usr/bin/env node
// `npm run sync -- <integration> [--full]`: one sync now, printing progress; `--help` lists the
// integrations (from the registry in libs/worker-registry). Configuration comes from the
// environment (and .env if present); events go to HUB_URL when set, else wait in the outbox.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { buildApp } from './build-app.mjs';

const env = { ...process.env };
const main = buildApp('all-in-one', env);
const nodeArgs = existsSync('.env') ? ['--env-file=.env'] : [];
const run = spawnSync(process.execPath, [...nodeArgs, main, 'sync', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
