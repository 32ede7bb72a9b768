import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createScratchWorkspace, type ScratchWorkspace } from './scratch-workspace';

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

describe('browser-safe code imports no Node built-in (type:contract and platform:universal projects)', () => {
  const rule = /no-restricted-(imports|globals)/;

  it.each([
    ['a node: specifier', "import { randomBytes } from 'node:crypto';\nexport const x = randomBytes;\n"],
    ['a node: subpath', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
    ['a bare built-in name', "import { createHash } from 'crypto';\nexport const x = createHash;\n"],
    ['a built-in with an npm namesake', "import { EventEmitter } from 'events';\nexport const x = EventEmitter;\n"],
    ['a re-export', "export { Buffer } from 'buffer';\n"],
    ['the Buffer global', "export const x = Buffer.from('id');\n"],
  ])('rejects %s in the contract lib', (_case, source) => {
    const result = lintAs('libs/sse-events/src/lib/bad.ts', source);
    expect(result.output).toMatch(rule);
    expect(result.status).toBe(1);
  });

  it('rejects a Node built-in in a platform:universal lib', () => {
    const result = lintAs('libs/resilience/src/lib/bad.ts', "import { randomInt } from 'node:crypto';\nexport const x = randomInt;\n");
    expect(result.output).toContain("'node:crypto' import is restricted");
    expect(result.status).toBe(1);
  });

  it('lets specs of the contract and other libs use Node', () => {
    const source = "import { randomBytes } from 'node:crypto';\nexport const x = randomBytes;\n";
    expect(lintAs('libs/sse-events/src/lib/ok.spec.ts', source)).toEqual({ status: 0, output: '' });
    expect(lintAs('libs/hub/src/lib/ok.ts', source)).toEqual({ status: 0, output: '' });
  });
});

describe('integration libs may not import each other (a scratch copy of the workspace with a second integration)', () => {
  const shopify = JSON.parse(readFileSync(join(root, 'libs/integrations/shopify/project.json'), 'utf8')) as { tags: string[] };
  let scratch: ScratchWorkspace;

  beforeAll(() => {
    scratch = createScratchWorkspace([
      // Tagged exactly as the Shopify lib is: another integration.
      { root: 'libs/integrations/probe', alias: '@ops/integrations/probe', tags: shopify.tags },
      // The same lib without `kind:integration`: what Shopify may import, scope and type alike.
      { root: 'libs/integrations/probe-untagged', alias: '@ops/integrations/probe-untagged', tags: shopify.tags.filter((tag) => tag !== 'kind:integration') },
    ]);
  }, 60_000);

  afterAll(() => {
    scratch?.remove();
    if (scratch) expect(existsSync(scratch.root)).toBe(false);
  });

  it('builds a project graph holding both integrations', () => {
    expect(scratch.projects).toEqual(expect.arrayContaining(['integrations-shopify', 'integrations-probe', 'integrations-probe-untagged']));
  });

  it('rejects Shopify importing another integration', () => {
    const result = scratch.lintAs('libs/integrations/shopify/src/lib/bad.ts', "import { integrations_probe } from '@ops/integrations/probe';\nexport const x = integrations_probe;\n");
    expect(result.output).toContain('A project tagged with "kind:integration" can not depend on libs tagged with "kind:integration"');
    expect(result.output).toContain('- integrations-probe');
    expect(result.output).toContain('1 problem (1 error');
    expect(result.status).toBe(1);
  });

  it('rejects another integration importing Shopify', () => {
    const result = scratch.lintAs('libs/integrations/probe/src/lib/bad.ts', "import { shopifyWorker } from '@ops/integrations/shopify';\nexport const x = shopifyWorker;\n");
    expect(result.output).toContain('A project tagged with "kind:integration" can not depend on libs tagged with "kind:integration"');
    expect(result.status).toBe(1);
  });

  it('accepts the same import when the target is not tagged as an integration', () => {
    const result = scratch.lintAs(
      'libs/integrations/shopify/src/lib/ok.ts',
      "import { integrations_probe_untagged } from '@ops/integrations/probe-untagged';\nexport const x = integrations_probe_untagged;\n",
    );
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});
