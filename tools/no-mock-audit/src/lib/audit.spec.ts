import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { runAudit } from './audit';
import { formatReport } from './report';

const repoRoot = join(__dirname, '../../../..');
const realFile = 'libs/sse-events/src/lib/money/money.ts';
const realAllowlist = join(repoRoot, 'tools/no-mock-audit/allowlist.json');

/** A scratch workspace holding a copy of one real project file (and its project.json). */
function scratchWithRealFile(edit: (source: string) => string): string {
  const root = mkdtempSync(join(tmpdir(), 'no-mock-audit-'));
  const target = join(root, realFile);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(repoRoot, 'libs/sse-events/project.json'), join(root, 'libs/sse-events/project.json'));
  writeFileSync(target, edit(readFileSync(join(repoRoot, realFile), 'utf8')));
  return root;
}

describe('no-mock audit', () => {
  let root: string;
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));

  it('passes the clean tree of this repository', () => {
    const result = runAudit(repoRoot, realAllowlist);
    expect(result.violations).toEqual([]);
    expect(result.projects.map((p) => p.project)).toContain('sse-events');
    expect(formatReport(result)).toContain('no-mock audit passed');
  });

  it('finds violations planted in a copy of a real project file, with file:line evidence', () => {
    root = scratchWithRealFile(
      (source) =>
        `import { faker } from '@faker-js/faker';\n${source}\n` +
        `export const fallbackRevenue = { GBP: String(Math.random() * 1000) };\n` +
        `export const total = faker.finance.amount();\n`,
    );
    const result = runAudit(root, join(root, 'missing-allowlist.json'));
    const planted = readFileSync(join(root, realFile), 'utf8').split('\n');
    const lineOf = (text: string) => planted.findIndex((line) => line.includes(text)) + 1;
    expect(result.violations.map((v) => [v.file, v.line, v.rule, v.text])).toEqual([
      [realFile, 1, 'faker-import', '@faker-js/faker'],
      [realFile, 1, 'mock-identifier', 'faker'],
      [realFile, lineOf('fallbackRevenue'), 'mock-identifier', 'fallbackRevenue'],
      [realFile, lineOf('fallbackRevenue'), 'math-random', 'Math.random'],
      [realFile, lineOf('faker.finance'), 'mock-identifier', 'faker'],
    ]);
    expect(result.projects).toEqual([{ project: 'sse-events', files: 1, violations: 5, allowed: 0 }]);
    const report = formatReport(result);
    expect(report).toContain(`${realFile}:1:1  faker-import`);
    expect(report).toContain('no-mock audit FAILED: 5 violation(s)');
  });

  it('ignores words in comments and strings, and skips specs and fixtures', () => {
    root = scratchWithRealFile((source) => `// never show mock or sample data; no fallback numbers\n${source}\nconst label = 'fake';\n`);
    writeFileSync(join(root, 'libs/sse-events/src/lib/money/money.spec.ts'), 'const mockOrders = Math.random();\n');
    writeFileSync(join(root, 'libs/sse-events/src/lib/money/orders.fixture.ts'), 'export const sampleOrders = [];\n');
    expect(runAudit(root, join(root, 'none.json')).violations).toEqual([]);
  });

  it('accepts an allowlisted finding only with a written reason', () => {
    root = scratchWithRealFile((source) => `${source}\nexport const jitter = () => Math.random() * 100;\n`);
    const allowlist = join(root, 'allowlist.json');
    writeFileSync(allowlist, JSON.stringify([{ file: realFile, rule: 'math-random', reason: '' }]));
    expect(() => runAudit(root, allowlist)).toThrow('"reason" must explain in words');

    const reason = 'retry jitter is infrastructure timing, not business data';
    writeFileSync(allowlist, JSON.stringify([{ file: realFile, rule: 'math-random', text: 'Math.random', reason }]));
    const result = runAudit(root, allowlist);
    expect(result.violations).toEqual([]);
    expect(result.allowed).toEqual([expect.objectContaining({ file: realFile, rule: 'math-random', reason })]);
  });
});
