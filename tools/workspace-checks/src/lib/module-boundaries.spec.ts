import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
const eslint = join(root, 'node_modules/.bin/eslint');

/** Lints `source` as if it were the file at `filePath`, with the workspace's real ESLint config. */
function lintAs(filePath: string, source: string): { status: number | null; output: string } {
  const run = spawnSync(eslint, ['--stdin', '--stdin-filename', filePath, '--format', 'stylish', '--no-color'], {
    cwd: root,
    input: source,
    encoding: 'utf8',
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('module boundaries (the real eslint.config.mjs)', () => {
  it('rejects NestJS in the contract lib', () => {
    const result = lintAs('libs/sse-events/src/lib/bad.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/@nx\/enforce-module-boundaries/);
    expect(result.output).toMatch(/@nestjs\/common/);
  });

  it('rejects axios in the contract lib', () => {
    const result = lintAs('libs/sse-events/src/lib/bad.ts', "import axios from 'axios';\nexport const x = axios;\n");
    expect(result.status).toBe(1);
    expect(result.output).toContain('A project tagged with "type:contract" is not allowed to import "axios"');
  });

  it('rejects importing an app from another project', () => {
    const result = lintAs('libs/hub/src/lib/bad.ts', "import { x } from '../../../../apps/sse-hub/src/main';\nexport const y = x;\n");
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('rejects the hub depending on tooling (scope axis)', () => {
    const result = lintAs('libs/hub/src/lib/bad.ts', "import { runAudit } from '@ops/no-mock-audit';\nexport const y = runAudit;\n");
    expect(result.status).toBe(1);
    expect(result.output).toContain('A project tagged with "scope:hub" can only depend on libs tagged with "scope:hub", "scope:shared"');
  });

  it('accepts a legal import (feature lib -> contract)', () => {
    const result = lintAs('libs/hub/src/lib/ok.ts', "import { EVENT_TYPES } from '@ops/sse-events';\nexport const n = EVENT_TYPES.length;\n");
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});
